"""A :class:`ParseResult` → the rows of ``documents.jsonl`` and ``measures.jsonl``.

Rows are built here without their source columns (``source_sha256``,
``source_path``): the same content under another path is parsed once and the
writer puts the path in front when it assembles the output.  Whatever fields
the models carry are passed through as ``model_dump(mode="json")`` gives them.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import ParseResult


def dumps(obj: Any) -> str:
    """The one JSON encoding of every output line (compact, UTF-8, key order kept)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def prefix_source(line: str, sha256: str | None, path: str) -> str:
    """Put the source columns in front of a row serialised without them."""
    try:
        jpath = json.dumps(path, ensure_ascii=False)
        jpath.encode("utf-8")
    except UnicodeEncodeError:  # an undecodable file name (surrogate escapes)
        jpath = json.dumps(path)
    head = '{"source_sha256":' + json.dumps(sha256) + ',"source_path":' + jpath
    return head + ("}" if line == "{}" else "," + line[1:])


def flatten(result: ParseResult) -> dict[str, Any]:
    """Rows and counts of one parsed input."""
    documents: list[str] = []
    measures: list[str] = []
    counts = {"documents": 0, "measures": 0, "units": 0, "deadlines": 0, "quantities": 0}
    src = result.source
    for i, doc in enumerate(result.documents, 1):
        d = doc.model_dump(mode="json")
        ms = d.pop("measures")
        row = {"source_format": src.format, "source_encoding": src.encoding, "document": i}
        row.update(d)
        row["measure_ids"] = [m["id"] for m in ms]
        documents.append(dumps(row))
        for m in ms:
            mrow = {"document": i, "document_title": doc.title}
            mrow.update(m)
            measures.append(dumps(mrow))
            counts["units"] += len(m.get("units") or ())
            counts["deadlines"] += len(m.get("deadlines") or ())
            counts["quantities"] += len(m.get("quantities") or ())
        counts["documents"] += 1
        counts["measures"] += len(ms)
    return {"format": src.format, "encoding": src.encoding, "counts": counts,
            "documents": documents, "measures": measures, "source_text": result.source_text}

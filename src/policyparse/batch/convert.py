"""Convert one input: run the pipeline, catch whatever goes wrong, build its shard.

This is the function every engine runs on its workers (local processes or Dask);
it never raises for a bad input: the error class and a one-line message go into
the shard, which commits the input as failed.
"""

from __future__ import annotations

import time
from typing import Any

COUNT_KEYS = ("documents", "measures", "units", "deadlines", "quantities")


def one_line(e: BaseException) -> str:
    msg = " ".join(str(e).split())
    return (msg[:500] + "…") if len(msg) > 500 else (msg or type(e).__name__)


def error_shard(sha256: str, error_class: str, message: str, seconds: float | None = None,
                size: int | None = None) -> dict[str, Any]:
    return {"v": 1, "sha256": sha256, "status": "error", "error_class": error_class, "message": message,
            "format": None, "encoding": None, "bytes": size, "seconds": seconds,
            "counts": dict.fromkeys(COUNT_KEYS, 0), "documents": [], "measures": [], "source_text": None}


def convert_one(path: str, sha256: str, options: dict[str, Any]) -> dict[str, Any]:
    """Parse ``path`` (whose bytes hash to ``sha256``) into a shard (plain data)."""
    from ..errors import InputError
    from ..pipeline import parse_source
    from ..read import DEFAULT_MAX_BYTES, read_path
    from .records import flatten

    t0 = time.perf_counter()
    max_bytes = options.get("max_bytes")
    try:
        result = parse_source(read_path(path, max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes))
        if result.source.sha256 != sha256:
            raise _Changed()
        # an ok input's message: what the reader doubts (a page cut short), else none
        shard = {"v": 1, "sha256": sha256, "status": "ok", "error_class": None,
                 "message": "; ".join(result.source.warnings) or None}
        flat = flatten(result)
        shard.update(format=flat["format"], encoding=flat["encoding"], bytes=None, seconds=None,
                     counts=flat["counts"], documents=flat["documents"], measures=flat["measures"],
                     source_text=flat["source_text"])
    except InputError as e:
        shard = error_shard(sha256, "InputError", e.message)
    except _Changed:
        shard = error_shard(sha256, "FileChanged", "the file changed while the batch ran; run it again")
    except Exception as e:  # a bug in the parser: recorded, never fatal to the batch
        shard = error_shard(sha256, type(e).__name__, one_line(e))
    shard["seconds"] = round(time.perf_counter() - t0, 3)
    return shard


class _Changed(Exception):
    pass

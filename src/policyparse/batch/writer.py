"""Assemble the final output files of a batch from the committed shards.

The files are a pure function of the inputs (sorted by path) and the shards, so
any run over the same inputs, interrupted or not, local or on Dask, with any
number of jobs, writes the same bytes (``seconds`` in manifest.jsonl aside: it
is the measured parse time).  Every file is written under a temporary name and
renamed into place, data files first, then errors.jsonl, manifest.jsonl and
last summary.json, which lists the files of the run with their sha256: a
reader who finds summary.json matching the files has a consistent set.  The
shards are read one at a time: memory does not grow with the corpus.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import IO, Any

from . import atomic
from .convert import COUNT_KEYS
from .inputs import InputItem
from .options import BatchOptions
from .records import dumps, prefix_source
from .store import Store

DATA_FILES = ("measures.jsonl", "documents.jsonl", "sources.jsonl", "measures.parquet", "documents.parquet")


@dataclass
class Report:
    inputs: int = 0
    ok: int = 0  # inputs converted (duplicates included)
    failed: int = 0  # inputs that failed (duplicates of a failed input included)
    duplicates: int = 0  # inputs whose content another input already has
    parsed: int = 0  # distinct contents parsed by this run
    resumed: int = 0  # distinct contents committed by an earlier run
    documents: int = 0
    measures: int = 0
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


class _Out:
    """One output file being written under a temporary name, hashed as it goes."""

    def __init__(self, out_dir: str, name: str):
        self.name = name
        self.target = os.path.join(out_dir, name)
        self.tmp = atomic.tmp_name(self.target)
        self.f: IO[bytes] = open(self.tmp, "wb")
        self.sha = hashlib.sha256()
        self.rows = 0

    def line(self, text: str) -> None:
        data = text.encode("utf-8", "backslashreplace") + b"\n"
        self.f.write(data)
        self.sha.update(data)
        self.rows += 1

    def finish(self) -> None:
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.close()

    def discard(self) -> None:
        self.f.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)


def _manifest_row(item: InputItem, status: str, shard: dict[str, Any] | None, duplicate_of: str | None,
                  error: tuple[str | None, str | None]) -> dict[str, Any]:
    counts = (shard or {}).get("counts") or {}
    row: dict[str, Any] = {
        "path": item.path, "sha256": item.sha256, "status": status, "duplicate_of": duplicate_of,
        "error_class": error[0], "message": error[1],
        "format": (shard or {}).get("format"), "encoding": (shard or {}).get("encoding"), "bytes": item.size,
    }
    for k in COUNT_KEYS:
        row[k] = counts.get(k) if status == "ok" else None
    row["seconds"] = (shard or {}).get("seconds") if status != "duplicate" else None
    return row


def assemble(index: list[InputItem], store: Store, opts: BatchOptions, report: Report) -> Report:
    out_dir = opts.out_dir
    names = []
    if "jsonl" in opts.formats:
        names += ["measures.jsonl", "documents.jsonl"]
    if opts.with_text:
        names.append("sources.jsonl")
    outs: dict[str, _Out] = {}
    tables: dict[str, Any] = {}
    committed: list[str] = []
    try:
        for n in names + ["errors.jsonl", "manifest.jsonl"]:
            outs[n] = _Out(out_dir, n)
        if "parquet" in opts.formats:
            from .parquet import TableWriter, documents_schema, measures_schema

            for n, schema in (("measures.parquet", measures_schema()), ("documents.parquet", documents_schema())):
                tmp = atomic.tmp_name(os.path.join(out_dir, n))
                tables[n] = (TableWriter(tmp, schema), tmp)
        canonical: dict[str, tuple[str, str, tuple[str | None, str | None], dict[str, Any]]] = {}
        for item in index:
            report.inputs += 1
            if item.sha256 is None:  # could not even be read
                err = (item.error_class, item.message)
                _error(outs, item, err)
                outs["manifest.jsonl"].line(dumps(_manifest_row(item, "error", None, None, err)))
                report.failed += 1
                continue
            if item.sha256 in canonical:
                first, status, err, meta = canonical[item.sha256]
                report.duplicates += 1
                if status == "error":
                    _error(outs, item, err)
                    report.failed += 1
                else:
                    report.ok += 1
                outs["manifest.jsonl"].line(dumps(_manifest_row(item, "duplicate", meta, first, err)))
                continue
            try:
                shard = store.read(item.sha256)
            except (OSError, ValueError, EOFError) as e:
                shard = {"status": "error", "error_class": "NotConverted",
                         "message": f"no committed result ({type(e).__name__}); run the batch again"}
            status = shard.get("status", "error")
            err = (shard.get("error_class"), shard.get("message"))
            meta = {k: shard.get(k) for k in ("format", "encoding")}
            canonical[item.sha256] = (item.path, status, err, meta)
            outs["manifest.jsonl"].line(dumps(_manifest_row(item, status, shard, None, err)))
            if status != "ok":
                _error(outs, item, err)
                report.failed += 1
                continue
            report.ok += 1
            report.documents += shard["counts"]["documents"]
            report.measures += shard["counts"]["measures"]
            _rows(outs, tables, item, shard)
            del shard
        for o in outs.values():
            o.finish()
        for n, (tw, tmp) in tables.items():
            tw.close()
            _fsync_file(tmp)
        # commit: data first, then errors, manifest, summary
        for n in [*names, *tables]:
            src = outs[n].tmp if n in outs else tables[n][1]
            os.replace(src, os.path.join(out_dir, n))
            committed.append(n)
        for n in ("errors.jsonl", "manifest.jsonl"):
            os.replace(outs[n].tmp, os.path.join(out_dir, n))
            committed.append(n)
    except BaseException:
        for n, o in outs.items():
            if n not in committed:
                o.discard()
        for n, (tw, tmp) in tables.items():
            if n not in committed:
                with contextlib.suppress(Exception):
                    tw.writer.close()
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        raise
    for n in committed:
        if n in outs:
            report.files[n] = {"rows": outs[n].rows, "sha256": outs[n].sha.hexdigest()}
        else:
            report.files[n] = {"rows": tables[n][0].count, "sha256": _sha_file(os.path.join(out_dir, n))}
    for stale in DATA_FILES:  # a data file an earlier run wrote with other --format / --with-text
        if stale not in committed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(os.path.join(out_dir, stale))
    _summary(out_dir, report)
    atomic.fsync_dir(out_dir)
    return report


def _error(outs: dict[str, _Out], item: InputItem, err: tuple[str | None, str | None]) -> None:
    outs["errors.jsonl"].line(dumps({"path": item.path, "sha256": item.sha256, "error_class": err[0],
                                     "message": err[1]}))


def _rows(outs: dict[str, _Out], tables: dict[str, Any], item: InputItem, shard: dict[str, Any]) -> None:
    sha, path = item.sha256, item.path
    for kind in ("measures", "documents"):
        name = f"{kind}.jsonl"
        table = tables.get(f"{kind}.parquet")
        for row in shard[kind]:
            line = prefix_source(row, sha, path)
            if name in outs:
                outs[name].line(line)
            if table is not None:
                table[0].add(json.loads(line))
    if "sources.jsonl" in outs:
        outs["sources.jsonl"].line(dumps({"source_sha256": sha, "source_path": path, "format": shard.get("format"),
                                          "encoding": shard.get("encoding"), "source_text": shard.get("source_text")}))


def _fsync_file(path: str) -> None:
    with open(path, "rb") as f:
        os.fsync(f.fileno())


def _sha_file(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _summary(out_dir: str, report: Report) -> None:
    from ..models import SCHEMA_VERSION

    data = {
        "schema_version": SCHEMA_VERSION,
        "inputs": report.inputs, "ok": report.ok, "failed": report.failed, "duplicates": report.duplicates,
        "documents": report.documents, "measures": report.measures,
        "files": report.files,
    }
    atomic.write_bytes(os.path.join(out_dir, "summary.json"),
                       (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"), sync_dir=True)

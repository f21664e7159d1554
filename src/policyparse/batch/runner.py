"""One batch run, start to end: lock OUT_DIR, find and hash the inputs, skip what
is committed, convert the rest with the chosen engine, assemble the outputs."""

from __future__ import annotations

import os
import sys
import time
from typing import IO, Any

from .inputs import InputItem, UsageError, discover, hash_input
from .options import BatchOptions
from .progress import Progress
from .store import Store
from .writer import Report, assemble


def _needs(module: str, what: str, wanted: bool) -> None:
    """Stop before any work when an option needs the ``batch`` extra and it is missing."""
    import importlib.util

    if wanted and importlib.util.find_spec(module) is None:
        raise UsageError(f"{what} needs {module}: pip install 'policyparse[batch]'")


def run_batch(opts: BatchOptions, stream: IO[str] | None = None) -> Report:
    """Run a batch; returns its :class:`Report` (``report.exit_code``: 0 or 1).

    Raises :class:`UsageError` for a mistake in the request (exit status 2)."""
    from .progress import SafeStream

    stream = SafeStream(stream or sys.stderr)
    if opts.engine not in ("local", "dask"):
        raise UsageError(f"unknown engine {opts.engine!r} (local or dask)")
    if opts.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if not opts.formats or set(opts.formats) - {"jsonl", "parquet"}:
        raise UsageError("--format: jsonl, parquet or both")
    if os.path.exists(opts.out_dir) and not os.path.isdir(opts.out_dir):
        raise UsageError(f"output directory {opts.out_dir} is a file")
    _needs("pyarrow", "--format parquet", "parquet" in opts.formats)
    _needs("distributed", "--engine dask", opts.engine == "dask")
    paths = discover(opts.inputs, opts.list_files, skip_dirs=[opts.out_dir])
    if not paths:
        raise UsageError("no input files found")

    store = Store(opts.out_dir)
    store.open()
    try:
        if not opts.resume:
            store.reset()
        report = Report()
        index: list[InputItem] = []
        tasks: list[InputItem] = []
        seen: set[str] = set()
        from ..read import DEFAULT_MAX_BYTES

        max_bytes = DEFAULT_MAX_BYTES if opts.max_bytes is None else opts.max_bytes
        for p in paths:
            item = hash_input(p, max_bytes)
            index.append(item)
            if item.sha256 is None or item.sha256 in seen:
                continue
            seen.add(item.sha256)
            if store.has(item.sha256) and not (opts.retry_errors and store.status(item.sha256) != "ok"):
                report.resumed += 1
                continue
            tasks.append(item)
        del seen
        progress = Progress(len(tasks), opts.progress, stream)
        if opts.progress != "none":
            bad = sum(1 for i in index if i.sha256 is None)
            dups = len(index) - len(tasks) - report.resumed - bad
            progress.say(f"policyparse batch: {len(index)} inputs: {len(tasks)} to convert, "
                         f"{report.resumed} already done, {dups} duplicate, {bad} unreadable; "
                         f"engine {opts.engine}, {opts.jobs if opts.engine == 'local' or not opts.scheduler else 'cluster'} jobs")
        for item in index:  # unreadable inputs are reported as they are met
            if item.sha256 is None:
                progress.say(f"{item.path}: {item.error_class}: {item.message}")

        def on_done(item: InputItem, summary: dict[str, Any]) -> None:
            report.parsed += 1
            progress.update(item, summary)

        t0 = time.monotonic()
        try:
            if opts.engine == "dask":
                from .engine_dask import run
            else:
                from .engine_local import run
            run(tasks, store, opts, on_done)
        finally:
            progress.close()
        if opts.progress != "none" and tasks:
            progress.say(progress.line())
        assemble(index, store, opts, report)
        if opts.progress != "none":
            progress.say(f"policyparse batch: {report.inputs} inputs, {report.ok} converted, {report.failed} failed, "
                         f"{report.duplicates} duplicates; {report.parsed} parsed now, {report.resumed} resumed; "
                         f"{report.documents} documents, {report.measures} measures → {opts.out_dir} "
                         f"({time.monotonic() - t0:.1f} s)")
        return report
    finally:
        store.close()

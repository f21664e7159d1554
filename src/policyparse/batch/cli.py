"""The ``policyparse batch`` subcommand (its flags; the work is in runner.py)."""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_parser(sub) -> None:
    from ..cli import whole_number
    from ..read import DEFAULT_MAX_BYTES
    from .options import DEFAULT_TIMEOUT, default_jobs

    b = sub.add_parser(
        "batch", help="convert many notices (files, directories, @list files) into JSONL/Parquet tables",
        description="Convert a corpus: parallel, resumable, every failure recorded. "
                    "Exit status: 0 all converted, 1 some inputs failed (see OUT_DIR/errors.jsonl), 2 bad usage.",
    )
    b.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="a file, a directory (walked recursively) or @FILE: a list of paths, one per line")
    b.add_argument("-o", "--output", "--out-dir", dest="out_dir", required=True, metavar="OUT_DIR")
    b.add_argument("--list", dest="list_files", action="append", default=[], metavar="FILE",
                   help="read input paths from FILE, one per line ('-': stdin); may be repeated")
    b.add_argument("-j", "--jobs", type=int, default=default_jobs(),
                   help="worker processes (default: the usable cores, here %(default)s)")
    b.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                   help="seconds one input may take before it is recorded as failed (default %(default)g; 0: none)")
    b.add_argument("--format", default="jsonl", metavar="FMT",
                   help="jsonl (default), parquet, or jsonl,parquet")
    b.add_argument("--with-text", action="store_true",
                   help="also write sources.jsonl with the decoded source_text of every input")
    b.add_argument("--resume", dest="resume", action="store_true", default=True,
                   help="skip inputs whose content is already committed in OUT_DIR (default)")
    b.add_argument("--no-resume", dest="resume", action="store_false", help="convert everything again")
    b.add_argument("--retry-errors", action="store_true", help="convert again the inputs that failed before")
    b.add_argument("--engine", choices=("local", "dask"), default="local")
    b.add_argument("--scheduler", metavar="ADDRESS",
                   help="dask scheduler address (tcp://host:8786); without it --engine dask starts a local cluster")
    b.add_argument("--max-bytes", type=whole_number(0), default=None,
                   help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES}; 0: no limit)")
    b.add_argument("--max-tasks-per-worker", type=whole_number(0), default=500,
                   help="replace a local worker process after this many inputs (default %(default)s; 0: never)")
    b.add_argument("--max-memory", type=whole_number(0), default=0, metavar="MB",
                   help="address-space limit of each local worker process in MB (0: none)")
    b.add_argument("--progress", choices=("auto", "bar", "log", "none"), default="auto",
                   help="a bar on a terminal, log lines otherwise (auto); none: print nothing")
    b.add_argument("-q", "--quiet", action="store_const", dest="progress", const="none",
                   help="print nothing (the files say everything)")
    b.add_argument("--converter", default=None, help=argparse.SUPPRESS)  # module:function, for tests
    b.set_defaults(func=cmd_batch)


def cmd_batch(args: argparse.Namespace) -> int:
    from .inputs import UsageError
    from .options import DEFAULT_CONVERTER, BatchOptions
    from .runner import run_batch

    formats = tuple(f.strip() for f in args.format.replace("+", ",").split(",") if f.strip())
    if "both" in formats:
        formats = ("jsonl", "parquet")
    if not args.inputs and not args.list_files:
        print("policyparse batch: error: no INPUT given (files, directories, @FILE or --list FILE)", file=sys.stderr)
        return EXIT_USAGE
    opts = BatchOptions(
        inputs=args.inputs, out_dir=args.out_dir, list_files=args.list_files, jobs=args.jobs,
        timeout=args.timeout, formats=formats, with_text=args.with_text, resume=args.resume,
        retry_errors=args.retry_errors, engine=args.engine, scheduler=args.scheduler, max_bytes=args.max_bytes,
        max_tasks_per_worker=args.max_tasks_per_worker, max_memory_mb=args.max_memory, progress=args.progress,
        converter=args.converter or DEFAULT_CONVERTER,
    )
    try:
        report = run_batch(opts)
    except UsageError as e:
        print(f"policyparse batch: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as e:
        print(f"policyparse batch: error: {e.filename or opts.out_dir}: {e.strerror or e}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as e:  # BatchFatal and the like: one line, never a traceback
        print(f"policyparse batch: error: {type(e).__name__}: {e}", file=sys.stderr)
        return EXIT_USAGE
    return report.exit_code

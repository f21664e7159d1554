"""The ``policyparse`` command.  Heavy libraries are imported inside the commands so
that ``policyparse --help`` stays instant."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2


def _fail(message: str) -> int:
    print(f"policyparse: error: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _write(text: str, out: str | None) -> None:
    if out:
        p = Path(out)
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_name(p.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(p)
    else:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")


def cmd_parse(args: argparse.Namespace) -> int:
    from .errors import InputError
    from .pipeline import parse

    try:
        result = parse(args.file, max_bytes=args.max_bytes, include_text=not args.omit_text)
    except InputError as e:
        return _fail(str(e))
    _write(result.model_dump_json(indent=args.indent), args.output)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .models import json_schema

    _write(json.dumps(json_schema(), ensure_ascii=False, indent=2), args.output)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from .summary import print_summary

    return print_summary(args.files)


def build_parser() -> argparse.ArgumentParser:
    from .read import DEFAULT_MAX_BYTES

    p = argparse.ArgumentParser(
        prog="policyparse",
        description="Turn Chinese government policy notices into structured, grounded JSON.",
    )
    p.add_argument("--version", action="version", version=f"policyparse {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sp = sub.add_parser("parse", help="parse one notice (text, PDF or HTML) to JSON")
    sp.add_argument("file")
    sp.add_argument("-o", "--output", help="write the JSON here instead of stdout")
    sp.add_argument("--indent", type=int, default=1, help="JSON indentation (default 1)")
    sp.add_argument("--omit-text", action="store_true",
                    help="leave source_text out (null); source.sha256 identifies it")
    sp.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                    help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES}; 0: no limit)")
    sp.set_defaults(func=cmd_parse)

    ss = sub.add_parser("schema", help="print the JSON Schema of parse's output")
    ss.add_argument("-o", "--output")
    ss.set_defaults(func=cmd_schema)

    su = sub.add_parser("summary", help="per-document counts of parsed JSON files")
    su.add_argument("files", nargs="+")
    su.set_defaults(func=cmd_summary)

    from .batch.cli import add_parser as add_batch_parser  # light: the work is imported when it runs

    add_batch_parser(sub)
    return p


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policyparse")
    except PackageNotFoundError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

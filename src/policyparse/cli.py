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


class OutputError(Exception):
    """The output file could not be written: one line, ``PATH: problem``."""


def _write(text: str, out: str | None) -> None:
    """Write ``text`` to ``out`` (stdout when None). A regular file is replaced whole (a
    temporary file renamed over it, so a failed write leaves the old one); a symbolic
    link's target is what gets replaced; a device or pipe (/dev/stdout) is written to."""
    if not out:
        sys.stdout.write(text)
        if not text.endswith("\n"):
            sys.stdout.write("\n")
        return
    import os
    import stat

    p = Path(os.path.realpath(out))
    tmp = p.with_name(p.name + ".tmp")
    try:
        mode = os.stat(out).st_mode if os.path.exists(out) else None
        if mode is not None and stat.S_ISDIR(mode):
            raise IsADirectoryError("is a directory")
        if mode is not None and not stat.S_ISREG(mode):
            with open(out, "w", encoding="utf-8") as f:
                f.write(text)
            return
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(p)
    except OSError as e:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise OutputError(f"{out}: cannot write: {e.strerror or e}") from None


def check_output(out: str | None) -> None:
    """Refuse, before any work, an output that cannot be a file: a directory, a name ending
    in ``/``, or a path under a file.  (What only writing can tell — a full disk, a
    read-only mount — is still reported by :func:`_write`.)"""
    if not out:
        return
    import os

    if os.path.isdir(out) or out.endswith(("/", os.sep)):
        raise OutputError(f"{out}: cannot write: is a directory")
    parent = os.path.dirname(os.path.abspath(out))
    while parent and not os.path.exists(parent):
        parent = os.path.dirname(parent)
    if parent and not os.path.isdir(parent):
        raise OutputError(f"{out}: cannot write: {parent} is not a directory")


def output_path(s: str) -> str | None:
    """``-o`` as given; ``-`` is standard output, as for most Unix tools."""
    return None if s == "-" else s


def cmd_parse(args: argparse.Namespace) -> int:
    check_output(args.output)
    from .errors import InputError
    from .pipeline import parse_source
    from .read import read_path

    try:  # (the reader, not parse(): its size error names the flag --max-bytes)
        result = parse_source(read_path(args.file, max_bytes=args.max_bytes), include_text=not args.omit_text)
    except InputError as e:
        return _fail(str(e))
    _write(result.model_dump_json(indent=args.indent or None), args.output)
    for w in result.source.warnings:
        print(f"policyparse: warning: {args.file}: {w}", file=sys.stderr)
    if not any(d.measures for d in result.documents):  # the JSON stands; say why it is empty
        print(f"policyparse: warning: {args.file}: no measures found (is it a plan? a page whose "
              "notice is an image, an attachment or behind a script gives none)", file=sys.stderr)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .models import json_schema

    _write(json.dumps(json_schema(), ensure_ascii=False, indent=2), args.output)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from .summary import print_summary

    return print_summary(args.files, _fail)


def _thresholds(args: argparse.Namespace):
    from .compare.align import Thresholds

    return Thresholds(same=args.same, same_titled=args.same_titled, related=args.related,
                      related_strong=args.related_strong, related_titled=args.related_titled,
                      top_k=args.top_k, background=args.background, passage=args.passage,
                      passage_floor=args.passage_floor)


def _warn(plans) -> None:
    from .compare.load import input_warnings

    for w in input_warnings(plans):
        print(f"policyparse: warning: {w}", file=sys.stderr)


def cmd_diff(args: argparse.Namespace) -> int:
    check_output(args.output)  # before the imports and the parsing
    from .compare.align import align
    from .compare.load import load_plans
    from .errors import InputError

    try:
        a, b = load_plans([args.a, args.b])  # one region twice: 忻府区 vs 忻府区#2
    except InputError as e:
        return _fail(str(e))
    _warn([a, b])
    al = align(a, b, _thresholds(args))
    if args.format == "json":
        from .compare.diffout import diff_data

        _write(json.dumps(diff_data(al), ensure_ascii=False, indent=1), args.output)
    elif args.format == "html":
        from .compare.render_html import diff_html

        _write(diff_html(al), args.output)
    else:
        from .compare.render_terminal import print_diff

        if args.output:  # the table as plain text, for a file
            import io

            buf = io.StringIO()
            print_diff(al, file=buf)
            _write(buf.getvalue(), args.output)
        else:
            print_diff(al)
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    check_output(args.output)  # before the imports and the parsing, not after them
    from .compare.load import load_plans
    from .compare.report import report_csv, report_data
    from .errors import InputError

    # a broken file is reported and left out; the report covers the rest (exit 1, as a
    # batch that completed with failures), unless nothing could be read (exit 2)
    errors: list[InputError] = []
    plans = load_plans(args.files, errors)
    for e in errors:
        _fail(str(e))
    if not plans:
        return EXIT_BAD_INPUT
    _warn(plans)
    if len(plans) == 1:
        print(f"policyparse: warning: only one plan to compare ({plans[0].label}): the report has no "
              "overlap between regions", file=sys.stderr)
    skipped = [(e.path or "", e.message) for e in errors]
    data = report_data(plans, _thresholds(args), skipped=skipped)
    if args.format == "json":
        text = json.dumps(data, ensure_ascii=False, indent=1)
    elif args.format == "csv":
        text = report_csv(data)
        if args.output:  # Excel reads a CSV file without a BOM in the system's code page
            text = "\ufeff" + text
    else:
        from .compare.report_html import report_html

        text = report_html(data)
    _write(text, args.output)
    if args.output:
        print(f"policyparse: wrote {args.output}", file=sys.stderr)
    return 1 if errors else 0


def whole_number(least: int):
    """An argparse type: a whole number of ``least`` or more (for limits, 0 means none)."""
    def check(v: str) -> int:
        try:
            n = int(v)
        except ValueError:
            n = least - 1
        if n < least:
            raise argparse.ArgumentTypeError(f"{v!r} is not a whole number of {least} or more")
        return n

    return check


def ratio(most: float | None = 1.0):
    """An argparse type: a finite number from 0 to ``most`` (no bound when None)."""
    def check(v: str) -> float:
        try:
            x = float(v)
        except ValueError:
            x = float("nan")
        if not (x >= 0 and (most is None or x <= most)) or x == float("inf"):
            bound = f"from 0 to {most:g}" if most is not None else "of 0 or more"
            raise argparse.ArgumentTypeError(f"{v!r} is not a number {bound}")
        return x

    return check


def _align_flags(sp: argparse.ArgumentParser) -> None:
    g = sp.add_argument_group("alignment thresholds (docs/compare.md)")
    g.add_argument("--same", type=ratio(), default=0.50, help="copied-text score for same (default 0.50)")
    g.add_argument("--same-titled", type=ratio(), default=0.40,
                   help="copied-text score for same when the titles agree (default 0.40)")
    g.add_argument("--related", type=ratio(), default=0.20,
                   help="combined score for related when the two share a named reform; the bar rises with "
                        "--background (default 0.20)")
    g.add_argument("--related-strong", type=ratio(), default=0.35,
                   help="combined score for related without a shared reform (default 0.35)")
    g.add_argument("--related-titled", type=ratio(), default=0.30,
                   help="times the related bar: what related needs when both titles name the same "
                        "specific reform (default 0.30)")
    g.add_argument("--passage", type=ratio(), default=0.20,
                   help="related when a sentence of one is this close (char-bigram cosine) to the whole "
                        "text of the other (default 0.20)")
    g.add_argument("--passage-floor", type=ratio(), default=0.05,
                   help="no related pair whose best sentence-to-text cosine is lower (default 0.05)")
    g.add_argument("--top-k", type=whole_number(1), default=2,
                   help="a related pair is within the top k of one side, by combined score (default 2)")
    g.add_argument("--background", type=ratio(None), default=0.95,
                   help="related also needs this times the median best-match score of the two plans (default 0.95)")


def build_parser() -> argparse.ArgumentParser:
    from .read import DEFAULT_MAX_BYTES

    p = argparse.ArgumentParser(
        prog="policyparse",
        description="Turn Chinese government policy notices into structured, grounded JSON.",
    )
    p.add_argument("--version", action="version", version=f"policyparse {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sp = sub.add_parser("parse", help="parse one notice (text, PDF, HTML or .docx) to JSON")
    sp.add_argument("file")
    sp.add_argument("-o", "--output", type=output_path, help="write the JSON here instead of stdout (-: stdout)")
    sp.add_argument("--indent", type=whole_number(0), default=1, help="JSON indentation (default 1; 0: all on one line)")
    sp.add_argument("--omit-text", action="store_true",
                    help="leave source_text out (null); source.sha256 identifies it")
    sp.add_argument("--max-bytes", type=whole_number(0), default=DEFAULT_MAX_BYTES,
                    help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES}; 0: no limit)")
    sp.set_defaults(func=cmd_parse)

    ss = sub.add_parser("schema", help="print the JSON Schema of parse's output")
    ss.add_argument("-o", "--output", type=output_path, help="write the schema here (-: stdout)")
    ss.set_defaults(func=cmd_schema)

    su = sub.add_parser("summary", help="per-document counts (measures, units, deadlines, quantities, goals)")
    su.add_argument("files", nargs="+", help="notices or JSON written by parse; a file that cannot be read "
                    "is reported, left out of the table and makes the exit status 1")
    su.set_defaults(func=cmd_summary)

    sd = sub.add_parser("diff", help="align the measures of two notices (same / related / only in one)")
    sd.add_argument("a", help="notice or JSON written by parse")
    sd.add_argument("b", help="notice or JSON written by parse")
    sd.add_argument("--format", choices=["table", "json", "html"], default="table")
    sd.add_argument("-o", "--output", type=output_path,
                    help="write the output here instead of stdout (the table as plain text; -: stdout)")
    _align_flags(sd)
    sd.set_defaults(func=cmd_diff)

    sc = sub.add_parser(
        "compare", help="one report across many regions (HTML with charts, JSON or CSV)",
        description="One report across many regions: topic coverage, measure overlap, deadlines, "
                    "units and figures (HTML with charts, JSON or CSV). The overlap's same/related "
                    "counts come from one TF-IDF index fitted over all the plans compared, so a "
                    "pair's counts can differ from `policyparse diff` of the two plans alone, and "
                    "between reports that compare different sets of plans.")
    sc.add_argument("files", nargs="+", help="notices or JSON written by parse; a file that cannot be read "
                    "is reported, left out of the report and makes the exit status 1")
    sc.add_argument("--format", choices=["html", "json", "csv"], default="html")
    sc.add_argument("-o", "--output", type=output_path,
                    help="write the report here instead of stdout (-: stdout); a CSV file starts with a UTF-8 byte-order mark, so that Excel reads its Chinese")
    _align_flags(sc)
    sc.set_defaults(func=cmd_compare)

    from .batch.cli import add_parser as add_batch_parser  # light: the work is imported when it runs

    add_batch_parser(sub)
    return p


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.func(args)
    except OutputError as e:
        return _fail(str(e))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

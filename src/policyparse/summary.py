"""Per-document counts of parse results (notices or the JSON parse wrote), as a table."""

from __future__ import annotations

from pathlib import Path

from .models import ParseResult

COUNTS = ("measures", "units", "deadlines", "quantities", "goals")


def summarise(result: ParseResult) -> list[dict]:
    """One row per document: its title, region and counts (``goals``: the document-level
    deadlines and quantities of its goal and guidance sections)."""
    rows = []
    for i, d in enumerate(result.documents, 1):
        ms = d.measures
        rows.append({
            "document": i,
            "title": (d.title or "")[:40],
            "region": d.region or "",
            "measures": len(ms),
            "units": sum(len(m.units) for m in ms),
            "deadlines": sum(len(m.deadlines) for m in ms),
            "quantities": sum(len(m.quantities) for m in ms),
            "goals": len(d.goals.deadlines) + len(d.goals.quantities),
        })
    return rows


def print_summary(files: list[str], fail) -> int:
    """Print the table of every readable file; ``fail(message)`` reports each one that is
    not. The status is 0, 1 when some file was left out, 2 when none could be read."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from .errors import InputError
    from .results import load_result

    table = Table(title="policyparse: per-document summary")
    cols = ["file", "document", "title", "region", *COUNTS]
    for c in cols:
        table.add_column(c, justify="right" if c not in ("file", "title", "region") else "left")
    total = dict.fromkeys(COUNTS, 0)
    read = failed = 0
    for f in files:
        try:
            result = load_result(f)
        except InputError as e:
            fail(str(e))
            failed += 1
            continue
        read += 1
        for r in summarise(result):
            table.add_row(escape(Path(f).name), *(escape(str(r[c])) for c in cols[1:]))
            for k in total:
                total[k] += r[k]
    if not read:
        return 2
    table.add_row("total", "", "", "", *(str(total[k]) for k in total))
    Console(width=160).print(table)
    return 1 if failed else 0

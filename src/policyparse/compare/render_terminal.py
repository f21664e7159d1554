"""``policyparse diff`` on the terminal: a rich table of aligned pairs, then the unmatched."""

from __future__ import annotations

from .align import Alignment
from .fielddiff import brief, pair_changes


def _width(file) -> int | None:
    """Standard output on a terminal: its width (rich finds it; COLUMNS overrides); a pipe:
    COLUMNS when set, else 160; a file (``-o``): 160 — a table read later, not wrapped to 80."""
    import os
    import sys

    if file is not None:
        return 160
    try:
        if sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):
        pass
    return None if os.environ.get("COLUMNS", "").isdigit() else 160


def print_diff(al: Alignment, width: int | None = None, file=None) -> None:
    """Print the table (to ``file``, plain text, when given). Titles and labels are
    escaped: a ``[`` in a notice is text, not rich markup."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    con = Console(width=width or _width(file), file=file)  # file None: standard output
    c = al.counts()
    con.print(f"[bold]{escape(al.plan_a.label)}[/] ({len(al.plan_a.items)} measures) vs "
              f"[bold]{escape(al.plan_b.label)}[/] ({len(al.plan_b.items)} measures): "
              f"{c['same']} same, {c['related']} related, {c['only_a']} only in A, {c['only_b']} only in B")
    t = Table(show_lines=False, expand=True)
    for col, kw in (("A", {"ratio": 3}), ("B", {"ratio": 3}), ("relation", {"no_wrap": True}),
                    ("score", {"justify": "right", "no_wrap": True}), ("what differs / why", {"ratio": 4})):
        t.add_column(col, **kw)
    for p in al.pairs:
        changes = brief(pair_changes(p))
        style = "green" if p.relation == "same" else "yellow"
        # why first (its leading clause: the rule or the shared reform that made the pair),
        # then the field changes
        lines = [f"[dim]{escape(p.why.split('; ')[0])}[/]"] + [escape(x) for x in changes[:5]]
        if len(changes) > 5:
            lines.append(f"… {len(changes) - 5} more")
        t.add_row(escape(f"{p.a.number} {p.a.measure.title}"), escape(f"{p.b.number} {p.b.measure.title}"),
                  f"[{style}]{p.relation}[/]", f"{p.score:.2f}", "\n".join(lines))
    con.print(t)
    for label, items in (("only in A", al.only_a), ("only in B", al.only_b)):
        if items:
            con.print(f"[bold]{label}[/] ({len(items)}): " + escape("; ".join(f"{x.number} {x.measure.title}" for x in items)))

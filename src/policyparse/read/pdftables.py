"""Task tables in PDFs, with pdfplumber (which knows where every character sits).

Used only on the pages whose text names task-table columns: pdfplumber finds ruled
tables by their lines, and the page is rebuilt as blocks in top-to-bottom order:
the text lines outside the tables, and each table as its rows of cell strings.
A row that a page break cut in two is joined again (:func:`join_broken_rows`).

Some typesetters (reportlab's ``Table(splitInRow=1)``) draw a row cut by a page break
**open**: its column rules run to the page foot and start again at the next page's
top (or right under the repeated header row) with no rule across them.  pdfplumber
finds a cell only between rules, so such a row would be no table row on either page;
the missing rules are put back (:func:`_open_row_rules`), and a row open at the foot of
one page and the row open at the top of the next are the two parts of one row.
"""

from __future__ import annotations

import io
import re
from typing import NamedTuple

# a line break inside a number in a PDF cell is the cell's width wrapping it (市123 / 45热线中心)
_DIGIT_WRAP = re.compile(r"(?<=\d)[ \t]*\n\s*(?=\d)")
# geometry, in PDF units
RULE_TOL = 1.0  # a rule's end meets another rule this close
MIN_OPEN_RULES = 3  # column rules left open at one height: a row drawn open (two columns at least)


class Cut(NamedTuple):
    """Where a table on a page was drawn open (see the module's doc): ``top`` is the
    index of the row whose top rule was missing (its first row, or the row under the
    header row), ``bottom`` whether its last row's bottom rule was missing."""

    top: int | None
    bottom: bool


def _open_row_rules(page) -> list[tuple[float, float, float]]:
    """The heights (pdfplumber's ``top``) of the rules missing across a table row
    drawn open, each with its x-range: ``(y, x0, x1)``.

    At least ``MIN_OPEN_RULES`` vertical rules end (or start) at one height where no
    horizontal rule meets them, and either no horizontal rule lies beyond that height
    across them (the table's last — or first — edge on the page: a row cut at the page
    foot, its rest at the next page's top) or as many vertical rules go on from there
    (a row boundary drawn without its rule: the repeated header over the rest of a cut
    row).  Each such height gets a rule from the leftmost to the rightmost of them."""
    vs = [e for e in page.edges if e["orientation"] == "v"]
    hs = [e for e in page.edges if e["orientation"] == "h"]
    if len(vs) < MIN_OPEN_RULES:
        return []

    def met(x: float, y: float) -> bool:
        return any(abs(h["top"] - y) <= RULE_TOL and h["x0"] - RULE_TOL <= x <= h["x1"] + RULE_TOL for h in hs)

    def groups(end: str) -> list[tuple[float, list[float]]]:
        """Open ends of the vertical rules at ``end``, grouped by height: (y, xs)."""
        out: list[list] = []
        for y, x in sorted((e[end], e["x0"]) for e in vs if not met(e["x0"], e[end])):
            if out and y - out[-1][0] <= RULE_TOL:
                out[-1][1].append(x)
            else:
                out.append([y, [x]])
        return [(y, sorted(set(xs))) for y, xs in out if len(set(xs)) >= MIN_OPEN_RULES]

    bottoms, tops = groups("bottom"), groups("top")
    rules: list[tuple[float, float, float]] = []
    for mine, other, beyond in ((bottoms, tops, 1), (tops, bottoms, -1)):
        for y, xs in mine:
            x0, x1 = xs[0], xs[-1]
            edge = not any((h["top"] - y) * beyond > RULE_TOL and h["x0"] < x1 and h["x1"] > x0 for h in hs)
            goes_on = any(abs(y2 - y) <= RULE_TOL and len(xs2) >= len(xs) for y2, xs2 in other)
            if (edge or goes_on) and not any(abs(r[0] - y) <= RULE_TOL for r in rules):
                rules.append((y, x0, x1))
    return rules


def page_blocks(data: bytes, page_indices: list[int]) -> dict[int, list[tuple[str, object, object]]]:
    """For each page that holds a table, its blocks top to bottom: ``("line", text,
    None)`` or ``("table", rows, Cut)``."""
    import pdfplumber

    out: dict[int, list[tuple[str, object, object]]] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i in page_indices:
            page = pdf.pages[i]
            rules = _open_row_rules(page)
            if rules:
                lines = [{"object_type": "line", "x0": x0, "x1": x1, "top": y, "bottom": y,
                          "width": x1 - x0, "height": 0.0} for y, x0, x1 in rules]
                found = page.find_tables({"explicit_horizontal_lines": lines})
            else:
                found = page.find_tables()
            # a one-row table counts when it has columns: the last row of a long table
            tables = [t for t in found
                      if len(t.rows) >= 2 or max((len(r.cells) for r in t.rows), default=0) >= 3]
            if not tables:
                continue
            boxes = [t.bbox for t in tables]
            blocks: list[tuple[float, str, object, object]] = []
            for ln in page.extract_text_lines():
                mid = (ln["top"] + ln["bottom"]) / 2
                if any(b[1] <= mid <= b[3] and ln["x0"] < b[2] and ln["x1"] > b[0] for b in boxes):
                    continue
                blocks.append((ln["top"], "line", ln["text"], None))
            for t in tables:
                rows = [[_DIGIT_WRAP.sub("", c or "") for c in row] for row in t.extract()]

                def drawn_open(y: float, t=t) -> bool:
                    return any(abs(r[0] - y) <= RULE_TOL and r[1] < t.bbox[2] and r[2] > t.bbox[0] for r in rules)

                top = next((k for k, r in enumerate(t.rows[:2]) if drawn_open(r.bbox[1])), None)
                blocks.append((t.bbox[1], "table", rows, Cut(top, bool(t.rows) and drawn_open(t.rows[-1].bbox[3]))))
            blocks.sort(key=lambda b: b[0])
            out[i] = [(kind, val, extra) for _, kind, val, extra in blocks]
            page.flush_cache()
    return out


def join_broken_rows(pages: list[list[tuple[str, object, object]]]) -> None:
    """Join a task-table row that a page break cut in two, in place.

    ``pages`` holds each page's blocks (``("line", text, runs_on)`` or ``("table", rows,
    Cut | None)``) without its furniture.  When a page ends with a table and the next one
    starts with a table of as many columns whose first data row (under the repeated
    header, if any) is the rest of the row the break cut, that rest is joined to the
    row cell by cell and leaves the next page: the row is one row of ``source_text``,
    printed before the page's ``\\f``.  The rest of a row is told by the rules (the row
    drawn open at the page foot and the row drawn open at the next page's top: one row,
    whichever cells each part holds) or else by its cells (:func:`.tables.continues_row`)."""
    from .tables import continues_row, find_header, header_roles

    roles = None  # the column roles of the last task table seen
    ending = None  # the rows of the table that ends the previous page
    ending_open = False  # its last row drawn open at the page foot
    for blocks in pages:
        if ending and blocks and blocks[0][0] == "table":
            rows = blocks[0][1]
            head = find_header(rows)
            k = head[0] + 1 if head else 0
            cut = blocks[0][2]
            # (a header row repeated at the very page foot, nothing of a row under it, is no row)
            drawn_cut = ending_open and isinstance(cut, Cut) and cut.top == k and header_roles(ending[-1]) is None
            if k < len(rows) and len(rows[k]) == len(ending[-1]) and (
                    drawn_cut or (roles and continues_row(roles, ending[-1], rows[k]))):
                ending[-1] = [f"{a}\n{b}" if a.strip() and b.strip() else a + b
                              for a, b in zip(ending[-1], rows.pop(k))]
                if not rows:
                    blocks.pop(0)
        for kind, val, _ in blocks:
            if kind == "table":
                head = find_header(val)
                if head:
                    roles = head[1]
        last = blocks[-1] if blocks else None
        ending = last[1] if last and last[0] == "table" else None
        ending_open = bool(last and last[0] == "table" and isinstance(last[2], Cut) and last[2].bottom)

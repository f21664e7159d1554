"""Task tables in PDFs, with pdfplumber (which knows where every character sits).

Used only on the pages whose text names task-table columns: pdfplumber finds ruled
tables by their lines, and the page is rebuilt as blocks in top-to-bottom order:
the text lines outside the tables, and each table as its rows of cell strings.
A row that a page break cut in two is joined again (:func:`join_broken_rows`).
"""

from __future__ import annotations

import io


def page_blocks(data: bytes, page_indices: list[int]) -> dict[int, list[tuple[str, object]]]:
    import pdfplumber

    out: dict[int, list[tuple[str, object]]] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for i in page_indices:
            page = pdf.pages[i]
            # a one-row table counts when it has columns: the last row of a long table
            tables = [t for t in page.find_tables()
                      if len(t.rows) >= 2 or max((len(r.cells) for r in t.rows), default=0) >= 3]
            if not tables:
                continue
            boxes = [t.bbox for t in tables]
            blocks: list[tuple[float, str, object]] = []
            for ln in page.extract_text_lines():
                mid = (ln["top"] + ln["bottom"]) / 2
                if any(b[1] <= mid <= b[3] and ln["x0"] < b[2] and ln["x1"] > b[0] for b in boxes):
                    continue
                blocks.append((ln["top"], "line", ln["text"]))
            for t in tables:
                rows = [[c or "" for c in row] for row in t.extract()]
                blocks.append((t.bbox[1], "table", rows))
            blocks.sort(key=lambda b: b[0])
            out[i] = [(kind, val) for _, kind, val in blocks]
            page.flush_cache()
    return out


def join_broken_rows(pages: list[list[tuple[str, object, bool]]]) -> None:
    """Join a task-table row that a page break cut in two, in place.

    ``pages`` holds each page's blocks (``("line", text, runs_on)`` or ``("table", rows,
    False)``) without its furniture.  When a page ends with a table and the next one
    starts with a table of as many columns whose first data row (under the repeated
    header, if any) is the rest of the row the break cut (:func:`.tables.continues_row`),
    that rest is joined to the row cell by cell and leaves the next page: the row is one
    row of ``source_text``, printed before the page's ``\\f``."""
    from .tables import continues_row, find_header

    roles = None  # the column roles of the last task table seen
    ending = None  # the rows of the table that ends the previous page
    for blocks in pages:
        if ending and roles and blocks and blocks[0][0] == "table":
            rows = blocks[0][1]
            head = find_header(rows)
            k = head[0] + 1 if head else 0
            if k < len(rows) and continues_row(roles, ending[-1], rows[k]):
                ending[-1] = [f"{a}\n{b}" if a.strip() and b.strip() else a + b
                              for a, b in zip(ending[-1], rows.pop(k))]
                if not rows:
                    blocks.pop(0)
        for kind, val, _ in blocks:
            if kind == "table":
                head = find_header(val)
                if head:
                    roles = head[1]
        ending = blocks[-1][1] if blocks and blocks[-1][0] == "table" else None

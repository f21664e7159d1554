"""Task tables in PDFs, with pdfplumber (which knows where every character sits).

Used only on the pages whose text names task-table columns: pdfplumber finds ruled
tables by their lines, and the page is rebuilt as blocks in top-to-bottom order:
the text lines outside the tables, and each table as its rows of cell strings.
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

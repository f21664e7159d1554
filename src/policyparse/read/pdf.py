"""PDF → ``source_text``: the text layer, page by page, without page furniture.

* **pypdfium2** (PDFium, C++) reads the text layer of every page: fast (hundreds of
  pages per second) and in content order, which for the single-column notices of
  Chinese governments is reading order.  Its ``\\r\\n`` line ends become ``\\n``
  before anything is measured, so offsets are plain Python string indices.
* A page set in **columns** (a 政府公报 issue) is told by PDFium's text rectangles and
  read column by column from its characters' boxes (:mod:`.pdfcolumns`), whatever
  order the content stream draws it in; a line's run-on is judged against its column.
* **pdfplumber** (pdfminer.six, pure Python, ~30× slower) is used only where layout
  is needed: on pages whose text names task-table columns (牵头单位, 完成时限 …) it
  finds ruled tables by their lines and cuts them into cells; such a page's text is
  rebuilt from pdfplumber's positioned lines with each table row as one
  ``cell | cell | … |`` line, and the table's cells are kept with their offsets.
* A task-table row that a page break cut in two (the rest of its cells at the top of
  the next page, under the repeated header or not) is joined into one row, printed
  before the page's ``\\f`` (:func:`.pdftables.join_broken_rows`).
* Running headers and footers and page numbers are found by what repeats among the
  first and last lines of the pages (digits counted as one symbol) and by the
  page-number patterns of grammars/pdf.yaml, and are dropped.
* ``source_text`` is the pages' text joined by ``\\f``; line breaks inside
  sentences stay there (the normaliser joins them on its working copy).

The extraction runs in a forked child under a time limit (``POLICYPARSE_PDF_TIMEOUT``
seconds, default 120), so a PDF that sends the reader into an endless loop is stopped.
Encrypted PDFs, PDFs without a text layer (scans) and corrupt or truncated files are
reported as :class:`~policyparse.errors.InputError`.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections import Counter

from ..errors import InputError

DEFAULT_TIMEOUT = 120.0
MIN_TEXT_CHARS = 20  # fewer letters/characters than this in the whole file: no text layer

_CTRL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")


def timeout_seconds() -> float:
    try:
        return float(os.environ.get("POLICYPARSE_PDF_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


@functools.cache
def _grammar():
    from .. import grammar

    g = grammar.load("pdf")
    rep = g["repeat"]
    return {
        "page_number": [re.compile(p) for p in g["page_number"]],
        "edge": int(rep["edge_lines"]),
        "min_pages": int(rep["min_pages"]),
        "min_share": float(rep["min_share"]),
        "max_chars": int(rep["max_chars"]),
        "table_hint": re.compile(g["table_hint"]),
        "title": re.compile(g["plan_title"]),
        "cjk_em": float(g["string_gap"]["cjk_em"]),
        "digit_em": float(g["string_gap"]["digit_em"]),
    }


def is_page_number(line: str) -> bool:
    s = line.strip()
    return any(p.match(s) for p in _grammar()["page_number"])


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def furniture(pages: list[list[str]]) -> list[set[int]]:
    """For each page (a list of lines), the indices of its furniture lines: page
    numbers and running headers/footers among its first and last lines."""
    g = _grammar()
    # a header recurs among the top lines, a footer among the bottom lines: a line at the
    # foot of one page and the head of the next (完成时限：2023年7月底前 / …8月底前) is text
    edges: list[tuple[list[int], list[int]]] = []
    for lines in pages:
        idx = [i for i, ln in enumerate(lines) if ln.strip()]
        k = g["edge"]
        edges.append((idx[:k], idx[-k:]))  # on a short page a line may be both
    counts: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for lines, sides in zip(pages, edges):
        for count, side in zip(counts, sides):
            count.update({_key(lines[i]) for i in side if len(lines[i].strip()) <= g["max_chars"]})
    need = max(g["min_pages"], g["min_share"] * len(pages))
    out: list[set[int]] = []
    for p, (lines, sides) in enumerate(zip(pages, edges)):
        drop: set[int] = set()
        for top, count, side in zip((True, False), counts, sides):
            for i in side:
                s = lines[i].strip()
                if is_page_number(s):
                    drop.add(i)
                elif len(pages) > 1 and len(s) <= g["max_chars"] and count[_key(s)] >= need:
                    # the plan's title, repeated as the running header of later pages,
                    # is the title at the head of the first page
                    if not (p == 0 and top and g["title"].match(s)):
                        drop.add(i)
        out.append(drop)
    return out


def _check_bytes(data: bytes) -> None:
    if not data:
        raise InputError("empty file")
    head = data[:1024].lstrip()
    if not head.startswith(b"%PDF-"):
        if re.match(rb"(?:\xef\xbb\xbf)?\s*<(?:!doctype|html|head|body|\?xml)", head, re.I):
            raise InputError("not a PDF: the file is an HTML page (a failed download or an error page?)")
        raise InputError("not a PDF: no %PDF- header (binary junk or another format)")


def _clean(line: str) -> str:
    """A line of PDFium's text without control characters.  PDFium marks a hyphen at a
    line end as U+FFFE (and joins the lines): in Chinese text that hyphen is real
    (高铁站-机场), so it is kept."""
    return _CTRL.sub("", line.replace("\ufffe", "-"))


_LINE_END = re.compile(r"\r\n|\r|\n")
_NUMBER_CHARS = frozenset("0123456789.%")


def _wide(c: str) -> bool:
    return unicodedata.east_asian_width(c) in "WF" or c in "“”‘’"


def _gap_limit(left: str, right: str) -> float | None:
    """The white (in em) under which a space PDFium inserted between ``left`` and ``right``
    is no space of the text — two full-width characters, or two characters of a number
    (grammars/pdf.yaml ``string_gap``) —; None for any other pair, whose space stays."""
    g = _grammar()
    if _wide(left) and _wide(right):
        return g["cjk_em"]
    if left in _NUMBER_CHARS and right in _NUMBER_CHARS:
        return g["digit_em"]
    return None


def joins(left: str, right: str, gap_em: float) -> bool:
    """Whether a space PDFium inserted between ``left`` and ``right``, drawn ``gap_em``
    (white over font size) apart, is no space of the text (:func:`_gap_limit`)."""
    limit = _gap_limit(left, right)
    return limit is not None and gap_em < limit


def _inserted_spaces(tp, raw: str) -> set[int]:
    """The indices of the spaces PDFium inserted into a page's text between two strings
    drawn a little apart (:func:`joins`): they are dropped, so ``source_text`` holds what
    the page prints (超过500万元, not 超过50 0万元)."""
    import pypdfium2.raw as pdfium_c

    out: set[int] = set()
    if " " not in raw or len(raw) != tp.count_chars():
        return out
    i = raw.find(" ", 1)
    while 0 < i < len(raw) - 1:
        left, right = raw[i - 1], raw[i + 1]
        if (left not in " \r\n\t" and right not in " \r\n\t"
                and _gap_limit(left, right) is not None and pdfium_c.FPDFText_IsGenerated(tp, i) == 1):
            try:
                a = tp.get_charbox(i - 1, loose=True)
                b = tp.get_charbox(i + 1, loose=True)
                size = max(pdfium_c.FPDFText_GetFontSize(tp, i - 1), 0.9 * max(a[3] - a[1], b[3] - b[1]))
            except Exception:  # noqa: BLE001 - geometry is a bonus
                size = 0.0
            # on one baseline, the right one to the right: white between two runs of a line
            if size > 0 and abs(a[1] - b[1]) < 0.5 * size and b[0] >= a[2] - 0.2 * size:
                if joins(left, right, (b[0] - a[2]) / size):
                    out.add(i)
        i = raw.find(" ", i + 1)
    return out


def _page_lines(tp) -> list[tuple[str, tuple[float, float, float] | None]]:
    """The lines of a PDFium text page, each with the (left, right, char width) of its
    first and last visible characters (None for a blank line)."""
    raw = tp.get_text_range()
    drop = _inserted_spaces(tp, raw)
    out = []
    pos = 0
    for m in list(_LINE_END.finditer(raw)) + [None]:
        end = m.start() if m else len(raw)
        line = raw[pos:end]
        if drop:
            line = "".join(ch for k, ch in enumerate(line, pos) if k not in drop)
        a, b = pos, end
        while a < b and raw[a].isspace():
            a += 1
        while b > a and raw[b - 1].isspace():
            b -= 1
        geom = None
        if a < b:
            try:
                l0, _, _, _ = tp.get_charbox(a)
                x0, _, x1, _ = tp.get_charbox(b - 1)
                geom = (l0, x1, max(x1 - x0, 0.0))
            except Exception:  # noqa: BLE001 - geometry is a bonus
                geom = None
        out.append((_clean(line), geom))
        if m is None:
            break
        pos = m.end()
    return out


def _column_lines(tp) -> list[tuple[str, tuple | None]] | None:
    """The lines of a PDFium text page that PDFium's text rectangles show to be set in
    columns, read column by column (:mod:`.pdfcolumns`); None for a page in one column.
    The rectangles (one per text object) are few, so the test costs little; only a page
    that passes it has its characters' boxes read."""
    from . import pdfcolumns

    n = tp.count_rects()
    if n < 2 * pdfcolumns.MIN_FULL_LINES or not pdfcolumns.find_gutters([tp.get_rect(i) for i in range(n)]):
        return None
    import pypdfium2.raw as pdfium_c

    count = tp.count_chars()
    raw = tp.get_text_range()
    if len(raw) != count:  # PDFium left characters out of (or put some into) the text
        raw = "".join(chr(pdfium_c.FPDFText_GetUnicode(tp, i) or 32) for i in range(count))
    chars = []
    for i in range(count):
        if raw[i] in "\r\n":
            continue
        x0, y0, x1, y1 = tp.get_charbox(i, loose=True)
        if y1 > y0:  # a character PDFium inserted (a space, a line end) has no box
            chars.append((i, x0, y0, x1, y1))
    lines = pdfcolumns.read_columns(chars, raw)
    if lines is None:
        return None
    return [(_clean(t), g) for t, g in lines]


def _has_rules(page, need: int = 4) -> bool:
    """Whether a page draws at least ``need`` path objects (table rules, cell boxes)."""
    import pypdfium2.raw as pdfium_c

    n = 0
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        n += 1
        if n >= need:
            return True
    return False


def _extract(data: bytes) -> tuple[list[list[tuple[str, tuple | None]]], dict[int, list]]:
    """Runs in the child: the lines of each page (with their geometry), and the task
    tables that pdfplumber finds on the pages that look like they hold one."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower() or "security" in msg.lower():
            raise InputError("encrypted PDF: it needs a password to open; decrypt it first") from None
        if b"%%EOF" not in data[-2048:]:
            raise InputError("truncated or corrupt PDF (no %%EOF at the end: was the download cut short?)") from None
        raise InputError(f"corrupt PDF: {msg.removeprefix('Failed to load document ').strip('.() ')}") from None
    pages = []
    hint = _grammar()["table_hint"]
    table_pages = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            tp = page.get_textpage()
            lines = _column_lines(tp) or _page_lines(tp)
            pages.append(lines)
            tp.close()
            # a task table: its column names in the text, and ruling lines to cut it by
            # (or the page after one: a table continued without repeating its header)
            named = len(hint.findall("\n".join(t for t, _ in lines))) >= 2
            if (named or (table_pages and table_pages[-1] == i - 1)) and _has_rules(page):
                table_pages.append(i)
            page.close()
    finally:
        doc.close()
    layout: dict[int, list] = {}
    if table_pages:
        from .pdftables import page_blocks

        layout = page_blocks(data, table_pages)
    return pages, layout


def _column(g: tuple) -> object:
    return g[3] if len(g) > 3 else None


def wrapped(lines: list[tuple[str, tuple | None]]) -> list[bool]:
    """For each line of a page, whether it runs on into the next one: it reaches the
    right edge of the text block and the next line starts at the left edge (no
    paragraph indent) without a numbering token.  A line whose geometry names a column
    (a page read column by column) is measured against that column's edges, so the last
    line of one column runs on into the first line of the next."""
    from .. import numbering
    from ..normalize.script import fold_width

    # a column's edges from its lines; the text block's (for the lines of no column: the
    # page in one column, a title spanning the columns) from all lines
    groups: dict[object, list[tuple]] = {None: []}
    for t, g in lines:
        if g and len(t.strip()) >= 8:
            groups[None].append(g)
            if _column(g) is not None:
                groups.setdefault(_column(g), []).append(g)
    out = [False] * len(lines)
    edges = {}  # column → (left, right, char width)
    for col, geo in groups.items():
        if len(geo) >= 3:
            widths = sorted(g[2] for g in geo if g[2] > 0)
            edges[col] = (min(g[0] for g in geo), max(g[1] for g in geo),
                          widths[len(widths) // 2] if widths else 10.0)
    if not edges:
        return out
    for i in range(len(lines) - 1):
        (t, g), (t2, g2) = lines[i], lines[i + 1]
        if not g or not g2 or _column(g) not in edges or _column(g2) not in edges:
            continue
        _, right, cw = edges[_column(g)]
        left, _, cw2 = edges[_column(g2)]
        if g[1] < right - 1.5 * cw or g2[0] > left + 0.6 * cw2:
            continue
        if numbering.match_at(fold_width(t2.strip())) is not None:
            continue
        out[i] = True
    return out


def read_pdf(data: bytes, *, timeout: float | None = None):
    from . import SourceDoc
    from .limits import run_limited

    _check_bytes(data)
    pages, layout = run_limited(_extract, (data,), timeout_seconds() if timeout is None else timeout,
                                "the PDF reader")
    if not pages:
        raise InputError("PDF has no pages")
    # each page as blocks: ("line", text, runs_on) or ("table", rows, pdftables.Cut)
    page_blocks: list[list[tuple[str, object, object]]] = []
    for i, lines in enumerate(pages):
        if i in layout:
            page_blocks.append([(k, v, False if k == "line" else cut) for k, v, cut in layout[i]])
        else:
            page_blocks.append([("line", t, w) for (t, _), w in zip(lines, wrapped(lines))])
    lines_only = [[str(b[1]) if b[0] == "line" else "" for b in blocks] for blocks in page_blocks]
    drops = furniture(lines_only)
    from .tables import TableBuilder

    tb = TableBuilder()
    pages_kept = []
    for blocks, drop in zip(page_blocks, drops):
        kept = [b for j, b in enumerate(blocks) if j not in drop]
        while kept and kept[-1][0] == "line" and not str(kept[-1][1]).strip():
            kept.pop()
        while kept and kept[0][0] == "line" and not str(kept[0][1]).strip():
            kept.pop(0)
        pages_kept.append(kept)
    if layout:
        from .pdftables import join_broken_rows

        join_broken_rows(pages_kept)
    parts: list[str] = []
    pos = 0
    for p, kept in enumerate(pages_kept):
        if p:
            parts.append("\f")
            pos += 1
        for j, (kind, val, _) in enumerate(kept):
            if j:
                prev = kept[j - 1]
                if prev[0] == "line" and prev[2] and kind == "line":
                    # a space only where English words wrapped; digits of one number
                    # ("1" | "0 月底前") and Chinese join with nothing
                    if re.match(r"[A-Za-z]", str(val).lstrip()[:1]) and re.search(r"[A-Za-z,.;]$", parts[-1]):
                        parts.append(" ")
                        pos += 1
                else:
                    parts.append("\n")
                    pos += 1
            if kind == "line":
                s = str(val).rstrip()
                if j and kept[j - 1][0] == "line" and kept[j - 1][2]:
                    s = s.lstrip()
                parts.append(s)
                pos += len(s)
            else:
                top = j == 0 and p > 0 and bool(pages_kept[p - 1]) and pages_kept[p - 1][-1][0] == "table"
                s = tb.add_rows(val, pos, page=p, page_top=top)
                parts.append(s)
                pos += len(s)
    text = "".join(parts)
    letters = sum(1 for c in text if c.isalnum())
    if letters < MIN_TEXT_CHARS:
        raise InputError("no text layer: scanned PDF? run OCR first")
    return SourceDoc(text, "pdf", None, "", tables=tb.tables())

"""Columns on a PDF page, found from where its text sits, and the page read column by column.

A government gazette (政府公报) prints its notices in two columns, sometimes under a
title block that spans both, sometimes with the end of one notice and the start of the
next on the same page; some typesetters even write the lines into the content stream
out of reading order (the right column first, or row by row across the columns).  The
PDF reader's text in content order is then not reading order, and a line's left and
right edges are those of its column, not of the page.

Geometry only, no PDF library: :mod:`policyparse.read.pdf` hands over boxes
``(x0, y0, x1, y1)`` in PDF units (y grows upwards) —

* :func:`find_gutters` on the page's text rectangles (one per text object, a few dozen
  a page: cheap enough for every page) says whether the page has columns at all;
* :func:`read_columns` on the page's characters lays a page that has them out again:
  characters into rows (vertical overlap), rows into runs (split at white gaps wider
  than a gutter can be narrow), runs into columns (between the gutters) or **spanning**
  (crossing a gutter: a title block, a running header, one-column text).  Spanning
  rows, and a first or last row set apart by white (a running header, a page number
  in a column's corner), cut the page into bands; a band is read column by column,
  each column top to bottom.
* a band is cut again **under the columns**: at white across all the columns (more
  than ``BAND_GAP_EM``) when what lies below it in the band is no column text — no two
  columns side by side (``SIDE_BY_SIDE``) and no line filling its column
  (``FULL_LINE``): a short heading over the left column, a signature over the right
  one, set after the columns' end, are read after both columns, not as the last lines
  of their own.  White that both columns have at one height by chance (a blank line
  between paragraphs) is no cut, nor white under a right column that has ended while
  the left one runs on: what lies below it holds columns side by side, or full lines.

A gutter is a vertical strip, at least ``MIN_GUTTER_EM`` wide, that no run crosses
except the spanning ones, with text columns on both sides: each at least
``MIN_COLUMN_EM`` wide and holding at least ``MIN_FULL_LINES`` lines that fill it
(``FULL_LINE`` of its width), the columns side by side (their heights overlap by
``SIDE_BY_SIDE``), and fewer spanning runs than full column lines.  The fill test keeps
the columns of a table or a right-aligned signature from passing for text columns.
"""

from __future__ import annotations

from statistics import median

# geometry, in ems: the median height of the page's text boxes
MIN_GUTTER_EM = 0.8  # narrowest white strip between two columns
MIN_COLUMN_EM = 8.0  # narrowest text column
MIN_FULL_LINES = 3  # lines filling a column, in each column
FULL_LINE = 0.85  # a line that spans this share of its column's width fills it
SIDE_BY_SIDE = 0.5  # two columns' heights overlap by this share of the shorter one
ROW_OVERLAP = 0.5  # two boxes overlapping vertically by this share of the smaller one share a row
EDGE_GAP_EM = 1.5  # white that sets the first or last row apart (running header, page number)
EDGE_ROWS = 2  # at most this many rows at the top and at the bottom are set apart so
GUTTER_TRIES = 4  # crossing counts tried, fewest first (see _gutters)
BAND_GAP_EM = 1.5  # white across all the columns that may end a band (a blank line, at least)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1


def _em(boxes) -> float:
    hs = [b[3] - b[1] for b in boxes if b[3] > b[1]]
    return median(hs) if hs else 10.0


def _rows(items: list, box) -> list[list]:
    """``items`` grouped into rows, top to bottom: an item joins the row whose band it
    overlaps by ``ROW_OVERLAP`` of the smaller height."""
    rows: list[tuple[float, float, list]] = []  # (bottom, top, items) of each row
    for it in sorted(items, key=lambda it: -box(it)[3]):
        _, y0, _, y1 = box(it)
        h = y1 - y0
        for k in range(len(rows) - 1, max(-1, len(rows) - 4), -1):  # the last few rows
            b, t, members = rows[k]
            if min(t, y1) - max(b, y0) >= ROW_OVERLAP * min(h, t - b):
                members.append(it)
                break
        else:
            rows.append((y0, y1, [it]))
    return [members for _, _, members in rows]


def _runs(row: list, box, gap: float) -> list[list]:
    """The items of a row left to right, cut where white wider than ``gap`` separates them."""
    row = sorted(row, key=lambda it: box(it)[0])
    runs = [[row[0]]]
    right = box(row[0])[2]
    for it in row[1:]:
        x0, _, x1, _ = box(it)
        if x0 - right > gap:
            runs.append([it])
        else:
            runs[-1].append(it)
        right = max(right, x1)
    return runs


def _extent(run: list, box) -> Box:
    bs = [box(it) for it in run]
    return min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs)


def _gutters(runs: list[Box], em: float) -> list[tuple[float, float]]:
    if len(runs) < 2 * MIN_FULL_LINES:
        return []
    x_lo = min(r[0] for r in runs) + MIN_COLUMN_EM * em
    x_hi = max(r[2] for r in runs) - MIN_COLUMN_EM * em
    if x_lo >= x_hi:
        return []
    # how many runs cross each strip between consecutive run edges (a sweep)
    events = sorted([(r[0], 1) for r in runs] + [(r[2], -1) for r in runs])
    strips: list[list[float]] = []  # [a, b, crossing]
    count = 0
    for k, (x, d) in enumerate(events):
        count += d
        nxt = events[k + 1][0] if k + 1 < len(events) else x
        a, b = max(x, x_lo), min(nxt, x_hi)
        if b > a:
            if strips and strips[-1][2] == count and strips[-1][1] >= a:
                strips[-1][1] = b
            else:
                strips.append([a, b, count])
    # the strips crossed by fewest runs, widened step by step to those crossed by a few
    # more (a page number or a title set off centre crosses part of the gutter)
    for k in sorted({c for _, _, c in strips if 2 * c <= len(runs)})[:GUTTER_TRIES]:
        cands: list[list[float]] = []
        for a, b, c in strips:
            if c > k:
                continue
            if cands and cands[-1][1] >= a:
                cands[-1][1], cands[-1][2] = b, max(cands[-1][2], c)
            else:
                cands.append([a, b, c])
        cands = [g for g in cands if g[1] - g[0] >= MIN_GUTTER_EM * em]
        # all the strips as gutters, else each alone, the widest first
        tries = [cands] + ([[g] for g in sorted(cands, key=lambda g: g[0] - g[1])] if len(cands) > 1 else [])
        for gs in tries:
            if gs and _columns_hold(runs, [(a, b) for a, b, _ in gs], max(c for _, _, c in gs), em):
                return [(a, b) for a, b, _ in gs]
    return []


def _side_by_side(s1: tuple[float, float], s2: tuple[float, float]) -> bool:
    """Whether two columns' (bottom, top) spans overlap by ``SIDE_BY_SIDE`` of the shorter."""
    (b1, t1), (b2, t2) = s1, s2
    return min(t1, t2) - max(b1, b2) >= SIDE_BY_SIDE * min(t1 - b1, t2 - b2)


def _columns_hold(runs: list[Box], gutters: list[tuple[float, float]], crossing: int, em: float) -> bool:
    """Whether text columns stand between the ``gutters`` (see the module's doc)."""
    edges = [float("-inf")] + [x for g in gutters for x in g] + [float("inf")]
    full_total = 0
    spans: list[tuple[float, float]] = []
    for k in range(0, len(edges), 2):
        lo, hi = edges[k], edges[k + 1]
        col = [r for r in runs if r[0] >= lo and r[2] <= hi]
        if not col:
            return False
        left, right = min(r[0] for r in col), max(r[2] for r in col)
        width = right - left
        full = sum(1 for r in col if r[2] - r[0] >= FULL_LINE * width)
        if width < MIN_COLUMN_EM * em or full < MIN_FULL_LINES:
            return False
        full_total += full
        spans.append((min(r[1] for r in col), max(r[3] for r in col)))
    if not all(_side_by_side(a, b) for a, b in zip(spans, spans[1:])):
        return False
    return crossing < full_total


def find_gutters(boxes: list[Box]) -> list[tuple[float, float]]:
    """The ``(x0, x1)`` strips between the text columns of a page whose text sits in the
    ``boxes`` (text rectangles or characters); empty for a one-column page."""
    boxes = [b for b in boxes if b[3] > b[1] and b[2] >= b[0]]
    if len(boxes) < 2 * MIN_FULL_LINES:
        return []
    em = _em(boxes)
    ident = lambda b: b  # noqa: E731
    runs = [_extent(run, ident) for row in _rows(boxes, ident) for run in _runs(row, ident, MIN_GUTTER_EM * em)]
    return _gutters(runs, em)


Char = tuple[int, float, float, float, float]  # index in the page's text, x0, y0, x1, y1


def read_columns(chars: list[Char], text: str) -> list[tuple[str, tuple]] | None:
    """The lines of a page with columns in reading order, each with the geometry
    ``(left, right, char width, column)`` of its first and last visible characters
    (column ``None`` for a spanning line, ``(k, column)`` for a line in the ``k``-th piece
    of a band cut under its columns); None when the characters show no columns.

    ``chars`` are the page's drawn characters (not the ones PDFium inserts) with their
    boxes; ``text`` is the page's text, indexed by a character's index (a PDFium-inserted
    space between two characters of one line is kept)."""
    box = lambda c: c[1:]  # noqa: E731
    chars = [c for c in chars if c[4] > c[2]]
    if len(chars) < 2 * MIN_FULL_LINES:
        return None
    em = _em([box(c) for c in chars])
    rows = [_runs(row, box, MIN_GUTTER_EM * em) for row in _rows(chars, box)]
    extents = [[_extent(run, box) for run in row] for row in rows]
    gutters = _gutters([e for row in extents for e in row], em)
    if not gutters:
        return None
    mids = [(a + b) / 2 for a, b in gutters]

    def column(e: Box) -> int | None:
        if any(e[0] < m < e[2] for m in mids):
            return None
        return sum(1 for m in mids if m <= (e[0] + e[2]) / 2)

    cols = [[column(e) for e in row] for row in extents]
    spanning = [any(c is None for c in row) for row in cols]
    tops = [max(e[3] for e in row) for row in extents]
    bottoms = [min(e[1] for e in row) for row in extents]
    n = len(rows)
    for k in range(min(EDGE_ROWS, n - 1)):  # a running header, set apart by white
        if tops[k + 1] < bottoms[k] - EDGE_GAP_EM * em:
            spanning[k] = True
        else:
            break
    for k in range(n - 1, max(n - 1 - EDGE_ROWS, 0), -1):  # a page number, a footer
        if tops[k] < bottoms[k - 1] - EDGE_GAP_EM * em:
            spanning[k] = True
        else:
            break

    out: list[tuple[str, tuple]] = []

    def emit(members: list, col: object) -> None:
        members = sorted(members, key=lambda c: c[1])
        parts: list[str] = []
        for k, c in enumerate(members):
            if k:
                prev = members[k - 1]
                between = text[prev[0] + 1 : c[0]] if c[0] > prev[0] + 1 else ""
                # a space PDFium put between the two, or the white between two runs of a row
                if (" " in between and not between.strip()) or c[1] - prev[3] > MIN_GUTTER_EM * em:
                    if not (parts[-1].isspace() or text[c[0]].isspace()):
                        parts.append(" ")
            parts.append(text[c[0]])
        seen = [c for c in members if not text[c[0]].isspace()]
        geom = None
        if seen:
            geom = (seen[0][1], seen[-1][3], max(seen[-1][3] - seen[-1][1], 0.0), col)
        out.append(("".join(parts), geom))

    band: list[int] = []

    def heights(rs: list[int]) -> dict[int, tuple[float, float]]:
        """Each column's (bottom, top) over the rows ``rs``."""
        out: dict[int, tuple[float, float]] = {}
        for r in rs:
            for e, c in zip(extents[r], cols[r]):
                if c is not None:
                    b, t = out.get(c, (e[1], e[3]))
                    out[c] = (min(b, e[1]), max(t, e[3]))
        return out

    def side_by_side(rs: list[int]) -> bool:
        spans = list(heights(rs).values())
        return any(_side_by_side(a, b) for k, a in enumerate(spans) for b in spans[k + 1 :])

    # each column's left and right edges, from the rows in columns
    edges: dict[int, tuple[float, float]] = {}
    for r in range(n):
        if not spanning[r]:
            for e, c in zip(extents[r], cols[r]):
                a, b = edges.get(c, (e[0], e[2]))
                edges[c] = (min(a, e[0]), max(b, e[2]))

    def column_text(rs: list[int]) -> bool:
        """Whether the rows ``rs`` hold a line filling its column (a column flowing on)."""
        return any(e[2] - e[0] >= FULL_LINE * (edges[c][1] - edges[c][0])
                   for r in rs for e, c in zip(extents[r], cols[r]) if c in edges)

    def pieces() -> list[list[int]]:
        """The band cut under the columns: at white across them all, when what lies below
        it is no column text (no columns side by side, no line filling a column)."""
        out: list[list[int]] = []
        start = 0
        for j in range(1, len(band)):
            low = min(bottoms[r] for r in band[start:j])
            if low - tops[band[j]] > BAND_GAP_EM * em and not side_by_side(band[j:]) and not column_text(band[j:]):
                out.append(band[start:j])
                start = j
        return out + [band[start:]]

    def flush() -> None:
        for k, piece in enumerate(pieces() if band else []):
            for col in range(len(gutters) + 1):
                for r in piece:
                    members = [c for run, rc in zip(rows[r], cols[r]) if rc == col for c in run]
                    if members:
                        # under the columns a line is no column's: it runs on from none of theirs
                        emit(members, (k, col) if k else col)
        band.clear()

    for r in range(n):
        if spanning[r]:
            flush()
            emit([c for run in rows[r] for c in run], None)
        else:
            band.append(r)
    flush()
    return out

"""Charts as inline SVG strings, drawn here (no library, no network): heatmap,
horizontal bars and a timeline.  Every chart is ``<svg class="chart" data-chart=NAME>``.

Margins are sized from the labels they hold (:func:`text_px`: a CJK character is about
1 em wide, other characters about 0.62 em); a label longer than a chart's cap is cut with
``…`` and keeps its full text in an SVG ``<title>`` (the browser's tooltip)."""

from __future__ import annotations

import colorsys
import functools
import math
from collections import defaultdict
from html import escape

FONT_PX = 12
FONT = 'font-family="Noto Sans CJK SC,Source Han Sans SC,Microsoft YaHei,sans-serif"'
ASCENT, DESCENT = 0.95, 0.3  # of the font size, generous: CJK fonts draw tall
MAX_LABEL_EM = 18.0          # a row or column label longer than this is cut (…)

# Okabe & Ito's colour-blind-safe set first (yellow last: the weakest on white), then
# colours generated to stay as far as possible from every colour already given (palette)
BASE_PALETTE = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]


# ---------------------------------------------------------------- text and colour

def char_em(c: str) -> float:
    return 0.62 if c.isascii() else 1.0


def text_em(s: str) -> float:
    return sum(char_em(c) for c in s)


def text_px(s: str, size: float = FONT_PX) -> float:
    """Estimated drawn width of ``s`` (no font metrics at hand: an ASCII character 0.62 em,
    wide for Latin on purpose, any other 1 em — CJK, full-width forms, and …, ·, ▸ that a
    CJK font draws full width)."""
    return size * text_em(s)


def fit(s: str, max_em: float = MAX_LABEL_EM) -> str:
    """``s``, or its head and ``…`` when it is wider than ``max_em``."""
    if text_em(s) <= max_em:
        return s
    out, w = [], char_em("…")
    for c in s:
        if w + char_em(c) > max_em:
            break
        out.append(c)
        w += char_em(c)
    return "".join(out) + "…"


def label(x: float, y: float, s: str, max_em: float = MAX_LABEL_EM, attrs: str = "",
          full: str | None = None) -> str:
    """A ``<text>``, cut to ``max_em``; when cut (or when ``full`` is given) the whole text
    is its ``<title>``."""
    shown = fit(s, max_em)
    tip = full if full is not None else (s if shown != s else None)
    t = f"<title>{escape(tip)}</title>" if tip else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" {attrs}>{t}{escape(shown)}</text>'


def _hex(r: float, g: float, b: float) -> str:
    """``#rrggbb`` of an RGB colour with channels in [0, 1]."""
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def _lab(h: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of ``#rrggbb``."""
    def lin(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(int(h[i:i + 2], 16)) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: str, b: str) -> float:
    """CIE76 colour difference of two ``#rrggbb`` (about 2.3: just noticeable)."""
    return math.dist(_lab(a), _lab(b))


@functools.cache
def _candidates() -> tuple[tuple[str, tuple[float, float, float]], ...]:
    out = []
    for hi in range(60):
        for s in (0.45, 0.7, 0.95):
            for v in (0.45, 0.65, 0.85):
                r, g, b = colorsys.hsv_to_rgb(hi / 60, s, v)
                h = _hex(r, g, b)
                lab = _lab(h)
                if lab[0] <= 82:  # not too pale on white
                    out.append((h, lab))
    return tuple(out)


@functools.cache
def palette(n: int) -> tuple[str, ...]:
    """``n`` distinct colours: :data:`BASE_PALETTE`, then each next colour the candidate
    farthest (CIE76) from all given so far; past the candidates, golden-angle hues."""
    out = [c.lower() for c in BASE_PALETTE[:n]]
    labs = [_lab(c) for c in out]
    cands = list(_candidates())
    best = [min((math.dist(lab, x) for x in labs), default=1e9) for _, lab in cands]
    taken = set(out)
    while len(out) < n and cands:
        i = max(range(len(cands)), key=best.__getitem__)
        h, lab = cands.pop(i)
        best.pop(i)
        if h in taken:
            continue
        out.append(h)
        taken.add(h)
        best = [min(b, math.dist(lab, x)) for b, (_, x) in zip(best, cands)]
    k = 0
    while len(out) < n:  # hundreds of regions: still distinct, no longer far apart
        k += 1
        r, g, b = colorsys.hls_to_rgb((k * 0.618034) % 1, 0.3 + 0.4 * ((k * 0.381966) % 1), 0.5 + 0.45 * ((k * 0.7548) % 1))
        h = _hex(r, g, b)
        if h not in taken:
            out.append(h)
            taken.add(h)
    return tuple(out)


def ink(fill: str) -> str:
    """Text colour readable on ``fill``."""
    return "#222" if _lab(fill)[0] > 60 else "#fff"


def _svg(name: str, w: float, h: float, body: list[str], title: str) -> str:
    w, h = math.ceil(w), math.ceil(h)
    return (f'<svg class="chart" data-chart="{escape(name)}" xmlns="http://www.w3.org/2000/svg" '
            f'width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{escape(title)}" {FONT} '
            f'font-size="{FONT_PX}"><title>{escape(title)}</title>' + "".join(body) + "</svg>")


def _shade(v: float, vmax: float, base=(27, 108, 168)) -> str:
    t = 0.0 if vmax <= 0 else min(1.0, v / vmax)
    r, g, b = (round(255 - (255 - c) * (0.12 + 0.88 * t)) if v else 247 for c in base)
    return f"rgb({r},{g},{b})"


def _label_em(labels: list[str], cap: float = MAX_LABEL_EM) -> float:
    return min(cap, max(map(text_em, labels), default=0.0))


# ---------------------------------------------------------------- charts

HEAD_ANGLE = 35  # column labels rise at this angle


def heatmap(name: str, rows: list[str], cols: list[str], values: list[list[float]], title: str,
            labels: list[list[str]] | None = None, cell: int = 46) -> str:
    """rows × cols grid; ``values[i][j]`` colours the cell, ``labels`` (default the value) is printed.
    Row labels end left of the grid, column labels rise at 35° above it; both margins are as
    large as the longest label (cut at :data:`MAX_LABEL_EM`)."""
    px = FONT_PX
    row_w = _label_em(rows) * px + 12
    col_len = _label_em(cols) * px + px  # the … and a little air
    sin, cos = math.sin(math.radians(HEAD_ANGLE)), math.cos(math.radians(HEAD_ANGLE))
    head = col_len * sin + ASCENT * px * cos + 12
    w = max(row_w + cell * len(cols) + 10,
            row_w + cell * (len(cols) - 0.5) + col_len * cos + DESCENT * px * sin + 6)
    h = head + 22 * len(rows) + 10
    vmax = max((v for r in values for v in r), default=0)
    body = []
    for j, c in enumerate(cols):
        x, y = row_w + j * cell + cell / 2, head - 6
        body.append(label(x, y, c, attrs=f'text-anchor="start" transform="rotate(-{HEAD_ANGLE} {x:.1f} {y:.1f})"'))
    for i, r in enumerate(rows):
        y = head + i * 22
        body.append(label(row_w - 6, y + 15, r, attrs='text-anchor="end"'))
        for j, _ in enumerate(cols):
            v = values[i][j]
            lab = labels[i][j] if labels else (str(int(v)) if v == int(v) else f"{v:.2f}")
            x = row_w + j * cell
            dark = vmax and v / vmax > 0.55
            body.append(f'<rect x="{x:.1f}" y="{y}" width="{cell - 2}" height="20" fill="{_shade(v, vmax)}"><title>{escape(r)} × {escape(cols[j])}: {escape(lab)}</title></rect>')
            body.append(f'<text x="{x + cell / 2 - 1:.1f}" y="{y + 14}" text-anchor="middle" fill="{"#fff" if dark else "#222"}">{escape(lab)}</text>')
    return _svg(name, w, h, body, title)


def bars(name: str, items: list[tuple[str, float, str]], title: str, axis: str = "",
         bar_w: int = 360, full: list[str] | None = None) -> str:
    """Horizontal bars: (label, value, colour); ``axis`` names what the bars count (printed
    above them); ``full[i]``, when given, is item i's tooltip (its label uncut)."""
    px = FONT_PX
    label_w = _label_em([lab for lab, _, _ in items], 30) * px + 12
    vmax = max((v for _, v, _ in items), default=1) or 1
    top = 24 if axis else 6
    h = top + 20 * len(items) + 8
    vals_w = max((text_px(f"{v:g}") for _, v, _ in items), default=0) + 10
    w = label_w + bar_w + vals_w
    body = []
    if axis:
        w = max(w, label_w + text_px(axis) + 6)
        body.append(f'<text x="{label_w:.1f}" y="{top - 8}" fill="#555">{escape(axis)}</text>')
    for i, (lab, v, colour) in enumerate(items):
        y = top + i * 20
        bw = bar_w * v / vmax
        tip = full[i] if full else lab
        body.append(label(label_w - 6, y + 13, lab, 30, 'text-anchor="end"', full=tip if tip != lab else None))
        body.append(f'<rect x="{label_w:.1f}" y="{y + 2}" width="{bw:.1f}" height="15" fill="{colour}"><title>{escape(tip)}: {v:g}</title></rect>')
        body.append(f'<text x="{label_w + bw + 4:.1f}" y="{y + 14}">{v:g}</text>')
    return _svg(name, w, h, body, title)


def _months(date: str) -> float | None:
    """Months since year 0 of an ISO date (None for ``--MM-DD``, year unknown, or junk)."""
    try:
        y, m, d = int(date[:4]), int(date[5:7]), int(date[8:10])
    except ValueError:
        return None
    return y * 12 + (m - 1) + (d - 1) / 31


OUTLIER_GAP = 48  # months: dates this far from all the others, and few, are off the axis


def axis_range(months: list[float]) -> tuple[int, int]:
    """The span of the time axis in whole years, as months since year 0. It leaves out a
    tail of dates (at either end) that :data:`OUTLIER_GAP` months or more separate from the
    rest, when the tail holds at most a tenth of the dates: one 2035 among plans of
    2024–2025 is drawn at the axis' edge with its year, not on an axis it would stretch."""
    v = sorted(months)
    n, few = len(v), len(v) // 10
    hi_i = n - 1
    for i in range(n - 1, 0, -1):  # i: the first date of an upper tail of n - i dates
        if n - i > few:
            break
        if v[i] - v[i - 1] >= OUTLIER_GAP:
            hi_i = i - 1
    lo_i = 0
    for i in range(0, hi_i):  # i: the last date of a lower tail of i + 1 dates
        if i + 1 > few:
            break
        if v[i + 1] - v[i] >= OUTLIER_GAP:
            lo_i = i + 1
    lo = int(v[lo_i] // 12) * 12
    hi = (int(v[hi_i] // 12) + 1) * 12
    return lo, max(hi, lo + 12)


def timeline(name: str, regions: list[str], points: list[tuple[str, str, str]], title: str,
             colours: list[str], width: int = 1100) -> str:
    """One row per region, a dot per deadline date (region, ISO date or --MM-DD, tooltip).

    - Several deadlines of one region on one date: one dot, larger, with the count in it.
    - A few dates far from the rest (:func:`axis_range`) are not on the axis: they are
      counted at its edge, ``▸ 2035``, so one 2035 deadline does not squash the others.
    - A date without a year (``--06-30``) is never placed on the axis: the column "year not
      stated" counts them per region.
    Every dot carries ``data-date``; the year-not-stated counts ``data-undated``."""
    px = FONT_PX
    label_w = _label_em(regions) * px + 12
    dated: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    undated: dict[str, list[str]] = defaultdict(list)
    for r, d, tip in points:
        if _months(d) is None:
            undated[r].append(f"{d} {tip}")
        else:
            dated[r][d].append(tip)
    all_m = [_months(d) for r in dated for d in dated[r]]
    lo, hi = axis_range(all_m) if all_m else (2022 * 12, 2023 * 12)
    # dates beyond the axis, one entry per deadline
    out_lo = {r: [d for d in sorted(dated[r]) if _months(d) < lo for _ in dated[r][d]] for r in regions}
    out_hi = {r: [d for d in sorted(dated[r]) if _months(d) >= hi for _ in dated[r][d]] for r in regions}

    def beyond(ds: list[str], arrow: str) -> str:
        years = sorted({d[:4] for d in ds})
        return f"{arrow} {', '.join(years)}" + (f" ({len(ds)})" if len(ds) > len(years) else "")

    left_w = max([text_px(beyond(v, "◂")) + 8 for v in out_lo.values() if v], default=0)
    right_w = max([text_px(beyond(v, "▸")) + 10 for v in out_hi.values() if v], default=0)
    nolab = "year not stated"
    und_w = text_px(nolab) + 12 if undated else 0
    span = hi - lo
    plot_x = label_w + left_w + 8
    plot_w = max(300.0, width - plot_x - right_w - und_w - 16)
    plot_r = plot_x + plot_w
    w = plot_r + max(8 + right_w + und_w + 8, text_px("2024-01") / 2 + 6)
    top = 34 if undated else 20
    h = top + 10 + 30 * len(regions) + 22
    body = []

    # ticks: every 3, 6, 12, 24 or 60 months, whichever leaves room for a label
    step = next((s for s in (3, 6, 12, 24, 60) if plot_w * s / span >= 64), 120)
    for k in range(0, span + 1, step):
        x = plot_x + plot_w * k / span
        y_, m_ = divmod(lo + k, 12)
        body.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{h - 18}" stroke="#ddd"/>')
        body.append(f'<text x="{x:.1f}" y="{h - 5}" text-anchor="middle" fill="#555" data-tick="{y_}-{m_ + 1:02d}">'
                    f'{y_ if step >= 12 else f"{y_}-{m_ + 1:02d}"}</text>')
    if undated:
        ux = plot_r + 8 + right_w + und_w / 2
        body.append(f'<text x="{ux:.1f}" y="{top - 14}" text-anchor="middle" fill="#555">{nolab}</text>')
    for ri, r in enumerate(regions):
        y = top + 10 + ri * 30
        colour = colours[ri]
        body.append(label(label_w - 6, y + 4, r, attrs='text-anchor="end"'))
        body.append(f'<line x1="{plot_x:.1f}" y1="{y}" x2="{plot_r:.1f}" y2="{y}" stroke="#bbb"/>')
        for d in sorted(dated[r]):
            m = _months(d)
            if not lo <= m < hi:
                continue
            tips = dated[r][d]
            n = len(tips)
            x = plot_x + plot_w * (m - lo) / span
            rad = 5 if n == 1 else min(9.0, 6 + math.sqrt(n - 1))
            tip = f"{d}: {n} deadline{'s' if n > 1 else ''}\n" + "\n".join(tips[:15]) + (f"\n… {n - 15} more" if n > 15 else "")
            body.append(f'<g data-region="{escape(r)}" data-date="{d}" data-count="{n}"><title>{escape(tip)}</title>'
                        f'<circle cx="{x:.1f}" cy="{y}" r="{rad:.1f}" fill="{colour}" fill-opacity="0.75" stroke="#fff" stroke-width="0.8"/>'
                        + (f'<text x="{x:.1f}" y="{y + 3.5}" text-anchor="middle" font-size="10" fill="{ink(colour)}">{n}</text>' if n > 1 else "")
                        + "</g>")
        for ds, arrow, x, anchor in ((out_lo[r], "◂", label_w + 4, "start"), (out_hi[r], "▸", plot_r + 8, "start")):
            if ds:
                tip = "outside the axis: " + "; ".join(f"{d} {t}" for d in sorted(set(ds)) for t in dated[r][d])
                body.append(f'<text x="{x:.1f}" y="{y + 4}" text-anchor="{anchor}" fill="{colour}" data-region="{escape(r)}" data-beyond="{escape(",".join(ds))}">'
                            f'<title>{escape(tip)}</title>{escape(beyond(ds, arrow))}</text>')
        if not dated[r] and not undated[r]:
            body.append(f'<text x="{plot_x + 4:.1f}" y="{y - 4}" fill="#888" font-size="11" data-region="{escape(r)}">no deadlines</text>')
        if undated[r]:
            ux = plot_r + 8 + right_w + und_w / 2
            n = len(undated[r])
            body.append(f'<g data-region="{escape(r)}" data-undated="{n}"><title>{escape("year not stated: " + "; ".join(undated[r]))}</title>'
                        f'<circle cx="{ux:.1f}" cy="{y}" r="9" fill="#fff" stroke="{colour}" stroke-width="2"/>'
                        f'<text x="{ux:.1f}" y="{y + 4}" text-anchor="middle" font-size="11">{n}</text></g>')
    if not all_m and not undated:
        body.append(f'<text x="{plot_x:.1f}" y="{h / 2:.1f}" fill="#888">no deadlines extracted</text>')
    return _svg(name, w, h, body, title)

"""Charts as inline SVG strings, drawn here (no library, no network): heatmap,
horizontal bars and a timeline.  Every chart is ``<svg class="chart" data-chart=NAME>``."""

from __future__ import annotations

from html import escape

PALETTE = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#2e4057", "#c16200"]
FONT = 'font-family="Noto Sans CJK SC,Source Han Sans SC,Microsoft YaHei,sans-serif"'


def _svg(name: str, w: int, h: int, body: list[str], title: str) -> str:
    return (f'<svg class="chart" data-chart="{escape(name)}" xmlns="http://www.w3.org/2000/svg" '
            f'width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{escape(title)}" {FONT} '
            f'font-size="12"><title>{escape(title)}</title>' + "".join(body) + "</svg>")


def _shade(v: float, vmax: float, base=(27, 108, 168)) -> str:
    t = 0.0 if vmax <= 0 else min(1.0, v / vmax)
    r, g, b = (round(255 - (255 - c) * (0.12 + 0.88 * t)) if v else 247 for c in base)
    return f"rgb({r},{g},{b})"


def heatmap(name: str, rows: list[str], cols: list[str], values: list[list[float]], title: str,
            labels: list[list[str]] | None = None, cell: int = 46, row_label_w: int = 170) -> str:
    """rows × cols grid; ``values[i][j]`` colours the cell, ``labels`` (default the value) is printed."""
    head = 70
    w = row_label_w + cell * len(cols) + 10
    h = head + 22 * len(rows) + 10
    vmax = max((v for r in values for v in r), default=0)
    body = []
    for j, c in enumerate(cols):
        x = row_label_w + j * cell + cell / 2
        body.append(f'<text x="{x}" y="{head - 8}" text-anchor="start" transform="rotate(-35 {x} {head - 8})">{escape(c)}</text>')
    for i, r in enumerate(rows):
        y = head + i * 22
        body.append(f'<text x="{row_label_w - 6}" y="{y + 15}" text-anchor="end">{escape(r)}</text>')
        for j, _ in enumerate(cols):
            v = values[i][j]
            lab = labels[i][j] if labels else (str(int(v)) if v == int(v) else f"{v:.2f}")
            x = row_label_w + j * cell
            dark = vmax and v / vmax > 0.55
            body.append(f'<rect x="{x}" y="{y}" width="{cell - 2}" height="20" fill="{_shade(v, vmax)}"><title>{escape(r)} × {escape(cols[j])}: {escape(lab)}</title></rect>')
            body.append(f'<text x="{x + cell / 2 - 1}" y="{y + 14}" text-anchor="middle" fill="{"#fff" if dark else "#222"}">{escape(lab)}</text>')
    return _svg(name, w, h, body, title)


def bars(name: str, items: list[tuple[str, float, int]], title: str, label_w: int = 230, bar_w: int = 360) -> str:
    """Horizontal bars: (label, value, colour index)."""
    vmax = max((v for _, v, _ in items), default=1) or 1
    h = 20 + 20 * len(items)
    body = []
    for i, (lab, v, ci) in enumerate(items):
        y = 10 + i * 20
        bw = bar_w * v / vmax
        body.append(f'<text x="{label_w - 6}" y="{y + 13}" text-anchor="end">{escape(lab)}</text>')
        body.append(f'<rect x="{label_w}" y="{y + 2}" width="{bw:.1f}" height="15" fill="{PALETTE[ci % len(PALETTE)]}"><title>{escape(lab)}: {v:g}</title></rect>')
        body.append(f'<text x="{label_w + bw + 4:.1f}" y="{y + 14}">{v:g}</text>')
    return _svg(name, label_w + bar_w + 50, h, body, title)


def _month_index(date: str, base_year: int) -> float | None:
    try:
        if date.startswith("--"):
            y, m, d = base_year, int(date[2:4]), int(date[5:7])
        else:
            y, m, d = int(date[:4]), int(date[5:7]), int(date[8:10])
    except ValueError:
        return None
    return (y - base_year) * 12 + (m - 1) + d / 31


def timeline(name: str, regions: list[str], points: list[tuple[str, str, str]], title: str,
             label_w: int = 110, width: int = 760) -> str:
    """One row per region, a dot per deadline (region, ISO date or --MM-DD, tooltip)."""
    years = sorted({int(d[:4]) for _, d, _ in points if d[:4].isdigit()})
    base = years[0] if years else 2022
    idx = [(_month_index(d, base), r, d, tip) for r, d, tip in points]
    idx = [x for x in idx if x[0] is not None]
    span = max([i for i, *_ in idx] + [12.0])
    span = max(12.0, float(int(span) + 1))
    plot_w = width - label_w - 20
    h = 40 + 30 * len(regions)
    body = []
    for k in range(0, int(span) + 1, 3 if span <= 36 else 12):
        x = label_w + plot_w * k / span
        y_, m_ = divmod(k, 12)
        body.append(f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{h - 15}" stroke="#ddd"/>')
        body.append(f'<text x="{x:.1f}" y="{h - 2}" text-anchor="middle" fill="#555">{base + y_}-{m_ + 1:02d}</text>')
    for ri, r in enumerate(regions):
        y = 30 + ri * 30
        body.append(f'<text x="{label_w - 6}" y="{y + 4}" text-anchor="end">{escape(r)}</text>')
        body.append(f'<line x1="{label_w}" y1="{y}" x2="{label_w + plot_w}" y2="{y}" stroke="#bbb"/>')
        for i, rr, d, tip in idx:
            if rr != r:
                continue
            x = label_w + plot_w * i / span
            body.append(f'<circle cx="{x:.1f}" cy="{y}" r="5" fill="{PALETTE[ri % len(PALETTE)]}" fill-opacity="0.6">'
                        f'<title>{escape(d)} {escape(tip)}</title></circle>')
    if not idx:
        body.append(f'<text x="{label_w}" y="{h / 2}" fill="#888">no deadlines extracted</text>')
    return _svg(name, width, h, body, title)

"""The many-region report as one offline HTML page: charts (inline SVG, :mod:`.charts`)
and the same data as tables.  A small inline script counts the rendered charts into
``<body data-charts-rendered=N data-charts-expected=M>`` (read by the browser test)."""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from . import charts
from .report import ROLES

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:1.5em 2em;color:#222;max-width:1200px}
h1{font-size:1.5em}h2{border-bottom:2px solid #1b6ca8;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.8em 0;font-size:.9em}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}
th{background:#f0f4f8}.chart{display:block;margin:.6em 0;max-width:100%;height:auto}
.note{color:#666;font-size:.9em}.legend span{display:inline-block;margin-right:1em}
.legend i,td i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle}
"""

SCRIPT = """
(function(){
  var svgs=document.querySelectorAll('svg.chart');var ok=0;
  svgs.forEach(function(s){var b=s.getBBox?s.getBBox():null;
    if(s.querySelectorAll('rect,circle,line').length>0&&b&&b.width>0&&b.height>0){ok++;s.setAttribute('data-rendered','1');}});
  document.body.setAttribute('data-charts-rendered',String(ok));
  document.body.setAttribute('data-charts-expected',String(svgs.length));
})();
"""


class Raw(str):
    """A table cell that is already HTML."""


def _table(head: list[str], rows: list[list], cls: str = "") -> str:
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f"<td>{c if isinstance(c, Raw) else escape(str(c))}</td>" for c in r) + "</tr>"
                  for r in rows)
    return f'<table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>'


def _swatch(colour: str) -> str:
    return f'<i style="background:{colour}"></i>'


def _legend(regions: list[str], colours: list[str]) -> str:
    return '<div class="legend">' + "".join(
        f'<span data-region="{escape(r)}" data-colour="{c}">{_swatch(c)}{escape(r)}</span>'
        for r, c in zip(regions, colours)) + "</div>"


def _note(text: str) -> str:
    return f"<p class=note>{text}</p>"


def _fold_number(s: str) -> str:
    """A measure's number with its brackets full width, （一） whether the plan prints
    （一） or (一): the same-pairs list reads alike across plans."""
    num, sep, rest = s.partition(" ")
    return num.translate(_FULL) + sep + rest


_FULL = str.maketrans({"(": "（", ")": "）"})
KIND_ORDER = ("target", "limit", "incentive", "threshold")
KINDS = ("target: a level to reach; limit: a ceiling (time, cost, steps — 压缩至…以内); "
         "incentive: a grant, subsidy or reward (给予/奖励/补贴); threshold: a condition on who "
         "qualifies (…达到5000万元的企业)")
MAX_BARS = 60  # a bar chart draws about this many bars at most (stated on the page)


def report_html(data: dict) -> str:
    regions = [r["region"] for r in data["regions"]]
    colours = list(charts.palette(len(regions)))
    colour = dict(zip(regions, colours))
    topics = data["topics"]
    cov = data["topic_coverage"]
    parts: list[str] = []

    parts.append("<h2>Regions</h2>" + _table(
        ["", "region", "measures", "documents", "source"],
        [[Raw(_swatch(colour[r["region"]])), r["region"], r["measures"], r["documents"], r["path"]]
         for r in data["regions"]], "regions"))
    if data.get("skipped"):
        parts.append(_note("Left out, could not be read:") + _table(
            ["source", "problem"], [[x["path"], x["error"]] for x in data["skipped"]], "skipped"))

    # topic coverage
    from ..extract.topics import topic_names

    no_topic = data.get("no_topic", {})
    n_topics = len(topic_names())
    parts.append("<h2>Topic coverage per region</h2>" + _note(
        "Measures tagged with each business-environment indicator area (grammars/topics.yaml; a measure "
        f"can carry several). {len(topics)} of the {n_topics} areas appear: the areas no plan touches are "
        "left out. <b>(no topic)</b>: the measures no area was tagged on."))
    rows_t = topics + ["(no topic)"]
    grid = [[cov[r][t] for r in regions] for t in topics] + [[no_topic.get(r, 0) for r in regions]]
    parts.append(charts.heatmap("topic-coverage", rows_t, regions, grid, "Topic coverage per region"))
    parts.append(_table(["topic"] + regions, [[t] + g for t, g in zip(rows_t, grid)], "coverage"))

    # overlap matrix
    parts.append("<h2>Measure overlap</h2>")
    if len(regions) < 2:
        parts.append(_note("<b>Only one plan was given: there is no pair of regions to compare.</b> "
                           "Give two or more plans for the overlap."))
    parts.append(_note(
        "Off the diagonal, a cell reads <b>same / related</b>: the pairs of measures of the two regions "
        "aligned as the same measure (copied text) or as related (the same reform, reworded). "
        "On the diagonal: the region's number of measures. A cell's shade is 2 × same + related "
        "(a same pair weighs twice a related one), darker for more. "
        "The counts come from one TF-IDF index fitted over <b>all the plans in this report</b>: a pair's "
        "counts can differ from <code>policyparse diff</code> of the two plans alone, and between reports "
        "that compare different sets of plans."))
    idx = {r: i for i, r in enumerate(regions)}
    vals = [[0.0] * len(regions) for _ in regions]
    labs = [["–"] * len(regions) for _ in regions]
    for o in data["overlap"]:
        i, j = idx[o["a"]], idx[o["b"]]
        for x, y in ((i, j), (j, i)):
            vals[x][y] = o["same"] * 2 + o["related"]
            labs[x][y] = f"{o['same']}/{o['related']}"
    for r in data["regions"]:
        i = idx[r["region"]]
        labs[i][i] = str(r["measures"])
    parts.append(charts.heatmap("overlap-matrix", regions, regions, vals, "Measure overlap (same/related)",
                                labels=labs, cell=70))
    parts.append(_table(["region A", "region B", "same", "related"],
                        [[o["a"], o["b"], o["same"], o["related"]] for o in data["overlap"]], "overlap"))
    ex_rows = [[o["a"], o["b"], e["relation"], _fold_number(e["a"]), _fold_number(e["b"]), f"{e['score']:.2f}"]
               for o in data["overlap"] for e in o["examples"] if e["relation"] == "same"]
    n_same = sum(o["same"] for o in data["overlap"])
    if ex_rows:
        shown = f"same pairs ({min(60, len(ex_rows))} of {n_same} shown)" if n_same > len(ex_rows[:60]) else "same pairs"
        ex_rows = ex_rows[:60]
        parts.append(f"<details><summary>{shown}</summary>" + _note(
            "Measure numbers are shown with full-width brackets, （一）, whether the plan prints （一） or (一). "
            "The JSON holds up to 200 aligned pairs per pair of regions (<code>examples</code>).") + _table(
            ["A", "B", "relation", "measure A", "measure B", "score"], ex_rows, "pairs") + "</details>")

    # deadlines
    dated = {r: Counter() for r in regions}
    undated: dict[str, list[str]] = {r: [] for r in regions}
    for d in data["deadlines"]:
        if d["date"].startswith("--"):
            undated[d["region"]].append(f"{d['text']} ({d['date']})")
        else:
            dated[d["region"]][d["date"][:7]] += 1
    parts.append("<h2>Deadlines</h2>" + _legend(regions, colours))
    parts.append(_note(
        "One dot per region and date; a number in a dot counts the deadlines on that date. A few dates "
        "four years or more from all the others (at most a tenth of them) are not on the axis: they are "
        "counted at its edge with their year (▸ 2035). "
        "<b>year not stated</b>: deadlines such as 6月底前 in a plan that never states its year "
        "(<code>--06-30</code>) — counted apart, never placed in another plan's year."))
    parts.append(charts.timeline("deadline-timeline", regions,
                                 [(d["region"], d["date"], f"{d['text']} — {d['measure']}") for d in data["deadlines"]],
                                 "Deadlines per region", colours))
    parts.append(_table(["region", "deadlines", "by month", "year not stated"],
                        [[r, sum(dated[r].values()) + len(undated[r]),
                          ", ".join(f"{k}: {v}" for k, v in sorted(dated[r].items())),
                          f"{len(undated[r])}: " + "; ".join(undated[r]) if undated[r] else ""] for r in regions],
                        "deadlines"))

    # units
    named = data.get("units_named", {r: len(data["units"].get(r, [])) for r in regions})
    top = data.get("top_units", 8)
    per = max(1, min(6, MAX_BARS // max(1, len(regions))))
    parts.append("<h2>Units carrying most measures</h2>" + _legend(regions, colours))
    parts.append(_note(
        f"Bars count the measures that name a unit (any role). The chart shows each region's {per} units "
        f"carrying most measures; the table and the JSON each region's {top}, of the number it names "
        "(in brackets after the region's first row). Units are counted by function: 区市场监管局 and 太谷区市场监督管理局 are one."))
    u_items, u_full = [], []
    for r in regions:
        us = data["units"].get(r, [])
        if not us:
            u_items.append((f"(no units named) · {charts.fit(r, 12)}", 0, colour[r]))
            u_full.append(f"(no units named) · {r}")
        for u in us[:per]:
            u_items.append((f"{charts.fit(u['unit'], 12)} · {charts.fit(r, 12)}", u["measures"], colour[r]))
            u_full.append(f"{u['unit']} · {r}")
    parts.append(charts.bars("top-units", u_items, "Units carrying most measures",
                             axis="measures naming the unit", full=u_full))
    u_rows = []
    for r in regions:
        us = data["units"].get(r, [])
        if not us:
            u_rows.append([r, "(no units named)", 0, ""])
        for i, u in enumerate(us):
            u_rows.append([f"{r} ({len(us)} of {named.get(r, len(us))})" if i == 0 else r, u["unit"], u["measures"],
                           ", ".join(f"{k} {u['roles'][k]}" for k in ROLES if u["roles"].get(k))])
    parts.append(_table(["region", "unit", "measures", "roles"], u_rows, "units"))

    # quantities
    by_topic: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for q in data["quantities"]:
        by_topic[q["topic"]][q["region"]].append(q)
    order = sorted(by_topic, key=lambda t: -sum(len(v) for v in by_topic[t].values()))
    kinds = Counter(q["kind"] for q in data["quantities"])
    shown_t, n_bars = [], 0
    for t in order[:10]:
        k = sum(1 for r in regions if by_topic[t][r])
        if shown_t and n_bars + k > MAX_BARS:
            break
        shown_t.append(t)
        n_bars += k
    parts.append("<h2>Figures by topic: targets, limits, incentives, thresholds</h2>" + _legend(regions, colours))
    parts.append(_note(
        f"Every figure the plans name, {len(data['quantities'])} in all ("
        + ", ".join(f"{kinds[k]} {k}{'s' if kinds[k] != 1 else ''}" for k in KIND_ORDER if kinds[k])
        + f"), by topic: the measure's first topic; a goal's figure (目标) takes the topic its metric names, "
        f"else 其他. Kinds — {KINDS}. "
        f"Bars count figures of all four kinds. The chart shows the {len(shown_t)} topics with most figures, "
        f"of {len(order)}; the table lists all {len(order)}, every figure, grouped by kind."))
    q_items = [(f"{t} · {charts.fit(r, 12)}", len(by_topic[t][r]), colour[r]) for t in shown_t for r in regions
               if by_topic[t][r]]
    q_full = [f"{t} · {r}" for t in shown_t for r in regions if by_topic[t][r]]
    if not q_items:
        q_items, q_full = [("(no figures named)", 0, "#888")], ["(no figures named)"]
    parts.append(charts.bars("quantities-by-topic", q_items, "Figures per topic and region",
                             axis="figures named (targets, limits, incentives, thresholds)", full=q_full))
    rows = []
    for t in order:
        cells = []
        for r in regions:
            qs = by_topic[t][r]
            groups = []
            for k in KIND_ORDER:
                fs = [f"{(q['metric'] + ' ') if q['metric'] else ''}{q['shown']}" for q in qs if q["kind"] == k]
                if fs:
                    groups.append(f"<b>{k}</b>: " + escape("; ".join(fs)))
            cells.append(Raw("<br>".join(groups)))
        rows.append([t] + cells)
    parts.append(_table(["topic"] + regions, rows, "quantities"))
    none = [r for r in regions if not any(q["region"] == r for q in data["quantities"])]
    if none:
        parts.append(_note("No figures named: " + escape("、".join(none)) + "."))

    title = "policyparse: " + " · ".join(regions)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>{CSS}</style></head><body>
<h1>{escape(title)}</h1>
<p class=note>Generated by <code>policyparse compare</code>; works offline (charts are inline SVG).</p>
{''.join(parts)}
<script>{SCRIPT}</script>
</body></html>
"""

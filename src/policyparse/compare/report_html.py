"""The many-region report as one offline HTML page: charts (inline SVG, :mod:`.charts`)
and the same data as tables.  A small inline script counts the rendered charts into
``<body data-charts-rendered=N data-charts-expected=M>`` (read by the browser test)."""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from . import charts

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:1.5em 2em;color:#222;max-width:1200px}
h1{font-size:1.5em}h2{border-bottom:2px solid #1b6ca8;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;margin:.8em 0;font-size:.9em}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}
th{background:#f0f4f8}.chart{display:block;margin:.6em 0;max-width:100%;height:auto}
.note{color:#666;font-size:.9em}.legend span{display:inline-block;margin-right:1em}
.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle}
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


def _table(head: list[str], rows: list[list[str]], cls: str = "") -> str:
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    trs = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{trs}</tbody></table>'


def _legend(regions: list[str]) -> str:
    return '<div class="legend">' + "".join(
        f'<span><i style="background:{charts.PALETTE[i % len(charts.PALETTE)]}"></i>{escape(r)}</span>'
        for i, r in enumerate(regions)) + "</div>"


def report_html(data: dict) -> str:
    regions = [r["region"] for r in data["regions"]]
    topics = data["topics"]
    cov = data["topic_coverage"]
    parts: list[str] = []

    parts.append("<h2>Regions</h2>" + _table(
        ["region", "measures", "documents", "source"],
        [[r["region"], r["measures"], r["documents"], r["path"]] for r in data["regions"]], "regions"))
    if data.get("skipped"):
        parts.append("<p class=note>Left out, could not be read:</p>" + _table(
            ["source", "problem"], [[x["path"], x["error"]] for x in data["skipped"]], "skipped"))

    # topic coverage
    parts.append("<h2>Topic coverage per region</h2><p class=note>Measures tagged with each "
                 "business-environment indicator area (grammars/topics.yaml; a measure can carry several).</p>")
    parts.append(charts.heatmap("topic-coverage", topics, regions,
                                [[cov[r][t] for r in regions] for t in topics], "Topic coverage per region"))
    parts.append(_table(["topic"] + regions, [[t] + [cov[r][t] for r in regions] for t in topics], "coverage"))

    # overlap matrix
    parts.append("<h2>Measure overlap</h2><p class=note>Cells: same / related pairs between two regions' measures.</p>")
    idx = {r: i for i, r in enumerate(regions)}
    vals = [[0.0] * len(regions) for _ in regions]
    labs = [["–"] * len(regions) for _ in regions]
    for o in data["overlap"]:
        i, j = idx[o["a"]], idx[o["b"]]
        for x, y in ((i, j), (j, i)):
            vals[x][y] = o["same"] * 2 + o["related"]
            labs[x][y] = f"{o['same']}/{o['related']}"
    for r in regions:
        i = idx[r]
        labs[i][i] = str(next(x["measures"] for x in data["regions"] if x["region"] == r))
    parts.append(charts.heatmap("overlap-matrix", regions, regions, vals, "Measure overlap (same/related)",
                                labels=labs, cell=70, row_label_w=110))
    parts.append(_table(["region A", "region B", "same", "related"],
                        [[o["a"], o["b"], o["same"], o["related"]] for o in data["overlap"]], "overlap"))
    ex_rows = [[o["a"], o["b"], e["relation"], e["a"], e["b"], f"{e['score']:.2f}"]
               for o in data["overlap"] for e in o["examples"] if e["relation"] == "same"]
    n_same = sum(o["same"] for o in data["overlap"])
    if ex_rows:
        shown = f"same pairs ({min(60, len(ex_rows))} of {n_same} shown)" if n_same > 60 else "same pairs"
        ex_rows = ex_rows[:60]
        parts.append(f"<details><summary>{shown}</summary>" + _table(
            ["A", "B", "relation", "measure A", "measure B", "score"], ex_rows, "pairs") + "</details>")

    # deadlines
    parts.append("<h2>Deadlines</h2>" + _legend(regions))
    parts.append(charts.timeline("deadline-timeline", regions,
                                 [(d["region"], d["date"], f"{d['text']} — {d['measure']}") for d in data["deadlines"]],
                                 "Deadlines per region"))
    dl_counts = {r: Counter(d["date"][:7] if not d["date"].startswith("--") else d["date"][:4]
                            for d in data["deadlines"] if d["region"] == r) for r in regions}
    parts.append(_table(["region", "deadlines", "by month"],
                        [[r, sum(dl_counts[r].values()),
                          ", ".join(f"{k}: {v}" for k, v in sorted(dl_counts[r].items()))] for r in regions],
                        "deadlines"))

    # units
    parts.append("<h2>Units carrying most measures</h2>" + _legend(regions))
    unit_items = [(f"{u['unit']}", u["measures"], idx[r]) for r in regions for u in data["units"].get(r, [])[:6]]
    if not unit_items:
        unit_items = [("(no units extracted)", 0, 0)]
    parts.append(charts.bars("top-units", unit_items, "Units carrying most measures"))
    parts.append(_table(["region", "unit", "measures", "roles"],
                        [[r, u["unit"], u["measures"], ", ".join(f"{k} {v}" for k, v in u["roles"].items())]
                         for r in regions for u in data["units"].get(r, [])], "units"))

    # quantities
    parts.append("<h2>Quantitative targets by topic</h2>" + _legend(regions))
    by_topic: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for q in data["quantities"]:
        by_topic[q["topic"]][q["region"]].append(q)
    order = sorted(by_topic, key=lambda t: -sum(len(v) for v in by_topic[t].values()))
    q_items = [(f"{t} · {r}", len(by_topic[t][r]), idx[r]) for t in order[:10] for r in regions if by_topic[t][r]]
    if not q_items:
        q_items = [("(no quantities extracted)", 0, 0)]
    parts.append(charts.bars("quantities-by-topic", q_items, "Quantitative targets per topic and region"))
    rows = []
    for t in order:
        rows.append([t] + ["; ".join(f"{(q['metric'] + ' ') if q['metric'] else ''}{q['shown']}"
                                     for q in by_topic[t][r][:8]) + (" …" if len(by_topic[t][r]) > 8 else "")
                           for r in regions])
    parts.append(_table(["topic"] + regions, rows, "quantities"))

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

"""``policyparse compare``: the data of a many-region report (topic coverage, measure
overlap, deadlines, units, quantitative targets), as one dict (``--format json``) or
long-format rows (``--format csv``).  The HTML page is :mod:`.report_html`."""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from itertools import combinations

from .align import Thresholds, align
from .fielddiff import fmt_quantity
from .load import Plan
from .similarity import Index, unit_function

GOALS = "目标"  # the `measure` of a goal's deadline or figure in the report
ROLES = ("lead", "responsible", "cooperating")  # the order roles are listed in
NO_TOPIC = "(no topic)"  # the CSV key of the measures no topic was tagged on


def report_data(plans: list[Plan], th: Thresholds | None = None, top_units: int = 8,
                skipped: list[tuple[str, str]] | None = None) -> dict:
    """``skipped``: the inputs left out, as (path, problem), listed in the report."""
    th = th or Thresholds()
    from ..extract.topics import tag_topics, topic_names
    from ..normalize.script import working_text

    regions = [p.label for p in plans]
    index = Index([it for p in plans for it in p.items])  # one index: every pair reuses it

    coverage = {p.label: Counter(t for it in p.items for t in it.topics) for p in plans}
    topics = [t for t in topic_names() if any(coverage[r][t] for r in regions)]

    overlap = []
    for pa, pb in combinations(plans, 2):
        al = align(pa, pb, th, index, closest=False)
        c = al.counts()
        overlap.append({
            "a": pa.label, "b": pb.label, "same": c["same"], "related": c["related"],
            "examples": [
                {"relation": x.relation, "a": f"{x.a.number} {x.a.measure.title}",
                 "b": f"{x.b.number} {x.b.measure.title}", "score": x.score}
                for x in al.pairs[:200]
            ],
        })

    deadlines = []
    units: dict[str, list[dict]] = {}
    units_named: dict[str, int] = {}
    quantities = []
    for p in plans:
        # units by function (unit_function: 区市场监管局 and 太谷区市场监督管理局 are one body),
        # each shown as the region prints it most often
        uc: Counter[str] = Counter()
        roles: dict[str, Counter[str]] = defaultdict(Counter)
        printed: dict[str, Counter[str]] = defaultdict(Counter)
        for it in p.items:
            m = it.measure
            for d in m.deadlines:
                deadlines.append({"region": p.label, "date": d.date, "text": d.text,
                                  "measure": f"{m.number} {m.title}", "id": m.id})
            seen = set()
            for u in m.units:
                key = unit_function(u.name_simplified)
                if u.generic or key in seen:
                    continue
                seen.add(key)
                uc[key] += 1
                roles[key][u.role] += 1
                printed[key][u.name] += 1
            for q in m.quantities:
                quantities.append(_figure(p.label, it.topics[0] if it.topics else "其他", q,
                                          f"{m.number} {m.title}", m.id))
        # the plan's headline goals (目标 sections, indicator tables) beside its measures'
        # figures: topic from the metric they name, id d<doc>-goals
        for di, doc in enumerate(p.result.documents, 1):
            for d in doc.goals.deadlines:
                deadlines.append({"region": p.label, "date": d.date, "text": d.text, "measure": GOALS, "id": f"d{di}-goals"})
            for q in doc.goals.quantities:
                topics_q = tag_topics(working_text(q.metric)) if q.metric else []
                quantities.append(_figure(p.label, topics_q[0] if topics_q else "其他", q, GOALS, f"d{di}-goals"))
        units[p.label] = [{"unit": printed[n].most_common(1)[0][0], "measures": k,
                           "roles": {r: roles[n][r] for r in ROLES if roles[n][r]}}
                          for n, k in uc.most_common(top_units)]
        units_named[p.label] = len(uc)
    deadlines.sort(key=lambda d: (d["region"], d["date"][-5:] if d["date"].startswith("--") else d["date"]))

    return {
        "regions": [{"region": p.label, "path": p.path, "measures": len(p.items),
                     "documents": len(p.result.documents)} for p in plans],
        "topics": topics,
        "topic_coverage": {r: {t: coverage[r][t] for t in topics} for r in regions},
        "no_topic": {p.label: sum(1 for it in p.items if not it.topics) for p in plans},
        "overlap": overlap,
        "deadlines": deadlines,
        "units": units,
        "units_named": units_named,
        "top_units": top_units,
        "quantities": quantities,
        "thresholds": {k: v for k, v in th.__dict__.items()},
        "skipped": [{"path": path, "error": problem} for path, problem in skipped or []],
    }


def _figure(region: str, topic: str, q, measure: str, id_: str) -> dict:
    """A quantity as the report lists it, with the measure (or 目标) it belongs to."""
    return {
        "region": region, "topic": topic,
        "metric": q.metric or "", "value": q.value, "value_max": q.value_max, "unit": q.unit,
        "comparator": q.comparator, "kind": q.kind, "shown": fmt_quantity(q), "text": q.text,
        "measure": measure, "id": id_,
    }


def report_csv(data: dict) -> str:
    """Long format: section, region, key, value, detail; a quantity row also carries its
    figure as numbers (number, number_max, unit, comparator, kind), an overlap row its two
    regions in region_a, region_b (and no region)."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    header = ["section", "region", "key", "value", "detail", "number", "number_max", "unit", "comparator", "kind",
              "region_a", "region_b"]

    def row(cells: list) -> None:  # every row as wide as the header
        out.writerow(list(cells) + [""] * (len(header) - len(cells)))

    row(header)
    for r in data["regions"]:
        row(["region", r["region"], "measures", r["measures"], r["path"]])
        row(["region", r["region"], "documents", r["documents"], r["path"]])
    for region, cov in data["topic_coverage"].items():
        for t, n in cov.items():
            row(["topic_coverage", region, t, n, ""])
        row(["topic_coverage", region, NO_TOPIC, data["no_topic"][region], ""])
    for o in data["overlap"]:
        for rel in ("same", "related"):
            row(["overlap", "", rel, o[rel], ""] + [""] * 5 + [o["a"], o["b"]])
    for d in data["deadlines"]:
        row(["deadline", d["region"], d["date"], d["text"], d["measure"]])
    for region, n in data["units_named"].items():
        row(["units_named", region, "units", n, ""])
    for region, us in data["units"].items():
        for u in us:
            row(["unit", region, u["unit"], u["measures"], ";".join(f"{k}:{v}" for k, v in u["roles"].items())])
    for q in data["quantities"]:
        row(["quantity", q["region"], q["topic"], q["shown"], f"{q['metric']} | {q['text']} | {q['measure']}",
             q["value"], "" if q["value_max"] is None else q["value_max"], q["unit"], q["comparator"], q["kind"]])
    for x in data.get("skipped", []):
        row(["skipped", "", x["path"], "", x["error"]])
    return buf.getvalue()

"""Scoring an extraction against a hand annotation (the format of
shared/spec/examples/quzhou.gold.json): F1 by item, as the project is judged."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from policyparse.normalize.script import fold_width, to_simplified


def _n(s: str) -> str:
    return to_simplified(fold_width(s)).replace(" ", "")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list = field(default_factory=list)

    def add(self, got: Counter, want: Counter, where: str = "") -> None:
        tp = sum((got & want).values())
        self.tp += tp
        self.fp += sum(got.values()) - tp
        self.fn += sum(want.values()) - tp
        if got != want:
            self.misses.append((where, dict(got - want), dict(want - got)))

    @property
    def f1(self) -> float:
        d = 2 * self.tp + self.fp + self.fn
        return 1.0 if d == 0 else 2 * self.tp / d


def score(result, gold_path) -> dict:
    gold = json.loads(open(gold_path, encoding="utf-8").read())
    src = result.source_text
    got_ms = {_n(m.number): m for d in result.documents for m in d.measures}
    out = {k: PRF() for k in ("measures", "units", "deadlines", "quantities")}
    titles = ends = kinds = kinds_ok = 0
    want_ms = [m for d in gold["documents"] for m in d["measures"]]
    out["measures"].add(Counter(list(got_ms)), Counter(_n(m["number"]) for m in want_ms), "measures")
    for gm in want_ms:
        m = got_ms.get(_n(gm["number"]))
        if m is None:
            continue
        titles += _n(m.title) == _n(gm["title"])
        ends += src[: m.span[1]].rstrip().endswith(gm["text_end"])
        where = gm["number"]
        strict = lambda xs: [x for x in xs if not x.get("borderline")]  # noqa: E731
        out["units"].add(Counter((_n(u.name), u.role) for u in m.units),
                         Counter((_n(u["name"]), u["role"]) for u in strict(gm["units"])), where)
        out["deadlines"].add(Counter(d.date for d in m.deadlines),
                             Counter(d["date"] for d in strict(gm["deadlines"])), where)
        out["quantities"].add(Counter(float(q.value) for q in m.quantities),
                              Counter(float(q["value"]) for q in strict(gm["quantities"])), where)
        by_value = {float(q.value): q.kind for q in m.quantities}
        for q in strict(gm["quantities"]):
            if float(q["value"]) in by_value:
                kinds += 1
                kinds_ok += by_value[float(q["value"])] == q["kind"]
    n = max(1, len(want_ms))
    return {
        **{k: v for k, v in out.items()},
        "titles_exact": titles / n,
        "ends_right": ends / n,
        "kind_right": kinds_ok / kinds if kinds else 1.0,
    }

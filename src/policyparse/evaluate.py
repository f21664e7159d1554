"""Scoring an extraction against a hand annotation — F1 by item, as the project is judged.

The annotation format is that of ``shared/spec/examples/quzhou.gold.json``: per
document its facts, goals and measures; per measure its number, title, last characters
(``text_end``), units, deadlines and quantities.  Items marked ``borderline`` are left
out of the gold, and a prediction that matches one counts neither way (a careful
reader could go either way).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field


def _n(s: str) -> str:
    from .normalize.script import working_text

    return working_text(s).replace(" ", "")


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

    def __add__(self, o: "PRF") -> "PRF":
        return PRF(self.tp + o.tp, self.fp + o.fp, self.fn + o.fn, self.misses + o.misses)


def _strict(xs):
    return [x for x in xs if not x.get("borderline")]


def _neutral(got: Counter, items, key) -> Counter:
    """Predictions matching a borderline gold item count neither way."""
    loose = Counter(key(x) for x in items if x.get("borderline"))
    return got - loose


def _unit_key(u: dict):
    return _n(u["name"]), u["role"]


def _date_key(d: dict) -> str:
    return d["date"]


def _value_key(q: dict) -> float:
    return float(q["value"])


def _keyed(numbers):
    """(number, k): the k-th measure printed with that number (numbers repeat across documents)."""
    seen: Counter = Counter()
    out = []
    for n in numbers:
        seen[n] += 1
        out.append((n, seen[n]))
    return out


def score(result, gold: dict | str) -> dict:
    """Scores of a :class:`~policyparse.models.ParseResult` against a gold annotation
    (a dict, or the path of a gold JSON file)."""
    if isinstance(gold, str) or hasattr(gold, "read_text"):
        gold = json.loads(open(gold, encoding="utf-8").read())
    src = result.source_text or ""
    got_list = [m for d in result.documents for m in d.measures]
    got = dict(zip(_keyed(_n(m.number) for m in got_list), got_list))
    want_list = [m for d in gold["documents"] for m in d["measures"]]
    want_keys = _keyed(_n(m["number"]) for m in want_list)
    out = {k: PRF() for k in ("measures", "units", "deadlines", "quantities", "goals")}
    # a borderline measure (a closing article read either way) counts neither way
    loose = {k for k, gm in zip(want_keys, want_list) if gm.get("borderline")}
    out["measures"].add(Counter(k for k in got if k not in loose), Counter(k for k in want_keys if k not in loose),
                        "measures")
    titles = ends = kinds = kinds_ok = 0
    for key, gm in zip(want_keys, want_list):
        m = got.get(key)
        if m is None:
            continue
        titles += _n(m.title) == _n(gm["title"])
        ends += "".join(src[: m.span[1]].split()).endswith("".join(gm["text_end"].split()))
        where = gm["number"]
        out["units"].add(_neutral(Counter((_n(u.name), u.role) for u in m.units), gm["units"], _unit_key),
                         Counter(map(_unit_key, _strict(gm["units"]))), where)
        out["deadlines"].add(_neutral(Counter(d.date for d in m.deadlines), gm["deadlines"], _date_key),
                             Counter(map(_date_key, _strict(gm["deadlines"]))), where)
        out["quantities"].add(_neutral(Counter(float(q.value) for q in m.quantities), gm["quantities"], _value_key),
                              Counter(map(_value_key, _strict(gm["quantities"]))), where)
        by_value = {float(q.value): q.kind for q in m.quantities}
        for q in _strict(gm["quantities"]):
            if float(q["value"]) in by_value:
                kinds += 1
                kinds_ok += by_value[float(q["value"])] == q["kind"]
    got_goals = Counter(
        [("d", d.date) for doc in result.documents for d in doc.goals.deadlines]
        + [("q", float(q.value)) for doc in result.documents for q in doc.goals.quantities])
    gold_goals = [(("d", d["date"]), d) for doc in gold["documents"] for d in doc.get("goals", {}).get("deadlines", [])] \
        + [(("q", float(q["value"])), q) for doc in gold["documents"] for q in doc.get("goals", {}).get("quantities", [])]
    want_goals = Counter(k for k, x in gold_goals if not x.get("borderline"))
    loose_goals = Counter(k for k, x in gold_goals if x.get("borderline"))
    out["goals"].add(got_goals - loose_goals, want_goals, "goals")
    # titles and ends are rated over the measures that count: all but a borderline one not found
    n = max(1, sum(1 for k in want_keys if k not in loose or k in got))
    return {
        **out,
        "titles_exact": titles / n,
        "ends_right": ends / n,
        "kind_right": kinds_ok / kinds if kinds else 1.0,
        "kinds": kinds,
        "n_measures": len(want_list),
    }

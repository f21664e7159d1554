"""Scoring `policyparse diff` against a blind diff probe (tests/data/probes/p29): pairs of
plans a helper wrote and aligned by hand, from the issue's definitions alone.

Each ``expect/<x>.md`` names the two inputs (``# a:`` / ``# b:``) and lists every measure of
both: ``## same|related[?] <number> <title> || <number> <title>``, ``## only_a|only_b <number>
<title>``, and after a pair its field changes, ``C unit + <role> <name>``, ``C unit - <role>
<name>``, ``C unit ~ <name> <role> -> <role>``, ``C deadline <date> -> <date>`` (or ``+`` /
``-`` a date), ``C quantity <value><unit> -> <value><unit>`` (or ``+`` / ``-``). A ``?`` marks
the annotator's judgement: such a pair counts neither way.

Measures are found by title (script- and width-folded, punctuation dropped) with the number
as a tie-break; field changes are compared on the pairs both sides call ``same``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from policyparse.normalize.script import name_form

_PUNCT = re.compile(r"[\s“”\"'‘’、，。：:；;（）()【】《》]")


def _fold(s: str) -> str:
    return _PUNCT.sub("", name_form(s))


def _num(s: str) -> str:
    return re.sub(r"[\s.．、（）()]", "", s)


@dataclass
class DiffScore:
    counts: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0, 0] for k in ("same", "related", "changes")})
    report: list[str] = field(default_factory=list)

    def prf(self, key: str) -> tuple[float, float, float]:
        tp, fp, fn = self.counts[key]
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _expectations(path: Path) -> tuple[dict[str, str], list[dict]]:
    heads: dict[str, str] = {}
    pairs: list[dict] = []
    cur: dict | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"# (a|b): (.+)", line):
            heads[m[1]] = m[2].strip()
        elif m := re.match(r"## (same|related)(\??) (\S+) (.+?) \|\| (\S+) (.+)$", line):
            cur = {"rel": m[1], "judged": bool(m[2]), "a": (m[3], m[4].strip()), "b": (m[5], m[6].strip()), "changes": []}
            pairs.append(cur)
        elif line.startswith("## "):
            cur = None
        elif line.startswith("C ") and cur is not None:
            cur["changes"].append(line[2:].strip())
    return heads, pairs


def _figure(s: str):
    s = re.sub(r"[≥≤<>=~]", "", s).strip()
    m = re.match(r"([\d.]+)(?:\s*[-—~]\s*[\d.]+)?\s*(万|亿)?(.*)", s)
    if not m:
        return s
    return round(float(m[1]) * {None: 1, "万": 1e4, "亿": 1e8}[m[2]], 4), m[3].strip()


def _expected_change(line: str) -> tuple:
    t = line.split()
    if t[0] == "unit":
        if t[1] in "+-":
            return ("unit", t[1], t[2], _fold(" ".join(t[3:])))
        i = t.index("->")
        return ("unit", "~", _fold(" ".join(t[2 : i - 1])), t[i - 1], t[i + 1])
    if t[0] == "deadline":
        return ("deadline", t[1], t[2]) if t[1] in "+-" else ("deadline", "->", t[1], t[3])
    if t[0] == "quantity":
        if t[1] in "+-":
            return ("quantity", t[1], _figure(" ".join(t[2:])))
        i = t.index("->")
        return ("quantity", "->", _figure(" ".join(t[1:i])), _figure(" ".join(t[i + 1 :])))
    return ("?", line)


def _change(c: dict) -> tuple:
    f, k, text = c["field"], c["kind"], c["text"]
    if f == "units":
        if k == "role":
            return ("unit", "~", _fold(text.split(": ")[0]), c["a"], c["b"])
        m = re.match(r"[+−-] (.+) \((\w+)\)$", text)
        return ("unit", "+" if k == "added" else "-", m[2], _fold(m[1])) if m else ("?", text)
    if f == "deadlines":
        return {"added": ("deadline", "+", c["b"]), "dropped": ("deadline", "-", c["a"])}.get(
            k, ("deadline", "->", c["a"], c["b"]))
    if f == "quantities":
        if k == "added":
            return ("quantity", "+", _figure(c["b"]))
        if k == "dropped":
            return ("quantity", "-", _figure(c["a"]))
        return ("quantity", "->", _figure(c["a"]), _figure(c["b"]))
    return ("?", text)


def _find(ref: tuple[str, str], measures: dict[str, tuple[str, str]]) -> str | None:
    n, t = ref
    best, top = None, -1.0
    for mid, (mn, mt) in measures.items():
        s = fuzz.ratio(_fold(t), _fold(mt)) + (15 if _num(n) == _num(mn) else 0)
        if _fold(mt).startswith(_fold(t)) or _fold(t).startswith(_fold(mt)):
            s += 10
        if s > top:
            best, top = mid, s
    return best if top >= 85 else None


def score(probe: Path, diff, inputs: Path | None = None) -> DiffScore:
    """``diff(path_a, path_b)`` returns the diff JSON (a dict) of two inputs, which are read
    from ``inputs`` (by default the probe's ``in``); every ``expect/*.md`` but NOTES.md is a
    pair of them."""
    s = DiffScore()
    src = inputs or probe / "in"
    for ef in sorted(p for p in (probe / "expect").glob("*.md") if p.name != "NOTES.md"):
        heads, pairs = _expectations(ef)
        d = diff(src / heads["a"], src / heads["b"])
        ms: dict[str, dict[str, tuple[str, str]]] = {"a": {}, "b": {}}
        for p in d["pairs"]:
            for side in "ab":
                ms[side][p[side]["id"]] = (p[side]["number"] or "", p[side]["title"])
        for side in "ab":
            for m in d["only_" + side]:
                ms[side][m["id"]] = (m["number"] or "", m["title"])
        got = {(p["a"]["id"], p["b"]["id"]): p for p in d["pairs"]}
        keyed = []
        for p in pairs:
            k = (_find(p["a"], ms["a"]), _find(p["b"], ms["b"]))
            if None in k:
                s.report.append(f"[{ef.stem}] no measure for {p['a'] if k[0] is None else p['b']}")
            keyed.append((k, p))
        for rel in ("same", "related"):
            firm = {k for k, p in keyed if p["rel"] == rel and not p["judged"]}
            judged = {k for k, p in keyed if p["rel"] == rel and p["judged"]}
            found = {k for k, p in got.items() if p["relation"] == rel}
            c = s.counts[rel]
            c[0] += len(found & firm)
            c[1] += len(found - firm - judged)
            c[2] += len(firm - found)
            for k in sorted(found - firm - judged):
                s.report.append(f"[{ef.stem}] {rel} not expected: {ms['a'][k[0]][1]} || {ms['b'][k[1]][1]}")
            for k in sorted(firm - found, key=str):
                s.report.append(f"[{ef.stem}] {rel} missed: {ms['a'].get(k[0])} || {ms['b'].get(k[1])}")
        for k, p in keyed:
            if p["rel"] != "same" or k not in got or got[k]["relation"] != "same":
                continue
            want = [_expected_change(c) for c in p["changes"]]
            have = [_change(c) for c in got[k]["changes"]]
            for x in list(want):
                if x in have:
                    want.remove(x)
                    have.remove(x)
                    s.counts["changes"][0] += 1
            s.counts["changes"][1] += len(have)
            s.counts["changes"][2] += len(want)
            if want or have:
                s.report.append(f"[{ef.stem}] {p['a'][1]}: changes missed {want}, not expected {have}")
    return s


def _bigrams(text: str) -> Counter:
    t = re.sub(r"\s", "", text)
    return Counter(t[i : i + 2] for i in range(len(t) - 1))


def _bigram_vector(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    v = {g: (1 + math.log(c)) * idf[g] for g, c in counts.items()}
    n = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {g: x / n for g, x in v.items()}


def baseline(probe: Path, inputs: Path | None = None, recalls: tuple[float, ...] = (0.83, 0.65)) -> dict[float, float]:
    """How hard a probe's `related` gold is by the issue's own yardstick: the precision plain
    character-bigram TF-IDF cosine (sublinear tf, smoothed idf over the two plans; title and
    body) reaches, with one global threshold, at each recall of ``recalls`` — pooled over the
    probe's pairs, the annotator's `?` pairs counted neither way.  The issue gives 0.55 / 0.74
    for its hidden alignment of the four plans."""
    from policyparse.compare.load import load_plan

    src = inputs or probe / "in"
    scored: list[tuple[float, int]] = []
    for ef in sorted(p for p in (probe / "expect").glob("*.md") if p.name != "NOTES.md"):
        heads, pairs = _expectations(ef)
        plans = [load_plan(str(src / heads[s])).items for s in "ab"]
        grams = [[_bigrams(it.title + it.body) for it in items] for items in plans]
        df = Counter(g for c in grams[0] + grams[1] for g in c)
        n = len(grams[0]) + len(grams[1])
        idf = {g: math.log((1 + n) / (1 + c)) + 1 for g, c in df.items()}
        va, vb = ([_bigram_vector(c, idf) for c in side] for side in grams)
        ms = [{i: (it.number or "", it.measure.title) for i, it in enumerate(items)} for items in plans]
        label = {}
        for p in pairs:
            if p["rel"] == "related":
                label[(_find(p["a"], ms[0]), _find(p["b"], ms[1]))] = None if p["judged"] else 1
        for i, x in enumerate(va):
            for j, y in enumerate(vb):
                gold = label.get((i, j), 0)
                if gold is not None:
                    scored.append((sum(w * y.get(g, 0.0) for g, w in x.items()), gold))
    scored.sort(key=lambda t: -t[0])
    total = sum(g for _, g in scored)
    out: dict[float, float] = {}
    tp = seen = 0
    for _, g in scored:
        tp, seen = tp + g, seen + 1
        for r in recalls:
            if r not in out and tp / total >= r:
                out[r] = tp / seen
    return out

"""Scoring a parse against a blind probe's expectations (tests/data/probes/FORMAT.md).

Each probe is a folder of notices (``in/``) and, for each, a hand annotation written before
the notice was ever parsed (``expect/<stem>.md``; ``expect.sha256`` froze them).  ``score``
parses every notice and counts, per category (docfacts, measures, units, deadlines,
quantities, kind, text), what the annotation expects and the parse gives: true positives,
misses and false positives.  Lines marked ``?`` are the annotator's judgement calls and are
not counted; ``N`` / ``UN`` / ``QN`` lines are traps that must not be extracted.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import policyparse
from policyparse.normalize.script import working_text


@dataclass
class Score:
    counts: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))  # tp, fn, fp
    report: list[str] = field(default_factory=list)

    def bump(self, cat: str, tp: int = 0, fn: int = 0, fp: int = 0) -> None:
        c = self.counts[cat]
        c[0] += tp
        c[1] += fn
        c[2] += fp

    def pr(self, cat: str) -> tuple[float, float]:
        tp, fn, fp = self.counts[cat]
        return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def _num(n: str) -> str:
    return n.replace("(", "（").replace(")", "）").strip()


def _title(t: str) -> str:
    return re.sub(r"[\s；;。：:]+$", "", t.replace("\n", "").strip())


def _expectations(path: Path) -> tuple[dict[str, str], list[dict]]:
    facts: dict[str, str] = {}
    measures: list[dict] = []
    cur = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"\s*#b\d+", "", raw).rstrip()
        if not line.strip():
            continue
        if line.startswith("## "):
            body, flag = line[3:], ""
            m = re.match(r"^(\?|~|N\?|N)\s+(.*)$", body)
            if m:
                flag, body = m.group(1), m.group(2)
            if body == "goals":
                # the goals of all documents are merged: a file of two documents may have two blocks
                cur = next((m for m in measures if m["flag"] == "goals"), None)
                if cur is not None:
                    continue
                cur = {"flag": "goals", "num": None, "title": "goals", "items": []}
            else:
                num, title = body.split(" ", 1)
                cur = {"flag": flag, "num": _num(num), "title": _title(title), "items": []}
            measures.append(cur)
        elif line.startswith("# "):
            k, v = line[2:].split(":", 1)
            facts[k.strip()] = v.strip()
        elif cur is not None:
            kind, rest = line.split(" ", 1) if " " in line else (line, "")
            cur["items"].append((kind, rest.strip()))
    return facts, measures


def _same_title(expected: str, got: str) -> bool:
    # a title is as printed; an annotator may write it in simplified script or half width
    # (縣 / 县, ＡＩ / AI): the same title
    expected, got = working_text(expected), working_text(_title(got))
    k = min(len(expected), 10)
    return expected == got or got[:k] == expected[:k]


def _quantity(rest: str) -> dict:
    p = rest.split(" ")
    v = p[0]
    if "-" in v and not v.startswith("-"):
        a, b = v.split("-")
        value, value_max = float(a), float(b)
    else:
        value, value_max = float(v), None
    return {"value": value, "value_max": value_max, "unit": p[1], "comparator": p[2],
            "kind": p[3].rstrip("?"), "kind_judgement": p[3].endswith("?")}


def _close(a, b) -> bool:
    return abs(float(a) - b) <= 1e-6 * max(1.0, abs(b))


def _q_eq(e: dict, t: dict) -> bool:
    if t["value"] is None or not _close(t["value"], e["value"]):
        return False
    if (e["value_max"] is None) != (t.get("value_max") is None):
        return False
    if e["value_max"] is not None and not _close(t["value_max"], e["value_max"]):
        return False
    # a unit in the working form too: p42's annotator kept a traditional notice's 畝, 噸 as printed
    return working_text(t["unit"] or "") == working_text(e["unit"]) and t["comparator"] == e["comparator"]


def score(probe: Path, categories: frozenset[str] | None = None) -> Score:
    """Parse every notice of ``probe/in`` and score it against ``probe/expect``; with
    ``categories``, only those are counted (a probe that annotated document facts alone)."""
    s = Score()
    for ef in sorted((probe / "expect").glob("*.md")):
        src = next((probe / "in").glob(ef.stem + ".*"), None)
        if src is None:
            continue
        out = json.loads(policyparse.parse(src).model_dump_json())
        _score_one(s, ef.stem, out, *_expectations(ef))
    if categories is not None:
        for cat in list(s.counts):
            if cat not in categories:
                del s.counts[cat]
        s.report = [r for r in s.report if r.split("] ", 1)[1].split(":", 1)[0] in categories]
    return s


def _score_one(s: Score, name: str, out: dict, facts: dict[str, str], expected: list[dict]) -> None:
    docs = out["documents"]
    say = lambda msg: s.report.append(f"[{name}] {msg}")  # noqa: E731
    for k, v in facts.items():
        if v == "?":
            continue  # the annotator left it open (p43: a covering notice of two issuers)
        if k == "warn":
            ok = (v == "yes") == bool(out["source"].get("warnings"))
        else:
            ok = working_text(v) in [working_text(str(d.get(k))) for d in docs]
        s.bump("docfacts", tp=ok, fn=not ok)
        if not ok:
            say(f"docfacts: {k}: expected {v!r}, got {[str(d.get(k)) for d in docs]}")
    goals = {"units": [], "deadlines": [x for d in docs for x in d["goals"]["deadlines"]],
             "quantities": [x for d in docs for x in d["goals"]["quantities"]], "text": ""}
    ms = [m for d in docs for m in d["measures"]]
    used: set[int] = set()
    pairs = []
    for em in expected:
        if em["flag"] == "goals":
            pairs.append((em, goals))
            continue
        cand = next((i for i, m in enumerate(ms) if i not in used and _num(m["number"]) == em["num"]
                     and _same_title(em["title"], m["title"])), None)
        if cand is not None:
            used.add(cand)
        tm = ms[cand] if cand is not None else None
        if em["flag"] == "":
            s.bump("measures", tp=tm is not None, fn=tm is None)
            if tm is None:
                say(f"measures: missed {em['num']} {em['title']}")
        elif em["flag"] == "N" and tm is not None:
            s.bump("measures", fp=1)
            say(f"measures: {em['num']} {em['title']} must not be one")
        pairs.append((em, tm))
    for i, m in enumerate(ms):
        if i not in used:
            s.bump("measures", fp=1)
            say(f"measures: unexpected {m['number']} {_title(m['title'])[:30]}")
    for em, tm in pairs:
        if em["flag"] in ("N", "N?", "~"):
            continue
        judged = em["flag"] == "?"
        if tm is None:
            for kind, _ in em["items"]:
                cat = {"U": "units", "D": "deadlines", "Q": "quantities", "X": "text"}.get(kind)
                if cat and not judged:
                    s.bump(cat, fn=1)
            continue
        _score_items(s, say, em, tm, judged)


def _named(unit: dict, name: str) -> bool:
    """A unit is named as printed, and in simplified script (the spec: name_simplified)."""
    return name in (unit["name"], unit.get("name_simplified"))


def _take(items: list[dict], taken: set[int], wanted) -> int | None:
    """The first item not yet taken that ``wanted`` accepts, now taken."""
    hit = next((j for j, x in enumerate(items) if j not in taken and wanted(x)), None)
    if hit is not None:
        taken.add(hit)
    return hit


def _score_items(s: Score, say, em: dict, tm: dict, judged: bool) -> None:
    label = f"{em['num']} {em['title'][:20]}"
    tu, td, tq = tm["units"], tm["deadlines"], tm["quantities"]
    uu: set[int] = set()
    ud: set[int] = set()
    uq: set[int] = set()

    def expect(cat: str, hit: int | None, guess: bool, what: str) -> None:
        if not guess:
            s.bump(cat, tp=hit is not None, fn=hit is None)
            if hit is None:
                say(f"{cat}: missed {label}: {what}")

    for kind, rest in em["items"]:
        guess = judged or (kind.endswith("?") and kind != "UN?")
        if kind in ("U", "U?"):
            role, name = rest.split(" ")[:2]
            expect("units", _take(tu, uu, lambda u: _named(u, name) and u["role"] == role), guess, f"{role} {name}")
        elif kind in ("UN", "UN?"):
            # the whole rest: a name printed with spaces in it must not be one either
            hits = [j for j, u in enumerate(tu) if _named(u, rest)]
            uu.update(hits)
            if kind == "UN" and hits:
                s.bump("units", fp=len(hits))
                say(f"units: {label}: {rest} must not be one")
        elif kind in ("D", "D?"):
            date, _, said = rest.partition(" ")
            if date == "?":  # a date the spec does not fix (春节前): any date, the phrase found
                hit = _take(td, ud, lambda d: working_text(said.split(" ")[0]) in working_text(d["text"]))
            else:
                hit = _take(td, ud, lambda d: d["date"] == date)
            expect("deadlines", hit, guess, rest)
        elif kind in ("Q", "Q?"):
            e = _quantity(rest)
            hit = _take(tq, uq, lambda q: _q_eq(e, q))
            if hit is not None and not e["kind_judgement"]:
                right = tq[hit]["kind"] == e["kind"]
                s.bump("kind", tp=right, fn=not right)
                if not right:
                    say(f"kind: {label} {tq[hit]['text']}: expected {e['kind']}, got {tq[hit]['kind']}")
            expect("quantities", hit, guess, rest)
        elif kind == "QN":
            v, unit = rest.split(" ")[:2]
            hits = [j for j, q in enumerate(tq) if j not in uq
                    and (v == "*" or (q["value"] is not None and _close(q["value"], float(v))))
                    and (unit == "*" or q["unit"] == unit)]
            uq.update(hits)
            if hits:
                s.bump("quantities", fp=len(hits))
                say(f"quantities: {label}: {rest} must not be one")
        elif kind in ("X", "XN"):
            ok = (rest.replace("\\n", "\n") in tm["text"]) == (kind == "X")
            s.bump("text", tp=ok, fn=not ok)
            if not ok:
                say(f"text: {label}: {kind} {rest}")
    if judged:
        return
    for cat, items, taken in (("units", tu, uu), ("deadlines", td, ud), ("quantities", tq, uq)):
        for j, x in enumerate(items):
            if j not in taken:
                s.bump(cat, fp=1)
                say(f"{cat}: unexpected on {label}: {x.get('name') or x.get('text')}")

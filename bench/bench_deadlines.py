"""Deadline normalisation against JioNLP's ``parse_time`` on the same phrase list.

Phrases: the deadline examples of grammars/time.yaml that have a date, plus every
deadline of the hand-annotated Quzhou notice (shared/spec/examples).  Each phrase
comes with its plan year; JioNLP gets 1 January of that year as its time base.
A phrase is right when the end date is the expected one (for --MM-DD, month and day).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "spec" / "examples" / "quzhou.gold.json"


def phrases() -> list[tuple[str, int | None, str]]:
    from policyparse import grammar

    # (the `cell` examples are table cells; an example with an `index` holds several
    # deadlines, and the others compared hold one; one with an `issue_year` needs the date of
    # issue, which no baseline is given)
    out = [(e["text"], e["plan_year"], e["date"]) for e in grammar.load("time")["examples"]
           if "text" in e and e.get("date") and "index" not in e and "issue_year" not in e]
    if GOLD.exists():
        gold = json.loads(GOLD.read_text(encoding="utf-8"))
        for d in gold["documents"]:
            for m in d["measures"]:
                out += [(x["text"], d["plan_year"], x["date"]) for x in m["deadlines"]]
    return out


def _right(got: str | None, want: str) -> bool:
    if got is None:
        return False
    return got[-5:] == want[-5:] if want.startswith("--") else got == want


def ours(items):
    from policyparse.extract.deadlines import find_deadlines
    from policyparse.extract.types import Context
    from policyparse.normalize.script import fold_width, to_simplified

    res = []
    for text, year, _ in items:
        t = to_simplified(fold_width(text))
        ds = find_deadlines(t, 0, len(t), Context(plan_year=year))
        res.append(ds[0].date if ds else None)
    return res


def jionlp(items):
    import jionlp as jio

    res = []
    for text, year, _ in items:
        base = time.mktime(((year or 2024), 1, 1, 0, 0, 0, 0, 0, -1))
        try:
            r = jio.parse_time(text, time_base=base)
            res.append(r["time"][1][:10] if r and r.get("time") else None)
        except Exception:  # noqa: BLE001 - JioNLP raises ValueError and others on phrases it can't read
            res.append(None)
    return res


def main() -> None:
    items = phrases()
    n = len(items)
    for name, fn in (("policyparse", ours), ("JioNLP parse_time", jionlp)):
        try:
            fn(items[:2])  # warm up (imports, dictionaries)
        except ImportError:
            print(f"{name}: not installed (pip install '.[bench]')")
            continue
        reps = 5
        t = time.perf_counter()
        for _ in range(reps):
            got = fn(items)
        dt = (time.perf_counter() - t) / reps
        right = sum(_right(g, w) for g, (_, _, w) in zip(got, items))
        print(f"{name:18s}: {right:3d}/{n} correct end dates, {n / dt:9.0f} phrases/s")


if __name__ == "__main__":
    main()

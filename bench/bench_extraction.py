"""Extraction quality: F1 by item against every hand annotation at hand.

Gold files: shared/spec/examples/*.gold.json (beside the repo) and
tests/data/unseen/*.gold.json (notices written and annotated independently of the code).
Pooled over files, as the project is judged: measures, units (name, role), deadlines
(ISO date), quantities (value) with the share of right kinds, goals.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def gold_pairs() -> list[tuple[Path, Path]]:
    pairs = []
    shared = ROOT.parent / "shared"
    for g in sorted((shared / "spec" / "examples").glob("*.gold.json")):
        src = shared / "corpus" / (g.name.replace(".gold.json", ".txt"))
        if src.exists():
            pairs.append((src, g))
    for g in sorted((ROOT / "tests" / "data" / "unseen").glob("*.gold.json")):
        src = g.with_name(g.name.replace(".gold.json", ".txt"))
        if src.exists():
            pairs.append((src, g))
    return pairs


def main() -> None:
    from policyparse import parse
    from policyparse.evaluate import PRF, score

    fields = ("measures", "units", "deadlines", "quantities", "goals")
    total = {f: PRF() for f in fields}
    kinds = kinds_ok = 0
    print(f"{'file':34s} " + " ".join(f"{f:>10s}" for f in fields) + "   titles   ends  kinds")
    for src, gold in gold_pairs():
        s = score(parse(src), gold)
        for f in fields:
            total[f] = total[f] + s[f]
        kinds += s["kinds"]
        kinds_ok += round(s["kind_right"] * s["kinds"])
        print(f"{src.name[:34]:34s} " + " ".join(f"{s[f].f1:10.3f}" for f in fields)
              + f"   {s['titles_exact']:.3f}  {s['ends_right']:.3f}  {s['kind_right']:.3f}")
    print(f"{'pooled':34s} " + " ".join(f"{total[f].f1:10.3f}" for f in fields)
          + f"                {kinds_ok / kinds if kinds else 1:.3f}")


if __name__ == "__main__":
    main()

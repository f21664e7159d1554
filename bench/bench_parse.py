"""Parse throughput over the bundled corpus, against a single regex pass.

Baseline: one compiled regex that finds every numbered line start (`^\\s*\\d+[.、]`)
over the same text — the cheapest thing that could be called "finding measures".
Both are measured in this run, on one core; the figure that matters is the ratio.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _time(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    from policyparse import parse_text

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora").glob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chars = sum(len(t) for t in texts)
    parse_text(texts[0])  # warm up: grammars, OpenCC, cn2an loaded once
    baseline_re = re.compile(r"^\s*\d+\s*[.、．]", re.M)

    def baseline():
        for t in texts:
            sum(1 for _ in baseline_re.finditer(t))

    def full():
        for t in texts:
            parse_text(t)

    tb = _time(baseline, 20)
    tf = _time(full, 3)
    print(f"corpus: {len(texts)} notices, {mb:.3f} MB UTF-8, {chars} characters")
    print(f"baseline (one regex pass over the text): {mb / tb:8.1f} MB/s")
    print(f"policyparse parse_text (full pipeline):  {mb / tf:8.2f} MB/s per core "
          f"({len(texts) / tf:.1f} notices/s)")
    print(f"ratio: policyparse runs at 1/{tb and tf / tb:.0f} of the regex baseline's speed")


if __name__ == "__main__":
    main()

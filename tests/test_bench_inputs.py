"""The benchmarks read the grammars' examples and the gold files; a change to those must
not break `make bench` (which the suite does not run: it takes minutes)."""

from __future__ import annotations

import runpy
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def test_the_deadline_bench_phrases_are_all_right_for_policyparse():
    mod = runpy.run_path(str(BENCH / "bench_deadlines.py"))
    items = mod["phrases"]()
    assert len(items) >= 40
    got = mod["ours"](items)
    assert [mod["_right"](g, want) for g, (_, _, want) in zip(got, items, strict=True)] == [True] * len(items)

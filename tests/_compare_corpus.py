"""The four regional plans loaded for comparison, once per test session."""

from __future__ import annotations

import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOUR = {
    "xiaodian": ROOT / "corpora" / "taiyuan_xiaodian_2022.txt",
    "wanbailin": ROOT / "corpora" / "taiyuan_wanbailin_2022.txt",
    "xinfu": ROOT / "corpora" / "xinzhou_xinfu_2022.txt",
    "quzhou": ROOT / "corpora" / "quzhou_2024.txt",
}


@functools.cache
def plan(name: str):
    from policyparse.compare.load import load_plan

    return load_plan(str(FOUR[name]))


@functools.cache
def alignment(a: str, b: str):
    from policyparse.compare.align import align

    return align(plan(a), plan(b))

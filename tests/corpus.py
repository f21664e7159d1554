"""The bundled notices, parsed once per test session."""

from __future__ import annotations

import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"

FILES = {
    "xiaodian": CORPORA / "taiyuan_xiaodian_2022.txt",
    "wanbailin": CORPORA / "taiyuan_wanbailin_2022.txt",
    "xinfu": CORPORA / "xinzhou_xinfu_2022.txt",
    "quzhou": CORPORA / "quzhou_2024.txt",
    "sufabiao": CORPORA / "sufabiao_samples_traditional.txt",
}


@functools.cache
def parsed(name: str):
    from policyparse import parse

    return parse(FILES[name])


def measures(name: str, doc: int = 0):
    return parsed(name).documents[doc].measures

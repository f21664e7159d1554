"""Sentences of the working copy: the one around an offset (used by the deadline and
quantity extractors, which read a figure or a time against its sentence)."""

from __future__ import annotations

SENTENCE_END = "。；;！？!?\n"


def sentence(text: str, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The ``[start, end)`` of the sentence around offset ``i``, within ``[lo, hi)``."""
    a = i
    while a > lo and text[a - 1] not in SENTENCE_END:
        a -= 1
    b = i
    while b < hi and text[b] not in SENTENCE_END:
        b += 1
    return a, b

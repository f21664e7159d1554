"""Sentences of the working copy: the one around an offset (used by the deadline and
quantity extractors, which read a figure or a time against its sentence)."""

from __future__ import annotations

SENTENCE_END = "。；;！？!?\n"
FULL_STOP = "。！？!?\n"  # (a ；ends a clause of a sentence, not the sentence)


def sentence(text: str, i: int, lo: int, hi: int) -> tuple[int, int]:
    """The ``[start, end)`` of the sentence around offset ``i``, within ``[lo, hi)``."""
    a = i
    while a > lo and text[a - 1] not in SENTENCE_END:
        a -= 1
    b = i
    while b < hi and text[b] not in SENTENCE_END:
        b += 1
    return a, b


def full_sentence_start(text: str, i: int, lo: int) -> int:
    """Where the sentence around offset ``i`` starts, its clauses after a ；counted in."""
    a = i
    while a > lo and text[a - 1] not in FULL_STOP:
        a -= 1
    return a

"""Which sentences of an aligned pair were copied, edited or written anew.

The character alignment of a pair (:func:`similarity.copied`) gives runs of identical
characters; here each sentence of each body is classed by the share of its characters
(punctuation and spaces not counted) that lie in a copied run:

- ``copied`` — at least :data:`COPIED` (0.8) of it,
- ``edited`` — at least :data:`EDITED` (0.3): the sentence was reused with changes,
- ``new`` — less: written for this plan (or rewritten beyond recognition).

This is what text-reuse detectors report per passage; the diff shows it for every pair
with an alignment (JSON ``sentences``, HTML badges).
"""

from __future__ import annotations

import re

COPIED = 0.8
EDITED = 0.3
_SENT = re.compile(r"[^。；;！!？?\n]+[。；;！!？?]*[”’」』)）]*")  # a closing quote after 。 ends the sentence too
_SKIP = re.compile(r"[\s\W_]", re.UNICODE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text`` (its closing mark included, blanks
    at either end left out). Punctuation alone (the ``”`` after ``。”``) is no sentence:
    it joins the one before it."""
    out: list[tuple[int, int]] = []
    for m in _SENT.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if all(_SKIP.match(c) for c in text[s:e]):
            if out:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def classify(text: str, runs: list[tuple[int, int]]) -> list[dict]:
    """Each sentence of ``text`` with the share of its characters inside the copied
    ``runs`` (``(start, end)`` offsets into ``text``) and its status."""
    copied = bytearray(len(text))
    for s, e in runs:
        copied[s:e] = b"\x01" * (min(e, len(text)) - s)
    out = []
    for s, e in sentence_spans(text):
        counted = inside = 0
        for k in range(s, e):
            if not _SKIP.match(text[k]):
                counted += 1
                inside += copied[k]
        share = inside / counted if counted else 0.0
        status = "copied" if share >= COPIED else "edited" if share >= EDITED else "new"
        out.append({"span": [s, e], "status": status, "share": round(share, 3)})
    return out


def summary(sentences: list[dict]) -> str:
    """``3 copied, 1 edited, 2 new`` (statuses with a count only)."""
    counts = {k: sum(x["status"] == k for x in sentences) for k in ("copied", "edited", "new")}
    return ", ".join(f"{n} {k}" for k, n in counts.items() if n)

"""Width folding and traditional→simplified conversion, both char for char.

Both keep the working copy index-aligned with the display copy: a character whose
NFKC form is not exactly one character (…, ①) is left as it is, and OpenCC's output
is used only where it has the input's length (line by line, else char by char).
"""

from __future__ import annotations

import functools
import unicodedata

_KEEP = set("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _KEEP or ch.isascii():
        return ch
    f = unicodedata.normalize("NFKC", ch)
    return f if len(f) == 1 else ch


_TABLE: dict[int, str] = {}
_SEEN: set[str] = set()


def fold_width(text: str) -> str:
    """NFKC folding (full-width → half-width and the like), one char for one char."""
    if text.isascii():
        return text
    new = set(text) - _SEEN
    if new:
        for ch in new:
            f = _fold_char(ch)
            if f != ch:
                _TABLE[ord(ch)] = f
        _SEEN.update(new)
    return text.translate(_TABLE)


# full-width digits and Latin letters (０-９ Ａ-Ｚ ａ-ｚ), not the CJK punctuation
_ALNUM = str.maketrans({chr(c): chr(c - 0xFEE0) for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]})


def name_form(name: str) -> str:
    """A unit's name to compare names by: simplified script, full-width digits and letters
    half width (區１２３４５熱線中心 → 区12345热线中心); its brackets stay as printed
    (各县（市、区）人民政府)."""
    return to_simplified(name.translate(_ALNUM))


@functools.cache
def _converter():
    import opencc

    # hk2s: Hong Kong variant forms first (衞 → 衛), then traditional → simplified; on
    # mainland traditional and on simplified text it reads as t2s does
    return opencc.OpenCC("hk2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified with OpenCC, keeping the length of every line."""
    if not text:
        return text
    conv = _converter().convert
    out = conv(text)
    if len(out) == len(text):
        return out
    lines = text.split("\n")
    fixed = []
    for line in lines:
        c = conv(line)
        if len(c) != len(line):
            c = "".join(ch2 if len(ch2 := conv(ch)) == 1 else ch for ch in line)
        fixed.append(c)
    return "\n".join(fixed)


def working_text(text: str) -> str:
    """A printed string (a heading, a title, a metric) as the working copy has it:
    width-folded, simplified script — what the grammars are written against."""
    return to_simplified(fold_width(text))


def detect_script(original: str, simplified: str, sample: int = 20000) -> str:
    """``traditional`` when OpenCC changed a noticeable share of the CJK characters
    (judged on an even sample of at most ``sample`` characters)."""
    step = max(1, len(original) // sample)
    cjk = changed = 0
    for a, b in zip(original[::step], simplified[::step]):
        if "\u4e00" <= a <= "\u9fff":
            cjk += 1
            if a != b:
                changed += 1
    if cjk and changed / cjk >= 0.03:
        return "traditional"
    return "simplified"

"""Recognising the numbering token that opens an outline item (grammar: numbering.yaml)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import grammar


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True, slots=True)
class NumberToken:
    kind: str
    rank: int
    value: int | None  # None for placeholders (x、) and dash bullets
    start: int  # where the token starts in the searched string
    end: int  # where the item's own text starts (separator and spaces consumed)
    n_start: int  # span of the numeral group n
    n_end: int
    style: str  # "group": print the numeral only; "token": print the whole token
    next_only: bool = False  # an item only when its number follows the last of its kind

    def printed(self, display: str) -> str:
        """The number as the output prints it, cut from the display text."""
        if self.style == "group":
            # Arabic digits as Arabic digits: a full-width １２ prints as 12 (the spec)
            return display[self.n_start : self.n_end].translate(_FULLWIDTH_DIGITS)
        return display[self.start : self.end].rstrip().rstrip(":：.、").rstrip()


@functools.cache
def _kinds() -> list[tuple[str, int, re.Pattern[str], str, bool]]:
    g = grammar.load("numbering")
    return [
        (k["kind"], int(k["rank"]), grammar.compile_pattern("numbering", k["pattern"]), k["number"],
         bool(k.get("next_only")))
        for k in g["kinds"]
    ]


@functools.lru_cache(maxsize=1024)
def numeral_value(n: str) -> int | None:
    if n.isascii() and n.isdigit():
        return int(n)
    major, dot, minor = n.partition(".")
    if dot and major.isdigit() and minor.isdigit():
        return int(major) * 100 + int(minor)  # a decimal outline number: 3.2 → 302
    if n[0] in "xX—-":
        return None
    if len(n) == 1 and n in "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳":
        return "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".index(n) + 1
    import cn2an

    try:
        return int(cn2an.cn2an(n.replace("参", "叁").replace("○", "〇"), "smart"))  # 二○二五: a circle for 〇
    except (ValueError, KeyError):
        return None


def match_at(text: str, pos: int = 0) -> NumberToken | None:
    """The numbering token starting exactly at ``pos`` of a width-folded text."""
    for kind, rank, pat, style, next_only in _kinds():
        m = pat.match(text, pos)
        if m is None or m.end() >= len(text) or text[m.end()] == "\n":
            continue
        n_start, n_end = m.span("n")
        return NumberToken(
            kind, rank, numeral_value(m.group("n")), m.start(), m.end(), n_start, n_end, style, next_only
        )
    return None


@functools.cache
def toc_line() -> re.Pattern[str]:
    return re.compile(grammar.load("numbering")["toc_line"])


@functools.cache
def table_row() -> re.Pattern[str]:
    return re.compile(grammar.load("numbering")["table_row"])


@functools.cache
def toc_leaders() -> re.Pattern[str]:
    return re.compile(grammar.load("numbering")["toc_leaders"])


@functools.cache
def toc_header() -> re.Pattern[str]:
    return re.compile(grammar.load("numbering")["toc_header"])


@functools.cache
def glued_before() -> re.Pattern[str]:
    return re.compile(grammar.load("numbering")["glued_before"])


@functools.cache
def inline_list() -> re.Pattern[str]:
    return re.compile(grammar.load("numbering")["inline_list"])

"""Markdown markup deleted from the working copy (grammar: grammars/markdown.yaml).

A notice reposted as Markdown prints its headings as ``### 三、保障措施`` and its items as
``**1）推进….**``; the numbering grammar reads neither.  When a text carries enough
Markdown marks, the markup goes from the working copy — every kept character still maps
to the source — and the text reads as the notice it is.  Tables stay for the table reader.
"""

from __future__ import annotations

import functools
import re

from .. import grammar
from .offsets import MappedText, apply_edits


@functools.cache
def _g() -> tuple[int, re.Pattern[str], list[re.Pattern[str]], list[re.Pattern[str]]]:
    g = grammar.load("markdown")
    return (int(g["min_marks"]), re.compile(g["required"]), [re.compile(p) for p in g["marks"]],
            [re.compile(p) for p in g["delete"]])


def is_markdown(text: str) -> bool:
    least, required, marks, _ = _g()
    if "#" not in text or not required.search(text):
        return False
    found = 0
    for p in marks:
        for _m in p.finditer(text):
            found += 1
            if found >= least:
                return True
    return False


def strip_markdown(mt: MappedText) -> MappedText:
    """``mt`` without its Markdown markup, when it is Markdown; else ``mt`` itself."""
    return delete_markup(mt) if is_markdown(mt.text) else mt


def delete_markup(mt: MappedText) -> MappedText:
    delete = _g()[3]
    spans = sorted({m.span("m") for p in delete for m in p.finditer(mt.text)})
    return apply_edits(mt, [(a, b, "") for a, b in spans])

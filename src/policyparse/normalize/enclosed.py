"""Numbers printed as one enclosed character, spelled out.

Word and PDF copies of notices number items with compatibility characters: ⑴ ⑵ (U+2474…),
⒈ ⒉ (U+2488…), ㈠ ㈡ (U+3220…). Their NFKC forms — ``(1)``, ``1.``, ``(一)`` — are the
numbering the outline grammar reads; each replaces its one character in the working
copy, every new character mapped to it, so spans still cut the source character.
(Circled ① ② stay as they are: the numbering grammar reads them directly.)
"""

from __future__ import annotations

import re
import unicodedata

from .offsets import MappedText, apply_edits

_ENCLOSED = re.compile("[\u2474-\u249b\u3220-\u3229]")


def expand_enclosed(mt: MappedText) -> MappedText:
    return apply_edits(mt, [(*m.span(), unicodedata.normalize("NFKC", m.group())) for m in _ENCLOSED.finditer(mt.text)])


def as_printed(number: str, source: str) -> str:
    """A number read from an expanded enclosed character, as the source printed it: ``⑴``,
    ``㈠`` (the spec: a number is as printed); ``⒈`` reads as the Arabic digit ``1``, and any
    other number stays as it is."""
    if len(source) == 1 and _ENCLOSED.match(source) and unicodedata.normalize("NFKC", source) == number:
        return source
    return number

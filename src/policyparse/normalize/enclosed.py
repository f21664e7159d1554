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

from .offsets import Editor, MappedText

_ENCLOSED = re.compile("[\u2474-\u249b\u3220-\u3229]")


def expand_enclosed(mt: MappedText) -> MappedText:
    text = mt.text
    hits = list(_ENCLOSED.finditer(text))
    if not hits:
        return mt
    ed = Editor(mt)
    pos = 0
    for m in hits:
        ed.keep(pos, m.start())
        ed.replace(m.start(), m.end(), unicodedata.normalize("NFKC", m.group()))
        pos = m.end()
    ed.keep(pos, len(text))
    return ed.build()

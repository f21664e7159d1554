"""Removal of inline junk that content-farm reposts put into the text.

速發表網 pages print a pinyin reading after many characters: ``環(huán)境`` for 環境.
The annotation is a bracket holding lowercase Latin letters with at least one tone
mark, right after a CJK character; it is deleted from the working copy.
"""

from __future__ import annotations

import re

from .offsets import Editor, MappedText

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]"
)
# invisible characters that only get in the way
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\r]")


def remove_junk(mt: MappedText) -> MappedText:
    text = mt.text
    hits = [m.span() for m in _INVISIBLE.finditer(text)]
    hits += [m.span() for m in _PINYIN.finditer(text)]
    if not hits:
        return mt
    hits.sort()
    ed = Editor(mt)
    pos = 0
    for a, b in hits:
        if a < pos:
            continue
        ed.keep(pos, a)
        pos = b
    ed.keep(pos, len(text))
    return ed.build()

"""Removal of inline junk that content-farm reposts put into the text.

速發表網 pages print a pinyin reading after many characters: ``環(huán)境`` for 環境.
The annotation is a bracket holding lowercase Latin letters with at least one tone
mark, right after a CJK character; it is deleted from the working copy.

Emoji (``📌一、工作目标``) go too: a WeChat repost's headings start with them.

Some PDFs justify their lines with a space between every character (``邳 州 市 2 0 2 4
年``): in a line made of such single characters, those spaces are deleted too.
"""

from __future__ import annotations

import re

from .offsets import MappedText, apply_edits

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN = re.compile(
    rf"(?<=[\u3400-\u9fff])[(（](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]"
)
# invisible characters that only get in the way (zero-width and direction marks, the \r
# of a CRLF; a lone \r, the old Mac line end, is a line break: it becomes \n)
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad]|\r(?=\n)")
_LONE_CR = re.compile("\r(?!\n)")
# emoji that new-media reposts sprinkle over a notice (📌一、工作目标, 一起来看👇👇👇): the
# pictographs of the supplementary planes, a few emoji of the basic plane, their variation
# selector and skin tones. Not the symbols notices use as bullets (★ ● ◆ ■ ☆ ✓).
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2705\u2728\u274c\u274e\u2757\u2764\u2b50\u2b55\ufe0f]+")


_LINE = re.compile(r"[^\n\f]+")
_LETTER_GAP = re.compile(r"(?<=\S) (?=\S)")


def _letter_spaced(line: str) -> bool:
    """Every character set apart by one space, as a justified PDF line prints it."""
    parts = line.strip().split(" ")
    singles = sum(len(p) == 1 for p in parts)
    return (len(parts) >= 3 and singles == len(parts)) or (len(parts) >= 6 and singles >= 0.9 * len(parts))


def remove_junk(mt: MappedText) -> MappedText:
    text = mt.text
    hits = [(*m.span(), "") for m in _INVISIBLE.finditer(text)]
    hits += [(*m.span(), "\n") for m in _LONE_CR.finditer(text)]
    lined = text.replace("\r", "\n") if "\r" in text else text  # lines end at \r too
    hits += [(*m.span(), "") for m in _PINYIN.finditer(text)]
    hits += [(*m.span(), "") for m in _EMOJI.finditer(text)]
    for line in _LINE.finditer(lined):
        if " " in line.group() and _letter_spaced(line.group()):
            hits += [(*m.span(), "") for m in _LETTER_GAP.finditer(text, line.start(), line.end())]
    return apply_edits(mt, hits)

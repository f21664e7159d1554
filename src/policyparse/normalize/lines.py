"""Line repair: one paragraph per line, as the author wrote it.

Text pulled from a PDF or copied from a web page breaks lines inside sentences and
even inside words (``专\\n项基金``, ``（责任单\\n\\n位：…``), scatters blank lines and
page numbers, and indents with spaces.  This stage drops debris lines and the
indentation, keeps a line break where a paragraph really ends, and joins the rest.
The rules are data in grammars/layout.yaml.
"""

from __future__ import annotations

import functools
import re

from .. import grammar, numbering
from .offsets import Editor, MappedText, apply_edits
from .script import fold_width, working_text

_SPACE = " \t\u3000\u00a0\u2002\u2003\u2009\u200a\u3000"
_BREAK = re.compile("[\\n\\f\\v\\x1c\\x1d\\x1e\\x85\\u2028\\u2029]")
_DIGIT = re.compile(r"\d")
_OPENERS_CONTINUE = set("，,。、；;:：)）】」』”’")


@functools.cache
def _layout():
    g = grammar.load("layout")
    return {
        "debris": [re.compile(p) for p in g["debris"]],
        "running_max": int(g["running_max"]),
        "running_not": re.compile(g["running_not"]),
        "standalone": [re.compile(p, re.I) for p in g["standalone"]],
        "terminal": set(g["terminal_chars"]),
        "closing": set(g["closing_chars"]),
        "short": int(g["short_line_max"]),
        "punct": set(g["sentence_punct"]),
        "attachment": re.compile(g["attachment_heading"]),
        "short_end": re.compile(g["short_line_end"]),
        "label": re.compile(g["label_line"]),
        "label_after": re.compile(g["label_after"]),
        "open_label": re.compile(g["open_label"]),
        "bracket_in_sentence": {k: re.compile(p) for k, p in g["bracket_in_sentence"].items()},
        "title_tail": re.compile(g["title_tail"]),
        "continued": [(re.compile(c["prev"]), re.compile(c["next"])) for c in g["continued"]],
        "signature_date": re.compile(g["signature_date"]),
        "flat_min": int(g["flat_min"]),
        "flat_sentences": int(g["flat_sentences"]),
        "flat_gap": re.compile(g["flat_gap"]),
        "flat_glued": re.compile(g["flat_glued"]),
        "flat_keep_after": re.compile(g["flat_keep_after"]),
    }


def is_debris(line: str) -> bool:
    return any(p.match(line) for p in _layout()["debris"])


def is_standalone(line: str) -> bool:
    return any(p.match(line) for p in _layout()["standalone"])


def is_attachment_heading(line: str) -> bool:
    """"附件1" alone on a line: the next line is the attachment's title."""
    return _layout()["attachment"].match(line) is not None


def is_heading(line: str) -> bool:
    """A numbered line with a short title and no sentence: a heading."""
    tok = numbering.match_at(line)
    if tok is None:
        return False
    rest = line[tok.end :]
    return len(rest) <= 40 and "。" not in rest and ";" not in rest


def _unclosed(line: str) -> bool:
    """The line leaves a bracket open: （牵头单位：县政务服务中心； | 配合单位：…）."""
    return line.count("(") + line.count("（") > line.count(")") + line.count("）")


def _bracket_in_sentence(prev: str, nxt: str) -> bool:
    """``prev`` ends on a short bracket inside its sentence: …各镇（街道） | 按照1:1比例…,
    …重点群体（含就业困难人员） | 并签订…"""
    g = _layout()["bracket_in_sentence"]
    m = g["bracket"].search(prev)
    return m is not None and (g["running"].search(prev, 0, m.start() + 1) is not None or g["next"].match(nxt) is not None)


def keeps_break(prev: str, nxt: str) -> bool:
    """Whether the break between two (folded, stripped) content lines is a paragraph end."""
    lay = _layout()
    if nxt[0] in _OPENERS_CONTINUE:
        return False
    if any(p.search(prev) and n.match(nxt) for p, n in lay["continued"]):
        return False  # …规划（2021 | —2025年）》, 推动一、 | 二、三产业: not an item
    if numbering.match_at(nxt) is not None:
        return True
    if lay["title_tail"].match(nxt) and not any(c in lay["punct"] for c in prev):
        return False  # 发展规划 | （2024—2025年）
    if is_standalone(prev) or is_standalone(nxt):
        return True
    if lay["label"].match(nxt) and _unclosed(prev):
        return False  # （牵头单位：…； | 配合单位：…）: one parenthesis
    if lay["label"].match(nxt) and lay["label_after"].search(prev):
        return True  # 责任单位：… / 完成时限：… on lines of their own
    last = prev[-1]
    if lay["open_label"].search(prev):
        return False  # （责任单位： | 镇农业综合服务中心…）
    if last in lay["terminal"]:
        return True
    if last in lay["closing"] and not _bracket_in_sentence(prev, nxt):
        return True
    if is_heading(prev):
        return True
    if len(prev) <= lay["short"] and not any(c in lay["punct"] for c in prev) \
            and lay["short_end"].search(prev):
        return True
    return False


def _signs(line: str, after: str) -> bool:
    """``line`` signs the notice: a short body name (县人民政府) over a date line. The break
    before it is kept even after a list that runs on (责任单位：县财政局、县发改局)."""
    lay = _layout()
    return (len(line) <= lay["short"] and not any(c in lay["punct"] for c in line)
            and lay["short_end"].search(line) is not None and lay["signature_date"].match(after) is not None)


def _content_lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, break_pos) of each non-blank line that is neither debris nor a running
    header or footer, stripped; break_pos is the index of the line-break character after
    it (or len)."""
    lines = []  # (start, end, break_pos, folded, debris)
    bounds = [(m.start(), m.end()) for m in _BREAK.finditer(text)]
    bounds.append((len(text), len(text)))
    pos = 0
    for brk, nxt in bounds:
        s, e = pos, brk
        pos = nxt
        while s < e and text[s] in _SPACE:
            s += 1
        while e > s and text[e - 1] in _SPACE:
            e -= 1
        if s < e:
            folded = fold_width(text[s:e])
            lines.append((s, e, brk, folded, is_debris(folded)))
    running = _running_lines(lines)
    return [(s, e, brk) for i, (s, e, brk, _, debris) in enumerate(lines) if not debris and i not in running]


def _running_lines(lines: list[tuple[int, int, int, str, bool]]) -> set[int]:
    """The indexes of a running header or footer that text copied out of a PDF kept: a short
    line that is no sentence, item or table row, next to a page mark (— 3 —), the same
    line next to page marks at least twice (某区人民政府公报).  Its other copies stay (the
    plan's title above the first page)."""
    lay = _layout()
    near: dict[str, list[int]] = {}
    for i, (_, _, _, folded, debris) in enumerate(lines):
        if debris or len(folded) > lay["running_max"] or lay["running_not"].search(folded) \
                or numbering.match_at(folded) is not None:
            continue
        if any(0 <= j < len(lines) and lines[j][4] and _DIGIT.search(lines[j][3]) for j in (i - 1, i + 1)):
            near.setdefault(folded, []).append(i)  # next to a page mark (debris with its number)
    return {i for found in near.values() if len(found) >= 2 for i in found}


def split_flat(mt: MappedText) -> MappedText:
    """A notice printed as one long line gets its paragraph breaks back (a gap between
    sentences or before an item, a heading glued to a full stop: grammars/layout.yaml)."""
    lay = _layout()
    text = mt.text
    cuts: list[tuple[int, int]] = []  # text[i:j] becomes a line break (i == j: inserted)
    pos = 0
    for line in _BREAK.split(text):
        if len(line) >= lay["flat_min"] and line.count("。") >= lay["flat_sentences"]:
            folded = working_text(line)
            cuts += [(pos + m.start(), pos + m.end()) for m in lay["flat_gap"].finditer(folded)
                     if not lay["flat_keep_after"].search(folded, max(0, m.start() - 8), m.start())]
            cuts += [(pos + m.end(), pos + m.end()) for m in lay["flat_glued"].finditer(folded)]
        pos += len(line) + 1
    return apply_edits(mt, [(i, j, "\n") for i, j in cuts])


def repair_lines(mt: MappedText) -> MappedText:
    text = mt.text
    lines = _content_lines(text)
    ed = Editor(mt)
    folded = [fold_width(text[s:e]) for s, e, _ in lines]
    label = _layout()["label"]
    for i, (s, e, brk) in enumerate(lines):
        ed.keep(s, e)
        if i + 1 == len(lines):
            break
        after_heading = i > 0 and is_attachment_heading(folded[i - 1])
        # a label line (完成时限：2025年11月底前) and a blank line after it: the item ends there
        gap = text[e : lines[i + 1][0]]  # (a page mark between is no blank line)
        label_ends = label.match(folded[i]) is not None and gap.count("\n") >= 2 and not gap.strip()
        if after_heading or label_ends or keeps_break(folded[i], folded[i + 1]) \
                or (i + 2 < len(lines) and _signs(folded[i + 1], folded[i + 2])):
            if brk < len(text) and text[brk] == "\n":
                ed.keep(brk, brk + 1)
            else:
                ed.replace(brk, brk + 1, "\n")
    return ed.build()

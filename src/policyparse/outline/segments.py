"""Working copy → segments: one paragraph line each, with its numbering token.

A segment is a line of the working copy, or the part of a line that starts at an
item glued into the middle of it (``…负责)12.优化工业产品管理制度。``).  Lines of a
table of contents are marked so that the outline skips them.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import numbering
from ..numbering import NumberToken


@dataclass(slots=True)
class Segment:
    start: int  # in the working copy
    end: int
    token: NumberToken | None = None  # positions are absolute in the working copy
    toc: bool = False


def _shift(tok: NumberToken, offset: int) -> NumberToken:
    return NumberToken(
        tok.kind, tok.rank, tok.value, tok.start + offset, tok.end + offset,
        tok.n_start + offset, tok.n_end + offset, tok.style, tok.next_only,
    )


def split_lines(text: str) -> list[Segment]:
    segs: list[Segment] = []
    pos = 0
    in_toc = False
    toc_line = numbering.toc_line()
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if a == b:
            continue
        tok = numbering.match_at(line)
        if tok is not None and numbering.table_row().search(line):
            tok = None
        if numbering.toc_header().match(line):
            in_toc = True
            segs.append(Segment(a, b, None, toc=True))
            continue
        # (a short line once its dot leaders are one: 第七章 保障措施…………12 may run to 80 and more)
        is_toc = tok is not None and toc_line.search(line) is not None \
            and len(numbering.toc_leaders().sub("…", line)) < 80
        if in_toc and not is_toc:
            in_toc = False
        segs.append(Segment(a, b, _shift(tok, a) if tok else None, toc=is_toc))
    _mark_toc_runs(segs)
    return segs


def _mark_toc_runs(segs: list[Segment]) -> None:
    """Three or more numbered lines in a row ending in page numbers are a contents
    table even without a 目录 header; a lone one is not."""
    run: list[Segment] = []
    for s in segs + [Segment(0, 0)]:
        if s.toc and s.token is not None:
            run.append(s)
            continue
        if run and len(run) < 3 and not _after_header(segs, run[0]):
            for r in run:
                r.toc = False
        run = []


def _after_header(segs: list[Segment], first: Segment) -> bool:
    i = segs.index(first)
    return i > 0 and segs[i - 1].toc and segs[i - 1].token is None


def split_glued(text: str, seg: Segment, expected: dict[str, int]) -> list[Segment]:
    """Split ``seg`` where an item is glued after ``)`` or ``。`` mid-line, when that
    item carries the number expected next for its kind (``expected[kind]``)."""
    out = [seg]
    if seg.token is not None and seg.token.value is not None:
        expected = {**expected, seg.token.kind: seg.token.value + 1}
    line = text[seg.start : seg.end]
    skip = (seg.token.end - seg.start) if seg.token else 0
    lists = _inline_lists(line, skip)
    counting: dict[str, int] = {}  # kind → next number of an inline list opened before
    for m in numbering.glued_before().finditer(line, skip):
        i = m.end()
        while lists and lists[0][0] < i:
            counting[lists.pop(0)[1]] = 2
        tok = numbering.match_at(line, i)
        if tok is None or tok.value is None:
            continue
        if counting.get(tok.kind) == tok.value:
            counting[tok.kind] += 1  # …：1.…；2.…: an item of the inline list
            continue
        if expected.get(tok.kind) != tok.value:
            continue
        cur = out[-1]
        out[-1] = Segment(cur.start, seg.start + i, cur.token)
        out.append(Segment(seg.start + i, seg.end, _shift(tok, seg.start)))
        expected = {**expected, tok.kind: tok.value + 1}
    return out


def _inline_lists(line: str, skip: int) -> list[tuple[int, str]]:
    """(position, kind) of each list opened on 1 after a colon mid-line (…清单管理：1.…)."""
    out = []
    for m in numbering.inline_list().finditer(line, skip):
        tok = numbering.match_at(line, m.end())
        if tok is not None and tok.value == 1 and tok.start == m.end():
            out.append((m.end(), tok.kind))
    return out

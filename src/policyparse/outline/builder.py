"""Segments → documents, each with its tree of numbered items.

Nesting follows the order in which numbering kinds appear: a kind already open on the
stack closes everything below it and opens a sibling; a new kind opens a child.  A
page that holds several documents (a content-farm page of pasted samples, a notice
with its attachments) is split where numbering starts over at the top, where a kind
outranking the document's top level appears, at an attachment heading, at a title
line, or after the document's closing lines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from .. import grammar
from ..numbering import NumberToken
from .segments import Segment, split_glued, split_lines

# kinds that can carry a document's top level (dash bullets and circled numbers can't)
_STRUCTURAL_RANK = 6


@dataclass(slots=True, eq=False)
class Node:
    token: NumberToken
    head: Segment  # the numbered line (from the token to the end of the line)
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)
    body: list[Segment] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.token.kind

    @property
    def start(self) -> int:
        return self.token.start

    @property
    def end(self) -> int:
        return self.body[-1].end if self.body else self.head.end

    @property
    def tree_end(self) -> int:
        return self.children[-1].tree_end if self.children else self.end


@dataclass(slots=True, eq=False)
class RawDocument:
    preamble: list[Segment] = field(default_factory=list)
    roots: list[Node] = field(default_factory=list)
    closing: list[Segment] = field(default_factory=list)
    toc: list[Segment] = field(default_factory=list)
    title_hint: Segment | None = None  # the line after an attachment heading
    root_kind: str | None = None
    root_rank: int = 99
    last_root_value: int | None = None
    n_items: int = 0
    closed: bool = False

    @property
    def start(self) -> int:
        firsts = [s.start for s in self.preamble[:1] + self.toc[:1]]
        if self.roots:
            firsts.append(self.roots[0].start)
        if self.closing:
            firsts.append(self.closing[0].start)
        return min(firsts) if firsts else 0

    @property
    def end(self) -> int:
        ends = [s.end for s in self.preamble[-1:] + self.closing[-1:] + self.toc[-1:]]
        if self.roots:
            ends.append(self.roots[-1].tree_end)
        return max(ends) if ends else 0


@functools.cache
def _patterns():
    g = grammar.load("outline")
    return {
        "closing_clause": [re.compile(p) for p in g["closing_clause"]],
        "closing": [re.compile(p) for p in g["closing_clause"] + g["closing"]],
        "attachment": re.compile(g["attachment"]),
        "preamble": re.compile(g["preamble"]),
        "title": re.compile(g["title"]),
        "opener": re.compile(g["opener"]),
        "exhortation": re.compile(g["exhortation"]),
        "unit_close": re.compile(g["unit_close"]),
        "dash_units": re.compile(g["dash_units"]),
        "attachment_label": re.compile(g["attachment_label"]),
        "signature": re.compile(g["signature"]),
        "signed_date": re.compile(g["signed_date"]),
        "closing_list": re.compile(g["closing_list"]),
    }


def is_closing(line: str) -> bool:
    return any(p.search(line) for p in _patterns()["closing"])


def is_closing_clause(line: str) -> bool:
    """An effective-date or interpretation clause (本方案自…起施行), numbered or not."""
    return any(p.search(line) for p in _patterns()["closing_clause"])


def is_signature(line: str) -> bool:
    """A line naming a signing body (某某市发展和改革委员会); closing only above a date."""
    return _patterns()["signature"].match(line) is not None


def is_title_line(line: str) -> bool:
    return _patterns()["title"].match(line) is not None


def _bare_heading(rest: str) -> bool:
    """An item's text that is a heading alone: short, no sentence or clause in it."""
    rest = rest.strip()
    return 0 < len(rest) <= 20 and not any(c in rest for c in "。；;，,：:")


def is_preamble(line: str) -> bool:
    return _patterns()["preamble"].search(line) is not None


def is_exhortation(line: str) -> bool:
    """A paragraph speaking to all the units (各责任单位要…): closing after a finished list."""
    return _patterns()["exhortation"].match(line.strip()) is not None


def ends_on_units(text: str) -> bool:
    """An item's text ends on its units: …（责任单位：…）, or a last line 牵头单位：…."""
    lines = text.rstrip().splitlines()
    return bool(lines) and _patterns()["unit_close"].search(lines[-1]) is not None


def names_units_only(text: str) -> bool:
    """A dash line's text that only names units and their roles (县住建局牵头，县财政局配合)."""
    return _patterns()["dash_units"].match(text.strip()) is not None


def opens_document(line: str) -> bool:
    """A paragraph that can only open a document ("为进一步…", "…如下：")."""
    return _patterns()["opener"].search(line) is not None


class _Builder:
    def __init__(self, text: str):
        self.text = text
        self.docs: list[RawDocument] = [RawDocument()]
        self.stack: list[Node] = []
        self.attachment_list = False  # inside "附件：1.… 2.…"
        # a covering notice's list of its attachments, before any item (附件：1.…方案 | 2.…清单):
        # the kind and number of its last line, which the next line of the list continues
        self.cover_list: tuple[str, int] | None = None
        self.in_table = False  # the line being fed is a row of a task table
        self.expect_title = False
        self.boxes: dict[int, dict[str, int]] = {}  # open box's depth → next number of each list it interrupted
        self.last: dict[str, int] = {}  # the last number of each kind in the document

    @property
    def doc(self) -> RawDocument:
        return self.docs[-1]

    def line(self, seg: Segment) -> str:
        return self.text[seg.start : seg.end]

    # -- document boundaries -------------------------------------------------
    def new_document(self, pull_back: bool) -> None:
        self._pull_exhortation()
        carried: list[Segment] = []
        if pull_back and self.stack:
            # unnumbered preamble/title lines just before the restart belong to it
            last = self.stack[-1]
            while last.body and self._opens_document(self.line(last.body[-1])):
                carried.insert(0, last.body.pop())
        self.docs.append(RawDocument(preamble=carried))
        self.stack = []
        self.last = {}
        self.attachment_list = False

    def _pull_exhortation(self) -> None:
        """When the document's items end, paragraphs after the last item that speak to all
        the units (各责任单位要…) close the document, if that item closed on its own units."""
        top = self.stack[-1] if self.stack else None
        if top is None:
            return
        for i, seg in enumerate(top.body):
            if is_exhortation(self.line(seg)):
                before = self.text[top.head.start : top.body[i - 1].end if i else top.head.end]
                if ends_on_units(before):
                    self.doc.closing[:0] = top.body[i:]
                    del top.body[i:]
                return

    def _pull_signature(self) -> None:
        """The signing bodies' lines just above the date close the document, not the item."""
        last = self.stack[-1] if self.stack else None
        moved: list[Segment] = []
        while last and last.body and is_signature(self.line(last.body[-1]).strip()):
            moved.insert(0, last.body.pop())
        self.doc.closing.extend(moved)

    def _opens_document(self, line: str) -> bool:
        return is_preamble(line) or is_title_line(line)

    def restarts(self, tok: NumberToken) -> bool:
        d = self.doc
        if d.n_items == 0 or tok.rank > _STRUCTURAL_RANK:
            return False
        if d.closed:
            return True
        if tok.kind == d.root_kind and tok.value is not None and d.last_root_value is not None:
            last = d.last_root_value
            return tok.value < last or tok.value == last == 1
        # a kind that outranks the document's top level appears after its items, and
        # starts at one (a later number means the page lost the document's first part)
        return tok.rank < d.root_rank and len(d.roots) >= 2 and tok.value in (1, None)

    # -- feeding segments ----------------------------------------------------
    def feed(self, seg: Segment) -> None:
        line = self.line(seg)
        if seg.toc:
            self.doc.toc.append(seg)
            return
        if seg.token is not None and seg.token.next_only and not self._next(seg.token):
            seg = Segment(seg.start, seg.end)  # 第三条支持…。 where no 第三条 is due: a reference
        elif seg.token is not None and seg.token.kind == "dash" and self.stack \
                and names_units_only(self.text[seg.token.end : seg.end]):
            seg = Segment(seg.start, seg.end)  # ——县住建局牵头，…配合: the units of the item above
        if seg.token is None:
            self.feed_text(seg, line)
        else:
            self.feed_item(seg, line)

    def _next(self, tok: NumberToken) -> bool:
        """``tok`` follows the last item of its kind in the document (or is its first); a
        decimal number (3.2 → 302) follows 3.1, or opens a heading's items at N.1."""
        if tok.kind == "decimal" and tok.value is not None:
            return tok.value % 100 == 1 or tok.value == self.last.get(tok.kind, 0) + 1
        return tok.value == self.last.get(tok.kind, 0) + 1

    def feed_text(self, seg: Segment, line: str) -> None:
        pats = _patterns()
        d = self.doc
        if pats["attachment"].match(line):
            if d.n_items or d.closing:
                self.new_document(pull_back=False)
            self.doc.preamble.append(seg)
            self.expect_title = True
            return
        if self.expect_title:
            self.expect_title = False
            self.doc.title_hint = seg
            self.doc.preamble.append(seg)
            return
        self.cover_list = None
        if not d.n_items and not d.closing and pats["closing_list"].match(line) and is_closing(line):
            self.cover_list = self._cover_list_start(line)
        if is_closing(line) and d.n_items:
            if not d.closed:
                self._pull_exhortation()
            if _patterns()["signed_date"].match(line):
                self._pull_signature()
            d.closing.append(seg)
            d.closed = True
            # the numbered lines under 附件： (the attachments' names), 附： (appended notes:
            # 附：名词解释 1.蒸吨：…) or a repost's 相关推荐： belong to the closing
            self.attachment_list = _patterns()["closing_list"].match(line) is not None
            self.stack = []
            return
        if not d.closed or is_title_line(line) or is_preamble(line):
            # (a closed document's wrapped line — 1.蒸吨：…0.7兆瓦 | 热功率。 — keeps the list going)
            self.attachment_list = False
        if d.n_items and self._after_running_text() and opens_document(line):
            self.new_document(pull_back=False)
            self.doc.preamble.append(seg)
            return
        if d.closed or (d.n_items and is_title_line(line) and not self._in_body_text()):
            if d.closed and not (is_title_line(line) or is_preamble(line)):
                d.closing.append(seg)
                return
            self.new_document(pull_back=False)
            self.doc.preamble.append(seg)
            return
        if self.stack:
            self.stack[-1].body.append(seg)
        else:
            self.doc.preamble.append(seg)

    @staticmethod
    def _cover_list_start(line: str) -> tuple[str, int] | None:
        """The number that opens the list of attachments on its own line (附件：1.…): its
        kind and value; ("", 0) when the line names no number yet (附件：)."""
        from ..numbering import match_at

        rest = _patterns()["attachment_label"].sub("", line, count=1)
        if not rest.strip():
            return ("", 0)
        tok = match_at(rest)
        return (tok.kind, tok.value) if tok is not None and tok.value == 1 else None

    def _continues_cover_list(self, tok: NumberToken) -> bool:
        if self.cover_list is None or tok.value is None:
            return False
        kind, value = self.cover_list
        return tok.value == value + 1 and kind in ("", tok.kind)

    def _after_running_text(self) -> bool:
        """The open item already has its sentence(s): a new paragraph may open a document."""
        top = self.stack[-1] if self.stack else None
        return top is not None and (bool(top.body) or "。" in self.line(top.head))

    def _in_body_text(self) -> bool:
        """A title-like line right under a bare heading is that heading's body."""
        top = self.stack[-1] if self.stack else None
        return top is not None and not top.body and "。" not in self.line(top.head)

    def feed_item(self, seg: Segment, line: str) -> None:
        tok = seg.token
        assert tok is not None
        if self.attachment_list:
            self.doc.closing.append(seg)
            return
        if self._continues_cover_list(tok):
            # the next name in a covering notice's list of attachments: no item
            self.cover_list = (tok.kind, tok.value)
            self.doc.preamble.append(seg)
            return
        self.cover_list = None
        if self.doc.n_items and is_closing_clause(self.text[tok.end : seg.end]):
            # a numbered closing clause (第二十条 本政策自2021年5月1日起施行): no measure
            self.feed_text(seg, self.text[tok.end : seg.end])
            return
        tok = self._placeholder_level(tok, seg)
        if not self.in_table and self.restarts(tok):
            self.new_document(pull_back=True)
        self.expect_title = False
        d = self.doc
        if tok.kind == "box":
            self._open_box()
        else:
            self._close_box(tok)
        if d.root_kind is not None and tok.rank < d.root_rank:
            self.stack = []  # outranks the top level so far: a new top level
        elif any(n.kind == tok.kind for n in self.stack):
            while self.stack[-1].kind != tok.kind:
                self.stack.pop()
            self.stack.pop()
        node = Node(tok, seg, self.stack[-1] if self.stack else None)
        if node.parent is None:
            d.roots.append(node)
            if tok.rank <= _STRUCTURAL_RANK and (
                d.root_kind is None or tok.kind == d.root_kind or tok.rank < d.root_rank
            ):
                d.root_kind, d.root_rank = tok.kind, tok.rank
                d.last_root_value = tok.value if tok.value is not None else d.last_root_value
        else:
            node.parent.children.append(node)
        self.stack.append(node)
        d.n_items += 1
        if tok.value is not None:
            self.last[tok.kind] = tok.value

    def _placeholder_level(self, tok: NumberToken, seg: Segment) -> NumberToken:
        """A template's placeholder (x、) stands for any numeral: on a bare heading line
        (x、保障措施, no sentence) after a top level of another kind (一、 二、) it is the
        next heading of that level, not an item among the 1、 2、 that follow it."""
        d = self.doc
        if tok.value is not None or tok.kind == "dash" or d.root_kind in (None, tok.kind) \
                or d.root_rank >= tok.rank or not _bare_heading(self.text[tok.end : seg.end]):
            return tok
        return replace(tok, kind=d.root_kind, rank=d.root_rank)

    # -- boxes (专栏) ----------------------------------------------------------
    def _open_box(self) -> None:
        """A box sits in the innermost heading around it: the items it interrupts (those
        of running text without sub-items, an earlier box) close, and it remembers their
        kinds so that the next item of one of them ends the box."""
        interrupted: dict[str, int] = {}
        while self.stack and (self.stack[-1].kind == "box" or self._holds_text(self.stack[-1])):
            node = self.stack.pop()
            if node.kind != "box" and node.token.value is not None:
                interrupted[node.kind] = node.token.value + 1
        self.boxes[len(self.stack)] = interrupted

    def _close_box(self, tok: NumberToken) -> None:
        """The next number of a list the open box interrupted ends the box (三、 after
        一、二、 and the box), unless the box's own items use that kind."""
        for depth in sorted(self.boxes, reverse=True):
            if depth >= len(self.stack) or self.stack[depth].kind != "box":
                del self.boxes[depth]
                continue
            inside = {n.kind for n in self.stack[depth + 1 :]}
            if self.boxes[depth].get(tok.kind) == tok.value and tok.kind not in inside:
                del self.stack[depth:]
                del self.boxes[depth]

    def _holds_text(self, node: Node) -> bool:
        """An item of running text without sub-items (a measure, a 节 of prose), not a
        heading over sub-items nor a goals / guidance / background section, whose box
        (专栏1 主要指标) is its own."""
        from .tree import _ITEM_KINDS, _title_span, section_role

        if node.children or not (node.body or "。" in self.line(node.head)):
            return False
        return node.kind in _ITEM_KINDS or section_role(self.text[slice(*_title_span(self.text, node))]) is None

    def finish(self) -> None:
        if not self.doc.closed:
            self._pull_exhortation()

    def expected(self) -> dict[str, int]:
        """The next number each open kind expects (for glued items)."""
        return {n.kind: n.token.value + 1 for n in self.stack if n.token.value is not None}


def build(text: str, plain: list[tuple[int, int]] = (), tables: list[tuple[int, int]] = ()) -> list[RawDocument]:
    """``plain``: spans whose lines are no item's text (an indicator table's rows);
    ``tables``: the spans of task tables, whose numbered rows never start a new document
    (a table whose rows start over at （一） under each of its category rows)."""
    b = _Builder(text)
    for seg in split_lines(text):
        if any(a <= seg.start < z for a, z in plain):
            continue  # a row of an indicator table: read from the table, no item's text
        b.in_table = any(a <= seg.start < z for a, z in tables)
        pieces = [seg] if seg.toc else split_glued(text, seg, b.expected())
        if len(pieces) == 1:
            b.feed(seg)
            continue
        for piece in pieces:
            b.feed(piece)
    b.finish()
    return [d for d in b.docs if d.roots or d.preamble or d.closing]

"""Item tree → sections and measures.

A measure is a numbered leaf whose body is running text.  Items that only group
children are sections.  Items under guiding-thought, principle, goal or background
sections are not measures; goal sections are kept so that their deadlines and
quantities become document goals.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import grammar
from .builder import Node, RawDocument

_ITEM_KINDS = {"arabic", "arabic_paren", "arabic_half_paren", "circled", "dash"}


@dataclass(slots=True)
class OutlineSection:
    number: str
    title: str
    kind: str
    role: str
    span: tuple[int, int]  # working copy
    children: list["OutlineSection"] = field(default_factory=list)
    measures: list["OutlineMeasure"] = field(default_factory=list)


@dataclass(slots=True)
class OutlineMeasure:
    number: str
    path: list[str]
    title: tuple[int, int]  # working-copy spans
    text: tuple[int, int]
    span: tuple[int, int]
    section_role: str = "tasks"
    conditions: tuple[int, int] | None = None  # the sub-items stating conditions to qualify


@dataclass(slots=True)
class OutlineDocument:
    span: tuple[int, int]
    preamble: list[tuple[int, int]]
    closing: list[tuple[int, int]]
    title_hint: tuple[int, int] | None
    sections: list[OutlineSection]
    measures: list[OutlineMeasure]
    goal_spans: list[tuple[int, int]]  # text of goal sections (working copy)


@functools.cache
def _patterns() -> dict:
    g = grammar.load("outline")
    return {
        "roles": [(role, re.compile(p)) for role, p in g["section_roles"].items()],
        "bracketed_title": re.compile(g["bracketed_title"]),
        "condition_list": re.compile(g["condition_list"]),
        "detail_list": re.compile(g["detail_list"]),
        "preamble_goal": re.compile(g["preamble_goal"]),
    }


def section_role(title: str) -> str | None:
    t = title.strip().rstrip("。:：")
    for role, pat in _patterns()["roles"]:
        if pat.search(t):
            return role
    return None


def title_span(text: str, a: int, b: int) -> tuple[int, int]:
    """The title of an item whose text is ``text[a:b]``: a bracketed title
    (【稳定企业用工】…), else up to the first 。 (a list clause without its closing ；)."""
    m = _patterns()["bracketed_title"].match(text, a, b)
    if m is not None:
        return m.span(1)
    stop = text.find("。", a, b)
    if stop != -1:
        return (a, stop)
    while b > a + 1 and text[b - 1] in "；;，,":
        b -= 1  # the clause of a list (①…；): its title without the list's separator
    return (a, b)


def _title_span(text: str, node: Node) -> tuple[int, int]:
    return title_span(text, node.token.end, node.head.end)


def introduces_conditions(own_text: str) -> bool:
    """The item's own text ends by introducing the conditions to qualify (须同时符合下列条件：)."""
    return _patterns()["condition_list"].search(own_text) is not None


def introduces_details(own_text: str) -> bool:
    """The item's own text ends by introducing sub-items that only detail it: materials to
    hand in (须提交以下材料：), a schedule of awards (按以下标准给予奖励：)."""
    return _patterns()["detail_list"].search(own_text) is not None


def _has_running_text(text: str, node: Node) -> bool:
    if node.body:
        return True
    a, b = node.token.end, node.head.end
    # a clause of a list (（一）完善…机制，每年走访企业不少于2次；) is running text, as a sentence is
    return "。" in text[a:b] or text[a:b].rstrip().endswith(("；", ";")) or (b - a) > 40


def _has_own_sentences(text: str, node: Node) -> bool:
    """The numbered line holds a title sentence and more running text after it."""
    a, b = node.token.end, node.head.end
    stop = text.find("。", a, b)
    return stop != -1 and b - stop > 8 and node.kind not in ("chapter", "section", "part")


def _is_measure(text: str, node: Node) -> bool:
    if node.children:
        return False
    if node.kind in _ITEM_KINDS:
        return node.head.end > node.token.end
    return _has_running_text(text, node)


class _Walker:
    def __init__(self, text: str, printed: str):
        self.text = text  # working copy (for decisions)
        self.printed = printed  # display copy (for what is printed)
        self.measures: list[OutlineMeasure] = []
        self.goal_spans: list[tuple[int, int]] = []

    def walk(self, node: Node, path: list[str], role: str) -> OutlineSection | None:
        ta, tb = _title_span(self.text, node)
        title_w = self.text[ta:tb]
        own_role = section_role(title_w) if node.kind not in _ITEM_KINDS else None
        role = own_role or role
        number = node.token.printed(self.printed)
        conditions = details = False
        if node.children:  # sub-items that are conditions or details are the item's text
            own_text = self.text[node.token.end : node.end]
            conditions = introduces_conditions(own_text)
            details = conditions or introduces_details(own_text)
        if role == "tasks" and (details or _is_measure(self.text, node)):
            end = node.tree_end if details else node.end  # the sub-items are the item's text
            self.measures.append(
                OutlineMeasure(
                    number=number,
                    path=list(path),
                    title=(ta, tb),
                    text=(node.token.end, end),
                    span=(node.token.start, end),
                    section_role=role,
                    conditions=(node.children[0].token.start, end) if conditions else None,
                )
            )
            return None
        if role in ("goals", "guidance"):
            # the spec: the quantities and deadlines under 指导思想 / 总体要求 / 目标 are goals
            self.goal_spans.append((node.token.start, node.end))
        own = None
        if role == "tasks" and node.children and _has_own_sentences(self.text, node):
            # an item with its own running text and sub-items: a measure itself
            own = OutlineMeasure(number=number, path=list(path), title=(ta, tb),
                                 text=(node.token.end, node.end), span=(node.token.start, node.end))
            self.measures.append(own)
        sec = OutlineSection(
            number=number,
            title=self.printed[ta:tb].strip(),
            kind=node.kind,
            role=role,
            span=(node.token.start, node.tree_end),
        )
        if own is not None:
            sec.measures.append(own)
        child_path = path + [sec.title]
        for child in node.children:
            before = len(self.measures)
            sub = self.walk(child, child_path, role)
            if sub is not None:
                sec.children.append(sub)
            sec.measures.extend(self.measures[before:])
        # measures of sub-sections are reported by those sub-sections
        nested = {id(m) for c in sec.children for m in _all_measures(c)}
        sec.measures = list({id(m): m for m in sec.measures if id(m) not in nested}.values())
        return sec


def _all_measures(sec: OutlineSection):
    yield from sec.measures
    for c in sec.children:
        yield from _all_measures(c)


def is_preamble_goal(line: str) -> bool:
    """A paragraph before the first item that sets the plan's targets (2026年，全区…增长12%以上)."""
    return _patterns()["preamble_goal"].match(line.strip()) is not None


def analyse(doc: RawDocument, text: str, printed: str) -> OutlineDocument:
    w = _Walker(text, printed)
    w.goal_spans.extend((s.start, s.end) for s in doc.preamble if is_preamble_goal(text[s.start : s.end]))
    sections: list[OutlineSection] = []
    for root in doc.roots:
        sec = w.walk(root, [], "tasks")
        if sec is not None:
            sections.append(sec)
    return OutlineDocument(
        span=(doc.start, doc.end),
        preamble=[(s.start, s.end) for s in doc.preamble],
        closing=[(s.start, s.end) for s in doc.closing],
        title_hint=(doc.title_hint.start, doc.title_hint.end) if doc.title_hint else None,
        sections=sections,
        measures=w.measures,
        goal_spans=w.goal_spans,
    )

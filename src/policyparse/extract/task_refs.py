"""A responsibility list by task number, and the measures it names (grammar: ``task_ref``
in grammars/units.yaml).

A closing list such as ::

    三、责任分工
    第1—3项由县政务服务中心牵头，县市场监管局、县自然资源局配合；
    第4项由国家税务总局雷山县税务局负责。

names the measures numbered 1. … 4. earlier in the notice.  ``find_task_refs`` finds, in
one measure's text, each reference that opens a clause with its own attribution, the
numbers it names and the clause's units (read by ``units.find_units`` from the clause
alone).  ``assign_task_units`` then gives those units to the measures of the same document
that carry those numbers — only where the reading is clear, and only to measures with no
units of their own (docs/decisions.md, *Units*).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .. import grammar, numbering
from .types import Context, RawTaskRef
from .units import find_units, unit_label


@dataclass(frozen=True, slots=True)
class _G:
    forms: list[tuple[str, re.Pattern[str]]]
    num: re.Pattern[str]
    range: re.Pattern[str]
    ref: re.Pattern[str]
    after: frozenset[str]
    continues: frozenset[str]
    not_after: re.Pattern[str]
    lead: re.Pattern[str]
    own_points: re.Pattern[str]
    own_points_min: int
    clause_end: re.Pattern[str]
    gap: re.Pattern[str]
    max_range: int


@functools.cache
def _g() -> _G:
    g = grammar.load("units")["task_ref"]
    forms = [(name, re.compile(p)) for name, p in g["forms"].items()]
    macros = {"num": "(?:" + "|".join(f"(?:{p})" for p in g["forms"].values()) + ")",
              "range": f"(?:{g['range']})", "list": f"(?:{g['list']})", "label": f"(?:{unit_label()})"}
    return _G(
        forms=forms,
        num=re.compile(grammar.expand("{num}", macros)),
        range=re.compile(g["range"]),
        ref=re.compile(grammar.expand(g["ref"], macros)),
        after=frozenset(g["after"]),
        continues=frozenset(g["continues"]),
        not_after=re.compile(g["not_after"]),
        lead=re.compile(g["lead"]),
        own_points=re.compile(g["own_points"]),
        own_points_min=int(g["own_points_min"]),
        clause_end=re.compile(g["clause_end"]),
        gap=re.compile(grammar.expand(g["gap"], macros)),
        max_range=int(g["max_range"]),
    )


def number_form(number: str) -> tuple[str, int] | None:
    """The form and value of a task number, in a reference or as a measure prints it:
    ``1`` → ("arabic", 1), ``（一）`` / ``(一)`` → ("cn_paren", 1), ``一`` → ("cn", 1); None
    for any other numbering (①, （1）, 第一条 …)."""
    number = number.strip()
    for form, pat in _g().forms:
        if pat.fullmatch(number):
            digits = number.strip("(（)） \t")
            value = numbering.numeral_value(digits.replace(" ", "").replace("\t", ""))
            return None if value is None else (form, value)
    return None


def _numbers(text: str, a: int, b: int) -> list[tuple[str, int]]:
    """The numbers a reference's numeral group text[a:b] names: 1—3 → 1, 2, 3; 1、2、5 →
    1, 2, 5 (nothing when a range runs backwards, too far, or across forms)."""
    g = _g()
    out: list[tuple[str, int]] = []
    at = a
    for m in g.num.finditer(text, a, b):
        n = number_form(m.group())
        if n is None:
            return []
        if out and g.range.search(text, at, m.start()):  # 1—3, 1至第3
            form, first = out[-1]
            if form != n[0] or not 0 < n[1] - first <= g.max_range:
                return []
            out.extend((form, v) for v in range(first + 1, n[1] + 1))
        else:
            out.append(n)
        at = m.end()
    return out


def _opens_clause(text: str, lo: int, i: int, continued: bool) -> bool:
    """Nothing but white space stands between ``i`` and the start of the measure's text,
    a line's start or a clause's end (``after``) — or a comma, when the clause before it
    is a reference's of the same list (``continued``) —, and no 其中 (``not_after``)."""
    g = _g()
    while i > lo and text[i - 1] in " \t\u3000":
        i -= 1
    if i == lo:
        return True
    if g.not_after.search(text, lo, i):
        return False
    if g.lead.search(text, lo, i):
        return True  # 以上任务中，第1—3项由A牵头
    return text[i - 1] in g.after or (continued and text[i - 1] in g.continues)


def find_task_refs(text: str, lo: int, hi: int, ctx: Context | None = None) -> list[RawTaskRef]:
    """The task-number references in ``text[lo:hi]`` (working copy) that open a clause with
    its own attribution (第1—3项由A牵头，B配合；), each with the numbers it names and the
    clause's units.  A measure that enumerates its own points before a reference (一是…；
    二是…。第1项由A负责) refers to those points: no reference."""
    g = _g()
    refs = list(g.ref.finditer(text, lo, hi))
    points = [p.start() for p in g.own_points.finditer(text, lo, hi)]
    out: list[RawTaskRef] = []
    last_end = -1  # where the clause of the last reference counted ended
    for k, m in enumerate(refs):
        # a clause runs to the next reference (counted or not), or to its end
        end = refs[k + 1].start() if k + 1 < len(refs) else hi
        stop = g.clause_end.search(text, m.end(), end)
        if stop is not None:
            end = stop.start()
        if not _opens_clause(text, lo, m.start(), last_end == m.start()):
            continue
        if sum(p < m.start() for p in points) >= g.own_points_min:
            continue  # 一是…；二是…。第1项由A负责: the measure's own points
        numbers = _numbers(text, *m.span("nums"))
        if not numbers:
            continue
        units = find_units(text, m.end(), end, ctx)
        # the attribution opens the clause: 第1项由A负责, not 第1项指标由A负责统计
        if not units or not g.gap.fullmatch(text, m.end(), min(u.span[0] for u in units)):
            continue
        out.append(RawTaskRef(m.span(), numbers, units))
        last_end = end
    return out


@dataclass(slots=True)
class ListedUnits:
    """One reference clause of a responsibility list, its units ready for the output."""
    holder: Any  # the measure whose text holds the list (a models.Measure)
    span: tuple[int, int]  # the reference, in source_text
    numbers: list[tuple[str, int]]
    units: list[Any]  # models.Unit, spans in the list


def _resolve(numbered: list[tuple[tuple[str, int] | None, Any]], holder: Any, number: tuple[str, int],
             lists: set[int]) -> Any | None:
    """The one measure ``number`` names, or None when no reading is clear.

    Candidates carry the number in the reference's form (a 第一项 may name a measure
    numbered 1 when no measure is numbered 一).  One candidate: that one.  Several
    (numbering that starts over under each chapter): the one under the same heading as
    the list, when exactly one is.  A reading that lands on a measure holding a list
    (the list's own measure, among others) is none."""
    cands = [m for form, m in numbered if form == number]
    if not cands and number[0] == "cn":
        cands = [m for form, m in numbered if form == ("arabic", number[1])]
    if len(cands) > 1:
        cands = [m for m in cands if m.path == holder.path]
    if len(cands) != 1 or id(cands[0]) in lists:
        return None
    return cands[0]


def assign_task_units(measures: list[Any], listed: list[ListedUnits]) -> None:
    """Give each reference clause's units to the measures of ``measures`` (one document's,
    models.Measure) its numbers name.

    A reference maps only when every number it names resolves (``_resolve``); a measure
    with units of its own keeps them and takes none from the list; a measure named by
    several clauses takes the units of each, in order, each (name, role) once.  A list
    whose measure a task table dropped, or a reference a table cut off its measure,
    maps nothing."""
    present = {id(m) for m in measures}
    listed = [x for x in listed
              if id(x.holder) in present and x.holder.span[0] <= x.span[0] and x.span[1] <= x.holder.span[1]]
    lists = {id(x.holder) for x in listed}
    own = {id(m) for m in measures if m.units}
    numbered = [(number_form(m.number), m) for m in measures]  # (form, value) of each measure's number
    for x in listed:
        targets = [_resolve(numbered, x.holder, n, lists) for n in x.numbers]
        if any(t is None for t in targets):
            continue
        for t in targets:
            if id(t) in own:
                continue
            have = {(u.name, u.role) for u in t.units}
            for u in x.units:
                if (u.name, u.role) not in have:
                    have.add((u.name, u.role))
                    t.units.append(u.model_copy())


def merge_division_tables(docs: list[Any]) -> None:
    """An attachment that restates, row by row, the measures of the notice before it — a
    重点任务责任分工表 whose 重点任务 cells are the body's measure titles — says who leads and
    helps with each of them and by when: each body measure that names no units (no
    deadlines) of its own takes the row's, and the rows are no measures of their own (they
    are those measures).  Only when every measure of the attachment restates exactly one
    measure of an earlier document, by its title; its outline is kept."""
    from ..normalize.script import working_text

    def key(title: str) -> str:
        return re.sub(r"[\s。.；;：:]+", "", working_text(title or ""))

    for k in range(1, len(docs)):
        rows = docs[k].measures
        if len(rows) < 2:
            continue
        earlier: dict[str, list[Any]] = {}
        for d in docs[:k]:
            for m in d.measures:
                earlier.setdefault(key(m.title), []).append(m)
        matched = [earlier.get(key(r.title), []) for r in rows]
        if any(len(ms) != 1 for ms in matched) or len({id(ms[0]) for ms in matched}) != len(rows):
            continue
        for r, (m,) in zip(rows, matched):
            if not m.units:
                m.units = [u.model_copy() for u in r.units]
            if not m.deadlines:
                m.deadlines = [d.model_copy() for d in r.deadlines]
        docs[k].measures = []
        _drop_measure_ids(docs[k].outline)


def _drop_measure_ids(sections: list[Any]) -> None:
    for s in sections:
        s.measures = []
        _drop_measure_ids(s.children)

"""Units (lead / responsible / cooperating) of a measure (grammar: grammars/units.yaml).

Sources, in the order they are looked for: labelled lists (牵头单位：…；责任单位：…),
in or out of a parenthesis; else the unlabelled unit parenthesis that ends a
paragraph (（A、B等部门按职责分工负责）, （A负责）, （A牵头，B、C按职责分工负责）); and the
inline attributions 由A牵头 / 由A负责 with the clauses right after them (…，B、C配合).  The
subject of a running sentence is not a unit.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container
from dataclasses import dataclass

from .. import grammar, numbering
from .types import Context, RawUnit


@dataclass(frozen=True, slots=True)
class _G:
    label: re.Pattern[str]
    role_of: dict[str, str]
    seps: frozenset[str]
    open_close: dict[str, str]  # brackets and quotes
    brackets: dict[str, str]
    closers: frozenset[str]  # of the brackets
    tails: list[str]
    tail_manner: re.Pattern[str]
    clause_roles: list[tuple[str, re.Pattern[str]]]
    etc_generic: re.Pattern[str]
    etc_end: re.Pattern[str]
    nested: re.Pattern[str]
    generic: re.Pattern[str]
    suffix: re.Pattern[str]
    area: re.Pattern[str]
    labelled_name: re.Pattern[str]
    first_leads: re.Pattern[str]
    first_leads_below: re.Pattern[str]
    inline: re.Pattern[str]
    stop: re.Pattern[str]
    role_note: re.Pattern[str]
    clause_by: re.Pattern[str]
    list_brackets: frozenset[str]
    list_end: frozenset[str]  # what ends a labelled list outside brackets (。, a table cell's |)
    area_qualifier: re.Pattern[str]  # 各镇(街道): a bracket that is part of the name before it
    time_item: re.Pattern[str]
    inline_next: re.Pattern[str]
    clause: re.Pattern[str]
    clause_max: int
    clause_label: re.Pattern[str]  # 【工作机制】 opening a clause: no part of its units
    clause_unit: re.Pattern[str]
    clause_joiner: re.Pattern[str]
    clause_reject: re.Pattern[str]
    clause_not_unit: re.Pattern[str]
    role_then_task: re.Pattern[str]


@functools.cache
def _g() -> _G:
    g = grammar.load("units")
    role_of = {w: role for role, ws in g["labels"].items() for w in ws}
    return _G(
        label=re.compile(rf"(?P<label>{grammar.alternation(list(role_of))}){g['label_sep']}"),
        stop=re.compile(g["stop_labels"]),
        role_of=role_of,
        seps=frozenset(g["separators"]),
        open_close={**g["brackets"], **g["quotes"]},
        brackets=dict(g["brackets"]),
        closers=frozenset(g["brackets"].values()),
        tails=sorted(g["tails"], key=len, reverse=True),
        tail_manner=re.compile(g["tail_manner"]),
        clause_roles=[(r, re.compile(p)) for r, p in g["clause_roles"].items()],
        etc_generic=re.compile(g["etc_generic"]),
        etc_end=re.compile(g["etc_end"]),
        nested=re.compile(g["nested"]),
        generic=re.compile(g["generic"]),
        suffix=re.compile(g["unit_suffix"]),
        area=re.compile(g["area_unit"]),
        labelled_name=re.compile(g["labelled_name"]),
        first_leads=re.compile(g["first_leads"]),
        first_leads_below=re.compile(g["first_leads_below"]),
        inline=re.compile(g["inline"]),
        role_note=re.compile(g["role_note"]),
        clause_by=re.compile(g["clause_by"]),
        list_brackets=frozenset(g["list_brackets"]),
        list_end=frozenset(g["list_end"]),
        area_qualifier=re.compile(g["area_qualifier"]),
        time_item=re.compile(g["time_item"]),
        inline_next=re.compile(g["inline_next"]),
        clause=re.compile(g["clause"]),
        clause_max=int(g["clause_max"]),
        clause_label=re.compile(g["clause_label"]),
        clause_unit=re.compile(g["clause_unit"]),
        clause_joiner=re.compile(g["clause_joiner"]),
        clause_reject=re.compile(g["clause_reject"]),
        clause_not_unit=re.compile(g["clause_not_unit"]),
        role_then_task=re.compile(g["role_then_task"]),
    )


def unit_label() -> str:
    """A regex alternation of the unit labels (牵头单位, 责任单位, 配合单位 …)."""
    return grammar.alternation(list(_g().role_of))


def declares_first_leads(text: str) -> bool:
    return _g().first_leads.search(text) is not None


def declares_first_leads_below(text: str) -> bool:
    """A note that the first-listed unit leads, for this list and every one below (…下同)."""
    g = _g()
    return any(g.first_leads_below.match(text, m.end()) for m in g.first_leads.finditer(text))


def split_list(text: str, a: int, b: int, seps: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Split text[a:b] (width-folded) on separators outside brackets and quotes
    (grammars/units.yaml): 各县(市、区) and “双随机、一公开” stay whole."""
    g = _g()
    seps = g.seps if seps is None else seps
    closers = set(g.open_close.values())
    out, depth_stack, start = [], [], a
    for i in range(a, b):
        c = text[i]
        if depth_stack and c == depth_stack[-1]:
            depth_stack.pop()
        elif c in g.open_close:
            depth_stack.append(g.open_close[c])
        elif c in closers:
            continue
        elif not depth_stack and c in seps:
            out.append((start, i))
            start = i + 1
    out.append((start, b))
    return out


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n":
        a += 1
    while b > a and text[b - 1] in " \t\n。.":
        b -= 1
    return a, b


def _drop_tail(text: str, a: int, b: int) -> tuple[int, int]:
    g = _g()
    for t in g.tails:
        if b - a > len(t) and text.startswith(t, b - len(t)):
            a, b = _strip(text, a, b - len(t))
            if m := g.tail_manner.search(text, a, b):  # …按照“…”要求各负其责
                a, b = _strip(text, a, m.start())
            if b - a > 2 and text[b - 1] == "等":  # "A等分工负责"
                b -= 1
            return a, b
    return a, b


def _items(text: str, a: int, b: int, role: str, labelled: bool = False) -> list[RawUnit]:
    """Units of one list text[a:b] with one role; after a label (责任单位：) any name-like
    item is a unit, elsewhere only one that ends like a body or an area."""
    g = _g()
    out: list[RawUnit] = []
    note_leads: set[str] = set()  # named by a note inside the list: "A、B（A牵头）"
    for ia, ib in _spaced(text, split_list(text, a, b)):
        ia, ib = _drop_tail(text, ia, ib)
        if ib - ia > 3 and g.etc_end.search(text, ia, ib):  # "A等配合": A
            ib -= 1
        if ib - ia < 2:
            continue
        nest = g.nested.fullmatch(text, ia, ib)
        ni, nj = nest.span("inner") if nest else (0, 0)
        if nest and g.first_leads.search(text, ni, nj):
            # "A等相关部门（排在第一位的为牵头单位）": the note is no part of a name
            ia, ib = _drop_tail(text, *_strip(text, ia, ni - 1))
            if ib - ia > 3 and g.etc_end.search(text, ia, ib):
                ib -= 1
            nest = None
        name = text[ia:ib]
        if g.first_leads.search(name):
            continue  # "A、B，排在第一位的为牵头单位": the note, not a unit
        if nest and g.role_note.match(text[ni:nj]):
            # "A(牵头)": A in the role the note names
            verb_role = _role_verb(text, ni, nj)[0]
            out.extend(_items(text, *nest.span("head"), verb_role, labelled))
            continue
        if nest and _role_verb(text, ni, nj):
            # "A(B配合)": A in this role, B in the role its verb gives (not 各镇(街道))
            inner = _unlabelled(text, ni, nj)
            if inner:
                out.extend(_items(text, *nest.span("head"), role))
                out.extend(inner)
                note_leads.update(text[u.span[0] : u.span[1]] for u in inner if u.role == "lead")
                continue
        if _is_time(name):
            continue  # a deadline in the unit parenthesis: it belongs to the deadlines
        m = g.etc_generic.search(name)
        if m:
            head_end = ia + m.start()
            if head_end - ia >= 2:
                out.append(RawUnit((ia, head_end), role, bool(g.generic.search(text[ia:head_end]))))
            ga, gb = ia + m.start("g"), ib
            out.append(RawUnit((ga, gb), role, True))
            continue
        if not (g.suffix.search(name) or g.area.search(name) or g.generic.search(name)
                or (labelled and g.labelled_name.fullmatch(name))):
            continue
        out.append(RawUnit((ia, ib), role, bool(g.generic.search(name))))
    return _note_leads(text, out, note_leads) if note_leads else out


def _spaced(text: str, parts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """List items, stripped; an item that is names set apart by spaces (县发改局 县自然资源和
    规划局, as a table cell or a Word copy prints a list) is each of them, when every one
    ends like a body or an area (a stray space inside one name splits nothing)."""
    g = _g()
    out = []
    for ia, ib in parts:
        ia, ib = _strip(text, ia, ib)
        pieces = [p for p in split_list(text, ia, ib, _GAPS) if p[1] > p[0]] \
            if not _GAPS.isdisjoint(text[ia:ib]) else []
        if len(pieces) > 1 and all(
                pb - pa >= 3 and (g.suffix.search(text, pa, pb) or g.area.search(text, pa, pb)) for pa, pb in pieces):
            out.extend(pieces)
        else:
            out.append((ia, ib))
    return out


_GAPS = frozenset(" \u3000\t")  # the spaces that set names apart in a list
_CLAUSE_ENDS = frozenset("，,；;")  # what ends a clause of a unit list (A牵头，B配合)


def _is_time(name: str) -> bool:
    """An item of a unit list that is a deadline (6月底完成, 长期坚持), not a unit."""
    g = _g()
    return bool(g.time_item.search(name)) and not g.suffix.search(name)


def _note_leads(text: str, units: list[RawUnit], names: set[str]) -> list[RawUnit]:
    """A list whose note names its lead ("A、B（A牵头）"): A once, as lead, where listed."""
    out, done = [], set()
    for u in units:
        name = text[u.span[0] : u.span[1]]
        if name in names:
            if name in done:
                continue
            done.add(name)
            u = RawUnit(u.span, "lead", u.generic, u.name)
        out.append(u)
    return out


def _matching_close(text: str, i: int, hi: int) -> int:
    """Index just past the bracket closing the one opened at ``i`` (or -1)."""
    g = _g()
    stack = [g.open_close[text[i]]]
    for j in range(i + 1, hi):
        c = text[j]
        if c == stack[-1]:
            stack.pop()
            if not stack:
                return j + 1
        elif c in g.open_close:
            stack.append(g.open_close[c])
        elif c == "\n":
            return -1
    return -1


def _labelled(text: str, lo: int, hi: int) -> list[RawUnit]:
    g = _g()
    labels = list(g.label.finditer(text, lo, hi))
    out: list[RawUnit] = []
    for k, m in enumerate(labels):
        a = m.end()
        nxt = labels[k + 1].start() if k + 1 < len(labels) else hi
        stop = g.stop.search(text, a, nxt)
        if stop:
            nxt = stop.start()
        # the list ends at the next label, the bracket closing around it, or the paragraph
        b, depth = a, 0
        while b < nxt and text[b] != "\n":
            c = text[b]
            if c in g.brackets:
                depth += 1
            elif c in g.closers:
                if depth == 0:
                    break
                depth -= 1
            elif c in g.list_end and depth == 0:
                break
            b += 1
        out.extend(_labelled_clauses(text, a, b, g.role_of[m.group("label")]))
    return out


def _role_verb(text: str, a: int, b: int, besides: str | None = None) -> tuple[str, re.Match[str]] | None:
    """The role a clause text[a:b] ends on and its verb (…牵头: lead, …配合: cooperating,
    …负责: responsible), if it ends on one; ``besides``: a role not to look for."""
    return next(((r, v) for r, pat in _g().clause_roles if r != besides and (v := pat.search(text, a, b))), None)


def _labelled_clauses(text: str, a: int, b: int, role: str) -> list[RawUnit]:
    """A labelled list text[a:b] in the label's role — unless its clauses name roles of their
    own (责任单位：区发改局牵头，区财政局、区税务局配合): then a clause that ends on a lead or
    cooperating verb gives its units that role, and the others keep the label's."""
    clauses = [_strip(text, x, y) for x, y in split_list(text, a, b, _CLAUSE_ENDS)]
    verbs = [_role_verb(text, x, y, besides="responsible") for x, y in clauses]
    if not any(verbs):
        return _items(text, a, b, role, labelled=True)
    out: list[RawUnit] = []
    for (x, y), verb in zip(clauses, verbs):
        out.extend(_items(text, x, verb[1].start(), verb[0], labelled=True) if verb else
                   _items(text, x, y, role, labelled=True))
    return out


def _paren_groups(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Top-level (…) groups that end a paragraph: the unit parenthesis candidates."""
    g = _g()
    out = []
    i = lo
    while i < hi:
        if text[i] in g.list_brackets:
            j = _matching_close(text, i, hi)
            if j == -1:
                i += 1
                continue
            if g.area_qualifier.match(text, i, j):  # 各镇(街道)
                i = j
                continue
            rest = j
            while rest < hi and text[rest] in " 。.;；":
                rest += 1
            if rest >= hi or text[rest] == "\n":
                out.append((i + 1, j - 1))
            i = j
            continue
        i += 1
    return out


def _unlabelled(text: str, a: int, b: int) -> list[RawUnit]:
    g = _g()
    a, b = _strip(text, a, b)
    content = text[a:b]
    if not content:
        return []
    clauses = split_list(text, a, b, _CLAUSE_ENDS)
    roled: list[tuple[str | None, int, int]] = []
    any_verb = False
    for ca, cb in clauses:
        ca, cb = _strip(text, ca, cb)
        by = g.clause_by.match(text, ca, cb)
        if by:  # （由A牵头，B配合）
            ca = by.end()
        role = None
        if v := _role_verb(text, ca, cb):
            role, any_verb = v[0], True
            cb = v[1].start() if role != "responsible" else cb
        roled.append((role, ca, cb))
    if not any_verb:
        # a bare list counts only when every item is plainly a unit
        items = [_strip(text, x, y) for x, y in split_list(text, a, b)]
        # (the note 排在第一位的为牵头单位 and a deadline sharing the parenthesis are no items)
        items = [(x, y) for x, y in items if not g.first_leads.search(text, x, y) and not _is_time(text[x:y])]
        if not items or not all(g.suffix.search(text[x:y]) and y - x <= 25 for x, y in items):
            return []
        return _items(text, a, b, "responsible")
    out: list[RawUnit] = []
    for role, ca, cb in roled:
        out.extend(_items(text, ca, cb, role or "responsible"))
    return out


def _all_bodies(text: str, ua: int, ub: int) -> bool:
    """Every item of the running-text list text[ua:ub] ends like a body (or is A等有关部门)."""
    g = _g()
    if not g.suffix.search(text[ua:ub]):
        return False
    parts = [text[x:y] for x, y in (_drop_tail(text, *_strip(text, a, b)) for a, b in split_list(text, ua, ub))]
    return all(g.suffix.search(p.removesuffix("等")) or g.etc_generic.search(p) for p in parts)


def _inline(text: str, lo: int, hi: int) -> list[RawUnit]:
    g = _g()
    out = []
    for m in g.inline.finditer(text, lo, hi):
        ua, ub = m.span("u")
        lists = _joined_lists(text, ua, ub)  # 由A会同B、C负责: each list of one role
        if not all(_all_bodies(text, a, b) for a, b in lists):
            continue  # 由政府引导、市场主导、企业负责: a slogan, not a list of units
        role = "lead" if m.group("verb") == "牵头" else "responsible"
        out.extend(u for a, b in lists for u in _items(text, a, b, role))
        out.extend(_inline_next(text, m.end(), hi))
    return out


def _inline_next(text: str, at: int, hi: int) -> list[RawUnit]:
    """The clauses right after 由A牵头 that give other units a role: 由A牵头，B、C配合 /
    …，B负责 / …，B参与 / …，各行政村配合 — each clause a list of bodies (or of plain units:
    a collective, an area) closed by a role verb (not 各部门要密切配合, 积极配合)."""
    g = _g()
    out: list[RawUnit] = []
    while (n := g.inline_next.match(text, at, hi)) is not None:
        ca, cb = n.span("c")
        if g.inline.search(text, ca, cb):
            break  # 第4项由B负责: a 由 attribution of its own (found as such), not a clause of this one
        # …，B配合做好资金保障 / …，C负责抓好落实: the role verb with the task after it
        t = _role_then_task(text, ca, cb)
        if t is not None:
            out.extend(t)
            at = cb
            continue
        v = _role_verb(text, ca, cb)
        # bodies, or plainly units as a clause without 由 needs them: a collective or an
        # area that opens with 各 or a level (…，各行政村配合 / …，各社区配合 / …，柯城区负责)
        if v is None or not (_all_bodies(text, ca, v[1].start()) or _plain_units(text, ca, v[1].start())):
            break
        role = v[0]
        # (as in a parenthesis: 负责 and its tails 等部门按职责分工负责 go with the list)
        out.extend(_items(text, ca, cb if role == "responsible" else v[1].start(), role))
        at = cb
    return out


def _role_then_task(text: str, ca: int, cb: int, verbs: Container[str] | None = None) -> list[RawUnit] | None:
    """The units of a clause text[ca:cb] that opens on plain units and a role verb with the
    task after it (B配合做好资金保障, C负责抓好落实, 县发改局负责全县项目库建设), if it is one
    (and its verb one of ``verbs``, when given)."""
    t = _g().role_then_task.match(text, ca, cb)
    if t is None or (verbs is not None and t.group("verb") not in verbs) or not _plain_units(text, ca, t.start("verb")):
        return None
    return _items(text, ca, t.start("verb"), "responsible" if t.group("verb") == "负责" else "cooperating")


def _plain_units(text: str, a: int, b: int) -> bool:
    """Every item of the running-text list text[a:b] is plainly a government body's name:
    it ends like a body or an area, opens with a level, a place, a system or 各
    (``clause_unit``) and names no firm or people (``clause_not_unit``), and the list holds
    no modal, figure or verb of assigning (``clause_reject``)."""
    g = _g()
    if g.clause_reject.search(text, a, b):
        return False
    items = [_drop_tail(text, *_strip(text, x, y)) for x, y in split_list(text, a, b)]
    names = [text[x:y].removesuffix("等") for x, y in items]
    return bool(names) and all(
        (g.suffix.search(n) or g.area.search(n) or g.etc_generic.search(n))
        and (g.clause_unit.match(n) or g.generic.search(n)) and not g.clause_not_unit.search(n)
        for n in names)


def _clause_led(text: str, lo: int, hi: int) -> list[RawUnit]:
    """Clauses of running text that are only units and a lead or responsible verb (no 由):
    县市场监管局负责，县公安局、县税务局协同配合 — or that open on units and such a verb with
    the task after it (县发改局负责全县项目库建设) — with the clauses that follow them."""
    g = _g()
    out: list[RawUnit] = []
    done = lo
    for m in g.clause.finditer(text, lo, hi):
        ca, cb = _strip(text, *m.span())
        if ca < done or cb - ca > g.clause_max:
            continue
        if (tok := numbering.match_at(text, ca)) is not None and tok.end < cb:
            ca = tok.end  # the item's own number: 第十四条…
        if label := g.clause_label.match(text, ca, cb):  # 【工作机制】区…局负责…
            ca = label.end()
        led = _units_then_verb(text, ca, cb)
        if led is None:
            led = _role_then_task(text, ca, cb, ("负责",))
        if not led:
            continue
        nxt = _inline_next(text, cb, hi)
        out.extend(led + nxt)
        done = max(cb, max((u.span[1] for u in nxt), default=cb))
    return out


def _joined_lists(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of the unit lists that 会同 joins in text[a:b] (A会同B、C: A and B、C), in order."""
    cuts = [a] + [x for j in _g().clause_joiner.finditer(text, a, b) for x in j.span()] + [b]
    return list(zip(cuts[::2], cuts[1::2]))


def _units_then_verb(text: str, ca: int, cb: int) -> list[RawUnit] | None:
    """The units of a clause text[ca:cb] that is only plain units and a lead or responsible
    verb (县行政审批服务局牵头 / A会同B、C负责 / 县公安局、县税务局按职责分工负责), if it is one."""
    g = _g()
    v = _role_verb(text, ca, cb, besides="cooperating")
    if v is None:
        return None
    role = v[0]
    if by := g.clause_by.match(text, ca, v[1].start()):
        ca = by.end()  # 由A、B按职责分工负责: 由 is no part of A
    # the lists 会同 joins (A会同B、C负责), the last one with the verb and its tail
    lists = _joined_lists(text, ca, v[1].start())
    if not all(_plain_units(text, a, b) for a, b in lists):
        return None
    lists[-1] = (lists[-1][0], cb if role == "responsible" else lists[-1][1])
    return [u for a, b in lists for u in _items(text, a, b, role)]


def find_units(text: str, lo: int, hi: int, ctx: Context | None = None) -> list[RawUnit]:
    """The units of the measure whose text is ``text[lo:hi]`` (working copy)."""
    units = _labelled(text, lo, hi)
    if not units:
        for a, b in _paren_groups(text, lo, hi):
            units.extend(_unlabelled(text, a, b))
    if not units:
        units = _inline(text, lo, hi)
    if not units:
        units = _clause_led(text, lo, hi)
    first_leads = (ctx is not None and ctx.first_leads) or declares_first_leads(text[lo:hi])
    if first_leads and units and not any(u.role == "lead" for u in units):
        first = units[0]
        units[0] = RawUnit(first.span, "lead", first.generic, first.name)
    seen: set[tuple[str, str]] = set()
    out = []
    for u in units:
        key = (text[u.span[0] : u.span[1]], u.role)
        if key not in seen:
            seen.add(key)
            out.append(u)
    return out

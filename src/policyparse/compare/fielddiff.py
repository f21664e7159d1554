"""What differs between two aligned measures in their extracted fields: units added,
dropped or changed role; deadlines moved; quantities changed (``个体工商户增幅 20% → 25%``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..models import Deadline, Measure, Quantity, Unit
from .similarity import unit_function


@dataclass
class Change:
    field: str      # units | deadlines | quantities
    kind: str       # added | dropped | role | moved | changed
    text: str       # a readable one-liner
    a: str | None = None
    b: str | None = None
    role: str | None = None  # units added or dropped: the unit's role

    def as_dict(self) -> dict:
        return {"field": self.field, "kind": self.kind, "text": self.text, "a": self.a, "b": self.b}


def _fmt_num(v: float) -> str:
    """As a notice prints it: 17.5亿 rather than 175000万, 20万, 3200, 0.5."""
    for div, suf in ((100_000_000, "亿"), (10_000, "万")):
        x = v / div
        if v >= div and abs(x * 100 - round(x * 100)) < 1e-6:  # at most two decimals
            return f"{round(x, 2):g}{suf}"
    return str(int(v)) if v == int(v) else f"{v:g}"


def fmt_quantity(q: Quantity) -> str:
    cmp = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "", "range": ""}[q.comparator]
    val = _fmt_num(q.value) + (f"–{_fmt_num(q.value_max)}" if q.value_max is not None else "")
    return f"{cmp}{val}{q.unit}"


def _unit_key(u: Unit) -> str:
    return unit_function(u.name_simplified)


_ROLE_ORDER = {"lead": 0, "responsible": 1, "cooperating": 2}


def _roles(units: list[Unit]) -> dict[str, tuple[Unit, tuple[str, ...]]]:
    """Each unit (by function: region prefix removed) with every role it has in the measure
    (区商务局 may lead and be responsible at once), lead first."""
    out: dict[str, tuple[Unit, set[str]]] = {}
    for u in units:
        if not u.generic:  # collective references (各有关部门 …) are not compared
            out.setdefault(_unit_key(u), (u, set()))[1].add(u.role)
    return {k: (u, tuple(sorted(r, key=lambda x: _ROLE_ORDER.get(x, 9)))) for k, (u, r) in out.items()}


def diff_units(a: list[Unit], b: list[Unit]) -> list[Change]:
    ua, ub = _roles(a), _roles(b)
    out = []
    for k, (u, ra) in ua.items():
        if k not in ub:
            out.append(Change("units", "dropped", f"− {u.name} ({', '.join(ra)})", u.name, None, ra[0]))
        elif ub[k][1] != ra:
            rb = ub[k][1]
            out.append(Change("units", "role", f"{u.name}: {', '.join(ra)} → {', '.join(rb)}",
                              ", ".join(ra), ", ".join(rb)))
    for k, (u, rb) in ub.items():
        if k not in ua:
            out.append(Change("units", "added", f"+ {u.name} ({', '.join(rb)})", None, u.name, rb[0]))
    return out


def _date_key(d: str) -> tuple[str, str]:
    """Order of deadlines: by year (none first: --MM-DD), then month and day."""
    return ("" if d.startswith("--") else d[:4], d[-5:])


def diff_deadlines(a: list[Deadline], b: list[Deadline]) -> list[Change]:
    da = sorted({d.date: d for d in a}.values(), key=lambda d: _date_key(d.date))
    db = sorted({d.date: d for d in b}.values(), key=lambda d: _date_key(d.date))
    sa, sb = {d.date for d in da}, {d.date for d in db}
    ra = [d for d in da if d.date not in sb]
    rb = [d for d in db if d.date not in sa]
    out = []
    # pair the remaining deadlines in date order: a deadline of A that has a counterpart moved
    for x, y in zip(ra, rb):
        out.append(Change("deadlines", "moved", f"{x.text.strip()} ({x.date}) → {y.text.strip()} ({y.date})",
                          x.date, y.date))
    for x in ra[len(rb):]:
        out.append(Change("deadlines", "dropped", f"− {x.text.strip()} ({x.date})", x.date, None))
    for y in rb[len(ra):]:
        out.append(Change("deadlines", "added", f"+ {y.text.strip()} ({y.date})", None, y.date))
    return out


def _qkey(q: Quantity) -> tuple:
    return (q.metric or "", q.unit, q.kind)


def _figure(q: Quantity) -> tuple:
    return (q.metric or "", q.unit, q.kind, q.value, q.value_max, q.comparator)


def diff_quantities(a: list[Quantity], b: list[Quantity], lend: bool = True) -> list[Change]:
    """``lend``: a figure naming no metric may pair with one that does (the parser named
    it on one side only) — for a reused text; two texts written apart (a `related` pair)
    pair figures only on the same metric: their unnamed figures may count other things."""
    if Counter(map(_figure, a)) == Counter(map(_figure, b)):
        return []  # the same figures, in another order
    out = []
    used: set[int] = set()
    # when one side has more figures, one on both sides is unchanged wherever it stands
    # (A 奖励10万元 against B 奖励20万元, 奖励10万元: the 20万元 is added, not the 10万元
    # changed); as many on each side are edited in parallel (95%, 100% → 90%, 95%)
    kept: set[int] = set()
    for k, q in enumerate(a if len(a) != len(b) else ()):
        j = next((j for j, r in enumerate(b) if j not in used and _figure(r) == _figure(q)), None)
        if j is not None:
            used.add(j)
            kept.add(k)
    for k, q in enumerate(a):
        if k in kept:
            continue
        # the counterpart, in order: same metric and unit (and kind), else — when either
        # side names no metric — same unit and kind
        match = None
        for j, r in enumerate(b):
            if j not in used and _qkey(r) == _qkey(q):
                match = j
                break
        if match is None:
            for j, r in enumerate(b):
                if j not in used and (r.unit, r.kind) == (q.unit, q.kind) and not (q.metric and r.metric) \
                        and (lend or q.metric == r.metric):
                    match = j
                    break
        if match is None:
            out.append(Change("quantities", "dropped", f"− {(q.metric or '') + ' ' if q.metric else ''}{fmt_quantity(q)}",
                              fmt_quantity(q), None))
            continue
        used.add(match)
        r = b[match]
        if (q.value, q.value_max, q.comparator, q.unit) != (r.value, r.value_max, r.comparator, r.unit):
            label = q.metric or r.metric or ""
            out.append(Change("quantities", "changed",
                              f"{label + ' ' if label else ''}{fmt_quantity(q)} → {fmt_quantity(r)}",
                              fmt_quantity(q), fmt_quantity(r)))
    for j, r in enumerate(b):
        if j not in used:
            out.append(Change("quantities", "added", f"+ {(r.metric + ' ') if r.metric else ''}{fmt_quantity(r)}",
                              None, fmt_quantity(r)))
    return out


def diff_fields(a: Measure, b: Measure, reused: bool = True) -> list[Change]:
    """What differs in the fields; ``reused``: the pair shares its text (`same`)."""
    return diff_units(a.units, b.units) + diff_deadlines(a.deadlines, b.deadlines) \
        + diff_quantities(a.quantities, b.quantities, lend=reused)


def pair_changes(p) -> list[Change]:
    """The field changes of an aligned pair (``align.Pair``)."""
    return diff_fields(p.a.measure, p.b.measure, reused=p.relation == "same")


def brief(changes: list[Change], names: int = 3) -> list[str]:
    """The changes as short lines for the terminal: units added (or dropped) in one role
    are one line — ``+ 4 units (responsible): 市发改委、市商务局、市营商办 …`` — since two
    regions' plans name different governments' units and a line per unit would hide the
    deadlines and quantities; role changes, deadlines and quantities keep a line each."""
    grouped: dict[tuple[str, str | None], list[Change]] = {}
    slots: list[tuple[str, str | None] | Change] = []
    for c in changes:
        if c.field == "units" and c.kind in ("added", "dropped"):
            key = (c.kind, c.role)
            if key not in grouped:
                grouped[key] = []
                slots.append(key)
            grouped[key].append(c)
        else:
            slots.append(c)
    lines = []
    for slot in slots:
        group = [slot] if isinstance(slot, Change) else grouped[slot]
        if len(group) == 1:
            lines.append(group[0].text)
            continue
        kind, role = slot
        sign = "+" if kind == "added" else "−"
        ns = [c.b if kind == "added" else c.a for c in group]
        lines.append(f"{sign} {len(ns)} units ({role}): {'、'.join(ns[:names])}{' …' if len(ns) > names else ''}")
    return lines

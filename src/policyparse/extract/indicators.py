"""Indicator tables (主要指标表 of a 规划) → goal quantities.

A reader hands over the tables it found (read/tables.py); one whose header names an
indicator column and a target column (2025年, 2025年目标, 目标值) is an indicator table.
Each data row whose target cell holds a figure gives a quantity: ``metric`` the
indicator's name, ``unit`` from the unit column or the bracket ending the name
(数字经济增加值（亿元）: 亿 applied, unit 元), the comparator from the cell (≥98), kind
``target``, and the target column's year as its deadline.  Spans are the cells' own.
"""

from __future__ import annotations

import functools
import re

from .. import grammar
from .types import RawDeadline, RawQuantity

_YEAR = re.compile(r"(?:19|20)\d{2}(?:\s*年)?")


@functools.cache
def _g():
    t = grammar.load("tables")
    q = grammar.load("quantities")
    return {
        "value": re.compile(t["indicator_value"]),
        "cmp": dict(t["indicator_comparators"]),
        "unit": re.compile(t["indicator_unit"]),
        "units": frozenset(q["units"]),
        "mult": sorted(((k, int(v)) for k, v in q["multipliers"].items()), key=lambda kv: -len(kv[0])),
    }


def _clean(text: str) -> str:
    from ..normalize.script import working_text

    return working_text(re.sub(r"\s+", "", text))


def base_unit(unit: str) -> tuple[str, int]:
    """``万千瓦`` → (``千瓦``, 10000); a unit the grammar knows as printed keeps its form."""
    g = _g()
    if unit in g["units"]:
        return unit, 1
    for word, factor in g["mult"]:
        if unit.startswith(word) and len(unit) > len(word):
            return unit[len(word):], factor
    return unit, 1


def parse_row(name: str, value: str, unit: str = "") -> tuple[str, float, str, str] | None:
    """(metric, value, unit, comparator) of one row, or None when the cell holds no figure."""
    from ..numbering import match_at
    from .quantities import _number, _scale

    g = _g()
    name, value, unit = _clean(name), _clean(value), _clean(unit)
    m = g["value"].match(value)
    if m is None:
        return None
    tok = match_at(name)
    if tok is not None:
        name = name[tok.end:]
    um = g["unit"].search(name)
    if um is not None:
        name = name[: um.start()]
        unit = unit or um.group("unit")
    if m.group("pct"):
        unit = "%"
    if not unit:
        return None
    unit, factor = base_unit(unit)
    cmp_ = g["cmp"].get(m.group("cmp") or m.group("suf") or "", "=")
    return name, _scale(_number(m.group("num")), factor), unit, cmp_


def indicator_quantities(table, w) -> list[RawQuantity]:
    """The goal quantities of one indicator table (working-copy spans)."""
    roles = table.roles
    head = table.rows[table.header_row]
    name_col = roles.index("indicator")
    unit_col = roles.index("unit") if "unit" in roles else None
    out = []
    for col in (i for i, r in enumerate(roles) if r == "target"):
        header = head[col]
        ym = _YEAR.search(header.text)
        deadline = None
        if ym is not None:
            span = w.from_source(header.start + ym.start(), header.start + ym.end())
            deadline = RawDeadline(span, f"{ym.group(0)[:4]}-12-31", False)
        for row in table.rows[table.header_row + 1 :]:
            if len(row) != len(roles) or row[col] is row[name_col]:
                continue
            parsed = parse_row(row[name_col].text, row[col].text, row[unit_col].text if unit_col is not None else "")
            if parsed is None:
                continue
            metric, value, unit, cmp_ = parsed
            out.append(RawQuantity(span=w.from_source(row[col].start, row[col].end), value=value, unit=unit,
                                   comparator=cmp_, kind="target", metric=metric or None, deadline=deadline))
    out.sort(key=lambda q: q.span)
    return out

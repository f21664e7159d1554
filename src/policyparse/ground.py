"""Grounding: an extractor's item (spans in the working copy) becomes its model, whose
``span`` points into ``source_text`` and whose ``text`` is what the source prints there
(:meth:`Working.to_source`, :meth:`Working.printed`).  The pipeline and the task tables
(:mod:`policyparse.outline.tables`) both ground their fields here."""

from __future__ import annotations

import re

from . import extract
from .models import Deadline, Quantity, Unit
from .normalize import Working

_NAME_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def to_deadline(w: Working, d: extract.RawDeadline) -> Deadline:
    return Deadline(text=w.printed(*d.span), date=d.date, year_inferred=d.year_inferred,
                    span=w.to_source(*d.span))


def to_quantity(w: Working, q: extract.RawQuantity) -> Quantity:
    return Quantity(
        text=w.printed(*q.span), value=q.value, value_max=q.value_max, unit=q.unit,
        comparator=q.comparator, kind=q.kind, metric=q.metric,
        deadline=to_deadline(w, q.deadline) if q.deadline else None,
        span=w.to_source(*q.span),
    )


def to_unit(w: Working, u: extract.RawUnit) -> Unit:
    from .normalize.script import name_form

    name = u.name if u.name is not None else w.printed(*u.span)
    name = _NAME_GAP.sub("", name)  # 区行政审批\u3000服务局: a gap of the layout, like a line break
    return Unit(name=name, name_simplified=name_form(name), role=u.role, generic=u.generic,
                span=w.to_source(*u.span))

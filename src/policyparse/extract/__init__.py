"""Field extractors: units, deadlines, quantities, goals and document facts.

Each works on the working copy (simplified, width-folded) and returns items with
working-copy spans; the language knowledge is in grammars/.
"""

from __future__ import annotations

from dataclasses import replace

from .types import Context, Facts, Fields, RawDeadline, RawQuantity, RawTaskRef, RawUnit, year_of


def measure_fields(text: str, span: tuple[int, int], ctx: Context,
                   conditions: tuple[int, int] | None = None) -> Fields:
    """Units, deadlines and quantities of the measure whose text is ``text[a:b]``; within
    ``conditions`` (its sub-items stating conditions to qualify) a bound is a threshold."""
    from .deadlines import find_deadlines, labelled
    from .quantities import find_quantities
    from .units import find_units

    a, b = span
    deadlines = find_deadlines(text, a, b, ctx)
    quantities = find_quantities(text, a, b, deadlines, report=ctx.report, plan_year=ctx.plan_year)
    whole = labelled(text, deadlines, a)
    if len(whole) == 1:
        # the measure's labelled completion time governs its figures that name no time
        quantities = _governed(quantities, whole[0])
    if conditions:
        quantities = [_qualifying(q) if conditions[0] <= q.span[0] < conditions[1] else q for q in quantities]
    return Fields(units=find_units(text, a, b, ctx), deadlines=deadlines, quantities=quantities)


def _qualifying(q: RawQuantity) -> RawQuantity:
    """A figure among the conditions to qualify: a threshold (申报企业上年度营业收入2000万元以上),
    which no deadline governs; a grant stays an incentive."""
    return replace(q, kind="threshold", deadline=None) if q.kind in ("target", "limit") else q


def _governed(quantities: list[RawQuantity], deadline: RawDeadline) -> list[RawQuantity]:
    """The quantities, those that name no time of their own governed by ``deadline``."""
    return [q if q.deadline else replace(q, deadline=deadline) for q in quantities]


def share_list_units(text: str, items: list[tuple[tuple[str, ...], tuple[int, int]]],
                     fields: list[Fields]) -> None:
    """Sub-items that are the clauses of one sentence (①…；②…；③…。（牵头单位：…）) share
    the attribution that closes the last: a run of measures under the same heading, each
    but the last ending on ；without units of its own, takes the last one's units."""
    run: list[int] = []
    for k, (path, (a, b)) in enumerate(items):
        if run and items[run[0]][0] != path:
            run = []
        if text[a:b].rstrip().endswith(("；", ";")) and not fields[k].units:
            run.append(k)
            continue
        if run and fields[k].units:
            for j in run:
                fields[j].units = list(fields[k].units)
        run = []


def share_section_units(text: str, items: list[tuple[tuple[str, ...], tuple[int, int]]],
                        fields: list[Fields]) -> None:
    """A sentence after a heading's last item that attributes the items above it (以上任务由A
    牵头，B配合。— ``section_ref`` in grammars/units.yaml) gives the units it names to the
    items of that heading before it that name none of their own."""
    import re

    from .. import grammar

    ref = re.compile(grammar.load("units")["section_ref"])
    for k, (path, (a, b)) in enumerate(items):
        m = ref.search(text, a, b)
        if m is None or not path:
            continue
        stop = next((i for i in range(m.end(), b) if text[i] in "。\n"), b)
        said = [u for u in fields[k].units if m.start() <= u.span[0] < stop]
        if not said:
            continue
        j = k - 1
        while j >= 0 and items[j][0] == path:
            if not fields[j].units:
                fields[j].units = list(said)
            j -= 1


def task_references(text: str, span: tuple[int, int], ctx: Context) -> list[RawTaskRef]:
    """The task-number references of a responsibility list in the measure whose text is
    ``text[a:b]`` (第1—3项由A牵头，B配合；), each with its clause's units."""
    from .task_refs import find_task_refs

    return find_task_refs(text, *span, ctx)


def goal_fields(text: str, spans: list[tuple[int, int]], ctx: Context) -> Fields:
    """Deadlines and quantities of the goal sections (their units are not collected)."""
    from .deadlines import find_deadlines
    from .quantities import find_quantities

    out = Fields()
    frame = None  # the deadline of a line that leads into a list (到2025年底，…：)
    for a, b in spans:
        deadlines = find_deadlines(text, a, b, ctx)
        out.deadlines.extend(deadlines)
        quantities = find_quantities(text, a, b, deadlines, report=ctx.report, goals=True,
                                     plan_year=ctx.plan_year)
        if frame is not None:
            quantities = _governed(quantities, frame)
        out.quantities.extend(quantities)
        if deadlines and text[a:b].rstrip().endswith((":", "：")):
            frame = deadlines[-1]
    return out


def document_facts(w, od, meta: dict[str, str], page_links: list[str] | None = None) -> Facts:
    """Title, issuer, 文号, dates, region and plan year of one document of a page;
    ``page_links`` are titles of plan files the page links to (a title of last resort)."""
    from .docfacts import extract_facts

    return extract_facts(w, od, meta, page_links)


def page_links(w, docs) -> list[str]:
    from .docfacts import attachment_links

    return [t for od in docs for t in attachment_links(w, od.closing)]


__all__ = ["Context", "Facts", "Fields", "RawDeadline", "RawQuantity", "RawTaskRef", "RawUnit",
           "document_facts", "goal_fields", "measure_fields", "share_list_units", "task_references", "year_of"]

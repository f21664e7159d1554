"""The fields of a task-table row (:mod:`policyparse.outline.tables` makes the row a
measure): the units of its unit cells, each with its role from the column or from a label
inside the cell (``配合：A、B``), and the deadlines and quantities of its text cells and its
完成时限 cell — every item grounded in ``source_text``."""

from __future__ import annotations

import re


def row_fields(w, text_cells, deadline_cell, ctx) -> tuple[list, list]:
    """The deadlines and quantities of a task row: those of its text cells (task, detail),
    and its 完成时限 cell read as a deadline (``长期坚持``, ``持续推进`` … are none)."""
    from ..ground import to_deadline, to_quantity
    from ..read.tables import is_no_deadline
    from . import measure_fields
    from .deadlines import cell_deadline, find_deadlines

    deadlines, quantities = [], []
    for c in text_cells:
        a, b = w.from_source(c.start, c.end)
        f = measure_fields(w.text, (a, b), ctx)
        deadlines += [to_deadline(w, d) for d in f.deadlines]
        quantities += [to_quantity(w, q) for q in f.quantities]
    if deadline_cell is not None and deadline_cell.text.strip() and not is_no_deadline(deadline_cell.text):
        a, b = w.from_source(deadline_cell.start, deadline_cell.end)
        found = find_deadlines(w.text, a, b, ctx) or [d for d in [cell_deadline(w.text, a, b, ctx)] if d]
        cell = [to_deadline(w, d) for d in found]
        deadlines += [dl for dl in cell if all(x.span != dl.span for x in deadlines)]
        if len(cell) == 1:
            # the row's 完成时限 governs the figures of its task that name no time of their own
            quantities = [q if q.deadline or q.kind == "threshold" else q.model_copy(update={"deadline": cell[0]})
                          for q in quantities]
    return deadlines, quantities


def cell_units(cell, role: str, first_leads: bool = False) -> list:
    """The units of one unit cell, each with its span in source_text."""
    from ..models import Unit
    from ..normalize.script import fold_width, name_form, to_simplified
    from ..read.tables import table_grammar
    from .units import split_list

    g = table_grammar()
    out = []
    text = cell.text
    base_role = "responsible" if role == "responsible_first_leads" else role
    pieces = [(a, b) for a, b in split_list(fold_width(text), 0, len(text), g["unit_sep"]) if b > a]
    labelled = None  # a label (配合：A、B、C) gives its role to every unit after it in the cell
    for a, b in pieces:
        name = text[a:b]
        r = labelled or base_role
        simp = to_simplified(name)
        for rname, pat in g["cell_roles"].items():
            m = pat.search(simp)
            if m:
                r = rname
                if m.start() == 0:
                    if m.group().endswith((":", "：")):
                        labelled = rname
                    a += m.end()
                else:
                    b -= len(simp) - m.start()
                name = text[a:b]
                simp = to_simplified(name)
                break
        name, a, b = _strip_tail(text, a, b)
        if not name:
            continue
        parts = _split_deng(text, a, b)
        for (pa, pb) in parts:
            nm = text[pa:pb]
            if not nm or nm in ("部门", "单位"):
                continue
            role_k = r
            if role == "responsible_first_leads" or (first_leads and role == "responsible"):
                role_k = "lead" if not out else r
            simple = name_form(nm)  # (the generic pattern is all Chinese: as to_simplified reads it)
            out.append(Unit(name=nm, name_simplified=simple, role=role_k,
                            generic=bool(g["generic"].search(simple)),
                            span=(cell.start + pa, cell.start + pb)))
    return out


_TAILS = re.compile(r"(?:等部门按职责分工负责|按职责分工负责|分工负责|负责|等部门|等单位)$")


def _strip_tail(text: str, a: int, b: int) -> tuple[str, int, int]:
    m = _TAILS.search(text, a, b)
    if m and m.start() > a:
        b = m.start()
    return text[a:b], a, b


def _split_deng(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """``A等相关单位`` → A and 相关单位."""
    m = re.search(r"等(?=(?:相关|有关|其他)(?:单位|部门)$)", text[a:b])
    if m and m.start() > 0:
        return [(a, a + m.start()), (a + m.end(), b)]
    return [(a, b)]

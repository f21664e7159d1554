"""Task tables (任务分解表 / 重点任务清单) → measures.

A reader (HTML, PDF) hands over the tables it found, each cell with its span in
``source_text`` and, when the header row names the columns, each column's role
(grammars/tables.yaml).  Every data row of such a table becomes a measure:

* ``number``: the 序号 cell (the row's position when there is none);
* ``title`` / ``text``: the task cell (重点任务 / 工作任务 …), up to its first 。 for the
  title; a measure-detail column (具体措施 …) is appended to the text;
* ``path``: the category cell (类别 / 领域) when the table has one;
* ``units``: the unit columns, role from the column (牵头 → lead, 责任 → responsible,
  配合 → cooperating; a column that says its first unit leads gives that one lead);
* ``deadlines``: the 完成时限 cell, read by the deadline extractor (``长期坚持``,
  ``持续推进`` … are not deadlines), plus any deadline in the task text;
* ``quantities``: from the task text.

The fields are read from the cells by :mod:`policyparse.extract.cells` and grounded by
:mod:`policyparse.ground`, as the pipeline grounds a text measure's.
Text-outline measures that the table's rows produced are replaced; a measure that
ran on into the table is cut where the table starts.  Measures are kept in source
order and their ids renumbered ``d<doc>-m<k>``.
"""

from __future__ import annotations

import re

_FIRST_LEADS = re.compile(r"(?:排在?|列|居)(?:第一|首)(?:位|个)?的?(?:为|是)牵头")
_TERMINAL = "。！？!?；;"


def attach_table_measures(docs, w, src) -> None:
    """Append the measures of ``src.tables`` to the documents they belong to."""
    tables = [t for t in src.tables if t.header_row is not None and "task" in _roles(t)]
    if not tables or not docs:
        return
    first_leads = bool(_FIRST_LEADS.search(w.text))
    changed: set[int] = set()
    for t in tables:
        di = document_of(docs, t.span[0])
        doc = docs[di]
        from ..extract import Context, year_of

        heading, above = _clear_region(doc, w, t.span)
        if above is None:  # the rows go under the section the table sits in: its path
            heading = _section_path(doc.outline, t.span[0])
        ctx = Context(plan_year=doc.plan_year, first_leads=first_leads,
                      issue_year=year_of(doc.date))
        # a PDF's grid leaves a cell merged over several rows empty below its first row
        rows = table_measures(t, w, ctx, heading, merged_below=src.format == "pdf")
        doc.measures.extend(rows)
        _place(doc, w, above, t.span[0], rows, _sub_sections(t, w, rows, len(heading)))
        changed.add(di)
    for di in changed:
        _renumber(docs[di], di + 1)


def _roles(t) -> list[str]:
    """Column roles, with the detail column standing in for a missing task column."""
    roles = list(t.roles)
    if "task" not in roles and "detail" in roles:
        roles[roles.index("detail")] = "task"
    return roles


def document_of(docs, pos: int) -> int:
    """The index of the document holding source offset ``pos`` (else the last one
    starting before it)."""
    best = 0
    for i, d in enumerate(docs):
        if d.span[0] <= pos:
            best = i
        if d.span[0] <= pos < d.span[1]:
            return i
    return best


def _clear_region(doc, w, span: tuple[int, int]):
    """Drop the text-outline measures that start inside the table, and cut a measure
    that runs on into it at the table's start. A measure left with nothing but its
    heading (一、政务服务领域, then the table) is no measure: it is dropped, and its
    path and title are returned, the section the table's rows belong to, with the
    dropped measure itself (or None)."""
    a, b = span
    a = _row_start(w.source, a)
    heading: list[str] = []
    above = None
    keep = []
    for m in doc.measures:
        s, e = m.span
        if a <= s < b:
            continue
        if e <= a and not w.source[e:a].strip() and _heads_table(m):
            heading, above = [*m.path, m.title], m  # a heading alone, right above the table
            continue
        if s < a < e:
            ws, we = w.from_source(s, e)
            cut = w.from_source(a, a + 1)[0]
            full = w.printed(ws, we)
            k = full.find(m.text[:12]) if m.text else -1
            if k >= 0:
                m.text = w.printed(ws + k, cut).strip()
                m.title = m.title if m.title and m.title in m.text else m.text[:40]
            m.span = w.to_source(ws, _rstrip(w, ws, cut))
            m.units = [u for u in m.units if u.span[1] <= a]
            m.deadlines = [d for d in m.deadlines if d.span[1] <= a]
            m.quantities = [q for q in m.quantities if q.span[1] <= a]
            if _heads_table(m):
                heading, above = [*m.path, m.title], m
                continue
        keep.append(m)
    doc.measures[:] = keep
    return heading, above


def _row_start(src: str, a: int) -> int:
    """Where the line of the table's first cell starts, when only a markdown row's
    leading bar (``| 序号 | …``) and spaces come before the cell: the bar is the table's,
    no end of the text above it."""
    k = src.rfind("\n", 0, a) + 1
    lead = src[k:a]
    return k if lead.strip(" \u3000\t") in ("|", "｜") else a


def _place(doc, w, above, start: int, rows: list, subs: list = ()) -> None:
    """Put the table's rows in the outline: under a section made of the heading that
    stood above the table (it takes the heading's place), else under the innermost
    section the table sits in (at the top when there is none); rows under a sub-heading
    row of the table are listed by that sub-heading's section."""
    from ..models import Section
    from ..numbering import match_at

    if not rows:
        return
    end = max(m.span[1] for m in rows)
    in_subs = {i for s in subs for i in _ids(s)}
    ids = [m.id for m in rows if m.id not in in_subs]
    if above is not None:
        parent = _holding(doc.outline, above.id)
        tok = match_at(w.text, w.from_source(above.span[0], above.span[0] + 1)[0])
        section = Section(number=above.number, title=above.title, kind=tok.kind if tok else "cn",
                          span=(above.span[0], end), measures=ids, children=list(subs))
        siblings = parent.children if parent is not None else doc.outline
        siblings.append(section)
        siblings.sort(key=lambda s: s.span[0])
        return
    inner = _innermost(doc.outline, start)
    if inner is not None:
        inner.measures.extend(ids)
        inner.children.extend(subs)
        inner.children.sort(key=lambda s: s.span[0])
    else:
        doc.outline.extend(subs)
        doc.outline.sort(key=lambda s: s.span[0])


def _ids(section):
    yield from section.measures
    for c in section.children:
        yield from _ids(c)


def _holding(sections, mid: str):
    """The section that lists measure ``mid`` directly."""
    for s in sections:
        if mid in s.measures:
            return s
        if (found := _holding(s.children, mid)) is not None:
            return found
    return None


def _enclosing(sections, pos: int) -> list:
    """The sections the text at ``pos`` falls under, outermost first: at each level the last
    one opened before it."""
    before = [s for s in sections if s.span[0] <= pos]
    if not before or before[-1].span[1] <= pos:  # a section closed before it: none
        return []
    return [before[-1], *_enclosing(before[-1].children, pos)]


def _innermost(sections, pos: int):
    """The innermost section the text at ``pos`` falls under (None: none)."""
    chain = _enclosing(sections, pos)
    return chain[-1] if chain else None


def _section_path(sections, pos: int) -> list[str]:
    """The titles of the sections the text at ``pos`` falls under (a measure's ``path``)."""
    return [s.title for s in _enclosing(sections, pos)]


def _heads_table(m) -> bool:
    """A heading alone, or one whose only sentence leads into the table below
    (二、任务分解 / 各单位按下表推进：): the table's section, not a measure."""
    if _heading_only(m):
        return True
    from ..read.tables import table_grammar

    body = m.text[len(m.title):].strip() if m.text.startswith(m.title) else ""
    counts = table_grammar()["lead_in_counts"]  # 实施12项重点任务，具体如下：counts the rows below
    return is_lead_in(body, m.title) and not (m.units or m.deadlines) \
        and all(counts.match(q.unit or "") for q in m.quantities)


def is_lead_in(body: str, heading: str = "") -> bool:
    """A sentence that leads into the table below it (各单位按下表推进： / 各项重点任务分解如下表。):
    short, one sentence, ending in a colon or naming the table (``lead_in`` in
    grammars/tables.yaml; up to 80 characters when it ends in 如下：) — or, under a heading
    that names a division of the tasks (重点任务分工), one sentence naming the table anywhere."""
    from ..read.tables import table_grammar

    g = table_grammar()
    if not body or "。" in body[:-1]:
        return False
    if len(body) <= 40 and g["lead_in"].search(body) or len(body) <= 80 and g["lead_in_long"].search(body):
        return True
    return len(body) <= 80 and bool(g["table_heading"].search(heading)) and bool(g["names_table"].search(body))


def _heading_only(m) -> bool:
    """The measure is its title and nothing else: no body, no unit, deadline or quantity."""
    return _clean(m.text) == _clean(m.title) and not (m.units or m.deadlines or m.quantities)


def _clean(s: str) -> str:
    return re.sub(r"[\s。：:；;|｜]+", "", s or "")


def _rstrip(w, a: int, b: int) -> int:
    while b > a and w.text[b - 1].isspace():
        b -= 1
    return b


def _renumber(doc, index: int) -> None:
    doc.measures.sort(key=lambda m: m.span[0])
    old_to_new = {}
    for k, m in enumerate(doc.measures, 1):
        old_to_new[m.id] = f"d{index}-m{k}"
        m.id = old_to_new[m.id]

    def fix(sections):
        for s in sections:
            s.measures = [old_to_new[i] for i in s.measures if i in old_to_new]
            fix(s.children)

    fix(doc.outline)


def table_measures(t, w, ctx, heading: list[str] | tuple[str, ...] = (), merged_below: bool = False) -> list:
    """The measures of one task table (``heading``: the path of the section it sits
    under, when a heading stood right above it)."""
    from ..extract.cells import cell_units, row_fields
    from ..extract.topics import tag_topics
    from ..models import Measure
    from ..normalize.script import working_text

    roles = _roles(t)
    col = {r: i for i, r in reversed(list(enumerate(roles))) if r}  # first column of each role
    details = [i for i, r in enumerate(roles) if r == "detail"]
    unit_cols = [(i, r) for i, r in enumerate(roles)
                 if r in ("lead", "responsible", "cooperating", "responsible_first_leads")]
    out = []
    seen_rows = 0
    category = ""
    sub: list[str] = []
    lead_above: dict[int, object] = {}  # the last filled lead cell of each lead column
    for row in t.rows[t.header_row + 1 :]:
        if len(row) != len(roles):
            continue
        task = row[col["task"]]
        if not task.text.strip() or _is_repeated_header(row, roles):
            continue
        if _spans_row(row, task):
            # a cell spanning the whole row (一、扩大有效投资): a sub-heading of the rows below
            category = ""
            lead_above = {}
            sub = [_sub_heading(w, task)[1]]
            continue
        seen_rows += 1
        number = row[col["number"]].text.strip() if "number" in col else ""
        text_cells = [task] + [row[i] for i in details if row[i].text.strip() and row[i] is not task]
        ta, tb = w.from_source(task.start, task.end)
        if not number and (tok := _opening_number(w.text, ta, tb)) is not None:
            # a task cell that opens on the item's number (1.推进古城保护利用。…): the row's number
            number = tok.printed(w.display.text)
            ta = tok.end
        number = number.rstrip("、.．") or str(seen_rows)
        title_len = _title_len(w.text[ta:tb])
        title = w.printed(ta, ta + title_len).strip()
        # the text is the item after its number: the task cell from ta, then the detail cells
        text = " ".join([w.printed(ta, tb).strip()]
                        + [w.printed(*w.from_source(c.start, c.end)).strip() for c in text_cells[1:]])
        own = [c for c in row if c.start >= task.start and c.text.strip()]
        span = (task.start, max(c.end for c in own))
        path = list(heading) + sub
        if "category" in col:
            # an empty category cell is the one above it (a merged cell read from a PDF)
            category = row[col["category"]].text.strip() or category
            if category:
                path.append(category)
        units = []
        for i, role in unit_cols:
            cell = row[i]
            if role == "lead" and merged_below:
                # an empty lead cell under a filled one is a cell merged over several rows, as a
                # PDF's grid reads it (HTML and Word repeat a merged cell in every row it covers;
                # there an empty cell is empty: no lead)
                if cell.text.strip():
                    lead_above[i] = cell
                elif i in lead_above:
                    cell = lead_above[i]
            units.extend(cell_units(cell, role, ctx.first_leads))
        deadlines, quantities = row_fields(w, text_cells, row[col["deadline"]] if "deadline" in col else None, ctx)
        out.append(Measure(
            id=f"table:{t.span[0]}:{len(out)}", number=number, path=path, title=title, text=text, span=span,
            units=units, deadlines=deadlines, quantities=quantities,
            # the category cell names the area more often than the task does (获得电力): it is
            # the row's heading
            topics=tag_topics(w.text[ta:tb], title_len=title_len,
                              heading=working_text(path[-1]) if path else ""),
        ))
    return out


def _cell_token(text: str, a: int, b: int):
    """The numbering token the cell text[a:b] opens on (past any leading spaces), when it
    ends inside the cell."""
    from ..numbering import match_at

    while a < b and text[a] in " \u3000\t":
        a += 1
    tok = match_at(text, a)
    return tok if tok is not None and tok.end <= b else None


def _opening_number(text: str, a: int, b: int):
    """The number a task cell opens on, when the item's text follows it in the cell."""
    tok = _cell_token(text, a, b)
    return tok if tok is not None and tok.end < b and tok.value is not None else None


def _spans_row(row, task) -> bool:
    return len({id(c) for c in row}) <= 2 and sum(1 for c in row if c is task) > 1


def _sub_heading(w, cell) -> tuple[str, str, str]:
    """Number, title and numbering kind of a sub-heading row's cell (一、扩大有效投资)."""
    a, b = w.from_source(cell.start, cell.end)
    tok = _cell_token(w.text, a, b)
    if tok is None:
        return "", w.printed(a, b).strip(), "category"
    return tok.printed(w.display.text), w.printed(tok.end, b).strip(), tok.kind


def _sub_sections(t, w, rows, depth: int) -> list:
    """The sections the table itself makes, from its rows' paths below the first
    ``depth`` entries: its sub-heading rows (一、扩大有效投资) and its category column
    (kind ``category``), each listing the rows under it."""
    from ..models import Section

    roles = _roles(t)
    ti = roles.index("task")
    heads = {}
    for r in t.rows[t.header_row + 1 :]:
        if len(r) == len(roles) and r[ti].text.strip() and _spans_row(r, r[ti]):
            number, title, kind = _sub_heading(w, r[ti])
            heads.setdefault(title, (number, kind, r[ti].start))
    top: list = []
    for m in rows:
        level, sec = top, None
        for name in m.path[depth:]:
            if not (level and level[-1].title == name):
                number, kind, start = heads.get(name, ("", "category", m.span[0]))
                level.append(Section(number=number, title=name, kind=kind, span=(start, m.span[1])))
            sec = level[-1]
            sec.span = (sec.span[0], max(sec.span[1], m.span[1]))
            level = sec.children
        if sec is not None:
            sec.measures.append(m.id)
    return top


def _is_repeated_header(row, roles) -> bool:
    from ..read.tables import column_role

    return sum(1 for c, r in zip(row, roles) if r and column_role(c.text) == r) >= 2


def _title_len(task: str) -> int:
    """The title of a task cell (working copy) runs to its first 。."""
    k = task.find("。")
    return k if k > 0 else len(task)


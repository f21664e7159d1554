"""The one-way flow: source → working copy → outline → measures → fields → models."""

from __future__ import annotations

import hashlib
import os
import re

from . import extract
from .models import Document, Goals, Measure, ParseResult, Section, Source
from .errors import InputError
from .normalize import Working, normalize
from .normalize.enclosed import as_printed
from .normalize.script import working_text
from .outline import OutlineDocument, OutlineSection, outline
from .extract.task_refs import ListedUnits, assign_task_units, merge_division_tables
from .extract.topics import tag_topics
from .ground import to_deadline, to_quantity, to_unit
from .read import DEFAULT_MAX_BYTES, SourceDoc, read_path, text_source


def parse(path: str | os.PathLike[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
          include_text: bool = True) -> ParseResult:
    """Parse a notice file (text, PDF, HTML or .docx) into a :class:`ParseResult`.

    A path that cannot be read raises :class:`InputError`; a path that is not a str or
    ``os.PathLike`` (bytes of a notice, an open file, None) raises :class:`TypeError`."""
    if isinstance(path, bool) or not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"parse() takes the path of a notice file (str or os.PathLike), not "
                        f"{type(path).__name__}; parse_text() parses a notice held in a str")
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0:
        raise ValueError(f"max_bytes must be a whole number of bytes >= 0 (0: no limit), not {max_bytes!r}")
    if isinstance(path, str) and ("\n" in path or len(path) > 4096):
        raise InputError("not a file name but text (a notice? parse_text() parses a notice held in a str)",
                         " ".join(path.split())[:20] + "…")
    return parse_source(read_path(path, max_bytes=max_bytes, flag="max_bytes"), include_text=include_text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def parse_text(text: str, *, path: str | None = None, include_text: bool = True) -> ParseResult:
    """Parse a notice given as a string. Any str parses; a lone surrogate (a string read
    with ``errors="surrogateescape"``) is no character and becomes U+FFFD in ``source_text``."""
    if not isinstance(text, str):
        hint = " (decode the bytes first, or give the file to parse())" if isinstance(text, (bytes, bytearray)) \
            else " (a path? parse() reads a file)" if isinstance(text, os.PathLike) else ""
        raise TypeError(f"parse_text() takes the notice as a str, not {type(text).__name__}{hint}")
    text = _SURROGATE.sub("\ufffd", text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return parse_source(text_source(text, None, digest, path), include_text=include_text)


def parse_source(src: SourceDoc, *, include_text: bool = True) -> ParseResult:
    w = normalize(src.text)
    ods = outline(w, [w.from_source(*t.span) for t in src.tables if t.kind == "indicator"],
                  [w.from_source(*t.span) for t in src.tables if t.kind == "task" and t.header_row is not None])
    links = extract.page_links(w, ods)
    docs = []
    warnings = list(src.warnings)
    listed = []  # per document: the clauses of its responsibility lists by task number
    for i, od in enumerate(ods, 1):
        # an attachment (附件1 and its title) is part of the notice before it
        parent = docs[-1] if docs and od.title_hint is not None else None
        doc, refs = _document(w, od, i, src, links, parent, warnings)
        docs.append(doc)
        listed.append(refs)
        if docs[-1].title in links:
            links.remove(docs[-1].title)
    if not docs:
        docs = [_empty_document(w)]
    if src.tables:  # task tables (of an HTML page, a PDF, or pasted into text) become measures
        from .outline.tables import attach_table_measures

        attach_table_measures(docs, w, src)
        _attach_indicator_goals(docs, w, src)
    if any(listed):  # 第1—3项由A牵头…: the list's units go to the measures it names
        for doc, refs in zip(docs, listed):
            assign_task_units(doc.measures, refs)
    if len(docs) > 1:  # 附件 重点任务责任分工表 restating the body's measures: their units
        merge_division_tables(docs)
    return ParseResult(
        source=Source(path=src.path, format=src.format, encoding=src.encoding, sha256=src.sha256,
                      warnings=warnings),
        source_text=src.text if include_text else None,
        documents=docs,
    )


def _attach_indicator_goals(docs: list[Document], w: Working, src: SourceDoc) -> None:
    """An indicator table's targets are its document's goals, in place of the figures the
    goal text read from its lines (a baseline, a growth rate)."""
    from .extract.indicators import indicator_quantities
    from .outline.tables import document_of

    for t in src.tables:
        if t.kind != "indicator" or t.header_row is None:
            continue
        a, b = t.span
        doc = docs[document_of(docs, a)]
        kept = [q for q in doc.goals.quantities if not a <= q.span[0] < b]
        found = [to_quantity(w, q) for q in indicator_quantities(t, w)]
        doc.goals.quantities = sorted(kept + found, key=lambda q: q.span)
        years = {q.deadline.span: q.deadline for q in found if q.deadline is not None}
        dls = [d for d in doc.goals.deadlines if d.span not in years] + list(years.values())
        doc.goals.deadlines = sorted(dls, key=lambda d: d.span)


def _empty_document(w: Working) -> Document:
    return Document(script=w.script, span=(0, len(w.source)))


def _number(w: Working, start: int, number: str) -> str:
    """An item's number as printed: ⑴ and ㈠, which the working copy spells (1) and (一)."""
    a, b = w.to_source(start, start + len(number))
    return as_printed(number, w.source[a:b])


def _section(w: Working, s: OutlineSection, ids: dict[int, str]) -> Section:
    return Section(
        number=_number(w, s.span[0], s.number), title=s.title, kind=s.kind, role=s.role, span=w.to_source(*s.span),
        children=[_section(w, c, ids) for c in s.children],
        measures=[ids[id(m)] for m in s.measures],
    )


# what an attachment takes from the notice it is attached to, when it does not say itself
_INHERITED = ("issuer", "doc_number", "date", "effective", "region", "plan_year")


def _document(w: Working, od: OutlineDocument, index: int, src: SourceDoc, links: list[str],
              parent: Document | None, warnings: list[str]) -> tuple[Document, list[ListedUnits]]:
    """One document, and the reference clauses of its responsibility lists by task number
    (mapped onto its measures once task tables have added theirs); what the reader should
    doubt about it is added to ``warnings``."""
    # the page's title (meta 标题) can name the first document only
    meta = src.meta if index == 1 else {k: v for k, v in src.meta.items() if k != "标题"}
    facts = extract.document_facts(w, od, meta, links)
    if facts.template:
        warnings.append(f"document {index} ({facts.title or 'untitled'}) looks like a template: "
                        "its year or place is a placeholder (20xx年, xx县)")
    for f in _INHERITED if parent is not None else ():
        if getattr(facts, f) is None:
            setattr(facts, f, getattr(parent, f))
    ctx = extract.Context(plan_year=facts.plan_year, issue_year=extract.year_of(facts.date),
                          first_leads=facts.first_leads, report=facts.report)
    measures: list[Measure] = []
    listed: list[ListedUnits] = []
    ids: dict[int, str] = {}
    all_fields = [extract.measure_fields(w.text, m.text, ctx, m.conditions) for m in od.measures]
    items = [(tuple(m.path), m.text) for m in od.measures]  # (heading path, text span) of each
    extract.share_list_units(w.text, items, all_fields)
    extract.share_section_units(w.text, items, all_fields)
    for k, (m, fields) in enumerate(zip(od.measures, all_fields), 1):
        mid = f"d{index}-m{k}"
        ids[id(m)] = mid
        measures.append(
            Measure(
                id=mid,
                number=_number(w, m.span[0], m.number),
                path=m.path,
                title=w.printed(*m.title).strip(),
                text=w.printed(*m.text).strip(),
                span=w.to_source(*m.span),
                units=[to_unit(w, u) for u in fields.units],
                deadlines=[to_deadline(w, d) for d in fields.deadlines],
                quantities=[to_quantity(w, q) for q in fields.quantities],
                topics=tag_topics(w.text[m.title[0] : m.text[1]], title_len=m.title[1] - m.title[0],
                                  heading=working_text(m.path[-1]) if m.path else ""),
            )
        )
        listed.extend(ListedUnits(measures[-1], w.to_source(*r.span), r.numbers, [to_unit(w, u) for u in r.units])
                      for r in extract.task_references(w.text, m.text, ctx))
    goals = extract.goal_fields(w.text, od.goal_spans, ctx)
    return Document(
        title=facts.title, issuer=facts.issuer, doc_number=facts.doc_number, date=facts.date,
        effective=facts.effective, region=facts.region, plan_year=facts.plan_year,
        script=w.script, span=w.to_source(*od.span),
        outline=[_section(w, s, ids) for s in od.sections],
        goals=Goals(deadlines=[to_deadline(w, d) for d in goals.deadlines],
                    quantities=[to_quantity(w, q) for q in goals.quantities]),
        measures=measures,
    ), listed

"""The ``policyparse`` spaCy component: what ``parse`` extracts, as span groups on a Doc.

    nlp = spacy.blank("zh")            # or policyparse.nlp.chinese()
    nlp.add_pipe("policyparse")        # found through the spacy_factories entry point
    doc = nlp(text)
    for span in doc.spans["deadlines"]:
        span.text, span._.policyparse["date"]           # '6月底前', '--06-30'

The component runs the whole policyparse pipeline on ``doc.text`` (outline first: a
deadline or a unit belongs to a measure) and adds, for every measure of every document:

=================  ==============================================  =========================
``doc.spans[…]``   label                                           ``span._.policyparse``
=================  ==============================================  =========================
``measures``       ``MEASURE``                                     id, number, path, title, topics
``units``          ``LEAD`` / ``RESPONSIBLE`` / ``COOPERATING``    the Unit fields + measure
``deadlines``      ``DEADLINE``                                    the Deadline fields + measure
``quantities``     ``TARGET`` / ``LIMIT`` / ``INCENTIVE`` /        the Quantity fields + measure
                   ``THRESHOLD``
=================  ==============================================  =========================

A document's goal-section deadlines and quantities (``Document.goals``) are there too,
with ``measure`` null. Span boundaries snap outwards to whole tokens; the exact offsets
stay in ``span._.policyparse["span"]`` (characters of ``doc.text``, as in ``parse``'s
JSON). ``doc._.policyparse`` is the whole parse result as JSON-ready data (without
``source_text``: that is ``doc.text``); ``ParseResult.model_validate`` makes it a model again.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

KEYS = ("measures", "units", "deadlines", "quantities")
_DATA = "policyparse"  # doc.user_data[(_DATA, span id)] holds each span's item
# the items of a measure (or of a document's goals): span group, id part, label
_ITEMS = (
    ("units", "unit", lambda x: x["role"].upper()),
    ("deadlines", "deadline", lambda x: "DEADLINE"),
    ("quantities", "quantity", lambda x: x["kind"].upper()),
)


def _span_data(span: Span) -> dict[str, Any] | None:
    return span.doc.user_data.get((_DATA, span.id_))


if not Span.has_extension("policyparse"):
    Span.set_extension("policyparse", getter=_span_data)
if not Doc.has_extension("policyparse"):
    Doc.set_extension("policyparse", default=None)


class PolicyParse:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from ..pipeline import parse_text

        result = parse_text(doc.text, include_text=False)
        groups: dict[str, list[Span]] = {k: [] for k in KEYS}

        def add(key: str, label: str, sid: str, item: dict[str, Any]) -> None:
            start, end = item["span"]
            span = doc.char_span(start, end, label=label, alignment_mode="expand", span_id=sid)
            if span is None:  # only whitespace inside: nothing to point at
                return
            doc.user_data[(_DATA, sid)] = item
            groups[key].append(span)

        data = result.model_dump(mode="json")
        for d, document in enumerate(data["documents"], 1):
            holders = [(f"d{d}-goals", None, document["goals"])]  # goals: no measure
            for m in document["measures"]:
                add("measures", "MEASURE", m["id"], {k: m[k] for k in ("id", "number", "path", "title", "topics", "span")})
                holders.append((m["id"], m["id"], m))
            for prefix, mid, holder in holders:
                for key, kind, label in _ITEMS:
                    for i, x in enumerate(holder.get(key, ())):
                        add(key, label(x), f"{prefix}:{kind}:{i}", {**x, "measure": mid})
        for key, spans in groups.items():
            doc.spans[key] = spans
        doc._.policyparse = data
        return doc


@Language.factory("policyparse")
def make_component(nlp: Language, name: str) -> PolicyParse:
    return PolicyParse(nlp, name)

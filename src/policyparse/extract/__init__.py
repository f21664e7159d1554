"""Field extractors: units, deadlines, quantities, goals and document facts.

Each works on the working copy (simplified, width-folded) and returns items with
working-copy spans; the language knowledge is in grammars/.
"""

from __future__ import annotations

from .types import Context, Facts, Fields, RawDeadline, RawQuantity, RawUnit


def measure_fields(text: str, span: tuple[int, int], ctx: Context) -> Fields:
    return Fields()


def goal_fields(text: str, spans: list[tuple[int, int]], ctx: Context) -> Fields:
    return Fields()


def document_facts(w, od, meta: dict[str, str]) -> Facts:
    from .docfacts import extract_facts

    return extract_facts(w, od, meta)


__all__ = ["Context", "Facts", "Fields", "RawDeadline", "RawQuantity", "RawUnit",
           "document_facts", "goal_fields", "measure_fields"]

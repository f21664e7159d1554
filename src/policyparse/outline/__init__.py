"""Working copy → documents, outline and measures (grammars: numbering, outline)."""

from __future__ import annotations

from ..normalize import Working
from .builder import build
from .tree import OutlineDocument, OutlineMeasure, OutlineSection, analyse, section_role


def outline(w: Working, plain: list[tuple[int, int]] = (),
            tables: list[tuple[int, int]] = ()) -> list[OutlineDocument]:
    """``plain``: working-copy spans whose lines are no item's text (an indicator table's
    rows, numbered 1. 2. … in their first cell: read from the table itself); ``tables``: the
    spans of task tables, whose rows start no new document."""
    return [analyse(d, w.text, w.display.text) for d in build(w.text, plain, tables)]


__all__ = ["OutlineDocument", "OutlineMeasure", "OutlineSection", "outline", "section_role"]

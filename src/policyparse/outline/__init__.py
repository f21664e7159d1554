"""Working copy → documents, outline and measures (grammars: numbering, outline)."""

from __future__ import annotations

from ..normalize import Working
from .builder import build
from .tree import OutlineDocument, OutlineMeasure, OutlineSection, analyse, section_role


def outline(w: Working) -> list[OutlineDocument]:
    return [analyse(d, w.text, w.display.text) for d in build(w.text)]


__all__ = ["OutlineDocument", "OutlineMeasure", "OutlineSection", "outline", "section_role"]

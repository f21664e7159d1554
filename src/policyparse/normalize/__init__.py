"""Source text → offset-mapped working copy.

``display`` is the source with junk removed, page debris dropped and line breaks
repaired: the text "as printed", one paragraph per line.  ``work`` is the same text
width-folded and in simplified script; it is index-aligned with ``display`` (the
same maps), so a span found in ``work`` cuts the printed form out of ``display``
and maps back to ``source_text`` with :meth:`MappedText.to_source`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .enclosed import expand_enclosed
from .markdown import strip_markdown
from .junk import remove_junk
from .lines import repair_lines, split_flat
from .offsets import MappedText
from .script import detect_script, fold_width, to_simplified


@dataclass(slots=True)
class Working:
    source: str
    display: MappedText
    work: MappedText
    script: str

    @property
    def text(self) -> str:
        return self.work.text

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        return self.work.to_source(start, end)

    def from_source(self, start: int, end: int) -> tuple[int, int]:
        return self.work.from_source(start, end)

    def printed(self, start: int, end: int) -> str:
        return self.display.text[start:end]


def normalize(source: str) -> Working:
    mt = MappedText.identity(source)
    mt = expand_enclosed(strip_markdown(remove_junk(mt)))
    display = repair_lines(split_flat(mt))
    folded = fold_width(display.text)
    simplified = to_simplified(folded)
    script = detect_script(folded, simplified)
    return Working(source, display, display.with_text(simplified), script)


__all__ = ["MappedText", "Working", "normalize"]

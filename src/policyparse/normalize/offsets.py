"""Offset-mapped text: a working copy that always knows its way back to the source.

Every character ``text[i]`` of a :class:`MappedText` was produced from the source
characters ``source[starts[i]:ends[i]]``.  Stages build a new MappedText from an old
one with an :class:`Editor`; maps compose, so any span of the final working copy
maps back to an exact ``[start, end)`` span of the source text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class MappedText:
    text: str
    starts: list[int]
    ends: list[int]
    source_len: int

    @classmethod
    def identity(cls, source: str) -> "MappedText":
        n = len(source)
        return cls(source, list(range(n)), list(range(1, n + 1)), n)

    def __len__(self) -> int:
        return len(self.text)

    def with_text(self, text: str) -> "MappedText":
        """Same maps, new text of the same length (a 1:1 character substitution)."""
        if len(text) != len(self.text):
            raise ValueError("with_text needs a text of the same length")
        return MappedText(text, self.starts, self.ends, self.source_len)

    def source_pos(self, i: int) -> int:
        """Source offset of working-copy position ``i`` (a boundary, not a char)."""
        if i < len(self.text):
            return self.starts[i]
        return self.ends[-1] if self.text else 0

    def from_source(self, start: int, end: int) -> tuple[int, int]:
        """The working-copy span covering the source span ``[start, end)`` (inverse of
        :meth:`to_source` up to characters the working copy dropped)."""
        import bisect

        a = bisect.bisect_left(self.ends, start + 1)
        b = bisect.bisect_left(self.starts, end)
        return (a, max(a, b))

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a working-copy span to the source span that produced it."""
        if end <= start:
            p = self.source_pos(start)
            return (p, p)
        return (self.starts[start], self.ends[end - 1])


class Editor:
    """Builds a new MappedText from ``base`` by keeping, replacing and inserting."""

    __slots__ = ("base", "parts", "starts", "ends")

    def __init__(self, base: MappedText):
        self.base = base
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def keep(self, i: int, j: int) -> None:
        if j <= i:
            return
        b = self.base
        self.parts.append(b.text[i:j])
        self.starts.extend(b.starts[i:j])
        self.ends.extend(b.ends[i:j])

    def replace(self, i: int, j: int, new: str) -> None:
        """Replace ``base[i:j]`` by ``new``.  Equal lengths map char to char;
        otherwise every new character maps to the whole replaced source range."""
        if not new:
            return
        b = self.base
        if j - i == len(new):
            self.parts.append(new)
            self.starts.extend(b.starts[i:j])
            self.ends.extend(b.ends[i:j])
            return
        if j > i:
            s, e = b.starts[i], b.ends[j - 1]
        else:  # pure insertion: a zero-width source point
            s = e = b.source_pos(i)
        self.parts.append(new)
        self.starts.extend([s] * len(new))
        self.ends.extend([e] * len(new))

    def insert(self, i: int, new: str) -> None:
        self.replace(i, i, new)

    def build(self) -> MappedText:
        return MappedText("".join(self.parts), self.starts, self.ends, self.base.source_len)


def apply_edits(mt: MappedText, edits: list[tuple[int, int, str]]) -> MappedText:
    """``mt`` with each ``(start, end, new)`` applied — ``new`` replacing ``mt.text[start:end]``
    ("" deletes, start == end inserts) — in order of position; an edit overlapping an
    earlier one is skipped."""
    if not edits:
        return mt
    ed = Editor(mt)
    pos = 0
    for a, b, new in sorted(edits):
        if a < pos:
            continue
        ed.keep(pos, a)
        ed.replace(a, b, new)
        pos = b
    ed.keep(pos, len(mt.text))
    return ed.build()

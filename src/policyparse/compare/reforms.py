"""Named reforms and specific actions (``grammars/reforms.yaml``), tagged per sentence.

Topics are broad indicator areas; `related` asks for the same reform or action. A measure
is split into sentences (``。；！？``); each sentence is tagged with the reforms whose
words it uses (one longest-first alternation over all keywords, after the attribution
parenthesis and unit names are blanked as for topics). See docs/compare.md.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .. import grammar

_SENT_END = re.compile(r"[。；;！!？?]+")


class Lexicon(NamedTuple):
    pattern: re.Pattern[str]          # one longest-first alternation of every keyword
    owners: dict[str, tuple[str, ...]]  # keyword → the reforms that list it
    generic: frozenset[str]
    broad: frozenset[str]
    parent: dict[str, str]            # instrument → the reform it is `part_of`


@functools.cache
def _lexicon() -> Lexicon:
    g = grammar.load("reforms")
    owners: dict[str, list[str]] = {}
    generic, broad = set(), set()
    parent: dict[str, str] = {}
    names = set(g.get("reforms") or {})
    for name, spec in (g.get("reforms") or {}).items():
        if isinstance(spec, dict):
            words = spec.get("keywords") or []
            if spec.get("generic"):
                generic.add(name)
            if spec.get("broad"):
                broad.add(name)
            if spec.get("part_of"):
                if spec["part_of"] not in names:
                    raise ValueError(f"grammars/reforms.yaml: {name}: part_of {spec['part_of']!r} is not a reform")
                parent[name] = spec["part_of"]
        else:
            words = spec or []
        for w in words:
            owners.setdefault(str(w), []).append(name)
    pattern = re.compile(grammar.alternation(list(owners)))
    return Lexicon(pattern, {k: tuple(v) for k, v in owners.items()}, frozenset(generic), frozenset(broad), parent)


def reform_names() -> list[str]:
    return list((grammar.load("reforms").get("reforms") or {}))


def generic_reforms() -> frozenset[str]:
    """Instruments every plan names (督查考核, 组织领导 …): they link title to title only."""
    return _lexicon().generic


def broad_reforms() -> frozenset[str]:
    """Indicator areas and industries (企业开办, 纳税, 物流 …): two titles naming one of
    them may still act on different instruments, so a title-to-title link on them is not
    enough by itself."""
    return _lexicon().broad


def reform_parents() -> dict[str, str]:
    """Instrument → the reform it is ``part_of`` (首贷续贷 → 获得信贷)."""
    return _lexicon().parent


def sentences(text: str) -> list[str]:
    """The sentences of a working-copy text (empty pieces dropped)."""
    return [s for s in (p.strip() for p in _SENT_END.split(text)) if s]


def tag_reforms(text: str) -> set[str]:
    """Reforms named in a working-copy text (simplified script)."""
    from ..extract.topics import _clean

    lex = _lexicon()
    out: set[str] = set()
    for m in lex.pattern.finditer(_clean(text)):
        out.update(lex.owners[m.group(0)])
    return out


DEVOTED = 2  # a sentence naming at most this many reforms is devoted to each of them


def devoted_reforms(text: str, most: int = DEVOTED, context: frozenset[str] | set[str] = frozenset()) -> set[str]:
    """Reforms that some sentence of ``text`` is devoted to: the sentence names at most
    ``most`` (non-generic) reforms — a reform passing by in a long enumeration
    (推进一网通办、跨省通办、一件事一次办、好差评) is not an action of its own. Reforms in
    ``context`` (the measure's own title) are not counted against the limit: in an item on
    项目招引, 重大项目 in a sentence is the setting of its 代办 action, not a second subject."""
    generic = generic_reforms()
    parent = _lexicon().parent
    out: set[str] = set()
    for s in sentences(text):
        tags = tag_reforms(s) - generic
        if 0 < len(tags - context) <= most or 0 < len(tags) <= most:
            out |= tags
        # instruments count for the reform they are part of (首贷续贷 → 获得信贷), and
        # several instruments of one reform are one subject, not an enumeration
        families = {parent.get(r, r) for r in tags}
        if 0 < len(families) <= most:
            out |= {parent[r] for r in tags if r in parent}
    return out

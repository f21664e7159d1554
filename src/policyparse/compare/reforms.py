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
    ancestors: dict[str, tuple[str, ...]]  # instrument → the reform it is `part_of`, that one's …


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
    ancestors: dict[str, tuple[str, ...]] = {}
    for name in parent:
        chain, at = [], name
        while at in parent:
            at = parent[at]
            if at == name or at in chain:
                raise ValueError(f"grammars/reforms.yaml: {name}: part_of makes a cycle")
            chain.append(at)
        ancestors[name] = tuple(chain)
    pattern = re.compile(grammar.alternation(list(owners)))
    return Lexicon(pattern, {k: tuple(v) for k, v in owners.items()}, frozenset(generic), frozenset(broad),
                   ancestors)


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


def reform_ancestors() -> dict[str, tuple[str, ...]]:
    """Instrument → every reform it is part of, nearest first (首贷续贷 → 获得信贷, 要素保障)."""
    return _lexicon().ancestors


def sentences(text: str) -> list[str]:
    """The sentences of a working-copy text (empty pieces dropped)."""
    return [s for s in (p.strip() for p in _SENT_END.split(text)) if s]


def tag_reforms(text: str) -> set[str]:
    """Reforms named in a working-copy text (simplified script)."""
    from ..extract.topics import blank_attribution

    lex = _lexicon()
    out: set[str] = set()
    for m in lex.pattern.finditer(blank_attribution(text)):
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
    up = _lexicon().ancestors
    out: set[str] = set()
    for s in sentences(text):
        tags = tag_reforms(s) - generic
        if 0 < len(tags - context) <= most or 0 < len(tags) <= most:
            out |= tags
        # instruments count for the reforms they are part of (首贷续贷 → 获得信贷 → 要素保障),
        # and several instruments of one reform are one subject, not an enumeration
        families: dict[str, list[set[str]]] = {}
        for r in tags:
            line = {r, *up.get(r, ())}
            families.setdefault(up[r][-1] if r in up else r, []).append(line)
        if 0 < len(families) <= most:
            for lines in families.values():
                # the reforms every tag of the family is (part of): 首贷、续贷、信用贷 → 获得信贷
                out |= set.intersection(*lines) if len(lines) > 1 else lines[0] - tags
    return out

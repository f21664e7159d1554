"""Topic tagging: which business-environment indicator areas a measure addresses.

The lexicon is data (``grammars/topics.yaml``): strong keywords score 2, weak ones 1,
a topic is tagged at ``threshold``; attribution parentheses and unit names listed
under ``mask`` are blanked first so that ``(市市场监管局负责)`` tags nothing.  When the
measure's title and the heading it sits under are known, their hits count again
(``title_weight``, ``heading_weight``: a title says what the measure is about, a heading
what its section is about), and a topic far behind the measure's best one
(below ``relative`` × the best score) is a passing mention, not a topic — unless the
title names it.
"""

from __future__ import annotations

import functools
import re

from .. import grammar

# "(市经信局、市发改委等部门按职责分工负责)", "(牵头单位:区行政审批局)" …
_ATTRIBUTION = re.compile(
    r"[(（][^()（）]*(?:负责|牵头|责任单位|责任部门|配合单位|协同单位|参与单位|协办单位)[^()（）]*[)）]"
)


@functools.cache
def _weights() -> tuple[float, float, float]:
    g = grammar.load("topics")
    return float(g.get("title_weight", 0)), float(g.get("heading_weight", 0)), float(g.get("relative", 0))


@functools.cache
def _lexicon() -> tuple[int, re.Pattern[str] | None, list[tuple[str, re.Pattern[str], dict[str, int]]]]:
    g = grammar.load("topics")
    threshold = int(g.get("threshold", 2))
    masks = g.get("mask") or []
    mask_re = re.compile(grammar.alternation(masks)) if masks else None
    topics = []
    for name, spec in (g.get("topics") or {}).items():
        weights: dict[str, int] = {}
        for w in spec.get("weak") or []:
            weights[str(w)] = 1
        for w in spec.get("keywords") or []:
            weights[str(w)] = 2
        topics.append((name, re.compile(grammar.alternation(list(weights))), weights))
    return threshold, mask_re, topics


def topic_names() -> list[str]:
    """Every topic of the lexicon, in lexicon order."""
    return [name for name, _, _ in _lexicon()[2]]


def blank_attribution(text: str) -> str:
    """The text with its attribution parentheses and the lexicon's ``mask`` (unit names)
    blanked, length kept: what a lexicon may match in a measure."""
    text = _ATTRIBUTION.sub(lambda m: " " * len(m.group(0)), text)
    _, mask_re, _ = _lexicon()
    if mask_re is not None:
        text = mask_re.sub(lambda m: " " * len(m.group(0)), text)
    return text


def topic_scores(text: str) -> dict[str, int]:
    """Score of every topic with at least one hit (see grammars/topics.yaml)."""
    text = blank_attribution(text)
    scores: dict[str, int] = {}
    for name, pattern, weights in _lexicon()[2]:
        # the alternation is longest-first and finditer does not overlap, so a
        # character counts once per topic
        s = sum(weights[m.group(0)] for m in pattern.finditer(text))
        if s:
            scores[name] = s
    return scores


def tag_topics(text: str, *, title_len: int = 0, heading: str = "") -> list[str]:
    """Indicator areas addressed by a measure's working-copy text (simplified script),
    highest score first.  ``title_len``: the measure's title is ``text[:title_len]``;
    ``heading``: the title of the section it sits under (working copy)."""
    threshold = _lexicon()[0]
    title_w, heading_w, relative = _weights()
    order = {n: i for i, n in enumerate(topic_names())}
    scores: dict[str, float] = dict(topic_scores(text))
    named = topic_scores(text[:title_len]) if title_len else {}
    for part, weight in ((named, title_w), (topic_scores(heading) if heading else {}, heading_w)):
        for n, v in part.items():
            scores[n] = scores.get(n, 0) + weight * v
    if not scores:
        return []
    floor = max(scores.values()) * relative
    # a topic the title names is kept; any other must not be far behind the best one
    hits = [n for n, s in scores.items() if s >= threshold and (s >= floor or named.get(n, 0) >= threshold)]
    return sorted(hits, key=lambda n: (-scores[n], order[n]))

"""Topic tagging: which business-environment indicator areas a measure addresses
(lexicon: grammars/topics.yaml).  Placeholder until the topic lexicon lands."""

from __future__ import annotations


def tag_topics(text: str) -> list[str]:
    """Indicator areas addressed by a measure's working-copy text (simplified script)."""
    return []

"""spaCy integration: a blank Chinese pipeline with an offline segmenter (``language``), the
pkuseg model fetched from the package index at setup (``model``), and the ``policyparse``
component that puts measures, units, deadlines and quantities on a Doc (``component``).

Needs the ``nlp`` extra (``pip install 'policyparse[nlp]'``); see docs/nlp.md.
"""

from __future__ import annotations

from typing import Any

__all__ = ["chinese"]


def __getattr__(name: str) -> Any:  # lazy: spaCy is imported on first use
    if name == "chinese":
        from .language import chinese

        return chinese
    raise AttributeError(name)

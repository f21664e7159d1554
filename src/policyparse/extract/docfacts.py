"""Document facts: title, issuer, 文号, dates, region and plan year."""

from __future__ import annotations

from .types import Facts


def extract_facts(w, od, meta: dict[str, str]) -> Facts:
    return Facts()

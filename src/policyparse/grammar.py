"""Loading of the language knowledge kept as data in ``grammars/*.yaml``.

Each grammar file holds the patterns and word lists of one dimension (numbering,
layout, unit roles, time, quantities, topics, ...) and an ``examples`` list with the
expected parse of each example phrase; ``tests/test_grammar_examples.py`` runs them.
"""

from __future__ import annotations

import functools
import re
from importlib import resources
from pathlib import Path
from typing import Any


def grammar_dir() -> Path:
    """The grammars folder: packaged inside the wheel, or at the repo root."""
    packaged = resources.files("policyparse") / "grammars"
    if packaged.is_dir():  # installed from a wheel
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "grammars"


@functools.cache
def load(name: str) -> dict[str, Any]:
    import yaml

    path = grammar_dir() / f"{name}.yaml"
    # libyaml's safe loader when PyYAML was built with it (the wheels are): the same data,
    # about 9x faster — a grammar load is a tenth of a second of every process otherwise
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=loader)  # noqa: S506 — a safe loader
    if name == "common":
        return data
    return _shared(data, macros("common"))


def _shared(value: Any, table: dict[str, str]) -> Any:
    """A grammar's data with the shared macros of common.yaml expanded in every string
    (its own macros stay for ``compile_pattern``: they are not in the shared table)."""
    if isinstance(value, str):
        return expand(value, table) if "{" in value else value
    if isinstance(value, list):
        return [_shared(v, table) for v in value]
    if isinstance(value, dict):
        return {k: _shared(v, table) for k, v in value.items()}
    return value


def expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace ``{name}`` macros in a pattern (regex braces like ``{1,3}`` stay)."""

    def sub(m: re.Match[str]) -> str:
        key = m.group(1)
        return macros[key] if key in macros else m.group(0)

    for _ in range(3):  # macros may use macros
        pattern = re.sub(r"\{([A-Za-z_]\w*)\}", sub, pattern)
    return pattern


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def macros(name: str) -> dict[str, str]:
    """The ``macros`` table of a grammar, with word lists turned into alternations."""
    out: dict[str, str] = {}
    for key, val in (load(name).get("macros") or {}).items():
        out[key] = alternation(val) if isinstance(val, list) else str(val)
    return out


def compile_pattern(name: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(expand(pattern, macros(name)), flags)

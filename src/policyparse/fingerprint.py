"""A fingerprint of the parser: its version, code and grammars.

Stored results (batch shards) are only reused by a parser with the same fingerprint,
so an upgrade of the extractors never mixes old and new output."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from . import grammar


@functools.cache
def parser_fingerprint() -> str:
    h = hashlib.sha256()
    pkg = Path(__file__).resolve().parent
    files = sorted(pkg.rglob("*.py")) + sorted(grammar.grammar_dir().glob("*.yaml"))
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()

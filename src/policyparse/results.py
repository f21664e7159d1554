"""A parse result read back: from a notice in any supported format (parsed now) or from
the JSON that ``policyparse parse`` wrote (validated against the models)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import InputError
from .models import ParseResult
from .read import DEFAULT_MAX_BYTES, check_input


def load_result(path: str | os.PathLike[str]) -> ParseResult:
    """The :class:`ParseResult` of ``path``; :class:`InputError` for anything unreadable."""
    name = str(path)
    if Path(path).suffix.lower() != ".json":
        from .pipeline import parse_source
        from .read import read_path

        return parse_source(read_path(path, flag=None))  # (diff, compare, summary: no size flag)
    check_input(path, DEFAULT_MAX_BYTES, flag=None)
    try:
        text = Path(path).read_text(encoding="utf-8")
        json.loads(text)
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise InputError(f"not a JSON file written by policyparse parse ({type(e).__name__})", name) from None
    try:
        return ParseResult.model_validate_json(text)
    except ValueError as e:  # pydantic.ValidationError
        n = getattr(e, "error_count", lambda: 1)()
        raise InputError(f"JSON does not match the policyparse output schema ({n} errors)", name) from None

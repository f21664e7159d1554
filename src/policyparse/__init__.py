"""policyparse: Chinese government policy notices → structured, grounded data.

>>> import policyparse
>>> result = policyparse.parse("corpora/quzhou_2024.txt")
>>> result.documents[0].measures[0].title
'完善项目招引落地服务'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["InputError", "ParseResult", "__version__", "parse", "parse_text"]

if TYPE_CHECKING:
    from .errors import InputError
    from .models import ParseResult
    from .pipeline import parse, parse_text


def __getattr__(name: str) -> Any:  # lazy: importing policyparse stays cheap
    if name in ("parse", "parse_text"):
        from . import pipeline

        return getattr(pipeline, name)
    if name == "ParseResult":
        from .models import ParseResult

        return ParseResult
    if name == "InputError":
        from .errors import InputError

        return InputError
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("policyparse")
        except PackageNotFoundError:
            return "unknown"
    raise AttributeError(f"module 'policyparse' has no attribute {name!r}")


def __dir__() -> list[str]:  # the lazy names too, for tab completion
    return sorted(set(globals()) | set(__all__))

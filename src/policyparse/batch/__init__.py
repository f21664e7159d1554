"""Batch conversion of whole corpora: ``policyparse batch`` (see docs/batch.md).

Modules, one job each: ``inputs`` (discovery, order, hashing), ``convert`` (one
input → its shard), ``records`` (a result → output rows), ``store`` (committed
shards), ``atomic`` (whole-or-nothing files), ``engine_local`` /
``engine_dask`` (running the conversions), ``writer`` (final files),
``parquet`` (Arrow tables), ``progress`` (what the user sees), ``runner`` (one
run), ``cli`` (the command).  Importing this package imports none of the heavy
libraries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["BatchOptions", "Report", "UsageError", "run_batch"]

if TYPE_CHECKING:
    from .inputs import UsageError
    from .options import BatchOptions
    from .runner import run_batch
    from .writer import Report


def __getattr__(name: str) -> Any:
    if name == "BatchOptions":
        from .options import BatchOptions

        return BatchOptions
    if name == "UsageError":
        from .inputs import UsageError

        return UsageError
    if name == "run_batch":
        from .runner import run_batch

        return run_batch
    if name == "Report":
        from .writer import Report

        return Report
    raise AttributeError(name)

"""Task tables (任务分解表 / 重点任务清单) → measures.  Placeholder until the HTML
reader lands."""

from __future__ import annotations


def attach_table_measures(docs, w, src) -> None:
    """Append the measures of ``src.tables`` to the documents they belong to."""
    return None

"""Imported once by the local engine's fork server before it forks workers, so every
worker starts with the pipeline imported and its lazy resources (dictionaries,
compiled grammars) already loaded.  Importing it never fails."""

from __future__ import annotations

try:
    from ..pipeline import parse_text

    parse_text("关于印发示例实施方案的通知\n一、重点任务\n（一）优化服务。由市发改委牵头，2024年底前完成。\n",
               include_text=False)
except Exception:  # pragma: no cover - a broken pipeline shows up in the batch itself
    pass

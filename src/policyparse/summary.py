"""Per-document counts of parsed JSON files, as a table on the terminal."""

from __future__ import annotations

import json
from pathlib import Path


def summarise(data: dict) -> list[dict]:
    rows = []
    for i, d in enumerate(data.get("documents", []), 1):
        ms = d.get("measures", [])
        rows.append({
            "document": i,
            "title": (d.get("title") or "")[:40],
            "region": d.get("region") or "",
            "measures": len(ms),
            "units": sum(len(m["units"]) for m in ms),
            "deadlines": sum(len(m["deadlines"]) for m in ms),
            "quantities": sum(len(m["quantities"]) for m in ms),
            "goals": len(d["goals"]["deadlines"]) + len(d["goals"]["quantities"]),
        })
    return rows


def print_summary(files: list[str]) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="policyparse: per-document summary")
    cols = ["file", "document", "title", "region", "measures", "units", "deadlines", "quantities", "goals"]
    for c in cols:
        table.add_column(c, justify="right" if c not in ("file", "title", "region") else "left")
    total = dict.fromkeys(["measures", "units", "deadlines", "quantities", "goals"], 0)
    for f in files:
        data = json.loads(Path(f).read_text(encoding="utf-8"))
        for r in summarise(data):
            table.add_row(Path(f).name, *(str(r[c]) for c in cols[1:]))
            for k in total:
                total[k] += r[k]
    table.add_row("total", "", "", "", *(str(total[k]) for k in total))
    Console(width=160).print(table)
    return 0

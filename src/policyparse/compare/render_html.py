"""``policyparse diff --format html``: the two plans side by side, copied runs plain and
the differing characters marked (offline page, inline CSS)."""

from __future__ import annotations

from html import escape

from .align import Alignment, Pair
from .diffout import runs, sentences
from .fielddiff import pair_changes
from .passages import summary

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.4em;vertical-align:top}
th{background:#f3f3f3}.same{background:#e6f4ea}.related{background:#fff8e1}
mark.a{background:#ffd6d6}mark.b{background:#d6e8ff}.why{color:#666;font-size:.85em}
.badge{font-weight:bold}ul.changes{margin:.2em 0 0 1em;padding:0;font-size:.9em}
"""


def marked(text: str, runs: list[tuple[int, int]], cls: str) -> str:
    """``text`` with everything outside the copied ``runs`` wrapped in <mark> (a gap of
    whitespace only, a space one side prints and the other not, is layout: unmarked)."""
    out, pos = [], 0

    def gap(s: str) -> None:
        out.append(escape(s) if s.isspace() else f'<mark class="{cls}">{escape(s)}</mark>')

    for s, e in sorted(runs):
        if s > pos:
            gap(text[pos:s])
        out.append(escape(text[max(s, pos):e]))
        pos = max(pos, e)
    if pos < len(text):
        gap(text[pos:])
    return "".join(out)


def _pair_row(p: Pair) -> str:
    ra, rb = runs(p)
    a = marked(p.a.body, ra, "a")
    b = marked(p.b.body, rb, "b")
    changes = "".join(f"<li>{escape(c.text)}</li>" for c in pair_changes(p))
    if p.copy is not None and p.copy.blocks:
        sent = sentences(p)
        changes += (f'<li class="sentences">sentences: {escape(summary(sent["a"]))} '
                    f'/ {escape(summary(sent["b"]))}</li>')
    return (f'<tr class="{p.relation}"><td><b>{escape(p.a.number)}</b> {a}</td>'
            f'<td><b>{escape(p.b.number)}</b> {b}</td>'
            f'<td><span class="badge">{p.relation}</span> {p.score:.2f}<div class="why">{escape(p.why)}</div>'
            f'{"<ul class=changes>" + changes + "</ul>" if changes else ""}</td></tr>')


def diff_html(al: Alignment) -> str:
    c = al.counts()
    la, lb = escape(al.plan_a.label), escape(al.plan_b.label)
    rows = "\n".join(_pair_row(p) for p in al.pairs)
    only = ""
    for label, items in ((la, al.only_a), (lb, al.only_b)):
        lis = "".join(f"<li>{escape(x.number)} {escape(x.measure.title)}</li>" for x in items)
        only += f"<h2>Only in {label} ({len(items)})</h2><ul>{lis}</ul>"
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>policyparse diff: {la} vs {lb}</title>
<style>{CSS}</style></head><body>
<h1>{la} vs {lb}</h1>
<p>{c['same']} same, {c['related']} related, {c['only_a']} only in {la}, {c['only_b']} only in {lb}.
Marked text is not part of a copied run (a run of {4}+ identical characters in the character alignment).</p>
<table><thead><tr><th>{la}</th><th>{lb}</th><th>relation</th></tr></thead><tbody>
{rows}
</tbody></table>
{only}
</body></html>
"""

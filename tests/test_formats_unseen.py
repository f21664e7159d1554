"""The independently annotated notices (tests/data/unseen) and the Quzhou notice,
rendered as PDF (reportlab, STSong-Light, running header and footer, lines and pages
broken mid-sentence), as a county-site HTML page and as a Word file (outline numbers drawn
by Word's list numbering), must score like the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus import FILES, SHARED
from fixtures_build import county_page, render_docx, render_pdf
from policyparse.evaluate import PRF, score
from policyparse.pipeline import parse_source
from policyparse.read import read_bytes

UNSEEN = Path(__file__).parent / "data" / "unseen"
FIELDS = ("measures", "units", "deadlines", "quantities", "goals")


def _cases():
    cases = [(g.with_name(g.name.replace(".gold.json", ".txt")), g) for g in sorted(UNSEEN.glob("*.gold.json"))]
    quzhou = SHARED / "spec" / "examples" / "quzhou.gold.json"
    if quzhou.exists():
        cases.append((FILES["quzhou"], quzhou))
    return cases


def _render(fmt: str, src: Path, gold: Path) -> bytes:
    paras = [line.strip() for line in src.read_text(encoding="utf-8").split("\n") if line.strip()]
    if fmt == "pdf":
        return render_pdf("\n".join(paras))
    if fmt == "docx":  # 一、 and （一） as Word list numbering, tab rows as a Word table
        return render_docx(paras, auto_numbering=True)
    title = json.loads(gold.read_text(encoding="utf-8"))["documents"][0].get("title") or "实施方案"
    # the fixture's 信息公开 table carries its own (2024) dates: left out, the text has the real ones
    return county_page(paras, title=title, with_table=False, info_table=False).encode("utf-8")


@pytest.mark.parametrize("fmt", ["pdf", "html", "docx"])
def test_rendered_notices_score_like_the_text(fmt):
    total = {f: PRF() for f in FIELDS}
    for src, gold in _cases():
        r = parse_source(read_bytes(_render(fmt, src, gold), f"{src.name}.{fmt}"))
        assert r.source.format == fmt
        s = score(r, gold)
        for f in FIELDS:
            total[f] = total[f] + s[f]
        assert s["titles_exact"] >= 0.95 and s["ends_right"] >= 0.95, src.name
    assert total["measures"].f1 >= 0.98, total["measures"].misses
    for f in ("units", "deadlines", "goals"):
        assert total[f].f1 >= 0.95, (f, total[f].misses)
    assert total["quantities"].f1 >= 0.90, total["quantities"].misses


def _facts(r):
    """What a reader takes from a parse (a source line break joined as a space is no change)."""
    import re

    def t(s):
        return re.sub(r"\s+", "", s)

    docs = [d for d in r.documents if d.measures]
    return ([(d.title, d.issuer, d.doc_number, d.date, d.region, d.plan_year) for d in docs],
            [(m.number, t(m.title), [(t(u.name), u.role) for u in m.units], [(t(x.text), x.date) for x in m.deadlines],
              [(t(q.text), q.value, q.kind) for q in m.quantities]) for d in docs for m in d.measures],
            [[(t(q.text), q.value) for q in d.goals.quantities] for d in docs])


@pytest.mark.parametrize("src", [s for s, _ in _cases()], ids=lambda p: p.name)
def test_a_notice_printed_as_one_line_reads_like_its_lines(src):
    """Some sites print a whole notice as one paragraph, its paragraphs joined by spaces
    (a table stays a table: its tab-separated rows keep their lines)."""
    import itertools

    from policyparse import parse_text

    text = src.read_text(encoding="utf-8")
    runs = itertools.groupby((line.strip() for line in text.split("\n") if line.strip()), key=lambda x: "\t" in x)
    flat = "\n".join("\n".join(rows) if table else " ".join(rows) for table, rows in runs)
    assert flat.count("\n") <= text.count("\t")
    assert _facts(parse_text(flat)) == _facts(parse_text(text))


@pytest.mark.parametrize("src", [s for s, _ in _cases()], ids=lambda p: p.name)
def test_a_notice_with_a_space_between_every_character_reads_like_its_lines(src):
    """Some PDFs justify lines with a space between every character (邳 州 市 2 0 2 4 年)."""
    from policyparse import parse_text

    text = src.read_text(encoding="utf-8")
    spaced = "\n".join(" ".join(line.replace(" ", "")) for line in text.split("\n"))
    assert _facts(parse_text(spaced)) == _facts(parse_text(text))

"""The examples of the readers' grammar files (pdf, html, tables), run through the
code that uses them."""

from __future__ import annotations

import pytest

from policyparse import grammar


def _examples(name: str, key: str) -> list[dict]:
    return [e for e in grammar.load(name)["examples"] if key in e]


@pytest.mark.parametrize("ex", _examples("pdf", "line"), ids=lambda e: e["line"])
def test_pdf_page_numbers(ex):
    from policyparse.read.pdf import is_page_number

    assert is_page_number(ex["line"]) == ex["page_number"]


@pytest.mark.parametrize("ex", _examples("pdf", "pages"), ids=lambda e: e["pages"][0][0])
def test_pdf_running_headers(ex):
    from policyparse.read.pdf import furniture

    drops = furniture(ex["pages"])
    removed = [ln for page, d in zip(ex["pages"], drops) for i, ln in enumerate(page) if i in d]
    assert removed == ex["removed"]


@pytest.mark.parametrize("ex", _examples("tables", "header"), ids=lambda e: "|".join(e["header"])[:30])
def test_table_headers(ex):
    from policyparse.read.tables import header_roles

    assert header_roles(ex["header"]) == ex["roles"]


@pytest.mark.parametrize("ex", _examples("tables", "indicator_header"), ids=lambda e: "|".join(e["indicator_header"])[:30])
def test_indicator_table_headers(ex):
    from policyparse.read.tables import indicator_roles

    assert indicator_roles(ex["indicator_header"]) == ex["roles"]


@pytest.mark.parametrize("ex", _examples("tables", "indicator_row"), ids=lambda e: "|".join(e["indicator_row"])[:30])
def test_indicator_rows(ex):
    from policyparse.extract.indicators import parse_row

    got = parse_row(*ex["indicator_row"])
    if ex["value"] is None:
        assert got is None
        return
    assert got == (ex["metric"], ex["value"], ex["unit"], ex["comparator"])


@pytest.mark.parametrize("ex", _examples("tables", "deadline_cell"), ids=lambda e: e["deadline_cell"])
def test_no_deadline_cells(ex):
    from policyparse.read.tables import is_no_deadline

    assert is_no_deadline(ex["deadline_cell"]) == (not ex["deadline"])


@pytest.mark.parametrize("ex", _examples("html", "class"), ids=lambda e: e["class"])
def test_html_class_words(ex):
    from lxml import html

    from policyparse.read.html import _is_chrome_by_name, _is_content_by_name

    el = html.fromstring(f'<div class="{ex["class"]}">x</div>')
    assert _is_chrome_by_name(el) == ex["chrome"]
    if "content" in ex:
        assert _is_content_by_name(el) == ex["content"]


@pytest.mark.parametrize("ex", _examples("html", "text"), ids=lambda e: e["text"])
def test_html_chrome_text(ex):
    from lxml import html

    from policyparse.read.html import _chrome_by_text

    el = html.fromstring(f"<div>{ex['text']}</div>")
    assert _chrome_by_text(el, {}) == ex["chrome_text"]


@pytest.mark.parametrize("ex", _examples("html", "cell"), ids=lambda e: e["cell"])
def test_html_breaks_in_a_cell(ex):
    from lxml import html

    from policyparse.read.html import _cell_text

    td = html.fromstring(f"<table><tr>{ex['cell']}</tr></table>").find(".//td")
    assert _cell_text(td) == ex["cell_text"]


@pytest.mark.parametrize("ex", _examples("html", "line"), ids=lambda e: e["line"])
def test_html_meta_lines(ex):
    from policyparse.read.html import meta_from_line

    assert meta_from_line(ex["line"]) == ex["meta"]


@pytest.mark.parametrize("ex", _examples("tables", "rule_row"), ids=lambda e: "|".join(e["rule_row"]))
def test_markdown_rule_rows(ex):
    from policyparse.read.tables import is_rule_row

    assert is_rule_row(ex["rule_row"]) is ex.get("expect", True)


@pytest.mark.parametrize("ex", _examples("tables", "lead_in"), ids=lambda e: e["lead_in"])
def test_table_lead_in_sentences(ex):
    from policyparse.outline.tables import is_lead_in

    assert is_lead_in(ex["lead_in"], ex.get("heading", "")) is ex.get("expect", True)


@pytest.mark.parametrize("ex", _examples("pdf", "gap"), ids=lambda e: "".join(map(str, e["gap"])))
def test_pdf_inserted_spaces(ex):
    from policyparse.read.pdf import joins

    left, right, gap_em = ex["gap"]
    assert joins(left, right, gap_em) is ex["joined"]

"""Every grammar file's examples, run through the code that uses that grammar."""

from __future__ import annotations

import pytest

from policyparse import grammar
from policyparse.normalize import normalize
from policyparse.normalize.script import fold_width, to_simplified


def _examples(name: str) -> list[dict]:
    return grammar.load(name)["examples"]


def _w(text: str) -> str:
    return to_simplified(fold_width(text))


def test_every_grammar_file_has_examples():
    names = sorted(p.stem for p in grammar.grammar_dir().glob("*.yaml"))
    assert {"numbering", "layout", "outline", "time", "quantities", "units", "document"} <= set(names)
    for name in names:
        assert grammar.load(name).get("examples"), f"grammars/{name}.yaml has no examples"


@pytest.mark.parametrize("ex", [e for e in _examples("numbering") if "text" in e], ids=lambda e: e["text"])
def test_numbering(ex):
    from policyparse import numbering

    w = normalize(ex["text"])
    tok = numbering.match_at(w.text)
    if ex["kind"] is None:
        assert tok is None
        return
    assert tok is not None and tok.kind == ex["kind"]
    assert tok.printed(w.display.text) == ex["number"]
    assert w.display.text[tok.end :] == ex["rest"]
    assert tok.next_only is ex.get("next_only", False)


@pytest.mark.parametrize("ex", [e for e in _examples("numbering") if "glued" in e], ids=lambda e: e["glued"][:30])
def test_glued_items(ex):
    from policyparse.outline.segments import split_glued, split_lines

    w = normalize(ex["glued"])
    (seg,) = split_lines(w.text)
    pieces = split_glued(w.text, seg, {})
    assert [p.token.printed(w.display.text) for p in pieces] == ex["items"]


@pytest.mark.parametrize("ex", [e for e in _examples("layout") if "debris" in e], ids=lambda e: e["debris"])
def test_debris_lines(ex):
    from policyparse.normalize.lines import is_debris
    from policyparse.normalize.script import fold_width

    assert is_debris(fold_width(ex["debris"])) is ex.get("expect", True)


@pytest.mark.parametrize("ex", [e for e in _examples("layout") if "lines" in e], ids=lambda e: "|".join(e["lines"])[:30])
def test_line_repair(ex):
    src = "\n".join(ex["lines"])
    w = normalize(src)
    if "display" in ex:
        assert w.display.text == ex["display"]
        return
    from policyparse.normalize.lines import is_debris
    from policyparse.normalize.script import fold_width

    content = [x for x in ex["lines"] if x.strip() and not is_debris(fold_width(x.strip()))]
    if ex["joined"]:
        assert "\n" not in w.display.text
    else:
        assert w.display.text.count("\n") == len(content) - 1


@pytest.mark.parametrize("ex", [e for e in _examples("outline") if "heading" in e], ids=lambda e: e["heading"])
def test_section_roles(ex):
    from policyparse.outline import section_role

    assert section_role(ex["heading"]) == ex["role"]


@pytest.mark.parametrize("ex", [e for e in _examples("outline") if "item" in e], ids=lambda e: e["item"][:20])
def test_item_titles(ex):
    from policyparse.outline.tree import title_span

    w = _w(ex["item"])
    a, b = title_span(w, 0, len(w))
    assert ex["item"][a:b] == ex["title"]


# outline examples that a yes/no predicate decides: the example's key → the predicate
_OUTLINE_PREDICATES = {
    "preamble_goal": ("policyparse.outline.tree", "is_preamble_goal"),
    "condition_list": ("policyparse.outline.tree", "introduces_conditions"),
    "detail_list": ("policyparse.outline.tree", "introduces_details"),
    "title_line": ("policyparse.outline.builder", "is_title_line"),
    "exhortation": ("policyparse.outline.builder", "is_exhortation"),
    "unit_close": ("policyparse.outline.builder", "ends_on_units"),
    "dash_units": ("policyparse.outline.builder", "names_units_only"),
}


@pytest.mark.parametrize("key, ex", [(k, e) for e in _examples("outline") for k in _OUTLINE_PREDICATES if k in e],
                         ids=lambda v: v if isinstance(v, str) else v[next(k for k in _OUTLINE_PREDICATES if k in v)][:20])
def test_outline_predicates(key, ex):
    import importlib

    module, name = _OUTLINE_PREDICATES[key]
    decide = getattr(importlib.import_module(module), name)
    assert decide(_w(ex[key])) is ex.get("expect", True)


@pytest.mark.parametrize("ex", [e for e in _examples("outline") if "closing" in e], ids=lambda e: e["closing"][:20])
def test_closing_lines(ex):
    from policyparse.outline.builder import is_closing

    assert is_closing(_w(ex["closing"]))


@pytest.mark.parametrize("ex", [e for e in _examples("outline") if "signature" in e], ids=lambda e: e["signature"])
def test_signature_lines(ex):
    from policyparse.outline.builder import is_signature

    assert is_signature(_w(ex["signature"])) is ex.get("expect", True)


@pytest.mark.parametrize("ex", [e for e in _examples("time") if "cell" in e], ids=lambda e: e["cell"])
def test_deadline_cells(ex):
    from policyparse.extract.deadlines import cell_deadline
    from policyparse.extract.types import Context

    t = _w(ex["cell"])
    d = cell_deadline(t, 0, len(t), Context(plan_year=ex["plan_year"]))
    assert (d.date if d else None) == ex["date"]


@pytest.mark.parametrize("ex", [e for e in _examples("time") if "text" in e], ids=lambda e: e["text"])
def test_deadlines(ex):
    from policyparse.extract.deadlines import find_deadlines
    from policyparse.extract.types import Context

    t = _w(ex["text"])
    found = find_deadlines(t, 0, len(t), Context(plan_year=ex["plan_year"], issue_year=ex.get("issue_year")))
    if ex["date"] is None:
        assert found == []
        return
    if "index" not in ex:  # (a sentence of several deadlines names the one it shows)
        assert len(found) == 1
    d = found[ex.get("index", 0)]
    assert (d.date, d.year_inferred) == (ex["date"], ex["year_inferred"])
    assert t[d.span[0] : d.span[1]] == _w(ex.get("match", ex["text"]))


@pytest.mark.parametrize("ex", _examples("quantities"), ids=lambda e: e["text"])
def test_quantities(ex):
    from policyparse.extract.deadlines import find_deadlines
    from policyparse.extract.quantities import find_quantities
    from policyparse.extract.types import Context

    t = _w(ex["text"])
    # as in the pipeline: the deadlines are found first (a metric starts after one)
    found = find_quantities(t, deadlines=find_deadlines(t, 0, len(t), Context(plan_year=ex.get("plan_year"))),
                            report=ex.get("report", False), plan_year=ex.get("plan_year"))
    if ex.get("none"):
        assert found == []
        return
    q = found[ex.get("index", 0)]
    assert t[q.span[0] : q.span[1]] == _w(ex["match"])
    assert (q.value, q.value_max, q.unit, q.comparator, q.kind) == (
        ex["value"], ex.get("value_max"), ex["unit"], ex["comparator"], ex["kind"])
    if "metric" in ex:
        assert q.metric == ex["metric"]


@pytest.mark.parametrize("ex", [e for e in _examples("units") if "text" in e], ids=lambda e: e["text"][:30])
def test_units(ex):
    from policyparse.extract.units import find_units

    w = normalize(ex["text"])
    found = find_units(w.text, 0, len(w.text))
    assert [[w.printed(*u.span), u.role, u.generic] for u in found] == ex["units"]


@pytest.mark.parametrize("ex", [e for e in _examples("units") if "section_ref" in e], ids=lambda e: e["section_ref"])
def test_section_refs(ex):
    """A sentence naming the items above it (以上任务由…) that attributes them."""
    import re

    w = normalize(ex["section_ref"])
    assert bool(re.compile(grammar.load("units")["section_ref"]).search(w.text)) is ex.get("expect", True)


@pytest.mark.parametrize("ex", [e for e in _examples("units") if "task_ref" in e], ids=lambda e: e["task_ref"][:30])
def test_task_refs(ex):
    """A task-number reference opening a clause with its own attribution: the numbers it
    names (form and value) and the clause's units."""
    from policyparse.extract.task_refs import find_task_refs

    w = normalize(ex["task_ref"])
    found = find_task_refs(w.text, 0, len(w.text))
    assert [{"numbers": [f"{form} {value}" for form, value in r.numbers],
             "units": [[w.printed(*u.span), u.role, u.generic] for u in r.units]} for r in found] == ex["refs"]


@pytest.mark.parametrize("ex", _examples("unit_names"), ids=lambda e: e.get("name") or "|".join(e.get("same") or e["differ"]))
def test_unit_names(ex):
    """The comparison key of a unit's name: a name gives its key; two spellings of one body
    give one key; two bodies keep two."""
    from policyparse.compare.similarity import unit_function

    if "name" in ex:
        assert unit_function(ex["name"]) == ex["key"]
    elif "same" in ex:
        a, b = ex["same"]
        assert unit_function(a) == unit_function(b)
    else:
        a, b = ex["differ"]
        assert unit_function(a) != unit_function(b)


@pytest.mark.parametrize("ex", _examples("document"), ids=lambda e: e["field"] + ":" + e["text"][:20])
def test_document_patterns(ex):
    import re

    from policyparse.extract import docfacts

    field, text = ex["field"], ex["text"]
    if field == "region_chain":
        assert docfacts.region_of(text) == ex["expect"]
        return
    if field == "region_mention":
        assert docfacts._frequent_region(_w(text)) == ex["expect"]
        return
    w = normalize(text)
    if field in ("title", "report_title"):
        assert bool(re.compile(grammar.load("document")[field]).match(w.text)) is ex["expect"]
        return
    m = re.compile(grammar.load("document")[field]).search(w.text)
    assert m is not None
    if field in ("date_meta", "date_line", "effective"):
        assert docfacts._iso(m) == ex["expect"]
    else:
        group = {"doc_number": "dn", "issuer_line": "i", "covering": "t", "year_in_title": "y", "year_in_title_plan": "y",
                 "year_placeholder": "y", "place_placeholder": "y"}[field]
        assert w.printed(*m.span(group)) == ex["expect"]


@pytest.mark.parametrize("ex", _examples("common"), ids=lambda e: e["macro"] + ":" + e["text"])
def test_shared_macros(ex):
    import re

    m = re.fullmatch(grammar.macros("common")[ex["macro"]], ex["text"])
    if ex["expect"] is None:
        assert m is None
    else:
        assert m is not None and {k: v for k, v in m.groupdict().items() if v is not None} == ex["expect"]


def test_shared_macros_are_expanded_in_every_grammar():
    """A {DATE_…} left in a loaded grammar would be a pattern matching nothing."""
    import json

    shared = grammar.macros("common")
    for p in grammar.grammar_dir().glob("*.yaml"):
        if p.stem != "common":
            text = json.dumps(grammar.load(p.stem), ensure_ascii=False)
            assert not any("{" + k + "}" in text for k in shared), p.stem
    assert "{DATE_YMD}" in (grammar.grammar_dir() / "outline.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("ex", _examples("markdown"), ids=lambda e: (e.get("text") or e["detect"])[:24])
def test_markdown_markup(ex):
    from policyparse.normalize.markdown import delete_markup, is_markdown
    from policyparse.normalize.offsets import MappedText

    if "detect" in ex:
        assert is_markdown(ex["detect"]) is ex["markdown"]
        return
    mt = delete_markup(MappedText.identity(ex["text"]))
    assert mt.text == ex["expect"]
    # every kept character maps back to itself in the source
    assert all(ex["text"][mt.starts[i] : mt.ends[i]] == c for i, c in enumerate(mt.text))

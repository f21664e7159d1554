"""The spaCy integration (src/policyparse/nlp/): the pkuseg model fetched from the package
index at setup, the blank Chinese pipeline, and the ``policyparse`` component."""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import zipfile

import pytest

from corpus import FILES, parsed

spacy = pytest.importorskip("spacy", reason="the nlp extra is part of the test extra")


@functools.cache
def _nlp(segmenter: str):
    from policyparse.nlp import chinese

    return chinese(segmenter, policyparse=True)


@functools.cache
def _doc(name: str):
    return _nlp("jieba")(FILES[name].read_text(encoding="utf-8"))


def test_the_component_is_found_by_name_through_the_entry_point():
    """A user's own pipeline: ``add_pipe("policyparse")`` without importing policyparse."""
    code = ("import spacy; nlp = spacy.blank('zh'); nlp.add_pipe('policyparse'); "
            "doc = nlp('一、主要任务\\n（一）推行柔性执法。2022年6月底前完成。（牵头单位：区司法局）'); "
            "print([(s.text, s.label_) for k in ('deadlines', 'units') for s in doc.spans[k]])")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[('2022年6月底前', 'DEADLINE'), ('区司法局', 'LEAD')]"


@pytest.mark.parametrize("name", ["xiaodian", "quzhou"])
def test_span_groups_hold_every_item_parse_extracts(name):
    doc = _doc(name)
    result = parsed(name)
    want = {"measures": [], "units": [], "deadlines": [], "quantities": []}
    for d in result.documents:
        want["deadlines"] += [x.model_dump(mode="json") for x in d.goals.deadlines]
        want["quantities"] += [x.model_dump(mode="json") for x in d.goals.quantities]
        for m in d.measures:
            want["measures"].append(m.id)
            for key in ("units", "deadlines", "quantities"):
                want[key] += [x.model_dump(mode="json") for x in getattr(m, key)]
    assert [s._.policyparse["id"] for s in doc.spans["measures"]] == want["measures"]
    for key in ("units", "deadlines", "quantities"):
        got = [{k: v for k, v in s._.policyparse.items() if k != "measure"} for s in doc.spans[key]]
        assert sorted(map(repr, got)) == sorted(map(repr, want[key])), key
        assert len(want[key]) >= 5, key


@pytest.mark.parametrize("name", ["xiaodian", "sufabiao"])
def test_every_span_covers_its_exact_source_offsets(name):
    """Span boundaries snap outwards to tokens; the exact offsets stay in the data, and
    they point at the item in doc.text (the source, as in parse's JSON): the printed text,
    give or take what normalisation dropped (line breaks, a content farm's pinyin)."""
    doc = _doc(name)
    n = 0
    for key in ("units", "deadlines", "quantities", "measures"):
        for s in doc.spans[key]:
            start, end = s._.policyparse["span"]
            assert s.start_char <= start < end <= s.end_char, (key, s.text)
            if key != "measures":
                printed = s._.policyparse["name" if key == "units" else "text"]
                source = iter(doc.text[start:end])
                assert all(ch in source for ch in printed), (key, printed, doc.text[start:end])
                assert doc.text[start] == printed[0] and doc.text[end - 1] == printed[-1], (key, printed)
            n += 1
    assert n > 100


def test_labels_and_the_measure_each_item_belongs_to():
    doc = _doc("xiaodian")
    m = next(s for s in doc.spans["measures"] if s._.policyparse["title"] == "推行柔性执法")
    inside = [s for s in doc.spans["units"] if s._.policyparse["measure"] == m._.policyparse["id"]]
    assert inside and all(m.start_char <= s.start_char and s.end_char <= m.end_char for s in inside)
    assert {s.label_ for s in doc.spans["units"]} <= {"LEAD", "RESPONSIBLE", "COOPERATING"}
    assert {"LEAD", "RESPONSIBLE"} <= {s.label_ for s in doc.spans["units"]}
    assert {s.label_ for s in doc.spans["quantities"]} <= {"TARGET", "LIMIT", "INCENTIVE", "THRESHOLD"}
    first = doc.spans["deadlines"][0]  # 到2025年, in the plan's goals: no measure
    assert (first.label_, first._.policyparse["date"], first._.policyparse["measure"]) == ("DEADLINE", "2025-12-31", None)


def test_the_doc_and_its_spans_survive_serialisation():
    from spacy.tokens import Doc

    from policyparse.models import ParseResult

    doc = _doc("quzhou")
    back = Doc(_nlp("jieba").vocab).from_bytes(doc.to_bytes())
    assert [s._.policyparse for s in back.spans["deadlines"]] == [s._.policyparse for s in doc.spans["deadlines"]]
    r = ParseResult.model_validate(back._.policyparse)
    assert r.documents[0].measures[0].title == "完善项目招引落地服务"
    assert r.source_text is None  # the text is doc.text


def test_pkuseg_segments_offline_with_the_model_from_the_package_index(tmp_path):
    """spacy-pkuseg would download a model into ~/.pkuseg; ours comes from the pkuseg wheel
    (make test fetched it). Run with an empty HOME and check nothing was fetched there."""
    code = ("from policyparse.nlp import chinese; nlp = chinese('pkuseg'); "
            "print('|'.join(t.text for t in nlp('2022年6月底前，牵头单位要完成个体工商户登记注册。')))")
    env = {**os.environ, "HOME": str(tmp_path)}
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr
    toks = p.stdout.strip().split("|")
    assert "".join(toks) == "2022年6月底前，牵头单位要完成个体工商户登记注册。"
    assert {"牵头", "单位", "完成", "工商户", "登记"} <= set(toks)
    assert not (tmp_path / ".pkuseg").exists()


def test_pkuseg_and_the_component_together_on_a_real_plan():
    doc = _nlp("pkuseg")(FILES["xinfu"].read_text(encoding="utf-8"))
    jb = _doc("xinfu")
    assert [s._.policyparse for s in doc.spans["deadlines"]] == [s._.policyparse for s in jb.spans["deadlines"]]
    assert len(doc) != len(jb)  # the two segmenters differ; the extraction does not


def test_a_missing_model_is_one_clear_error(tmp_path, monkeypatch):
    from policyparse.errors import InputError
    from policyparse.nlp import model

    monkeypatch.setenv(model.ENV, str(tmp_path))
    with pytest.raises(InputError, match="python -m policyparse.nlp.model"):
        model.model_dir()


def test_unpacking_a_wheel_and_refusing_what_is_not_one(tmp_path):
    from policyparse.nlp import model

    wheel = tmp_path / "pkuseg-0.0.25-cp37-cp37m-manylinux1_x86_64.whl"
    with zipfile.ZipFile(wheel, "w") as z:
        for m in model.MEMBERS:
            z.writestr(m, b"x" * 10)
    dest = model.unpack(wheel, tmp_path / "m")
    assert model.is_model(dest) and not list(dest.glob("*.part"))

    bad = tmp_path / "bad.whl"
    bad.write_bytes(b"not a zip")
    p = subprocess.run([sys.executable, "-m", "policyparse.nlp.model", "--wheel", str(bad), "--dest", str(tmp_path / "n")],
                       capture_output=True, text=True)
    assert p.returncode == 2 and p.stderr.count("\n") == 1 and "not a wheel" in p.stderr, p.stderr
    empty = tmp_path / "empty.whl"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("pkuseg/__init__.py", b"")
    p = subprocess.run([sys.executable, "-m", "policyparse.nlp.model", "--wheel", str(empty), "--dest", str(tmp_path / "n")],
                       capture_output=True, text=True)
    assert p.returncode == 2 and "no pkuseg/models/default/features.pkl" in p.stderr, p.stderr

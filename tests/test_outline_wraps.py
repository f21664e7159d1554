"""Outline on real notices whose lines a PDF or a web page broke where a number seems to
start (tests/data/outline: a black-box tester's notices and their minimal reproductions)."""

from __future__ import annotations

from pathlib import Path

import policyparse

DATA = Path(__file__).parent / "data" / "outline"


def _parse(name: str):
    return policyparse.parse(DATA / name)


def _measures(doc):
    return [(m.number, m.title, m.path, [(u.name, u.role) for u in m.units]) for m in doc.measures]


def _grounded(result):
    for d in result.documents:
        for m in d.measures:
            assert result.source_text[m.span[0] : m.span[1]].startswith(m.number)


def test_a_span_of_years_broken_before_its_dash_is_no_dash_bullet_in_a_measure():
    r = _parse("year_range_wrapped_in_measure.txt")
    (d,) = r.documents
    assert _measures(d) == [
        ("1", "发展智慧商贸", ["重点任务"], [("市商务局", "lead")]),
        ("2", "加快网络建设", ["重点任务"], [("市工信局", "lead")]),
        ("（一）", "加强组织领导", ["保障措施"], []),
    ]
    assert "规划（2021\n—2025年）》要求" in r.source_text
    assert "规划（2021—2025年）》要求，支持传统商贸企业拓展直播电商新业态。（牵头单位：市商务局）" in d.measures[0].text
    _grounded(r)


def test_a_span_of_years_broken_in_a_covering_notice_keeps_one_document():
    for name in ("year_range_wrapped_in_covering_notice.txt", "year_range_wrapped_in_notice_title.txt",
                 "year_range_on_one_line.txt"):
        r = _parse(name)
        (d,) = r.documents
        assert (d.title, d.plan_year, d.date, d.doc_number) == (
            "某市推进数字经济发展行动方案（2023—2025年）", 2023, "2023-05-22", "某府办〔2023〕18号"), name
        assert [m.number for m in d.measures] == ["1", "（一）"], name


def test_a_pdf_copied_plan_with_a_wrapped_year_span_and_enumeration_is_one_document():
    r = _parse("nanhai_pdf_wrapped_lines.txt")
    (d,) = r.documents
    assert (d.title, d.region, d.plan_year) == ("南海区推进数字经济高质量发展行动方案（2023—2025年）", "南海区", 2023)
    assert [m.number for m in d.measures] == [str(i) for i in range(1, 10)] + ["（一）", "（二）", "（三）"]
    m6 = d.measures[5]
    assert "推动一、二、三产业融合发展" in m6.text and m6.units[0].name == "区经济促进局"
    assert [m.path for m in d.measures[6:9]] == [["重点任务", "夯实数字基础设施"]] * 3
    _grounded(r)


def test_a_line_after_one_ending_in_dunhao_continues_it():
    for name in ("enumeration_wrapped_after_dunhao.txt", "enumeration_wrapped_between_subsections.txt"):
        r = _parse(name)
        (d,) = r.documents
        assert _measures(d) == [
            ("1", "发展智慧商贸", ["重点任务", "推进产业数字化"], [("县商务局", "lead")]),
            ("2", "加快网络建设", ["重点任务", "夯实数字基础设施"], [("县工信局", "lead")]),
            ("（一）", "加强组织领导", ["保障措施"], []),
        ], name
        assert "推动一、\n二、三产业融合发展，培育电商企业10家以上。" in r.source_text
        assert d.measures[0].text.endswith("推动一、二、三产业融合发展，培育电商企业10家以上。（牵头单位：县商务局）")
        _grounded(r)


def test_dash_bullets_still_open_items():
    d = _parse("luzhou_two_goal_bullets.txt").documents[1]
    goals = d.outline[0]
    assert [(c.number, c.kind, c.title) for c in goals.children] == [
        ("——", "dash", "测评体系实地考察点位达标率达到95%以上"),
        ("——", "dash", "志愿服务注册志愿者人数占城区常住人口比例达到15%以上"),
        ("——", "dash", "市民文明素质测评满意度达到90%以上"),
    ]
    assert [q.text for q in d.goals.quantities] == ["达到95%以上", "达到15%以上", "达到90%以上"]

"""The Python API on what library users hand it: wrong argument types, strings that are
not Unicode text, old Mac line ends, enclosed-character numbering (⑴ ⒈ ㈠)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import policyparse
from policyparse.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
WANBAILIN = ROOT / "corpora" / "taiyuan_wanbailin_2022.txt"


def _fields(result):
    # a number printed as one enclosed character (㈠) is the spelled-out one's ((一))
    return [(unicodedata.normalize("NFKC", m.number).strip("（）()"), m.title, [(u.name, u.role) for u in m.units],
             [d.date for d in m.deadlines], [(q.value, q.unit, q.kind) for q in m.quantities])
            for d in result.documents for m in d.measures]


def _grounded(result):
    src = result.source_text
    for d in result.documents:
        for m in d.measures:
            for u in m.units:
                assert re.sub("[\r\n]", "", src[u.span[0]:u.span[1]]) == u.name  # a name broken over lines
            for q in m.quantities:
                assert q.text == src[q.span[0]:q.span[1]]


def test_wrong_argument_types_raise_typeerror_naming_the_fix():
    with pytest.raises(TypeError, match=r"parse_text\(\) takes the notice as a str, not bytes.*decode"):
        policyparse.parse_text("一、任务".encode())
    with pytest.raises(TypeError, match="not NoneType"):
        policyparse.parse_text(None)
    with pytest.raises(TypeError, match=r"a path\? parse\(\) reads a file"):
        policyparse.parse_text(WANBAILIN)
    for bad in (None, b"x.txt", 3, True):
        with pytest.raises(TypeError, match=r"parse\(\) takes the path of a notice file"):
            policyparse.parse(bad)
    with open(WANBAILIN, encoding="utf-8") as f, pytest.raises(TypeError, match="TextIOWrapper"):
        policyparse.parse(f)
    with pytest.raises(ValueError, match="max_bytes"):
        policyparse.parse(WANBAILIN, max_bytes=-1)


def test_a_notice_given_to_parse_is_named_briefly_with_the_hint():
    text = WANBAILIN.read_text(encoding="utf-8")
    with pytest.raises(InputError) as e:
        policyparse.parse(text)
    msg = str(e.value)
    assert len(msg) < 150 and "parse_text()" in msg and "\n" not in msg
    with pytest.raises(InputError, match="^no file name given"):
        policyparse.parse("")
    with pytest.raises(InputError, match=r"over the limit of 10 \(max_bytes\)$"):
        policyparse.parse(WANBAILIN, max_bytes=10)


def test_lone_surrogates_become_replacement_characters_and_the_json_is_written():
    r = policyparse.parse_text("一、重点任务\n1.推进测试\ud800工作。6月底前完成。（牵头单位：区财政局）\n")
    assert "\ud800" not in r.source_text and "\ufffd" in r.source_text
    assert policyparse.ParseResult.model_validate_json(r.model_dump_json()) == r
    m = r.documents[0].measures[0]
    assert [u.name for u in m.units] == ["区财政局"] and len(m.deadlines) == 1


def test_old_mac_line_ends_parse_like_newlines():
    text = WANBAILIN.read_text(encoding="utf-8")
    want = policyparse.parse_text(text)
    got = policyparse.parse_text(text.replace("\n", "\r"))
    assert len(want.documents[0].measures) > 40
    assert _fields(got) == _fields(want)
    _grounded(got)


def test_enclosed_character_numbering_reads_like_the_spelled_out_form():
    """Wanbailin's sections （一）…（十） printed as ㈠…㈩, its items 1. 2. … as ⒈ ⒉ …"""
    text = WANBAILIN.read_text(encoding="utf-8")
    cn = "一二三四五六七八九十"
    enclosed = re.sub(r"^（([一二三四五六七八九十])）", lambda m: chr(0x3220 + cn.index(m.group(1))), text,
                      flags=re.M)
    enclosed = re.sub(r"^(\d{1,2})\. ", lambda m: chr(0x2487 + int(m.group(1))) if int(m.group(1)) <= 20
                      else m.group(0), enclosed, flags=re.M)
    assert enclosed.count("㈠") == 2  # the plan and its attachment
    assert sum(enclosed.count(chr(0x2488 + i)) for i in range(20)) == 20  # items 1–20 (of 90)
    want, got = policyparse.parse_text(text), policyparse.parse_text(enclosed)
    assert _fields(got) == _fields(want)
    _grounded(got)
    m = got.documents[0].measures[0]
    assert got.source_text[m.span[0]] == "⒈"  # the span starts on the enclosed number itself
    # ⒈ prints as the Arabic 1, ㈠ as printed
    assert m.number == "1" and any(x.number == "㈠" for x in got.documents[0].measures)


def test_parenthesised_enclosed_numbers_split_measures():
    r = policyparse.parse_text("某区2024年实施方案\n二、重点任务\n⑴加快厂房建设。6月底前完成。（牵头单位：区发改局）\n"
                               "⑵降低用地成本。（牵头单位：区财政局）\n⑶提升园区配套。（牵头单位：区工信局）\n")
    ms = r.documents[0].measures
    assert [(m.number, m.title, [u.name for u in m.units]) for m in ms] == [
        ("⑴", "加快厂房建设", ["区发改局"]), ("⑵", "降低用地成本", ["区财政局"]), ("⑶", "提升园区配套", ["区工信局"])]


def test_year_end_without_a_plan_year_is_month_day_only():
    r = policyparse.parse_text("某县优化营商环境实施方案\n一、重点任务\n1.推进工作。年内完成相关任务。（牵头单位：县发改局）")
    d = r.documents[0]
    assert d.plan_year is None
    assert [(x.text, x.date, x.year_inferred) for x in d.measures[0].deadlines] == [("年内", "--12-31", False)]


def test_a_task_table_row_has_the_path_of_the_section_that_lists_it():
    t = ("某区2024年工作要点\n一、工作目标\n到2024年底，新增市场主体1万户。\n二、重点任务\n"
         "1.优化企业开办。6月底前完成。（牵头单位：区市场监管局）\n序号\t重点任务\t牵头单位\t完成时限\n"
         "2\t建成好差评系统。对月销售额10万元以下的小规模纳税人给予辅导。\t区政务服务中心\t2024年9月底前\n三、保障措施\n加强领导。\n")
    d = policyparse.parse_text(t).documents[0]
    sec = next(s for s in d.outline if s.title == "重点任务")
    listed = [m for m in d.measures if m.id in sec.measures]
    assert len(listed) == 2 and all(m.path == ["重点任务"] for m in listed)
    row = listed[1]
    assert [d.date for d in row.deadlines] == ["2024-09-30"]
    q = next(q for q in row.quantities if q.value == 100000)
    assert q.kind == "threshold" and q.deadline is None  # a condition on who qualifies


def test_the_package_lists_its_api_and_version():
    names = dir(policyparse)
    assert {"parse", "parse_text", "ParseResult", "InputError", "__version__"} <= set(names)
    assert re.match(r"\d+\.\d+", policyparse.__version__)


def test_a_gap_or_direction_mark_inside_a_unit_name_is_layout_not_name():
    text = ("某区2024年实施方案\n一、重点任务\n1.推进企业开办。（牵头单位：区行政审批\u3000服务局；责任单位：区市场\u200e监管局）\n"
            "2.优化审批服务。（牵头单位：区行政审批服务局）\n")
    ms = policyparse.parse_text(text).documents[0].measures
    assert [[u.name for u in m.units] for m in ms] == [["区行政审批服务局", "区市场监管局"], ["区行政审批服务局"]]
    u = ms[0].units[0]
    assert text[u.span[0]:u.span[1]] == "区行政审批\u3000服务局"  # the span still cuts the source

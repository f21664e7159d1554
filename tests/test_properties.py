"""Properties over arbitrary input (hypothesis): the parser never raises, every span
lies inside source_text, and the output validates against the published JSON Schema;
the readers turn any bytes into a SourceDoc or an InputError, nothing else."""

from __future__ import annotations

import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import policyparse
from policyparse.errors import InputError
from policyparse.read import read_bytes

jsonschema = pytest.importorskip("jsonschema")

# fragments that exercise the grammars: numbering, unit parentheses, deadlines,
# quantities, page furniture, table rows, traditional script, odd white space
FRAGMENTS = [
    "一、", "（一）", "(二)", "1.", "2、", "12.", "（3）", "①", "——", "第一章", "第二节", "x、",
    "优化营商环境。", "（牵头单位：市发改委；责任单位：市财政局、市税务局）", "(市经信局、市科技局等部门按职责分工负责)",
    "6月底前", "2024年底前", "到2025年", "上半年", "一季度", "年内", "“十四五”期间",
    "不超过1 个月", "4000 亩以上", "达100%", "30万家", "5—10 亿元", "最高不超过50万元",
    "— 2 —", "第 3 页", "\f", "\n", "\n\n", "\r\n", "\u3000\u3000", "\u00a0", " | ", "索引号: | x |",
    "附件1", "目录", "發布日期：2022-06-23", "優化營商環境", "環(huán)境", "。", "，", "；", "：",
    "本方案自2024年1月1日起施行。", "各有关部门", "\u200b", "\ufeff", "\x00", "\ud7ff", "😀",
]

text_strategy = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40
).map("".join)


@functools.cache
def validator():
    from policyparse.models import json_schema

    schema = json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def spans(obj, path="$"):
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k == "span":
                yield path, v
            else:
                yield from spans(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from spans(v, f"{path}[{i}]")


def check(result) -> None:
    data = result.model_dump(mode="json")
    errors = sorted(validator().iter_errors(data), key=str)
    assert not errors, errors[0]
    n = len(result.source_text)
    for where, (s, e) in spans(data):
        assert 0 <= s <= e <= n, (where, s, e, n)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_parse_text_never_raises_and_spans_are_inside(text):
    result = policyparse.parse_text(text)
    assert result.source_text == text
    check(result)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=5, max_size=80).map("".join))
def test_notice_like_text(text):
    check(policyparse.parse_text(text))


HTML_BITS = ["<p>", "</p>", "<br>", "<br/>", "<div class='nav'>", "<div id='zoom'>", "</div>", "<table>",
             "<tr>", "<td rowspan='2'>", "<td colspan='3'>", "<td>", "</td>", "</tr>", "</table>", "<th>序号</th>",
             "<th>重点任务</th>", "<th>牵头单位</th>", "<th>完成时限</th>", "&nbsp;", "&#12288;", "<script>x</script>",
             "<h1>", "</h1>", "<a href='/'>首页</a>", "发布日期：2024-01-02", "网站标识码：1", "<!-- c -->", "<![CDATA[x]]>"]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(HTML_BITS), st.sampled_from(FRAGMENTS), st.text(max_size=8)),
                max_size=60).map(lambda xs: "<html><body>" + "".join(xs)))
def test_html_reader_gives_a_source_doc_or_an_input_error(html):
    from policyparse.pipeline import parse_source

    try:
        src = read_bytes(html.encode("utf-8", "surrogatepass"), "page.html")
    except InputError:
        return
    for t in src.tables:
        for row in t.rows:
            for c in row:
                assert src.text[c.start : c.end] == c.text
    check(parse_source(src))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["x.pdf", "x.html", "x.txt", "x"]))
def test_any_bytes_read_or_input_error(data, name):
    try:
        src = read_bytes(data, name)
    except InputError as e:
        assert str(e).startswith(name + ": ")
        return
    assert isinstance(src.text, str)


@settings(max_examples=15, deadline=None)
@given(st.binary(min_size=1, max_size=400))
def test_pdf_header_with_junk_is_an_input_error(junk):
    with pytest.raises(InputError):
        read_bytes(b"%PDF-1.4\n" + junk, "junk.pdf")

"""The HTML reader on the pages of a black-box test (tests/data/html/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import policyparse
from policyparse.read import read_bytes

DATA = Path(__file__).parent / "data" / "html"


def _read(name: str):
    return read_bytes((DATA / name).read_bytes(), name)


def _parse(name: str):
    return policyparse.parse(DATA / name)


@pytest.mark.parametrize("name, encoding, title", [
    ("charset_cp1252_over_gbk.html", "gb18030", "正定县2024年优化营商环境提升市场主体活力实施方案"),
    ("charset_latin1_over_gbk.html", "gb18030", "正定县2024年优化营商环境提升市场主体活力实施方案"),
    ("charset_gb2312_over_big5.html", "cp950", "正定縣２０２４年優化營商環境提升市場主體活力實施方案"),
    # already right before: they must stay so
    ("charset_big5_over_gbk.html", "gb18030", "正定县2024年优化营商环境提升市场主体活力实施方案"),
    ("charset_gb2312_over_utf8.html", "utf-8", "正定县2024年优化营商环境提升市场主体活力实施方案"),
    ("charset_utf8_over_gbk.html", "gb18030", "正定县2024年优化营商环境提升市场主体活力实施方案"),
    ("charset_none_big5.html", "cp950", "正定縣２０２４年優化營商環境提升市場主體活力實施方案"),
])
def test_a_wrong_charset_declaration_is_overruled_by_the_bytes(name, encoding, title):
    src = _read(name)
    assert src.encoding == encoding
    assert src.text.startswith(title)
    assert not any("\ue000" <= c <= "\uf8ff" or "\u3040" <= c <= "\u30ff" or "\u00c0" <= c <= "\u00ff"
                   for c in src.text)


@pytest.mark.parametrize("name", ["charset_latin1_over_gbk_min.html", "charset_gb2312_over_big5_min.html"])
def test_a_minimal_page_with_a_wrong_charset_gives_its_measure(name):
    doc = _parse(name).documents[0]
    assert doc.plan_year == 2024
    m = doc.measures[0]
    assert m.title in ("深化企业开办便利化改革", "深化企業開辦便利化改革")
    assert [(u.name, u.role) for u in m.units] in ([("县行政审批局", "lead")], [("縣行政審批局", "lead")])
    assert [d.date for d in m.deadlines] == ["2024-12-31"]
    assert [q.value for q in m.quantities] == [3]


def test_a_latin1_page_with_accented_letters_stays_latin1():
    page = ('<html><head><meta charset="iso-8859-1"></head><body><p>Le café de la société générale, '
            'écrit à Genève. Ça a été créé ici.</p></body></html>').encode("latin-1")
    src = read_bytes(page, "fr.html")
    assert src.encoding == "iso-8859-1"
    assert "société générale" in src.text


def test_the_line_breaks_of_a_pre_are_paragraph_breaks():
    doc = _parse("pre_lines.html").documents[0]
    got = [(m.number, m.path, m.title, [u.name for u in m.units]) for m in doc.measures]
    assert got == [
        ("1", ["重点任务", "提升政务服务效能"], "深化企业开办便利化改革", ["县行政审批局"]),
        ("2", ["重点任务", "提升政务服务效能"], "压减审批时限", ["县住建局"]),
        ("3", ["重点任务", "强化要素保障"], "加大金融支持力度", ["县金融服务中心"]),
    ]


def test_a_hard_wrapped_pre_page_with_a_hidden_second_half():
    doc = _parse("pre_hidden.html").documents[0]
    by_no = {m.number: m for m in doc.measures}
    assert [str(k) for k in range(1, 23)] + ["（一）", "（二）", "（三）"] == list(by_no)  # the 展开全文 half too
    assert by_no["1"].path == ["重点任务", "提升政务服务效能"]
    assert by_no["6"].path == ["重点任务", "强化要素保障"]
    # a line wrapped inside a figure is joined again by line repair
    assert [d.date for d in by_no["1"].deadlines] == ["2024-06-30"]
    assert ("3000人以上", 3000) in [(q.text, q.value) for q in by_no["9"].quantities]
    assert "到2025年" in [d.text for d in doc.goals.deadlines]


def test_hidden_inline_jammers_inside_paragraphs_are_not_text():
    result = _parse("hidden_jammers.html")
    st = result.source_text
    for jam in ("范文网", "fanwen8", "x9k"):
        assert jam not in st
    doc = result.documents[0]
    by_no = {m.number: m for m in doc.measures}
    assert [(u.name, u.role) for u in by_no["9"].units] == [
        ("县人社局", "lead"), ("县工信局", "responsible"), ("县总工会", "responsible")]
    assert [(q.text, q.value) for q in by_no["9"].quantities] == [("不少于30场", 30), ("3000人以上", 3000)]
    assert ("人行正定县支行", "responsible") in [(u.name, u.role) for u in by_no["6"].units]


def test_a_class_hidden_by_the_style_sheet_is_a_jammer():
    m = _parse("hidden_jammer_class.html").documents[0].measures[0]
    assert m.text == "强化用工服务保障。全年组织招聘活动不少于30场。（牵头单位：县人社局；责任单位：县工信局）"
    assert [u.name for u in m.units] == ["县人社局", "县工信局"]


def test_a_hidden_block_is_still_read_but_a_hidden_print_copy_not_twice():
    assert _parse("pre_hidden.html").documents[0].measures[21].number == "22"  # behind 展开全文
    result = _parse("hidden_print_copy.html")
    assert len(result.documents) == 1
    assert result.source_text.count("深化企业开办便利化改革") == 1


def test_page_furniture_lines_are_in_no_measure():
    ms = _parse("junk_farm_lines.html").documents[0].measures
    assert [m.text for m in ms] == [
        "提升网上办事能力。年底前实现电子证照全面应用。（牵头单位：县政务服务中心）",
        "规范涉企收费。10月底前完成全面检查。（牵头单位：县发改局）",
        "推行包容审慎监管。6月底前公布清单。（牵头单位：县司法局）",
        "加强知识产权保护。全年质押融资金额突破1亿元。（牵头单位：县市场监管局）",
    ]


def test_a_wechat_footer_is_not_the_last_measures_text():
    result = _parse("junk_wechat_footer.html")
    last = result.documents[-1].measures[-1]
    assert last.title == "营造良好氛围"
    assert last.text.endswith("（牵头单位：县委宣传部；配合单位：县融媒体中心）")
    assert "长按识别二维码" in result.source_text  # still in the source, in no measure


def test_the_reading_of_a_ruby_is_no_text():
    result = _parse("ruby_pinyin.html")
    assert "營商環境宣傳活動不少於５場" in result.source_text
    assert "yíng" not in result.source_text and "shāng" not in result.source_text
    m = result.documents[0].measures[-1]
    assert m.text.startswith("加強宣傳。營商環境宣傳活動不少於５場。")


@pytest.mark.parametrize("name", ["title_from_meta.html", "title_from_page_title.html"])
def test_a_page_without_a_title_heading_takes_the_title_from_its_head(name):
    result = _parse(name)
    doc = result.documents[0]
    assert doc.title == "正定县2024年优化营商环境实施方案"
    assert doc.plan_year == 2024 and doc.region == "正定县"
    assert doc.measures[0].deadlines[0].date.startswith("2024-")


def test_a_page_title_that_is_no_notice_title_names_nothing(tmp_path):
    body = ('<div class="TRS_Editor"><p>为持续激发市场主体活力，结合我县实际，制定本方案。</p><p>一、重点任务</p>'
            '<p>1.深化企业开办便利化改革。年底前设立企业开办专区不少于3个。（牵头单位：县行政审批局）</p></div>')
    for head in ("<title>首页_正定县人民政府</title>", '<meta name="ArticleTitle" content="县长调研企业开办工作">'):
        page = tmp_path / "p.html"
        page.write_text(f'<html><head><meta charset="utf-8">{head}</head><body>{body}</body></html>', encoding="utf-8")
        assert policyparse.parse(page).documents[0].title is None


def test_a_page_cut_short_is_parsed_with_a_warning(tmp_path, capsys):
    from policyparse.batch import BatchOptions, run_batch
    from policyparse.cli import main

    whole = (DATA / "hidden_print_copy.html").read_bytes()
    assert _parse("hidden_print_copy.html").source.warnings == []
    cut = tmp_path / "in" / "cut.html"
    cut.parent.mkdir()
    cut.write_bytes(whole[: len(whole) * 2 // 3])  # a download that broke off
    r = policyparse.parse(cut)
    assert r.source.warnings == ["the page has no closing </html>: it may be cut short, and the notice with it"]
    assert r.documents[0].measures  # what it holds is still read
    out = tmp_path / "cut.json"
    assert main(["parse", str(cut), "-o", str(out)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"policyparse: warning: {cut}: {r.source.warnings[0]}"]
    assert json.loads(out.read_text(encoding="utf-8"))["source"]["warnings"] == r.source.warnings
    # a batch converts it and says so in its progress and its manifest
    (tmp_path / "in" / "whole.html").write_bytes(whole)
    report = run_batch(BatchOptions(inputs=[str(tmp_path / "in")], out_dir=str(tmp_path / "b"), jobs=1,
                                    progress="log"))
    assert (report.ok, report.failed) == (2, 0)
    assert f"{cut}: warning: {r.source.warnings[0]}" in capsys.readouterr().err
    rows = {Path(x["path"]).name: x for x in map(json.loads, (tmp_path / "b" / "manifest.jsonl").read_text().splitlines())}
    assert (rows["cut.html"]["status"], rows["cut.html"]["message"]) == ("ok", r.source.warnings[0])
    assert rows["whole.html"]["message"] is None


def test_a_closing_html_tag_in_a_comment_or_script_does_not_close_a_page_cut_short(tmp_path):
    whole = (DATA / "hidden_print_copy.html").read_bytes()
    cut = whole[: len(whole) * 2 // 3]
    head, _, rest = cut.partition(b"<body")
    warned = ["the page has no closing </html>: it may be cut short, and the notice with it"]
    for inner in (b"<!-- old template: </body></html> -->",
                  b"<script>document.write('<div>print</div></html>');</script>",
                  b"<style>/* </html> */ .x{color:red}</style>"):
        page = tmp_path / "p.html"
        page.write_bytes(head + inner + b"<body" + rest)
        assert policyparse.parse(page).source.warnings == warned, inner
    # a page cut inside a script that writes </html> is cut short too
    page.write_bytes(whole.replace(b"</body>", b"<script>var t='</html>").split(b"</html>")[0] + b"</html>")
    assert policyparse.parse(page).source.warnings == warned
    # a whole page with an analytics script after its </html> is whole
    page.write_bytes(whole + b"\n<script>var _hmt=_hmt||[];</script>\n")
    assert policyparse.parse(page).source.warnings == []


def test_jammers_hidden_by_any_selector_of_the_style_sheet_are_not_text():
    """Descendant, child and attribute selectors hide jammers as a class does; a rule for
    print or for narrow screens, or one behind :hover, hides nothing on the page."""
    result = _parse("hidden_jammer_selectors.html")
    for jam in ("范文网", "fanwen8", "x9k", "wk"):
        assert jam not in result.source_text
    m1, m2 = result.documents[0].measures
    assert m1.text == "强化用工服务保障。全年组织招聘活动不少于30场。（牵头单位：县人社局；责任单位：县工信局）"
    assert [u.name for u in m1.units] == ["县人社局", "县工信局"]
    assert m2.text == "优化企业开办服务。6月底前实现企业开办全程网办，1个工作日内办结。（牵头单位：县行政审批局）"
    assert [d.date for d in m2.deadlines] == ["2024-06-30"]

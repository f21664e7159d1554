"""The HTML reader on county-government-style pages built from the bundled notices."""

from __future__ import annotations

import re

import pytest

import policyparse
from policyparse.read import read_bytes
from policyparse.read.html import meta_from_line

from fixtures_build import TASK_ROWS, corpus_text, county_page, quzhou_paragraphs

QUZHOU = corpus_text("quzhou_2024.txt")
CHROME = ["首页", "政务公开", "当前位置", "网站标识码", "ICP备", "公网安备", "分享到", "微信", "【打印】",
          "相关文章", "无障碍", "请输入关键字", "搜索", "字体", "_hmt", "不是正文", "font-family", "主办单位"]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    path = tmp_path_factory.mktemp("html") / "notice.shtml"
    path.write_text(county_page(quzhou_paragraphs()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def parsed(page):
    return policyparse.parse(page)


def test_format_is_detected_from_content(page):
    assert read_bytes(page.read_bytes(), "notice.txt").format == "html"
    assert read_bytes(page.read_bytes(), "download").format == "html"


def test_site_chrome_is_dropped(parsed):
    st = parsed.source_text
    for junk in CHROME:
        assert junk not in st, junk
    assert "&nbsp;" not in st and "\u00a0" not in st and "<" not in st


def test_title_meta_line_and_text_are_kept(parsed):
    st = parsed.source_text
    lines = st.split("\n")
    assert "龙游县人民政府办公室关于印发龙游县2024年优化营商环境实施方案的通知" in lines
    assert any(ln.startswith("发布日期：2024-01-05") for ln in lines)
    assert "现制定如下实施方案。" in st
    assert "合力打造最优营商环境" in st
    assert st.rstrip().endswith("持续推进 |")  # nothing after the notice's text


def test_meta_lines_become_document_facts(page, parsed):
    src = read_bytes(page.read_bytes(), str(page))
    assert src.meta["发布日期"] == "2024-01-05"
    assert src.meta["成文日期"] == "2024-01-03"
    assert src.meta["来源"] == "龙游县人民政府办公室"
    assert src.meta["索引号"] == "11330825002620937X/2024-00012"
    assert src.meta["文号"] == "龙政办发〔2024〕2号"
    assert src.meta["标题"] == "龙游县人民政府办公室关于印发龙游县2024年优化营商环境实施方案的通知"
    assert parsed.documents[0].doc_number == "龙政办发〔2024〕2号"


def test_html_finds_the_same_29_measures_as_the_text(parsed):
    txt = policyparse.parse_text(QUZHOU)
    a = [(m.number, m.title) for m in parsed.documents[0].measures]
    b = [(m.number, m.title) for m in txt.documents[0].measures]
    assert len(a) == 29 and a == b
    # a <br> in mid-sentence is rejoined
    assert all("\n" not in m.text for m in parsed.documents[0].measures)


def test_task_table_rows_become_measures(parsed):
    table = [m for d in parsed.documents for m in d.measures if m.path and m.path[0] in ("企业开办", "工程建设")]
    assert [m.number for m in table] == [r[1] for r in TASK_ROWS]
    assert table[0].title == "优化企业开办服务"
    assert [(u.name, u.role) for u in table[0].units] == [
        ("县市场监管局", "lead"), ("县税务局", "cooperating"), ("县人力社保局", "cooperating"),
        ("县公安局", "cooperating")]
    # a unit list with 等相关单位 gives the generic 相关单位 too
    assert [(u.name, u.generic) for u in table[2].units][-1] == ("相关单位", True)
    # deadlines from the 完成时限 column; 长期坚持 / 持续推进 are none
    assert [d.date for d in table[0].deadlines] == ["2024-06-30"]
    assert table[1].deadlines == [] and table[3].deadlines == []
    assert [d.date for d in table[2].deadlines] == ["2024-09-30"]
    # the category spans two rows: both rows get it
    assert [m.path for m in table] == [["企业开办"], ["企业开办"], ["工程建设"], ["工程建设"]]
    # ids are renumbered within their document
    for d in parsed.documents:
        assert [m.id for m in d.measures] == [f"{m.id.split('-')[0]}-m{k}" for k, m in enumerate(d.measures, 1)]


def test_table_spans_point_into_source_text(parsed):
    st = parsed.source_text
    for d in parsed.documents:
        for m in d.measures:
            s, e = m.span
            assert 0 <= s < e <= len(st)
            for u in m.units:
                assert st[u.span[0] : u.span[1]] == u.name
            for dl in m.deadlines:
                assert st[dl.span[0] : dl.span[1]] == dl.text
            for q in m.quantities:
                assert re.sub(r"\s", "", st[q.span[0] : q.span[1]]) == re.sub(r"\s", "", q.text)


def test_gbk_page_by_meta_charset(tmp_path):
    html = county_page(quzhou_paragraphs(), charset="gb2312")
    path = tmp_path / "gbk.htm"
    path.write_bytes(html.encode("gbk"))
    r = policyparse.parse(path)
    assert r.source.encoding == "gb18030"
    assert len(r.documents[0].measures) == 29
    assert "龙游县人民政府办公室关于印发" in r.source_text


def test_gbk_page_without_declared_charset_is_detected(tmp_path):
    html = county_page(quzhou_paragraphs()).replace('; charset=utf-8', '')
    path = tmp_path / "nocharset.html"
    path.write_bytes(html.encode("gb18030"))
    r = policyparse.parse(path)
    assert r.source.encoding == "gb18030"
    assert r.documents[0].measures[0].title == "完善项目招引落地服务"


def test_big5_traditional_page(tmp_path):
    text = corpus_text("sufabiao_samples_traditional.txt")
    paras = [ln for ln in text.splitlines()[3:40] if ln.strip()]
    html = county_page(paras, charset="big5", with_table=False, info_table=False,
                       title="優化營商環境工作方案")
    path = tmp_path / "big5.html"
    path.write_bytes(html.encode("big5", errors="xmlcharrefreplace"))
    r = policyparse.parse(path)
    ref = policyparse.parse_text("\n".join(paras))
    assert r.source.encoding == "cp950"
    assert r.documents[0].script == "traditional"
    got = [(m.number, m.title) for m in r.documents[0].measures]
    assert got and got == [(m.number, m.title) for m in ref.documents[0].measures]
    assert "優化" in r.source_text


@pytest.mark.parametrize("line,expected", [
    ("发布日期：2024-03-05  来源：县政府办公室  浏览次数：123", {"发布日期": "2024-03-05", "来源": "县政府办公室"}),
    ("發布日期：2022年06月23日 來源：萬柏林區人民政府", {"发布日期": "2022-06-23", "来源": "萬柏林區人民政府"}),
    ("索引号: | 11330800MB0R57773W/2023-144195 | 成文日期: | 2023-12-20 |",
     {"索引号": "11330800MB0R57773W/2023-144195", "成文日期": "2023-12-20"}),
    ("1.优化企业开办服务。", {}),
])
def test_meta_line(line, expected):
    assert meta_from_line(line) == expected


def test_plain_layout_table_page_without_classes(tmp_path):
    """An old-style page: layout tables, no CMS class names, text in <td> with <br>."""
    body = "<br>\n".join(quzhou_paragraphs())
    html = ("<html><head><title>衢州市实施方案</title></head><body>"
            "<table width=100%><tr><td><a href=/>首页</a> <a href=/a>新闻</a> <a href=/b>公开</a></td></tr></table>"
            f"<table width=980><tr><td width=200><a href=/x>链接一</a><br><a href=/y>链接二</a></td>"
            f"<td>{body}</td></tr></table>"
            "<table><tr><td>版权所有：衢州市人民政府 网站标识码：3308000001</td></tr></table></body></html>")
    path = tmp_path / "old.htm"
    path.write_text(html, encoding="utf-8")
    r = policyparse.parse(path)
    assert len(r.documents[0].measures) == 29
    assert "链接一" not in r.source_text and "网站标识码" not in r.source_text


def _page(body: str) -> bytes:
    return ("<html><head><meta charset='utf-8'><title>x</title></head><body><div id='zoom'>"
            "<h1>平遥县2023年优化营商环境行动方案</h1>" + body + "</div></body></html>").encode("utf-8")


def _measures(tmp_path, body: str) -> list:
    """The measures of a page whose notice is ``body``."""
    path = tmp_path / "page.html"
    path.write_bytes(_page(body))
    return [m for d in policyparse.parse(path).documents for m in d.measures]


def _numbers(tmp_path, body: str) -> list[str]:
    return [m.number for m in _measures(tmp_path, body)]


def _table(header: list[str], rows: list[str]) -> str:
    return "<table><tr>" + "".join(f"<th>{h}</th>" for h in header) + "</tr>" + "".join(rows) + "</table>"


def test_a_numbered_sub_heading_row_of_a_task_table_opens_no_document(tmp_path):
    rows = ["<tr><td colspan='5'>一、政务服务</td></tr>",
            "<tr><td>1</td><td>推行企业开办“一日办结”。</td><td>县市场监管局</td><td>县税务局</td><td>2023年6月底前</td></tr>",
            "<tr><td colspan='5'>二、要素保障</td></tr>",
            "<tr><td>2</td><td>组织政银企对接活动不少于10场。</td><td>县金融办</td><td>人行平遥支行</td><td>2023年9月底前</td></tr>"]
    path = tmp_path / "subhead.html"
    path.write_bytes(_page("<p>一、重点任务</p><p>1.推进政务服务“一网通办”。（县审批局负责）</p>"
                           "<p>二、任务分解</p>" + _table(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], rows) +
                           "<p>三、保障措施</p><p>（一）加强组织领导。各单位要细化措施。</p>"
                           "<p>本方案自2023年5月8日起施行。</p>"))
    (doc,) = policyparse.parse(path).documents
    assert doc.effective == "2023-05-08"
    table = [m for m in doc.measures if m.units and m.units[0].name in ("县市场监管局", "县金融办")]
    assert [(m.number, [d.date for d in m.deadlines]) for m in table] == [("1", ["2023-06-30"]), ("2", ["2023-09-30"])]
    # the heading above the table is the outline section that lists its rows
    assert [(s.number, s.title, s.kind) for s in doc.outline] == [
        ("一", "重点任务", "cn"), ("二", "任务分解", "cn"), ("三", "保障措施", "cn")]
    # its sub-heading rows are sections under it, each listing its rows
    assert [(s.number, s.title, s.kind, s.measures) for s in doc.outline[1].children] == [
        ("一", "政务服务", "cn", [table[0].id]), ("二", "要素保障", "cn", [table[1].id])]
    assert [m.path for m in table] == [["任务分解", "政务服务"], ["任务分解", "要素保障"]]
    # the row's 完成时限 governs the figures of its task
    assert [(q.text, q.deadline.date) for q in table[1].quantities] == [("不少于10场", "2023-09-30")]
    assert doc.outline[1].measures == []


def test_a_notice_hidden_until_a_script_shows_it_is_still_read(tmp_path):
    """Hidden elements are read: a page may hide the notice, or its second half (展开全文),
    until a script shows it."""
    assert _numbers(tmp_path, "<div style='display:none' class='tab-panel'><p>一、重点任务</p>"
                              "<p>1.推行“一业一证”改革，覆盖行业达到20个。（县审批局负责）</p>"
                              "<p>2.建立企业诉求“直通车”，办结率达到98%。（县营商办负责）</p></div>") == ["1", "2"]


def test_items_of_a_numbered_list_carry_the_number_a_browser_draws(tmp_path):
    path = tmp_path / "ol.html"
    path.write_bytes(_page("<p>一、重点任务</p><ol>"
                           "<li>优化企业开办服务。推行全程网办。（牵头单位：区市场监管局）</li>"
                           "<li>提升审批效率。6月底前压减审批时限。（区行政审批局负责）</li></ol>"
                           "<ol start='3'><li>优化纳税服务。推行非接触式办税。（区税务局负责）</li></ol>"
                           "<ol><li>4.强化要素保障。新增普惠贷款。（区金融办负责）</li></ol>"))
    r = policyparse.parse(path)
    ms = [m for d in r.documents for m in d.measures]
    assert [(m.number, m.title) for m in ms] == [("1", "优化企业开办服务"), ("2", "提升审批效率"),
                                                ("3", "优化纳税服务"), ("4", "强化要素保障")]
    assert [(u.name, u.role) for u in ms[0].units] == [("区市场监管局", "lead")]


def test_list_items_that_number_themselves_or_start_with_a_figure(tmp_path):
    path = tmp_path / "ol2.html"
    path.write_bytes(_page("<p>一、重点任务</p><ol><li><p>优化企业开办服务。推行全程网办。（区市场监管局负责）</p></li>"
                           "<li>2023年底前建成企业服务中心。（区营商办负责）</li>"
                           "<li>12345热线接通率达到95%以上。（区政务服务中心负责）</li></ol>"
                           "<p>二、政策措施</p><ol><li>第一条 支持企业做大做强。（区发改局负责）</li></ol>"
                           "<p>三、保障措施</p><ol style='list-style: none'><li>加强组织领导。</li></ol>"))
    r = policyparse.parse(path)
    assert [(m.number, m.title[:8]) for d in r.documents for m in d.measures] == [
        ("1", "优化企业开办服务"), ("2", "2023年底前建"), ("3", "12345热线接"), ("第一条", "支持企业做大做强"),
        ("三", "保障措施")]
    assert "1.\n" not in r.source_text and "加强组织领导" in r.source_text


def test_rows_of_a_table_without_a_header_keep_their_numbers(tmp_path):
    assert _numbers(tmp_path, "<p>一、重点任务</p><table>"
                              "<tr><td>1.优化企业开办服务。推行全程网办。</td><td>县市场监管局</td></tr>"
                              "<tr><td>2.优化审批服务。推行拿地即开工。</td><td>县住建局</td></tr></table>") == ["1", "2"]


def test_a_spanning_sub_heading_row_ends_the_category_above(tmp_path):
    rows = ["<tr><td rowspan='2'>政务服务</td><td>1</td><td>推行一日办结。</td><td>县市场监管局</td><td>2023年6月底前</td></tr>",
            "<tr><td>2</td><td>推行联合验收。</td><td>县住建局</td><td>2023年9月底前</td></tr>",
            "<tr><td colspan='5'>其他工作</td></tr>",
            "<tr><td></td><td>3</td><td>开展营商环境评价。</td><td>县营商办</td><td>2023年12月底前</td></tr>"]
    ms = _measures(tmp_path, "<p>一、任务分解</p>" + _table(["类别", "序号", "重点任务", "牵头单位", "完成时限"], rows))
    assert [(m.number, m.path) for m in ms] == [
        ("1", ["任务分解", "政务服务"]), ("2", ["任务分解", "政务服务"]), ("3", ["任务分解", "其他工作"])]


def test_an_indicator_tables_targets_are_goals(tmp_path):
    rows = ["<tr><td>市场主体总量</td><td>万户</td><td>12.5</td><td>20</td><td>预期性</td></tr>",
            "<tr><td>一般企业开办时间</td><td>个工作日</td><td>3</td><td>≤0.5</td><td>约束性</td></tr>",
            "<tr><td>政务服务事项全程网办率</td><td>%</td><td>85</td><td>—</td><td>预期性</td></tr>"]
    path = tmp_path / "plan.html"
    path.write_bytes(_page("<p>一、发展目标</p><p>到2025年，营商环境进入全省第一方阵。</p>"
                           + _table(["指标", "单位", "2020年", "2025年", "属性"], rows) +
                           "<p>二、重点任务</p><p>1.优化企业开办服务。推行全程网办。（县市场监管局负责）</p>"))
    parsed = policyparse.parse(path)
    (doc,) = parsed.documents
    assert [(q.text, q.value, q.unit, q.comparator, q.metric, q.deadline.date) for q in doc.goals.quantities] == [
        ("20", 200000, "户", "=", "市场主体总量", "2025-12-31"),
        ("≤0.5", 0.5, "个工作日", "<=", "一般企业开办时间", "2025-12-31")]
    st = parsed.source_text
    assert all(st[q.span[0] : q.span[1]] == q.text for q in doc.goals.quantities)
    assert [m.title for m in doc.measures] == ["优化企业开办服务"]


def test_a_list_of_attached_files_under_a_bare_attachment_label_is_no_document(tmp_path):
    path = tmp_path / "links.html"
    path.write_bytes(_page("<p>一、重点任务</p><p>1.深化“一件事”集成改革。6月底前实现企业开办“一次办”。（牵头单位：县政务服务中心；<br>"
                           "配合单位：县市场监管局）</p><p>附件：</p>"
                           "<p><a href='a.docx'>1.平遥县2023年优化营商环境任务清单.docx</a></p>"
                           "<p><a href='b.xls'>2.平遥县营商环境指标责任分工表.xls</a></p>"))
    (doc,) = policyparse.parse(path).documents
    (m,) = doc.measures
    assert m.title == "深化“一件事”集成改革" and "\n" not in m.text
    assert [(u.name, u.role) for u in m.units] == [("县政务服务中心", "lead"), ("县市场监管局", "cooperating")]


def test_a_task_rows_category_names_its_topic(tmp_path):
    rows = ["<tr><td>纳税</td><td>1</td><td>推行“非接触式”办理，年度办理时间压缩至80小时以内。</td><td>县税务局</td><td>2023年6月底前</td></tr>"]
    ms = _measures(tmp_path, "<p>一、任务分解</p>" + _table(["类别", "序号", "重点任务", "牵头单位", "完成时限"], rows))
    assert [(m.path, m.topics) for m in ms] == [(["任务分解", "纳税"], ["纳税"])]

"""Task tables pasted into a plain-text notice (copied out of Word or Excel, or from a
web page as ``cell | cell |`` lines): the rows become measures as an HTML or PDF table's
do (docs/readers.md, *Task tables*)."""

from __future__ import annotations

import pytest

import policyparse
from policyparse.read.tables import text_tables

from fixtures_build import TASK_HEADER, TASK_ROWS

NOTICE = """龙游县人民政府办公室关于印发龙游县2024年优化营商环境重点任务清单的通知
各乡镇人民政府、街道办事处，县政府各部门：
现将《龙游县2024年优化营商环境重点任务清单》印发给你们，请认真贯彻执行。
一、企业开办领域
{企业开办}
二、工程建设领域
{工程建设}
三、工作要求
各牵头单位要细化工作措施，明确时间节点，确保各项任务按期完成。
"""

ROWS = {cat: [r[1:] for r in TASK_ROWS if r[0] == cat] for cat in ("企业开办", "工程建设")}


def _render(sep: str, lead: str = "", tail: str = "") -> str:
    def table(rows):
        return "\n".join(lead + sep.join(r) + tail for r in [TASK_HEADER, *rows])

    return NOTICE.format(**{cat: table(rows) for cat, rows in ROWS.items()})


@pytest.mark.parametrize("sep,lead,tail", [("\t", "", ""), (" | ", "| ", " |"), ("  ", "", ""),
                                           ("\u3000\u3000", "", "")],
                         ids=["tabs", "pipes", "spaces", "ideographic spaces"])
def test_pasted_task_table_rows_become_measures(sep, lead, tail):
    text = _render(sep, lead, tail)
    doc = policyparse.parse_text(text).documents[0]
    table = [m for m in doc.measures if m.path and m.path[-1].endswith("领域")]
    assert [m.number for m in table] == ["1", "2", "3", "4"]
    # the heading right above each table is the rows' section, not a measure of its own
    assert [m.path for m in table] == [["企业开办领域"]] * 2 + [["工程建设领域"]] * 2
    assert all(m.title != "企业开办领域" for m in doc.measures)
    assert [(s.title, s.measures) for s in doc.outline[:2]] == [
        ("企业开办领域", [m.id for m in table[:2]]), ("工程建设领域", [m.id for m in table[2:]])]
    assert table[0].title == "优化企业开办服务"
    assert [(u.name, u.role) for u in table[0].units] == [
        ("县市场监管局", "lead"), ("县税务局", "cooperating"), ("县人力社保局", "cooperating"),
        ("县公安局", "cooperating")]
    assert [d.date for d in table[0].deadlines] == ["2024-06-30"]
    assert table[1].deadlines == [] and table[3].deadlines == []  # 长期坚持, 持续推进
    assert [(q.value, q.comparator, q.kind) for q in table[2].quantities] == [(40, "<=", "limit")]
    # the row's 完成时限 governs the figures of its task
    assert [q.deadline.date for m in table[::2] for q in m.quantities] == ["2024-06-30", "2024-09-30"]
    # every span indexes the text as given
    for m in table:
        for u in m.units:
            assert text[u.span[0] : u.span[1]] == u.name
        for d in m.deadlines:
            assert text[d.span[0] : d.span[1]] == d.text
    # the paragraph after the tables is still a measure of the outline
    assert any("细化工作措施" in m.text for m in doc.measures)


def test_a_row_that_dropped_its_empty_last_cells_is_padded():
    rows = [TASK_HEADER, ["1", "推行“拿地即开工”审批模式。", "县住建局"],
            ["2", "推进电子营业执照应用。", "县市场监管局", "县大数据中心", "2024年6月底前"]]
    text = "重点任务清单\n" + "\n".join("\t".join(r) for r in rows) + "\n"
    (t,) = text_tables(text)
    assert [[c.text for c in r] for r in t.rows[1:]] == [
        ["1", "推行“拿地即开工”审批模式。", "县住建局", "", ""],
        ["2", "推进电子营业执照应用。", "县市场监管局", "县大数据中心", "2024年6月底前"]]
    assert t.header_row == 0 and t.roles == ["number", "task", "lead", "cooperating", "deadline"]


def test_rows_without_a_task_table_header_are_no_table():
    text = "姓名\t职务\t电话\n张三\t科长\t12345\n" \
           "索引号: | 11330800MB0R57773W/2023-144195 | 成文日期: | 2023-12-20 |\n" \
           "1.推进企业开办  全程网办  压缩时限。\n"
    assert text_tables(text) == []


def test_label_sentences_split_by_wide_gaps_are_no_table():
    text = ("某区2023年优化营商环境重点任务清单\n一、重点任务\n1.优化企业开办服务。推行全程网办。\n"
            "　　工作目标：开办时间压缩至1个工作日　　责任单位：区市场监管局　　完成时限：6月底前\n"
            "2.优化工程项目审批。推行拿地即开工。\n"
            "　　工作目标：审批时间控制在40个工作日　　责任单位：区住建局　　完成时限：9月底前\n")
    assert text_tables(text) == []
    m = policyparse.parse_text(text).documents[0].measures
    assert [(u.name, u.role) for u in m[0].units] == [("区市场监管局", "responsible")]
    assert [d.date for d in m[1].deadlines] == ["2023-09-30"]


def test_indented_paragraphs_after_a_gap_separated_table_are_not_rows():
    gap = "\u3000\u3000"
    rows = ["序号　　重点任务　　牵头单位　　配合单位　　完成时限",
            "1　　优化企业开办服务。推行全程网办。　　县市场监管局　　县税务局　　2024年6月底前",
            "2　　推进电子营业执照应用。　　县市场监管局　　县大数据中心　　2024年9月底前"]
    text = ("某县2024年优化营商环境重点任务清单\n" + gap + "一、企业开办领域\n" + "\n".join(rows) + "\n"
            + gap + "二、保障措施\n" + gap + "（一）加强组织领导。各牵头单位要细化工作措施，年底前完成评估。\n"
            + gap + "（二）强化督查。区督查室每季度通报进展。\n")
    (t,) = text_tables(text)
    assert len(t.rows) == 3
    ms = policyparse.parse_text(text).documents[0].measures
    assert [(m.number, m.path) for m in ms] == [("1", ["企业开办领域"]), ("2", ["企业开办领域"]),
                                              ("（一）", ["保障措施"]), ("（二）", ["保障措施"])]


def test_two_tabs_hold_an_empty_cell():
    text = "重点任务清单\n" + "\n".join("\t".join(r) for r in [
        TASK_HEADER, ["1", "推进电子营业执照应用。", "县市场监管局", "", "2024年9月底前"]]) + "\n"
    (t,) = text_tables(text)
    assert [c.text for c in t.rows[1]] == ["1", "推进电子营业执照应用。", "县市场监管局", "", "2024年9月底前"]
    (m,) = policyparse.parse_text(text).documents[0].measures
    assert [u.name for u in m.units] == ["县市场监管局"] and [d.date for d in m.deadlines] == ["2024-09-30"]


def test_an_empty_category_cell_is_the_one_above_it():
    """A merged category cell reaches a reader (a PDF's, a copy's) on its first row only."""
    header = ["类别", "序号", "重点任务", "牵头单位", "完成时限"]
    rows = [["政务服务", "1", "推行企业开办一日办结。", "县市场监管局", "2024年6月底前"],
            ["", "2", "推行联合验收。", "县住建局", "2024年9月底前"],
            ["要素保障", "3", "保障重点项目用地。", "县自然资源局", "2024年12月底前"]]
    text = "重点任务清单\n" + "\n".join("\t".join(r) for r in [header, *rows]) + "\n"
    ms = policyparse.parse_text(text).documents[0].measures
    assert [(m.number, m.path) for m in ms] == [("1", ["政务服务"]), ("2", ["政务服务"]), ("3", ["要素保障"])]


def test_a_table_indented_by_a_tab_keeps_its_columns():
    rows = [TASK_HEADER, ["1", "推进电子营业执照应用。", "县市场监管局", "县大数据中心", "2024年6月底前"]]
    text = "重点任务清单\n" + "\n".join("\t" + "\t".join(r) for r in rows) + "\n"
    (t,) = text_tables(text)
    assert [c.text for c in t.rows[1]] == rows[1]
    assert t.roles == ["number", "task", "lead", "cooperating", "deadline"]


def test_a_bare_date_in_the_deadline_cell_is_that_deadline_and_nowhere_else():
    rows = [TASK_HEADER, ["1", "推进电子营业执照应用。", "县市场监管局", "县大数据中心", "2024年12月31日"],
            ["2", "优化纳税服务。", "县税务局", "", "2024年6月"]]
    text = "重点任务清单\n" + "\n".join("\t".join(r) for r in rows) + "\n"
    ms = policyparse.parse_text(text).documents[0].measures
    assert [[d.date for d in m.deadlines] for m in ms] == [["2024-12-31"], ["2024-06-30"]]
    # a date in another table, or in running text, is no deadline
    other = "主要目标\n序号 | 指标 | 基期值 | 基期年份 |\n1 | 市场主体总量 | 5000户 | 2022年12月 |\n"
    assert policyparse.parse_text(other).documents[0].goals.deadlines == []


def test_a_table_under_a_section_with_text_before_it_is_listed_in_that_section():
    rows = "\n".join("\t".join(r) for r in [TASK_HEADER, *ROWS["企业开办"]])
    doc = policyparse.parse_text("某县优化营商环境实施方案\n一、重点任务\n（一）深化改革。推行全程网办。（县审批局负责）\n"
                                 "二、任务分解\n各单位按下表推进：\n" + rows + "\n三、保障措施\n（一）加强组织领导。成立领导小组。\n"
                                 ).documents[0]
    tasks = doc.outline[1]
    assert tasks.title == "任务分解" and len(tasks.measures) == 2
    assert [m.title for m in doc.measures if m.id in tasks.measures][0] == "优化企业开办服务"


INDICATORS = ("某某市“十四五”数字经济发展规划\n第二章　总体要求\n第二节　发展目标\n"
              "到2025年，数字经济总量突破3000亿元。\n表1　“十四五”时期数字经济发展主要指标\n"
              "序号\t指标\t2020年\t2025年目标\t年均增长\t属性\n"
              "1\t数字经济增加值（亿元）\t1520\t3000\t14.6%\t预期性\n"
              "2\t5G基站数（个）\t3200\t15000\t—\t约束性\n"
              "3\t固定宽带家庭普及率（%）\t92\t≥98\t—\t预期性\n"
              "注：[ ]内为五年累计数。\n第三章　主要任务\n"
              "一、加快5G网络建设。新建5G基站1万个以上。（市经信局牵头）\n")


def test_an_indicator_tables_targets_are_goals_with_the_target_years_deadline():
    (t,) = text_tables(INDICATORS)
    assert (t.kind, t.roles) == ("indicator", ["number", "indicator", "baseline", "target", "growth", "attribute"])
    d = policyparse.parse_text(INDICATORS).documents[0]
    table = [q for q in d.goals.quantities if q.span[0] >= t.span[0]]
    assert [(q.text, q.value, q.unit, q.comparator, q.kind, q.metric, q.deadline.date) for q in table] == [
        ("3000", 300000000000, "元", "=", "target", "数字经济增加值", "2025-12-31"),
        ("15000", 15000, "个", "=", "target", "5G基站数", "2025-12-31"),
        ("≥98", 98, "%", ">=", "target", "固定宽带家庭普及率", "2025-12-31")]
    # the baseline and growth columns give no goal; the rows are no outline items; spans index the text
    assert [q.text for q in d.goals.quantities] == ["突破3000亿元", "3000", "15000", "≥98"]
    assert [m.title for m in d.measures] == ["加快5G网络建设"]
    for q in table:
        assert INDICATORS[q.span[0] : q.span[1]] == q.text
        assert INDICATORS[q.deadline.span[0] : q.deadline.span[1]] == q.deadline.text == "2025年"


def test_a_unit_cell_splits_outside_brackets_and_quotes():
    from policyparse.extract.cells import cell_units
    from policyparse.read.tables import Cell

    text = "市住建局（牵头）、各县〈市、区〉政府／区“双随机、一公开”工作领导小组　市财政局"
    units = cell_units(Cell(text, 100, 100 + len(text)), "responsible")
    assert [(u.name, u.role) for u in units] == [
        ("市住建局", "lead"), ("各县〈市、区〉政府", "responsible"),
        ("区“双随机、一公开”工作领导小组", "responsible"), ("市财政局", "responsible")]
    assert all(text[u.span[0] - 100 : u.span[1] - 100] == u.name for u in units)


def test_an_indicator_table_between_measures_is_no_part_of_the_one_above():
    text = ("某某市数字经济发展行动方案\n一、重点任务\n（一）加快5G网络建设。新建5G基站1万个以上。（市经信局牵头）\n"
            "序号\t指标\t单位\t2023年\t2025年\t属性\n1\t5G基站数\t个\t3200\t15000\t约束性\n"
            "2\t数字经济增加值\t亿元\t1520\t3000\t预期性\n"
            "（二）推进千兆光网建设。千兆光纤网络覆盖率达到80%。（市通信发展办负责）\n")
    d = policyparse.parse_text(text).documents[0]
    assert [(m.number, m.text[-8:]) for m in d.measures] == [("（一）", "（市经信局牵头）"), ("（二）", "通信发展办负责）")]
    assert [(q.text, q.metric) for q in d.goals.quantities] == [("15000", "5G基站数"), ("3000", "数字经济增加值")]

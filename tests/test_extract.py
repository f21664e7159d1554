"""Units, deadlines, quantities, goals and document facts on real notices and on
snippets written for phrasings the bundled notices lack."""

from __future__ import annotations

from pathlib import Path

import pytest

import policyparse
from corpus import SHARED, measures, parsed
from gold import score

GOLD = SHARED / "spec" / "examples" / "quzhou.gold.json"


@pytest.mark.skipif(not GOLD.exists(), reason="shared/spec is not beside the repo")
def test_quzhou_against_the_hand_annotation():
    s = score(parsed("quzhou"), GOLD)
    assert s["measures"].f1 == 1.0
    assert s["titles_exact"] == 1.0 and s["ends_right"] == 1.0
    assert s["units"].f1 >= 0.95, s["units"].misses
    # the gold marks 全年 "borderline"; the library reports it (spec 4: 全年 framing an annual target)
    assert s["deadlines"].fn == 0 and s["deadlines"].f1 >= 0.85, s["deadlines"].misses
    assert s["quantities"].f1 >= 0.9, s["quantities"].misses
    assert s["kind_right"] >= 0.85


def test_quzhou_document_facts_and_plan_year_from_a_december_issue():
    d = parsed("quzhou").documents[0]
    assert (d.date, d.plan_year, d.region, d.title) == ("2023-12-20", 2024, "衢州市", None)
    m1 = d.measures[0]
    assert [(x.text, x.date, x.year_inferred) for x in m1.deadlines] == [
        ("6 月底前", "2024-06-30", True), ("12 月底前", "2024-12-31", True)]


def test_wanbailin_document_facts():
    d = parsed("wanbailin").documents[0]
    assert d.title == "太原市万柏林区创新提升营商环境加快推进市场主体倍增工程行动方案"
    assert d.issuer == "太原市万柏林区人民政府"
    assert d.doc_number == "万政〔2022〕15号"
    assert (d.date, d.effective, d.region, d.plan_year) == ("2022-06-23", "2022-06-23", "万柏林区", 2022)


def test_wanbailin_goals_are_document_level():
    g = parsed("wanbailin").documents[0].goals
    assert [x.date for x in g.deadlines] == ["2025-12-31"]
    values = {(q.value, q.unit) for q in g.quantities}
    assert {(150000, "户"), (16, "%"), (360, "家"), (78356, "人")} <= values


def test_xiaodian_units_labelled_with_generic_tail():
    m1 = measures("xiaodian")[0]
    assert [(u.name, u.role, u.generic) for u in m1.units] == [
        ("区审批服务管理局", "lead", False), ("区人社局", "responsible", False),
        ("各相关单位", "responsible", True), ("辖区各银行网点", "responsible", True)]


def test_wanbailin_page_broken_label_and_quoted_list_unit():
    ms = measures("wanbailin")
    assert [u.name for u in ms[1].units] == ["区审批服务管理局", "区税务局", "区人社局", "区医保局", "公安万柏林分局"]
    m64 = next(m for m in ms if m.number == "64")
    assert m64.units[-1].name == "区“双随机、一公开”监管工作领导小组成员单位"


def test_wanbailin_subsidies_and_thresholds():
    m79 = next(m for m in measures("wanbailin") if m.number == "79")
    q = [(x.value, x.value_max, x.kind) for x in m79.quantities]
    assert (1_000_000_000, None, "threshold") in q
    assert (5_000_000, None, "incentive") in q
    assert (500_000_000, 1_000_000_000, "threshold") in q
    # a range with its unit on both ends (2万元-30万元不等) is one range, not two grants
    m30 = next(m for m in measures("wanbailin") if m.number == "30")
    r = next(x for x in m30.quantities if x.value == 20_000)
    assert (r.text, r.value_max, r.comparator, r.kind) == ("2万元-30万元不等", 300_000, "range", "incentive")
    assert not any(x.value == 300_000 and x.value_max is None for x in m30.quantities)


def test_traditional_units_keep_their_script_and_carry_simplified():
    doc = parsed("sufabiao").documents[1]
    u = doc.measures[0].units
    assert u[0].name == "縣投促局" and u[0].name_simplified == "县投促局" and u[0].role == "lead"
    assert any(x.role == "cooperating" and x.generic for x in u)


def _one(text: str):
    return policyparse.parse_text(text).documents[0]


def test_hong_kong_forms_and_full_width_digits_are_simplified_in_the_name_to_compare_by():
    text = ("大埔縣2024年鄉村振興實施方案\n三、重點任務\n"
            "1.提升供水保障。推進改造。（牽頭單位：縣水務局；配合單位：縣衞生健康局）\n"
            "2.提升熱線服務。（牽頭單位：區１２３４５熱線中心）\n")
    ms = _one(text).measures
    assert [(u.name, u.name_simplified, u.role) for u in ms[0].units] == [
        ("縣水務局", "县水务局", "lead"), ("縣衞生健康局", "县卫生健康局", "cooperating")]
    assert [(u.name, u.name_simplified) for u in ms[1].units] == [("區１２３４５熱線中心", "区12345热线中心")]


def test_trailing_lead_phrase():
    d = _one("三、重点任务\n1.优化审批。推进改革。（市发改委牵头，市商务局、市财政局按职责分工负责）\n")
    assert [(u.name, u.role) for u in d.measures[0].units] == [
        ("市发改委", "lead"), ("市商务局", "responsible"), ("市财政局", "responsible")]


def test_first_listed_unit_leads_when_the_document_says_so():
    text = ("各项任务责任单位中排在第一位的为牵头单位。\n一、主要任务\n"
            "1.优化审批。推进改革。（市发改委、市商务局、市财政局）\n"
            "2.优化服务。推进改革。（市商务局、市财政局按职责分工负责）\n")
    ms = _one(text).measures
    assert [(u.name, u.role) for u in ms[0].units][:2] == [("市发改委", "lead"), ("市商务局", "responsible")]
    assert ms[1].units[0].role == "lead"


def test_unlabelled_list_invents_no_lead():
    m = _one("一、任务\n1.优化服务。推进改革。（市商务局、市财政局按职责分工负责）\n").measures[0]
    assert {u.role for u in m.units} == {"responsible"}


def test_deadline_inside_the_unit_parenthesis_is_a_deadline_not_a_unit():
    d = _one("2023年工作要点\n一、任务\n1.推进审批改革。优化流程。"
             "（牵头单位：州行政审批服务局；责任单位：州市场监管局，6月底完成）\n")
    m = d.measures[0]
    assert [(u.name, u.role) for u in m.units] == [("州行政审批服务局", "lead"), ("州市场监管局", "responsible")]
    assert [(x.text, x.date) for x in m.deadlines] == [("6月底", "2023-06-30")]
    assert d.plan_year == 2023  # the year in the title wins


def test_an_unlabelled_unit_parenthesis_may_hold_a_deadline_too():
    d = _one("某州2024年深化“放管服”改革工作要点\n（各项任务中，排在第一位的为牵头单位）\n一、重点任务\n"
             "1.推进“一件事一次办”。年底前实现20个“一件事”集成办理。"
             "（州政务服务中心、州发展改革委、州司法局，6月底完成）\n"
             "2.优化纳税服务。纳税人办税时间压缩至80小时以内。（州税务局、州财政局，长期坚持）\n")
    m1, m2 = d.measures
    # the document declares that the first-listed unit leads
    assert [(u.name, u.role) for u in m1.units] == [
        ("州政务服务中心", "lead"), ("州发展改革委", "responsible"), ("州司法局", "responsible")]
    assert [(x.text, x.date) for x in m1.deadlines] == [("年底前", "2024-12-31"), ("6月底", "2024-06-30")]
    assert [(u.name, u.role) for u in m2.units] == [("州税务局", "lead"), ("州财政局", "responsible")]


def test_cooperating_units_of_a_running_text_attribution():
    r = policyparse.parse_text("一、重点任务\n"
                               "1.压减涉企收费。由州财政局牵头，州发展改革委、州税务局配合，全年为企业减负不少于3亿元。\n"
                               "2.强化协同。由区发改局牵头，各部门要密切配合，形成工作合力。\n")
    m1, m2 = r.documents[0].measures
    assert [(u.name, u.role, r.source_text[u.span[0]:u.span[1]]) for u in m1.units] == [
        ("州财政局", "lead", "州财政局"), ("州发展改革委", "cooperating", "州发展改革委"),
        ("州税务局", "cooperating", "州税务局")]
    assert [(u.name, u.role) for u in m2.units] == [("区发改局", "lead")]


def test_nested_brackets_and_collective_units():
    m = _one("一、任务\n1.推进改革。（责任单位：市国资委〔衢控集团〕、各县（市、区）、县直各有关部门）\n").measures[0]
    assert [(u.name, u.generic) for u in m.units] == [
        ("市国资委〔衢控集团〕", False), ("各县（市、区）", True), ("县直各有关部门", True)]


def test_unit_name_split_by_a_page_break_is_joined():
    m = _one("一、任务\n1.推进改革。完善机制。（责任单位：区审批服务管理局、区市场监\n\n— 3 —\n\n管局）\n").measures[0]
    assert [u.name for u in m.units] == ["区审批服务管理局", "区市场监管局"]


def test_subject_of_running_text_is_not_a_unit():
    m = _one("一、保障\n(一)强化协同。市营商办要主动作为，各部门要加强协作。\n").measures[0]
    assert m.units == []


def test_same_year_is_the_year_its_sentence_names():
    """当年 in a three-year plan's phase: the year the sentence names, else the plan year;
    a condition (当年完成改造的项目) is no deadline."""
    r = policyparse.parse_text(
        "某县老旧小区改造三年行动方案（2024—2026年）\n一、重点任务\n"
        "1.推进改造。2025年，计划改造老旧小区50个，当年完成改造任务。\n"
        "2.加快验收。当年完成验收工作。\n"
        "3.给予补助。当年完成改造的项目，按投资额的30%给予补助。\n")
    d = r.documents[0]
    assert d.plan_year == 2024
    m1, m2, m3 = d.measures
    same = [x for x in m1.deadlines if r.source_text[x.span[0]:x.span[1]] == "当年"]
    assert [(x.date, x.year_inferred) for x in same] == [("2025-12-31", True)]
    assert [(r.source_text[x.span[0]:x.span[1]], x.date) for x in m2.deadlines] == [("当年", "2024-12-31")]
    assert m3.deadlines == []


def test_plan_year_from_issue_date_and_unknown_year():
    text = "一、任务\n1.推进改革。6月底前完成清理。\n"
    assert _one(text).measures[0].deadlines[0].date == "--06-30"
    dated = "成文日期：2022-11-15\n" + text
    d = _one(dated)
    assert d.plan_year == 2023 and d.measures[0].deadlines[0].date == "2023-06-30"


def test_a_full_width_year_in_a_traditional_title_is_the_plan_year():
    # a repost in full-width digits and traditional script, with no dated signature
    d = _one("某縣２０２４年優化營商環境實施方案\n一、重點任務\n"
             "１．優化營商環境。年底前評選典型案例不少於１０個。（牽頭單位：縣營商環境辦）\n")
    assert d.title == "某縣２０２４年優化營商環境實施方案" and d.plan_year == 2024
    assert [x.date for x in d.measures[0].deadlines] == ["2024-12-31"]


def test_digits_grouped_by_a_space_are_one_number():
    d = _one("一、重点任务\n1.强化用工服务保障。帮助重点企业招用工3 000人以上，新增就业1 200人。"
             "（牵头单位：县人社局）\n")
    assert [(q.value, q.comparator) for q in d.measures[0].quantities] == [(3000, ">="), (1200, "=")]


def test_goal_year_sets_the_plan_year():
    text = ("二、工作目标\n2023年，全市市场主体达到30万户以上。\n"
            "三、主要任务\n1.推进改革。9月底前出台政策。\n")
    d = _one(text)
    assert d.plan_year == 2023
    assert d.measures[0].deadlines[0].date == "2023-09-30"
    assert [(q.value, q.unit, q.comparator) for q in d.goals.quantities] == [(300000, "户", ">=")]


def test_a_year_before_the_issue_year_in_the_goals_is_their_base_not_the_plan_year():
    # p43: a plan issued in April 2024 reports 2023 in its 总体要求 and aims at 2024年底
    text = ("某县惠企政策实施方案\n某县人民政府办公室\n2024年4月15日\n一、总体要求\n"
            "2023年，全县累计新增减税降费2.36亿元。\n二、工作目标\n到2024年底，事项达到20项以上。\n"
            "三、主要任务\n1.推进改革。6月底前出台政策。\n")
    d = _one(text)
    assert d.date == "2024-04-15" and d.plan_year == 2024
    assert d.measures[0].deadlines[0].date == "2024-06-30"


def test_a_sentence_after_a_headings_last_item_attributes_the_items_above_it():
    text = ("某区优化营商环境工作方案\n一、重点任务\n（一）优化政务服务\n1.推进一网通办。6月底前实现事项全程网办。\n"
            "2.推进一窗受理。年底前综合窗口覆盖率达到100%。\n以上任务由区行政审批局牵头，区数据局配合。\n"
            "（二）优化市场环境\n3.推进公平竞争审查。开展存量政策清理。（责任单位：区市场监管局）\n"
            "4.规范涉企收费。开展专项检查2次以上。\n上述工作均由区发改局负责。\n二、保障措施\n（一）加强组织领导。成立领导小组。\n")
    r = policyparse.parse_text(text)
    got = [(m.number, [(u.name, u.role) for u in m.units]) for m in r.documents[0].measures]
    both = [("区行政审批局", "lead"), ("区数据局", "cooperating")]
    assert got == [("1", both), ("2", both), ("3", [("区市场监管局", "responsible")]),  # its own units stay
                   ("4", [("区发改局", "responsible")]), ("（一）", [])]  # another heading's items take none
    for m in r.documents[0].measures:
        for u in m.units:  # item 1's units point at the sentence that names them
            assert r.source_text[u.span[0] : u.span[1]] == u.name


def test_quantity_deadline_of_the_same_clause():
    m = measures("quzhou")[6]
    q = next(x for x in m.quantities if x.value == 20)
    assert q.deadline is not None and q.deadline.date == "2024-06-30"


def test_effective_date():
    d = parsed("xiaodian").documents[0]
    assert d.effective == "2022-06-01" and d.title == "小店区创新提升营商环境加快推进市场主体倍增工程行动方案"


def test_signature_block_after_the_last_measure_is_not_part_of_it():
    d = _one("一、主要任务\n1.优化审批。推进改革。（责任单位：市发改委）\n"
             "2.优化服务。推进改革。（责任单位：市商务局）\n衢州市人民政府办公室\n2023年3月6日\n抄送：市委办公室。\n")
    assert d.measures[-1].text == "优化服务。推进改革。（责任单位：市商务局）"
    assert (d.issuer, d.date, d.region, d.plan_year) == ("衢州市人民政府办公室", "2023-03-06", "衢州市", 2023)
    # a department signs too; two bodies may sign jointly (above the date, never elsewhere)
    d = _one("某某市优化营商环境实施方案\n一、重点任务\n1.推进改革。每家企业每年最多补助20万元，实现半日办结。（责任单位：市经信局）\n\n"
             "某某市发展和改革委员会\n某某市财政局\n2023年3月1日\n")
    assert d.measures[-1].text == "推进改革。每家企业每年最多补助20万元，实现半日办结。（责任单位：市经信局）"
    assert (d.issuer, d.date) == ("某某市发展和改革委员会、某某市财政局", "2023-03-01")
    assert [(q.value, q.unit, q.kind) for q in d.measures[-1].quantities] == [(200000, "元", "incentive"), (0.5, "日", "limit")]


def test_enumeration_inside_an_item_stays_one_measure():
    """一是/二是 is running text, not numbering (docs/decisions.md): the item is one
    measure holding the units, deadlines and quantities of all its parts; separate-line
    labels keep their own lines."""
    d = _one("一、重点任务\n（一）优化政务服务。一是推行企业开办全程网办，6月底前开办时间压减至1个工作日以内；"
             "二是推进“一件事一次办”，年内办件量达到1万件。\n责任单位：区行政审批服务局\n完成时限：2023年12月底前\n"
             "（二）强化要素保障。新增普惠贷款30亿元。（区金融办负责）\n")
    ms = d.measures
    assert [m.number for m in ms] == ["（一）", "（二）"]
    assert [(u.name, u.role) for u in ms[0].units] == [("区行政审批服务局", "responsible")]
    assert [q.value for q in ms[0].quantities] == [1, 10000]
    assert "\n责任单位：区行政审批服务局\n完成时限：2023年12月底前" in ms[0].text
    assert ms[0].deadlines[-1].date == "2023-12-31"


def test_articles_of_a_policy_are_measures_and_its_numbered_closing_clause_is_not():
    text = ("某市促进制造业高质量发展若干政策\n为加快制造业高质量发展，制定本政策。\n"
            "第一条 支持重大项目招引。对新引进总投资5亿元以上的制造业项目，按设备投资额的10%给予补助，最高不超过2000万元。\n"
            "第二条 支持企业技术改造。对设备投资500万元以上的技改项目，每家企业每年最多补助300万元。\n"
            "第三条 本政策自2021年5月1日起施行，有效期3年，由市经信局负责解释。\n")
    d = _one(text)
    assert [m.number for m in d.measures] == ["第一条", "第二条"]
    assert d.effective == "2021-05-01"
    assert [(q.value, q.comparator, q.kind) for q in d.measures[1].quantities] == [
        (5000000, ">=", "threshold"), (3000000, "<=", "incentive")]
    # a closing article headed 附则 is no measure either, and its interpreter is no unit
    d = _one(text.replace("第三条 本政策", "第三条　附则。本政策"))
    assert [m.number for m in d.measures] == ["第一条", "第二条"] and d.effective == "2021-05-01"


def test_a_goal_line_leading_into_a_list_gives_its_deadline_to_the_list():
    d = _one("某某区推进社区嵌入式服务设施建设实施方案\n一、总体要求\n"
             "（二）主要目标。到2025年底，全区社区嵌入式服务设施建设取得明显成效：\n"
             "——社区养老服务设施覆盖率达到100%；\n——建成普惠托育机构15个。\n"
             "二、重点任务\n1.推进设施建设。2024年底前完成改造。（区民政局负责）\n")
    assert [(q.text, q.metric, q.deadline.text) for q in d.goals.quantities] == [
        ("达到100%", "社区养老服务设施覆盖率", "到2025年底"), ("15个", None, "到2025年底")]


def test_an_attachment_takes_the_notices_facts_it_does_not_state():
    text = ("某省人民政府办公厅关于印发某省促进民营经济发展行动方案的通知\n各市人民政府：\n现将方案印发给你们。\n"
            "某省人民政府办公厅\n2024年12月10日\n"
            "某省促进民营经济发展行动方案\n一、重点任务\n1.优化审批服务。3月底前出台实施细则。（省发展改革委负责）\n"
            "附件1\n重点任务分工表\n1.完善政策体系。6月底前完成政策梳理。（省司法厅负责）\n")
    docs = policyparse.parse_text(text).documents
    assert len(docs) == 2 and docs[1].title == "重点任务分工表"
    assert (docs[1].plan_year, docs[1].issuer, docs[1].date) == (2025, "某省人民政府办公厅", "2024-12-10")
    assert [x.date for x in docs[1].measures[0].deadlines] == ["2025-06-30"]


def test_full_width_arabic_numbers_print_as_arabic_digits():
    d = _one("某区工作方案\n一、重点任务\n１２．优化审批。推进改革。（区发改局负责）\n１３．优化服务。推进改革。\n")
    assert [m.number for m in d.measures] == ["12", "13"]
    assert d.measures[0].text.startswith("优化审批")  # text stays as printed


def test_targets_in_the_general_requirements_are_goals():
    """The spec: the quantities and deadlines of 指导思想 / 总体要求 / 目标 sections are goals."""
    d = _one("某省人民政府关于进一步优化营商环境的实施意见\n一、总体要求\n以新时代中国特色社会主义思想为指导，深化改革。"
             "到2020年底，全省营商环境主要指标达到全国中上游水平；到2022年，市场主体突破400万户。\n"
             "二、重点任务\n（一）优化审批服务。推行企业开办全程网办。（省市场监管局负责）\n")
    assert [x.date for x in d.goals.deadlines] == ["2020-12-31", "2022-12-31"]
    assert [(q.value, q.comparator) for q in d.goals.quantities] == [(4000000, ">")]
    assert [m.number for m in d.measures] == ["（一）"]


def test_a_heading_or_a_unit_line_naming_a_group_or_committee_closes_nothing():
    d = _one("某区优化营商环境实施方案\n一、重点任务\n（一）优化企业开办。推行全程网办。（区市场监管局负责）\n"
             "二、保障措施\n（一）成立工作领导小组\n成立由区长任组长的工作领导小组，统筹推进各项工作。\n"
             "（二）强化督查考核\n将优化营商环境工作纳入年度考核。\n")
    assert [(m.number, m.path) for m in d.measures] == [
        ("（一）", ["重点任务"]), ("（一）", ["保障措施"]), ("（二）", ["保障措施"])]
    docs = policyparse.parse_text("某区2023年优化营商环境工作方案\n一、重点任务\n1.优化企业开办服务。推行全程网办。\n"
                                  "牵头单位：\n区发展和改革委员会\n2.优化审批服务。推行拿地即开工。\n牵头单位：区住建局\n").documents
    assert len(docs) == 1 and [m.number for m in docs[0].measures] == ["1", "2"]


def test_a_title_ending_in_a_span_of_years_gives_the_first_as_plan_year():
    d = _one("韶关市浈江区优化营商环境三年行动方案（2022—2024年）\n一、重点任务\n1.优化审批服务。年内完成系统建设。（区政务服务数据管理局负责）\n")
    assert (d.title, d.region, d.plan_year) == ("韶关市浈江区优化营商环境三年行动方案（2022—2024年）", "浈江区", 2022)
    assert [x.date for x in d.measures[0].deadlines] == ["2022-12-31"]


def test_items_opening_with_a_year_or_5g_are_numbered_items():
    d = _one("某某镇开展“无废城镇”创建工作实施方案\n一、主要任务\n（一）推行生活垃圾分类。配置分类收集容器600组。（镇环卫所牵头，各村〈社区〉配合）\n"
             "二、进度安排\n1.2023年12月底前，完成创建方案编制。\n2.2024年6月底前，完成首批10个“无废细胞”建设。\n"
             "3.5G基站建设。新建5G基站300个。\n")
    assert (d.region, d.plan_year) == ("某某镇", None)
    assert [(m.number, m.title) for m in d.measures] == [
        ("（一）", "推行生活垃圾分类"), ("1", "2023年12月底前，完成创建方案编制"),
        ("2", "2024年6月底前，完成首批10个“无废细胞”建设"), ("3", "5G基站建设")]
    assert [(q.value, q.unit) for q in d.measures[0].quantities] == [(600, "组")]
    assert [x.date for m in d.measures[1:3] for x in m.deadlines] == ["2023-12-31", "2024-06-30"]


def test_a_labelled_completion_time_without_before_is_the_deadline():
    d = _one("某某区2024年优化营商环境重点工作任务\n一、重点任务\n"
             "1.深化“一件事一次办”改革。新推出集成服务20项以上。（牵头单位：区行政审批局；完成时限：2024年12月）\n"
             "2.清理拖欠中小企业账款。力争上半年清偿率达到90%以上。（区工信局牵头；完成时限：2024年6月30日）\n")
    assert (d.title, d.region, d.plan_year) == ("某某区2024年优化营商环境重点工作任务", "某某区", 2024)
    assert [[(x.text, x.date) for x in m.deadlines] for m in d.measures] == [
        [("2024年12月", "2024-12-31")], [("上半年", "2024-06-30"), ("2024年6月30日", "2024-06-30")]]
    # the labelled time governs the figures that name none of their own
    assert [[(q.text, q.deadline.text) for q in m.quantities] for m in d.measures] == [
        [("20项以上", "2024年12月")], [("达到90%以上", "上半年")]]


def test_a_first_leads_note_in_one_unit_label_holds_for_that_list_only():
    d = _one("某某县2024年优化营商环境工作要点\n一、重点任务\n"
             "1.深化“一网通办”。事项网办率达到90%以上。\n责任单位：县行政审批局\n"
             "2.规范涉企检查。全年涉企检查次数同比下降20%。\n"
             "责任单位：县司法局、县市场监管局等相关部门（排在第一位的为牵头单位）\n")
    assert [[(u.name, u.role, u.generic) for u in m.units] for m in d.measures] == [
        [("县行政审批局", "responsible", False)],
        [("县司法局", "lead", False), ("县市场监管局", "responsible", False), ("相关部门", "responsible", True)]]
    assert [(q.text, q.metric) for q in d.measures[1].quantities] == [("20%", "涉企检查次数")]


def test_a_first_leads_note_that_says_the_same_below_holds_for_every_list_below():
    # p30 (nineteenth session): 良庆区's plan declares it once, in its first unit line
    d = _one("某某区进一步优化营商环境实施方案\n一、打造高效便捷的政务环境\n"
             "（一）深化政务服务“一网通办”。事项网办率达到95%以上。\n"
             "责任单位：区行政审批局、区大数据发展局（排在首位的为牵头单位，下同）\n"
             "（二）推进“高效办成一件事”。\n责任单位：区大数据发展局、区人社局\n")
    assert [[(u.name, u.role) for u in m.units] for m in d.measures] == [
        [("区行政审批局", "lead"), ("区大数据发展局", "responsible")],
        [("区大数据发展局", "lead"), ("区人社局", "responsible")]]


def test_a_task_table_under_its_title_keeps_the_title_and_the_region():
    d = _one("某某市推进城市更新行动实施方案重点任务分工\n\n序号\t重点任务\t责任单位\t完成时限\n"
             "1\t实施老旧小区改造，全年改造城镇老旧小区120个。\t市住建局（牵头）、各区人民政府\t2023年12月底前\n"
             "2\t推进城中村改造，启动改造城中村5个。\t市住建局\t2025年底前\n")
    assert (d.title, d.region) == ("某某市推进城市更新行动实施方案重点任务分工", "某某市")
    assert [(m.number, [x.date for x in m.deadlines]) for m in d.measures] == [("1", ["2023-12-31"]), ("2", ["2025-12-31"])]


def test_a_box_sits_in_its_heading_and_the_interrupted_list_resumes_after_it():
    d = _one("某某市“十四五”数字经济发展规划\n第三章　加快数字基础设施建设\n"
             "一、加快5G网络规模化部署。新建5G基站1万个以上。（市经信局牵头）\n"
             "二、推进千兆光网建设。实施“双千兆”行动。（市通信发展办负责）\n"
             "专栏1　新型基础设施建设重点工程\n1.5G网络建设工程。新建5G基站1.2万个。\n2.数据中心建设工程。新增标准机架5000架。\n"
             "三、建设城市大数据中心。推进集约建设。（市大数据局牵头）\n"
             "第四章　推动数字产业化\n（一）壮大制造业\n1.培育龙头企业。实施倍增计划。\n2.建设产业园区。完善配套。\n"
             "专栏2：数字产业化重点项目\n1.某某集成电路产业园。总投资120亿元。\n2.某某软件园三期。新增载体面积30万平方米。\n"
             "（二）培育软件业\n1.实施软件产业倍增计划。软件业务收入年均增长15%以上。\n")
    assert [(m.number, m.path[-1], m.title) for m in d.measures] == [
        ("一", "加快数字基础设施建设", "加快5G网络规模化部署"), ("二", "加快数字基础设施建设", "推进千兆光网建设"),
        ("1", "新型基础设施建设重点工程", "5G网络建设工程"), ("2", "新型基础设施建设重点工程", "数据中心建设工程"),
        ("三", "加快数字基础设施建设", "建设城市大数据中心"),
        ("1", "壮大制造业", "培育龙头企业"), ("2", "壮大制造业", "建设产业园区"),
        ("1", "数字产业化重点项目", "某某集成电路产业园"), ("2", "数字产业化重点项目", "某某软件园三期"),
        ("1", "培育软件业", "实施软件产业倍增计划")]
    assert "专栏" not in d.measures[1].text
    ch3, ch4 = d.outline
    assert [(s.number, s.kind, s.title) for s in ch3.children] == [("专栏1", "box", "新型基础设施建设重点工程")]
    assert [(s.number, [c.number for c in s.children]) for s in ch4.children] == [("（一）", ["专栏2"]), ("（二）", [])]


def test_clauses_of_one_list_share_the_attribution_that_closes_the_last():
    d = _one("某某区实施方案\n二、重点任务\n1.推进社区养老服务设施建设。\n"
             "①新建小区按每百户不少于20平方米配建养老服务用房；\n②老旧小区2024年底前补足养老服务设施；\n"
             "③对新建的社区养老服务综合体给予一次性建设补助30万元。（牵头单位：区民政局；责任单位：区住建局）\n"
             "2.完善社区助餐服务。\n①建设老年食堂10个。（区民政局负责）\n②开展助餐配送服务。\n")
    assert [(m.number, m.title, [(u.name, u.role) for u in m.units]) for m in d.measures] == [
        ("①", "新建小区按每百户不少于20平方米配建养老服务用房", [("区民政局", "lead"), ("区住建局", "responsible")]),
        ("②", "老旧小区2024年底前补足养老服务设施", [("区民政局", "lead"), ("区住建局", "responsible")]),
        ("③", "对新建的社区养老服务综合体给予一次性建设补助30万元", [("区民政局", "lead"), ("区住建局", "responsible")]),
        # items that end on 。 are sentences of their own: no sharing
        ("①", "建设老年食堂10个", [("区民政局", "responsible")]), ("②", "开展助餐配送服务", [])]


def test_a_work_reports_account_of_the_past_is_background_and_its_plan_for_next_year_has_the_measures():
    d = _one("某某区发展和改革局2023年工作总结和2024年工作打算\n"
             "2023年，我局扎实推进各项工作，现将有关情况总结如下。\n一、2023年工作完成情况\n"
             "（一）经济运行稳中向好。全年实现地区生产总值1480亿元，同比增长6.5%。\n"
             "（二）营商环境持续优化。新增市场主体2.3万户，市场主体总量突破18万户。\n"
             "二、存在的问题\n一是项目储备质量不高，亿元以上产业项目占比偏低。\n三、2024年工作打算\n"
             "（一）抓好项目建设。2024年计划实施重点项目220个，6月底前重点项目开工率达到80%。\n"
             "（二）强化资金争取。全年争取上级资金50亿元以上。\n某某区发展和改革局\n2023年12月26日\n")
    assert (d.title, d.plan_year) == ("某某区发展和改革局2023年工作总结和2024年工作打算", 2024)
    assert [(s.title, s.role) for s in d.outline] == [
        ("2023年工作完成情况", "background"), ("存在的问题", "background"), ("2024年工作打算", "tasks")]
    assert [m.title for m in d.measures] == ["抓好项目建设", "强化资金争取"]
    assert [[(x.text, x.date) for x in m.deadlines] for m in d.measures] == [
        [("2024年", "2024-12-31"), ("6月底前", "2024-06-30")], [("全年", "2024-12-31")]]


def test_a_traditional_repost_with_formal_numerals():
    d = _one("【轉載】深圳市關於加快建設國際消費中心城市的若干措施\n香港貿易發展局經貿研究　2023年8月10日轉載\n"
             "深府辦〔2023〕8號\n深圳市人民政府辦公廳\n2023年7月25日\n"
             "壹、總體目標\n到2025年，社會消費品零售總額突破1.2萬億元。\n貳、提升消費供給能級\n"
             "一、打造國際化消費商圈。推進羅湖、福田商圈改造提升。（市商務局牽頭）\n"
             "二、發展首店經濟。對首店給予最高100萬元獎勵。（市商務局負責）\n參、優化消費環境\n"
             "一、提升支付便利化水平。境外銀行卡受理商戶覆蓋率達到90%。（人民銀行深圳市中心支行負責）\n")
    assert (d.title, d.doc_number, d.issuer, d.script) == (
        "深圳市關於加快建設國際消費中心城市的若干措施", "深府辦〔2023〕8號", "深圳市人民政府辦公廳", "traditional")
    assert [(s.number, s.kind, s.role) for s in d.outline] == [
        ("壹", "cn_formal", "goals"), ("貳", "cn_formal", "tasks"), ("參", "cn_formal", "tasks")]
    assert [(m.number, m.path) for m in d.measures] == [
        ("一", ["提升消費供給能級"]), ("二", ["提升消費供給能級"]), ("一", ["優化消費環境"])]
    assert [q.text for q in d.goals.quantities] == ["突破1.2萬億元"]


def test_a_box_in_a_goals_section_of_prose_stays_in_it():
    d = _one("某某县“十四五”生态环境保护规划\n第一章　总体要求\n第一节　主要目标\n"
             "到2025年，生态环境质量持续改善。\n专栏1　主要指标\n1.森林覆盖率达到46.5%。\n2.空气质量优良天数比例达到88%。\n"
             "第二章　主要任务\n一、推进重点行业深度治理。完成30家企业超低排放改造。（县生态环境局牵头）\n")
    (goals,) = d.outline[0].children
    assert [(s.number, s.kind, s.role) for s in goals.children] == [("专栏1", "box", "goals")]
    assert [m.title for m in d.measures] == ["推进重点行业深度治理"]
    assert [q.text for q in d.goals.quantities] == ["达到46.5%", "达到88%"]


def test_a_role_label_in_a_task_table_cell_gives_its_role_to_every_unit_after_it(tmp_path):
    page = tmp_path / "table.html"
    page.write_text(
        '<html><head><meta charset="utf-8"></head><body><div class="content">'
        "<h2>某县2024年优化营商环境实施方案</h2><table border=1>"
        "<tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th></tr>"
        "<tr><td>1</td><td>规范涉企收费。开展专项整治。</td><td>县发改局</td>"
        "<td>配合：县市场监管局、县财政局、县民政局</td><td>10月底前</td></tr>"
        "<tr><td>2</td><td>加强知识产权保护。开展专项行动。</td><td>县市场监管局</td>"
        "<td>县科技局、县财政局（配合）</td><td>年底前</td></tr></table></div></body></html>",
        encoding="utf-8")
    m1, m2 = policyparse.parse(page).documents[0].measures
    assert [(u.name, u.role) for u in m1.units] == [
        ("县发改局", "lead"), ("县市场监管局", "cooperating"), ("县财政局", "cooperating"), ("县民政局", "cooperating")]
    # a note after one unit is that unit's role only
    assert [(u.name, u.role) for u in m2.units] == [
        ("县市场监管局", "lead"), ("县科技局", "responsible"), ("县财政局", "cooperating")]


def test_headline_targets_before_the_first_item_are_goals():
    # a 工作要点 states its year's targets in the paragraph before 一、
    d = _one("某区2026年数字经济发展工作要点\n"
             "2026年，全区数字经济核心产业增加值增长12%以上，软件业营业收入突破30亿元。\n"
             "一、做强数字产业\n1.建设创新平台。新培育企业技术中心3家。（区科技局负责）\n")
    assert [x.date for x in d.goals.deadlines] == ["2026-12-31"]
    assert [(q.value, q.unit, q.comparator) for q in d.goals.quantities] == [(12, "%", ">="), (3000000000, "元", ">")]
    assert [(q.value, q.unit) for q in d.measures[0].quantities] == [(3, "家")]


@pytest.mark.parametrize("head, title", [
    ("江澄市人民政府文件\n江政发〔2024〕5号\n江澄市支持中小企业\n高质量发展若干措施\n", "江澄市支持中小企业高质量发展若干措施"),
    ("江澄市人民政府文件\n江政发〔2024〕5号\n江澄市2024年优化营商环境\n实施方案\n", "江澄市2024年优化营商环境实施方案"),
    # a title on one line under the issuer's name, a 文号 or a date: nothing joined
    ("江澄市人民政府办公室\n江澄市支持中小企业高质量发展若干措施\n", "江澄市支持中小企业高质量发展若干措施"),
    ("江政发〔2024〕5号\n江澄市2024年优化营商环境实施方案\n", "江澄市2024年优化营商环境实施方案"),
    ("2024年3月1日\n江澄市2024年优化营商环境实施方案\n", "江澄市2024年优化营商环境实施方案"),
])
def test_a_title_set_over_two_lines_is_one_title(head, title):
    d = _one(head + "第一条　加大首贷支持。对首次获得银行贷款的中小企业给予贴息。（责任单位：市财政局）\n"
             "第二条　支持企业上市挂牌。对上市企业给予奖励。（牵头单位：市地方金融监管局）\n")
    assert (d.title, d.region) == (title, "江澄市")
    assert [m.number for m in d.measures] == ["第一条", "第二条"]


def test_bodies_signing_jointly_are_all_the_issuer_and_close_the_document():
    body = ("关于印发某市促进民营经济发展若干措施的通知\n各县（市、区）：\n"
            "现将《某市促进民营经济发展若干措施》印发给你们，请认真贯彻执行。\n一、重点任务\n"
            "1.降低融资成本。设立过桥资金1亿元。（责任单位：市财政局）\n"
            "2.优化审批服务。审批时限压缩至5个工作日。（责任单位：市行政审批局）\n\n")
    # two bodies set apart on one line, a third on its own line, then the date
    d = _one(body + "某市发展和改革委员会　　　　某市财政局\n某市工业和信息化局\n2024年3月1日\n")
    assert d.issuer == "某市发展和改革委员会、某市财政局、某市工业和信息化局"
    assert d.measures[-1].text == "优化审批服务。审批时限压缩至5个工作日。（责任单位：市行政审批局）"
    assert (d.date, d.region) == ("2024-03-01", "某市")
    # one body alone, as before
    assert _one(body + "某市发展和改革委员会\n2024年3月1日\n").issuer == "某市发展和改革委员会"


_ACTION_PLAN = (
    "某某县2024年优化营商环境行动方案\n\n"
    "为持续优化营商环境，结合我县实际，制定本方案。\n"
    "一、重点任务\n"
    "1.深化工程建设项目审批制度改革。社会投资简易低风险项目审批时间从20个工作日压缩至10个工作日以内，"
    "6月底前实现“拿地即开工”常态化。（县行政审批服务管理局牵头，县自然资源局配合）\n"
    "2.加大融资支持力度。设立2000万元中小企业应急转贷资金，单户企业转贷额度一般为100万元至1000万元之间，"
    "转贷期限不超过15天。（县财政局牵头，县金融服务中心配合）\n"
    "3.保障企业用地需求。“标准地”出让比例从40%提高到60%，审批时限从原来的30日缩短到15日。（县自然资源局负责）\n"
    "4.推行“高效办成一件事”。年内推出主题套餐20个以上，重点做好三项工作：一是梳理事项清单；二是优化办事流程；"
    "三是建设线上专区。其中，第1项工作由县政务服务中心负责，第2、3项工作由县行政审批服务管理局负责。\n"
    "5.加强外贸人才培训。每年组织外贸业务培训10期以上，培训人员500人次以上。（县商务局负责）\n"
    "二、责任分工\n"
    "以上第1、4项由县行政审批服务管理局牵头；第2、3、5项由县发展改革局牵头。\n"
)


def test_a_change_a_range_after_wei_and_task_numbers_on_a_whole_notice():
    d = _one(_ACTION_PLAN)
    q = {m.number: [(x.text, x.value, x.value_max, x.unit, x.comparator, x.kind) for x in m.quantities]
         for m in d.measures}
    # 从X压缩至Y / 从X提高到Y / 从原来的X缩短到Y: the new value only, as with 由
    assert q["1"] == [("压缩至10个工作日以内", 10, None, "个工作日", "<=", "limit")]
    assert d.measures[0].quantities[0].metric == "社会投资简易低风险项目审批时间"
    assert q["3"] == [("提高到60%", 60, None, "%", "=", "target"), ("缩短到15日", 15, None, "日", "<=", "limit")]
    assert [x.metric for x in d.measures[2].quantities] == ["“标准地”出让比例", "审批时限"]
    # 为 before a range of two figures: one range
    assert q["2"][1] == ("为100万元至1000万元之间", 1_000_000, 10_000_000, "元", "range", "target")
    assert len(q["2"]) == 3
    # ordinals of a task-number list are no quantities, in a measure or in the closing list
    assert [x[0] for x in q["4"]] == ["20个以上"]
    assert q["二"] == []  # (was 4项, 5项)
    # 期 counts sessions
    assert q["5"] == [("10期以上", 10, None, "期", ">=", "target"), ("500人次以上", 500, None, "人次", ">=", "target")]


def test_a_year_within_and_a_phase_of_one_month_give_their_ends():
    d = _one("某区2024年促进个体工商户发展若干措施\n一、支持政策\n"
             "1.减免经营场所租金。对承租国有房屋的个体工商户，2024年内减免3个月租金。（区国资局负责）\n"
             "二、实施步骤\n"
             "（一）组织实施阶段（2024年4月—11月）。各责任单位抓好落实。\n"
             "（二）总结评估阶段（2024年12月）。对全年工作进行总结。\n")
    assert [(x.text, x.date) for x in d.measures[0].deadlines] == [("2024年内", "2024-12-31")]
    assert d.measures[0].quantities[0].deadline.date == "2024-12-31"
    assert [[(x.text, x.date) for x in m.deadlines] for m in d.measures[1:]] == [
        [("2024年4月—11月", "2024-11-30")], [("2024年12月", "2024-12-31")]]


_MEASURES = ("一、重点任务\n"
             "1.降低融资成本。设立过桥资金1亿元。（责任单位：市财政局）\n"
             "2.优化审批服务。审批时限压缩至5个工作日。（责任单位：市行政审批局）\n\n")


def test_a_date_under_the_signature_in_chinese_digits_or_iso_form():
    # probe 23: 二〇二四年四月十八日 under the signing government, 2024-03-05 under a department
    plan = "某市2024年外贸稳规模工作方案\n为推动外贸高质量发展，制定本方案。\n" + _MEASURES
    d = _one(plan + "某市人民政府\n\n二〇二四年四月十八日\n\n　\n公开方式：主动公开\n")
    assert (d.issuer, d.date) == ("某市人民政府", "2024-04-18")
    d = _one(plan + "某市商务局\n\n2024-03-05\n")
    assert (d.issuer, d.date) == ("某市商务局", "2024-03-05")
    assert d.measures[-1].text == "优化审批服务。审批时限压缩至5个工作日。（责任单位：市行政审批局）"
    # a street office signs its own plan
    d = _one("民治街道2024年优化营商环境工作方案\n为优化营商环境，制定本方案。\n" + _MEASURES
             + "深圳市龙华区民治街道办事处\n\n2024年3月5日\n")
    assert (d.issuer, d.date, d.region) == ("深圳市龙华区民治街道办事处", "2024-03-05", "民治街道")


def test_a_notice_that_is_itself_the_document_is_its_own_title():
    d = _one("某区人民政府办公室文件\n\n某政办字〔2024〕8号\n\n"
             "某区人民政府办公室关于做好2024年春季农业生产工作的通知\n\n各街道办事处：\n"
             "为抓好春季农业生产，现就有关事项通知如下：\n" + _MEASURES + "某区人民政府办公室\n2024年2月29日\n")
    assert (d.title, d.doc_number, d.date) == ("某区人民政府办公室关于做好2024年春季农业生产工作的通知",
                                               "某政办字〔2024〕8号", "2024-02-29")


def test_a_cited_document_number_is_not_the_notices_own():
    d = _one("某县工程建设项目审批制度改革实施方案\n"
             "根据《某省人民政府办公厅关于全面推进工程建设项目审批制度改革的实施意见》（某政办发〔2019〕31号）精神，"
             "结合我县实际，制定本方案。\n" + _MEASURES)
    assert (d.doc_number, d.plan_year) == (None, None)


def test_effective_some_days_after_publication_counts_from_the_published_date():
    head = ("发布机构: | 某区人民政府 | 成文日期: | 2024-03-05 |\n文　　号: | 某府规〔2024〕1号 | 发布日期: | 2024-03-08 |\n"
            "某区支持先进制造业高质量发展若干措施\n为支持先进制造业发展，制定本措施。\n")
    d = _one(head + _MEASURES + "本措施自发布之日起30日后施行，有效期3年。\n")
    assert (d.doc_number, d.date, d.effective) == ("某府规〔2024〕1号", "2024-03-05", "2024-04-07")


def test_enclosed_numbers_print_as_the_source_prints_them():
    d = _one("一、重点任务\n㈠加快标准厂房建设。推进建设。（县工信局负责）\n"
             "㈡降低企业用地成本。推进改革。（县自然资源局负责）\n"
             "⑴提升园区配套。完善设施。（县住建局负责）\n")
    assert [m.number for m in d.measures] == ["㈠", "㈡", "⑴"]
    assert [m.title for m in d.measures][:2] == ["加快标准厂房建设", "降低企业用地成本"]


def test_half_bracket_numbers_are_items():
    d = _one("二、重点任务\n1）推进城镇老旧小区改造。全年改造小区32个。（市住建局负责）\n"
             "2）推进完整社区建设。选取2个社区试点。（市民政局负责）\n")
    assert [(m.number, m.title) for m in d.measures] == [("1", "推进城镇老旧小区改造"), ("2", "推进完整社区建设")]


def test_a_markdown_repost_reads_as_the_notice():
    text = ("## 北流市2023年城市更新行动实施方案\n\n### 一、总体要求\n\n#### （一）工作目标\n\n"
            "2023年，全市改造城镇老旧小区32个。\n\n### 二、重点任务\n\n"
            "**1）推进城镇老旧小区改造。** 改造城镇老旧小区32个。（牵头单位：市住房城乡建设局）\n\n"
            "**2）完善城市停车设施。** 新增公共停车泊位1500个。（牵头单位：市城市管理监督局）\n\n"
            "### 三、保障措施\n\n1. **加强组织领导。** 成立领导小组。\n")
    r = policyparse.parse_text(text)
    d = r.documents[0]
    assert len(r.documents) == 1 and d.title == "北流市2023年城市更新行动实施方案"
    assert [(m.number, m.title) for m in d.measures] == [
        ("1", "推进城镇老旧小区改造"), ("2", "完善城市停车设施"), ("1", "加强组织领导")]
    assert [u.name for u in d.measures[1].units] == ["市城市管理监督局"]
    # spans still cut the source: the title's measure starts at the bold mark's text
    m = d.measures[0]
    assert r.source_text[m.span[0] : m.span[1]].startswith("1）推进城镇老旧小区改造。**")


def test_a_task_cell_that_opens_on_its_number_gives_the_row_its_number():
    text = ("正定县文旅融合发展实施方案\n二、重点任务\n"
            "| 工作任务 | 责任单位 | 完成时限 |\n| --- | --- | --- |\n"
            "| 1.推进古城保护利用。实施重点文物保护修缮工程。 | 县文物局、县住建局 | 2023年底前 |\n"
            "| 2.丰富夜间文旅消费。举办夜间活动不少于50场次。 | 县文化广电和旅游局 | 长期坚持 |\n")
    ms = _one(text).measures
    assert [(m.number, m.title) for m in ms] == [("1", "推进古城保护利用"), ("2", "丰富夜间文旅消费")]
    assert [u.name for u in ms[0].units] == ["县文物局", "县住建局"]
    assert ms[0].text.startswith("推进古城保护利用。实施")


def test_a_plan_with_a_long_leadered_contents_and_a_quoted_title_over_two_lines():
    lead = "." * 70
    text = ("竹山县人民政府文件\n竹政发〔2022〕5号\n（此件公开发布）\n竹山县“十四五”农业农村\n现代化发展规划\n目　　录\n"
            f"第一章　发展基础{lead}3\n第二章　重点任务{lead}5\n第三章　保障措施{lead}12\f前　　言\n"
            "为加快推进农业农村现代化，制定本规划。\n第一章　发展基础\n全县粮食总产量达到9.2万吨。\n"
            "第二章　重点任务\n1.严守耕地保护红线。落实耕地保护责任。（县自然资源局负责）\n"
            "第三章　保障措施\n1.加强组织领导。建立工作机制。（县农业农村局负责）\n")
    r = policyparse.parse_text(text)
    assert [d.title for d in r.documents] == ["竹山县“十四五”农业农村现代化发展规划"]
    assert [(m.number, m.title) for m in r.documents[0].measures] == [("1", "严守耕地保护红线"), ("1", "加强组织领导")]


def test_appended_notes_and_a_reposts_end_are_no_measures():
    text = ("北林区“十四五”生态环境保护规划\n第一章　主要目标\n到2025年，空气质量优良天数比率达到90%以上。展望2035年，生态环境根本好转。\n"
            "第二章　保障措施\n一、加强组织领导。建立工作机制。（区生态环境局负责）\n"
            "二、强化监督考核。2025年底前开展终期考核评估。（区生态环境局负责）\n"
            "附：名词解释\n1.蒸吨：锅炉蒸发量的计量单位，1蒸吨/小时约相当于0.7兆瓦\n热功率。\n"
            "2.国控断面：指纳入国家地表水环境质量监测网的监测断面。\n（完）\n相关范文推荐：\n1.2022年环境整治工作方案范文\n")
    r = policyparse.parse_text(text)
    assert len(r.documents) == 1
    d = r.documents[0]
    assert [(m.number, m.title) for m in d.measures] == [("一", "加强组织领导"), ("二", "强化监督考核")]
    assert "名词解释" not in d.measures[-1].text
    # a vision (展望2035年) frames no year-less deadline: the goals' 到2025年 is no plan year
    # either, and nothing else decides it
    assert d.plan_year != 2035

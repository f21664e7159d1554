"""Outline on real notices where something looks like a number that is none: a line a PDF
broke where a number seems to start, an article set off by nothing, a list inside a
sentence, a markdown table's rule (tests/data/outline: a black-box tester's notices and
their minimal reproductions)."""

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
    # a line broken after 各镇（街道） inside its sentence is joined, as any wrapped line is
    assert "统筹用于本方案各项扶持措施，各镇（街道）按照1:1比例安排配套资金。" in d.measures[10].text
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


def test_articles_set_off_by_nothing_or_by_a_bracketed_title():
    r = _parse("articles_without_separator_or_with_bracketed_title.txt")
    (d,) = r.documents
    assert _measures(d) == [
        ("第一条", "降低企业融资成本", [], [("区财政局", "responsible")]),
        ("第二条", "扩大融资担保覆盖面", [], [("区金融服务中心", "responsible")]),
        ("第三条", "支持企业上市挂牌", [], [("区金融服务中心", "responsible")]),
        ("第四条", "稳定企业用工", [], [("区人社局", "responsible")]),
        ("第五条", "落实税费优惠政策", [], [("区税务局", "responsible")]),
    ]
    assert d.effective == "2024-04-01"
    assert d.measures[3].text.startswith("【稳定企业用工】对招用就业困难人员的企业")
    _grounded(r)


def test_an_article_number_at_a_line_start_that_is_not_the_next_is_a_reference():
    (d,) = _parse("article_reference_at_line_start.txt").documents
    assert [m.number for m in d.measures] == ["第一条", "第二条", "第三条", "第四条", "第五条"]
    assert d.measures[4].text.endswith("全面落实小微企业税费优惠。\n第三条奖励资金由区财政局统筹安排。\n（责任单位：区税务局）")


def test_gaocheng_articles_all_found_and_references_stay_in_their_article():
    (d,) = _parse("gaocheng_articles.txt").documents
    nums = [m.number for m in d.measures]
    assert nums[:4] == ["第一条", "第二条", "第三条", "第四条"]
    assert [m.title for m in d.measures[2:4]] == ["支持企业上市挂牌", "稳定企业用工"]
    assert [u.name for u in d.measures[1].units] == ["区金融服务中心", "区财政局"]
    m8 = next(m for m in d.measures if m.number == "第八条")
    assert "\n第七条规定的技术改造补助与本条奖励，同一项目不重复享受。" in m8.text


def test_a_numbered_list_inside_a_measure_after_a_colon_stays_in_it():
    r = _parse("inline_list_after_colon.txt")
    (d,) = r.documents
    assert _measures(d) == [
        ("1", "推行企业开办集成服务", ["重点任务", "提升开办企业便利度"], [("区行政审批局", "lead")]),
        ("2", "推进住所登记便利化", ["重点任务", "提升开办企业便利度"], [("区市场监管局", "lead")]),
        ("（一）", "加强组织领导", ["保障措施"], []),
    ]
    assert d.measures[0].text.endswith("；3.将企业开办时间压缩至1个工作日以内。（牵头单位：区行政审批局）")
    assert [q.text for q in d.measures[0].quantities] == ["压缩至1个工作日以内"]
    _grounded(r)
    (d,) = _parse("inline_list_in_brackets.txt").documents
    assert [m.number for m in d.measures] == ["（一）", "（二）", "（一）"]


def test_lianchi_inline_list_is_one_measure_and_the_list_numbers_on():
    (d,) = _parse("lianchi_mixed_numbering.txt").documents
    first = d.measures[0]
    assert (first.number, first.title) == ("1", "推行企业开办“一件事”集成服务")
    assert "；2.对清单事项实行动态调整；3.将企业开办全流程时间压缩至1个工作日以内。" in first.text
    assert [m.number for m in d.measures[:6]] == ["1", "2", "①", "②", "③", "4"]
    assert [(u.name, u.role) for u in first.units][:2] == [("区行政审批局", "lead"), ("区市场监管局", "cooperating")]
    assert [q.text for q in d.measures[1].quantities] != ["压缩至1个工作日以内"]


def test_a_markdown_tables_rule_row_is_no_measure():
    for name in ("markdown_table_rule_row.txt", "markdown_table_rule_row_spaced.txt",
                 "markdown_table_rule_row_aligned.txt"):
        r = _parse(name)
        (d,) = r.documents
        assert [(m.number, m.title, [u.name for u in m.units], [x.date for x in m.deadlines]) for m in d.measures] == [
            ("1", "改造提升区域商贸中心", ["区商务局", "区住建局"], ["2023-12-31"]),
            ("2", "建设乡镇商贸中心", ["区商务局"], ["2025-12-31"]),
        ], name


def _rows(d):
    return [(m.number, m.title, m.path) for m in d.measures]


def test_a_heading_whose_lead_in_ends_in_a_colon_is_the_section_of_the_markdown_table_below():
    # probe 18 §3: `| … |` rows, with or without the |---| rule row, under （一）数字农业 / 各单位按下表推进：
    for name in ("table_after_lead_in_colon.txt", "table_after_lead_in_colon_no_rule.txt"):
        (d,) = _parse(name).documents
        assert _rows(d) == [("1", "建设智慧农业基地", ["重点任务", "数字农业"])], name
        (top,) = d.outline
        (sub,) = top.children
        assert (sub.number, sub.title, sub.measures) == ("（一）", "数字农业", [d.measures[0].id])


def test_a_heading_whose_only_body_is_a_note_on_the_table_is_its_section():
    # probe 22: 二、重点任务 / 注：责任单位排在第一位的为牵头单位。 / `| … |` rows — the note is no
    # measure's body, and it still makes the first unit of each row its lead
    (d,) = _parse("table_after_note_on_first_leads.txt").documents
    assert _rows(d) == [("1", "推行企业开办“一日办结”", ["重点任务"]), ("2", "深化“证照分离”改革", ["重点任务"])]
    assert [[(u.name, u.role) for u in m.units] for m in d.measures] == [
        [("区行政审批局", "lead"), ("区市场监管局", "responsible")],
        [("区行政审批局", "lead"), ("区直有关部门", "responsible")]]
    assert [m.deadlines[0].date for m in d.measures] == ["2024-06-30", "2024-09-30"]


def test_a_table_after_a_goals_section_is_not_filed_under_the_goals():
    # decisions.md's own example: 一、工作目标 …, then 二、任务分解 / 各单位按下表推进： / `| … |` rows
    (d,) = _parse("table_after_lead_in_under_goals.txt").documents
    assert _rows(d) == [("1", "优化企业开办服务", ["任务分解"]), ("2", "推进办税便利化", ["任务分解"]),
                        ("三", "保障措施", [])]
    assert [(s.title, len(s.measures)) for s in d.outline] == [("工作目标", 0), ("任务分解", 2)]


def test_a_heading_whose_lead_in_sentence_names_the_table_is_its_section():
    # probe 19 finding 2: 二、重点任务 / 各项重点任务分解如下表。 / 15 rows, as text, as a PDF
    # (3 rows) and as an HTML page
    for name, n in (("qingchuan_table_after_lead_in_sentence.txt", 15),
                    ("qingchuan_table_after_lead_in_sentence.pdf", 3),
                    ("../html/table_after_lead_in.html", 2)):
        (d,) = _parse(name).documents
        rows = [m for m in d.measures if m.number.isdigit()]
        assert len(rows) == n and all(m.path == ["重点任务"] for m in rows), name
        assert "二" not in [m.number for m in d.measures], name
        assert [(s.number, s.title, len(s.measures)) for s in d.outline] == [("一", "工作目标", 0), ("二", "重点任务", n)], name


def test_a_heading_with_more_than_a_lead_in_stays_a_measure_and_its_table_is_in_no_other_section():
    # the heading's body names a unit and a deadline: a measure; the rows are under no section
    # (there is none around them), not under 一、工作目标 closed above
    text = (DATA / "table_after_lead_in_under_goals.txt").read_text(encoding="utf-8").replace(
        "各单位按下表推进：", "由县发改局牵头，各单位按下表推进，2024年底前完成。")
    (d,) = policyparse.parse_text(text).documents
    assert _rows(d)[:3] == [("二", "任务分解", []), ("1", "优化企业开办服务", []), ("2", "推进办税便利化", [])]
    assert d.measures[0].text.endswith("2024年底前完成。")
    assert [(s.title, s.measures) for s in d.outline] == [("工作目标", [])]


def test_conditions_to_qualify_are_the_text_of_their_item_not_measures():
    # 第七条 …须同时符合下列条件：（一）（二）（三） then its attribution on a line of its own
    r = _parse("gaocheng_articles.txt")
    (d,) = r.documents
    m7 = next(m for m in d.measures if m.number == "第七条")
    assert m7.title == "支持企业技术改造"
    assert "（一）项目建设地点在藁城区行政区域内；" in m7.text
    assert m7.text.endswith("（三）申报企业近三年未发生重大安全生产和生态环境事故。\n（责任单位：区工信局、区财政局）")
    assert [(u.name, u.role) for u in m7.units] == [("区工信局", "responsible"), ("区财政局", "responsible")]
    assert not [m for m in d.measures if m.number in ("（一）", "（二）", "（三）")]
    _grounded(r)
    # the same under an Arabic item; sub-items after 重点做好以下工作： stay measures
    (d,) = _parse("conditions_under_arabic_item.txt").documents
    assert _measures(d) == [
        ("1", "支持企业技术改造", ["重点任务"], [("区工信局", "responsible"), ("区财政局", "responsible")]),
        ("2", "鼓励企业研发创新", ["重点任务"], [("区科技局", "responsible")]),
        ("3", "推进企业上云用数", ["重点任务"], []),  # its own running text: a measure too
        ("（1）", "建设区级工业互联网平台", ["重点任务", "推进企业上云用数"], [("区工信局", "responsible")]),
        ("（2）", "培育上云标杆企业10家以上", ["重点任务", "推进企业上云用数"], [("区工信局", "responsible")]),
    ]


def test_short_clauses_ending_on_semicolons_are_measures_sharing_the_attribution():
    # （一）…；（二）…；（三）…。 after 重点做好以下工作：, then the attribution on its own line
    r = _parse("clauses_after_key_tasks.txt")
    (d,) = r.documents
    clauses = [m for m in d.measures if m.number in ("（一）", "（二）", "（三）")]
    assert [(m.title, [u.name for u in m.units]) for m in clauses] == [
        ("完善企业服务直通车机制，每年走访企业不少于2次", ["区工信局"]),
        ("建设区中小企业公共服务平台，2024年6月底前上线运行", ["区工信局"]),
        ("开展政策宣讲活动，全年举办10场以上", ["区工信局"]),
    ]
    assert [q.text for q in clauses[0].quantities] == ["不少于2次"]
    assert [d_.date for d_ in clauses[1].deadlines] == ["2024-06-30"]
    _grounded(r)


def test_figures_among_the_conditions_to_qualify_are_thresholds():
    (d,) = _parse("condition_figures.txt").documents
    m1, m2 = d.measures
    assert [(q.text, q.kind, q.deadline) for q in m1.quantities] == [
        ("最高500万元", "incentive", None), ("5000万元以上", "threshold", None),
        ("10%以上", "threshold", None), ("不低于300万元/亩", "threshold", None)]
    assert [(q.text, q.kind) for q in m2.quantities] == [("5000万元以上", "threshold"), ("10万元", "incentive")]


def test_award_schedules_and_materials_lists_detail_their_article():
    (d,) = [x for x in _parse("xinbei_articles_with_sub_items.txt").documents if x.measures]
    by = {m.number: m for m in d.measures if m.number.startswith("第")}
    awards = by["第三条"]
    assert "（三）市级专精特新中小企业，奖励5万元。" in awards.text
    assert [(q.value, q.kind) for q in awards.quantities] == [(500000, "incentive"), (200000, "incentive"), (50000, "incentive")]
    assert [u.name for u in awards.units] == ["区工信局"]
    assert "（三）参展照片等佐证材料。" in by["第四条"].text and [u.name for u in by["第四条"].units] == ["区商务局"]
    # the tasks of 第六条 (重点做好以下工作：) stay measures
    assert [m.number for m in d.measures if m.path == ["优化企业服务"]] == ["（一）", "（二）", "（三）"]


def test_a_line_ending_on_a_bracket_inside_its_sentence_is_joined():
    (d,) = _parse("bracket_line_ends.txt").documents
    texts = [m.text for m in d.measures]
    assert "重点群体（含就业困难人员）并签订1年以上劳动合同的" in texts[0]
    assert "贷款市场报价利率（LPR）的50%给予贴息" in texts[1]
    assert "营业面积在50平方米（含）以下的，简化审查程序" in texts[2]
    assert "服务业中小企业（含个体工商户）给予租金减免" in texts[4]
    assert texts[5].endswith("（区财政局）\n以上贴息资金按季度拨付。")  # a unit bracket ends its paragraph


def test_a_templates_placeholder_heading_is_the_next_top_level_section():
    """x、保障措施 after 一、 二、 stands for 三、: its 1、 2、 are its measures, and a
    placeholder item with a sentence (x、强化宣传引导。…) is the next of them."""
    r = _parse("template_placeholder_heading.txt")
    (d,) = r.documents
    assert [(m.number, m.title, m.path) for m in d.measures] == [
        ("（一）", "校园及周边食品安全整治", ["整治内容"]),
        ("（二）", "食用农产品质量安全整治", ["整治内容"]),
        ("1", "加强组织领导", ["保障措施"]),
        ("2", "强化部门协作", ["保障措施"]),
        ("x", "强化宣传引导", ["保障措施"]),
    ]
    _grounded(r)

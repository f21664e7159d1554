"""A closing responsibility list by task number (三、责任分工 / 第1—3项由A牵头，B配合；):
its units go to the measures the numbers name, through the whole pipeline."""

from __future__ import annotations

import policyparse

HEAD = ("某县人民政府办公室关于印发某县2025年优化营商环境攻坚行动工作方案的通知\n\n"
        "某县2025年优化营商环境攻坚行动工作方案\n\n"
        "为持续优化营商环境，结合我县实际，制定本方案。\n\n")

TASKS = (
    "二、重点任务\n\n"
    "1.深化“一网通办”改革。推动政务服务事项“应上尽上、全程在线”，网上可办率达到98%以上。\n\n"
    "2.压减企业开办时间。全面推行企业开办“一窗通办”，将企业开办时间压缩至0.5个工作日以内。\n\n"
    "3.优化工程建设项目审批。2025年9月底前，社会投资小型低风险项目审批时间控制在15个工作日以内。\n\n"
    "4.推进办税缴费便利化。纳税人年度纳税时间压减至90小时以内。\n\n"
    "5.加强社会信用体系建设。全面推行“双随机、一公开”监管，跨部门联合抽查比例不低于5%。\n\n"
    "6.强化用工服务保障。全年组织线上线下招聘活动不少于20场。\n\n"
    "7.加大金融支持力度。普惠小微贷款余额增长15%以上。\n\n"
    "8.开展营商环境评价。二季度完成县级营商环境自评，形成问题清单并逐项整改。\n\n"
)

LIST = (
    "三、责任分工\n\n"
    "第1—3项由县政务服务中心牵头，县市场监管局、县自然资源局、县住房和城乡建设局配合；\n\n"
    "第4项由国家税务总局某县税务局负责；\n\n"
    "第5项由县发展和改革局牵头，县直各有关部门按职责分工负责；\n\n"
    "第6项由县人力资源和社会保障局牵头，各乡镇（街道）配合；\n\n"
    "第7项由人行某州中心支行某县支行、县财政局负责；\n\n"
    "第8项由县发展和改革局牵头，县直各有关部门配合。\n\n"
)

TAIL = ("四、工作要求\n\n"
        "（一）加强统筹调度。县优化营商环境工作领导小组办公室每月调度各项任务进展情况。\n\n"
        "（二）严格督查考核。将优化营商环境工作纳入年度目标考核。\n")


def _units(m):
    return [(u.name, u.role, u.generic) for u in m.units]


def _by_number(doc):
    return {m.number: m for m in doc.measures}


def test_the_list_gives_its_units_to_the_measures_it_numbers():
    r = policyparse.parse_text(HEAD + TASKS + LIST + TAIL)
    (doc,) = r.documents
    ms = _by_number(doc)
    first = [("县政务服务中心", "lead", False), ("县市场监管局", "cooperating", False),
             ("县自然资源局", "cooperating", False), ("县住房和城乡建设局", "cooperating", False)]
    assert _units(ms["1"]) == _units(ms["2"]) == _units(ms["3"]) == first
    assert _units(ms["4"]) == [("国家税务总局某县税务局", "responsible", False)]
    assert _units(ms["5"]) == [("县发展和改革局", "lead", False), ("县直各有关部门", "responsible", True)]
    assert _units(ms["6"]) == [("县人力资源和社会保障局", "lead", False), ("各乡镇（街道）", "cooperating", True)]
    assert _units(ms["7"]) == [("人行某州中心支行某县支行", "responsible", False), ("县财政局", "responsible", False)]
    assert _units(ms["8"]) == [("县发展和改革局", "lead", False), ("县直各有关部门", "cooperating", True)]
    # the spans point at the names in the list, not into the measure
    listing = ms["三"]
    for n in "12345678":
        for u in ms[n].units:
            assert r.source_text[u.span[0] : u.span[1]] == u.name
            assert listing.span[0] <= u.span[0] < u.span[1] <= listing.span[1]
            assert not ms[n].span[0] <= u.span[0] < ms[n].span[1]
    # measure 8's lead is the one its own clause names, not clause 5's
    assert ms["8"].units[0].span != ms["5"].units[0].span
    # the list keeps its own units as before; the measures no list names get none
    assert [u.name for u in listing.units][:2] == ["县政务服务中心", "县市场监管局"]
    assert _units(ms["（一）"]) == [] and _units(ms["（二）"]) == []
    # the output still validates (a unit's span need not lie inside its measure's)
    type(r).model_validate(r.model_dump())


def test_a_measure_with_its_own_attribution_keeps_it():
    tasks = TASKS.replace("网上可办率达到98%以上。", "网上可办率达到98%以上。（责任单位：县大数据发展中心）")
    r = policyparse.parse_text(HEAD + tasks + LIST + TAIL)
    ms = _by_number(r.documents[0])
    assert _units(ms["1"]) == [("县大数据发展中心", "responsible", False)]
    assert [u.name for u in ms["2"].units][0] == "县政务服务中心"  # the others of 第1—3项 take the list's


# two chapters whose items are numbered 1, 2 again under each
CHAPTERS = ("二、重点任务\n\n"
            "（一）提升政务服务效能\n\n"
            "1.深化“一网通办”改革。推动政务服务事项全程在线办理。\n\n"
            "2.压减企业开办时间。将企业开办时间压缩至0.5个工作日以内。\n\n"
            "（二）优化市场环境\n\n"
            "1.加强社会信用体系建设。跨部门联合抽查比例不低于5%。\n\n"
            "2.加大金融支持力度。普惠小微贷款余额增长15%以上。\n\n")


def test_numbering_that_starts_over_under_each_chapter_is_not_guessed():
    tasks = CHAPTERS
    lst = ("三、责任分工\n\n"
           "第1项由县政务服务中心牵头，县市场监管局配合；\n\n"
           "第2项由县财政局负责。\n\n")
    r = policyparse.parse_text(HEAD + tasks + lst + TAIL)
    doc = r.documents[0]
    numbered = [m for m in doc.measures if m.number in ("1", "2")]
    assert len(numbered) == 4  # 1 and 2 under each chapter: which 第1项? no mapping
    assert all(m.units == [] for m in numbered)
    assert [u.name for u in _by_number(doc)["三"].units] == ["县政务服务中心", "县市场监管局", "县财政局"]


def test_a_list_among_the_items_it_numbers_names_its_own_chapter_s():
    """Numbering that starts over, but the list is an item of one chapter: its numbers are
    that chapter's items."""
    tasks = CHAPTERS + "3.明确责任分工。第1项由县发展和改革局牵头，县直各有关部门配合；第2项由县财政局负责。\n\n"
    r = policyparse.parse_text(HEAD + tasks + TAIL)
    chapter = {m.title: m for m in r.documents[0].measures}
    assert _units(chapter["加强社会信用体系建设"]) == [("县发展和改革局", "lead", False), ("县直各有关部门", "cooperating", True)]
    assert _units(chapter["加大金融支持力度"]) == [("县财政局", "responsible", False)]
    assert chapter["深化“一网通办”改革"].units == [] and chapter["压减企业开办时间"].units == []


def test_a_reference_that_names_no_measure_maps_nothing():
    lst = ("三、责任分工\n\n"
           "第1—9项由县政务服务中心牵头，县市场监管局配合；\n\n"  # there is no task 9
           "第8项由县统计局负责。\n\n")
    r = policyparse.parse_text(HEAD + TASKS + lst + TAIL)
    ms = _by_number(r.documents[0])
    assert all(ms[n].units == [] for n in "1234567")
    assert _units(ms["8"]) == [("县统计局", "responsible", False)]


def test_chinese_and_bracketed_numbers():
    # 第一项 names task 1. when no measure is numbered 一; 第（二）项 names （二）
    lst = ("五、责任分工\n\n"
           "第一项由县政务服务中心负责；\n\n"
           "第（二）项由县委督查室牵头，县政府督查室配合。\n")
    r = policyparse.parse_text(HEAD + TASKS + TAIL + "\n" + lst)
    ms = _by_number(r.documents[0])
    assert _units(ms["1"]) == [("县政务服务中心", "responsible", False)]
    assert _units(ms["（二）"]) == [("县委督查室", "lead", False), ("县政府督查室", "cooperating", False)]
    assert ms["2"].units == [] and ms["（一）"].units == []


def test_a_measure_named_by_two_clauses_takes_both():
    lst = ("三、责任分工\n\n"
           "第1—3项由县政务服务中心牵头，县市场监管局配合；\n\n"
           "第2项由县财政局负责，县市场监管局配合。\n\n")
    r = policyparse.parse_text(HEAD + TASKS + lst + TAIL)
    ms = _by_number(r.documents[0])
    assert _units(ms["2"]) == [("县政务服务中心", "lead", False), ("县市场监管局", "cooperating", False),
                               ("县财政局", "responsible", False)]
    assert _units(ms["3"]) == [("县政务服务中心", "lead", False), ("县市场监管局", "cooperating", False)]


def test_the_rows_of_a_task_table_are_numbered_measures_too():
    text = ("某县人民政府办公室关于印发某县2024年优化营商环境重点任务清单的通知\n"
            "各乡镇人民政府、街道办事处，县政府各部门：\n"
            "现将《某县2024年优化营商环境重点任务清单》印发给你们，请认真贯彻执行。\n"
            "一、重点任务\n"
            "序号 | 重点任务 | 完成时限\n"
            "1 | 优化企业开办服务。推行企业开办全程网办，企业开办时间压缩至0.5个工作日以内。 | 2024年6月底前\n"
            "2 | 推进电子营业执照和电子印章同步发放应用。 | 长期坚持\n"
            "3 | 推行“拿地即开工”审批模式。 | 持续推进\n"
            "二、责任分工\n"
            "第1—2项由县市场监管局牵头，县税务局配合；第3项由县住建局负责。\n"
            "三、工作要求\n"
            "各牵头单位要细化工作措施，明确时间节点，确保各项任务按期完成。\n")
    r = policyparse.parse_text(text)
    rows = [m for m in r.documents[0].measures if m.path == ["重点任务"]]
    assert [m.number for m in rows] == ["1", "2", "3"]
    assert _units(rows[0]) == _units(rows[1]) == [("县市场监管局", "lead", False), ("县税务局", "cooperating", False)]
    assert _units(rows[2]) == [("县住建局", "responsible", False)]
    assert all(text[u.span[0] : u.span[1]] == u.name for m in rows for u in m.units)


def test_a_list_in_traditional_script():
    lst = ("三、責任分工\n\n"
           "第1—3項由縣政務服務中心牽頭，縣市場監管局配合；\n\n"
           "第4項任務由縣稅務局負責。\n\n")
    r = policyparse.parse_text(HEAD + TASKS + lst + TAIL)
    ms = _by_number(r.documents[0])
    assert [(u.name, u.name_simplified, u.role) for u in ms["2"].units] == [
        ("縣政務服務中心", "县政务服务中心", "lead"), ("縣市場監管局", "县市场监管局", "cooperating")]
    assert [(u.name, u.role) for u in ms["4"].units] == [("縣稅務局", "responsible")]
    assert all(r.source_text[u.span[0] : u.span[1]] == u.name for n in "1234" for u in ms[n].units)


def test_a_measure_s_own_points_are_not_task_numbers():
    """Probe 20 r02: measure 3 numbers its own points (一是…二是…三是) and says who does
    which (其中，第1项工作由A负责，第2、3项工作由B负责): no reference to tasks 1–3 — measure 1
    does not take A, and measure 3 holds no list, so the closing 第1—3项 maps as printed."""
    tasks = TASKS.replace(
        "3.优化工程建设项目审批。2025年9月底前，社会投资小型低风险项目审批时间控制在15个工作日以内。",
        "3.推行“高效办成一件事”。重点做好三项工作：一是梳理“一件事”事项清单；二是优化办事流程；"
        "三是建设线上服务专区。其中，第1项工作由县政务服务中心负责，第2、3项工作由县行政审批服务管理局负责。")
    lst = LIST.replace("第1—3项由县政务服务中心牵头", "第1—3项由县行政审批服务管理局牵头")
    r = policyparse.parse_text(HEAD + tasks + lst + TAIL)
    ms = _by_number(r.documents[0])
    listed = [("县行政审批服务管理局", "lead", False), ("县市场监管局", "cooperating", False),
              ("县自然资源局", "cooperating", False), ("县住房和城乡建设局", "cooperating", False)]
    assert _units(ms["1"]) == _units(ms["2"]) == listed
    # measure 3 keeps the units its own sentence gives its points
    assert _units(ms["3"]) == [("县政务服务中心", "responsible", False), ("县行政审批服务管理局", "responsible", False)]
    assert all(u.name != "县政务服务中心" for n in "12" for u in ms[n].units)
    assert _units(ms["4"]) == [("国家税务总局某县税务局", "responsible", False)]


def test_references_after_a_measure_s_own_points_map_nothing():
    """The same points closed by 。 and the references opening their own clauses: they still
    name the measure's points (一是, 二是 before them), not tasks 1–3."""
    tasks = TASKS.replace(
        "3.优化工程建设项目审批。2025年9月底前，社会投资小型低风险项目审批时间控制在15个工作日以内。",
        "3.推行“高效办成一件事”。重点做好三项工作：一是梳理事项清单；二是优化办事流程；三是建设线上专区。"
        "第1项由县政务服务中心负责；第2、3项由县行政审批服务管理局负责。")
    r = policyparse.parse_text(HEAD + tasks + TAIL)
    ms = _by_number(r.documents[0])
    assert all(ms[n].units == [] for n in "12")
    assert [u.name for u in ms["3"].units] == ["县政务服务中心", "县行政审批服务管理局"]


def test_a_list_of_clauses_joined_by_commas():
    lst = ("三、责任分工\n\n"
           "第1—3项由县政务服务中心牵头，县市场监管局配合，第4项由国家税务总局某县税务局负责，"
           "第5—8项由县发展和改革局负责。\n\n")
    r = policyparse.parse_text(HEAD + TASKS + lst + TAIL)
    ms = _by_number(r.documents[0])
    assert _units(ms["2"]) == [("县政务服务中心", "lead", False), ("县市场监管局", "cooperating", False)]
    assert _units(ms["4"]) == [("国家税务总局某县税务局", "responsible", False)]
    assert _units(ms["6"]) == [("县发展和改革局", "responsible", False)]


# a county bureau's work points: its sections (…股) do the tasks
GU = ("滨海县市场监督管理局关于印发《滨海县2024年市场监管工作要点》的通知\n\n"
      "局机关各股室、各市场监管所：\n\n"
      "现将《滨海县2024年市场监管工作要点》印发给你们，请结合实际认真贯彻落实。\n\n"
      "滨海县2024年市场监管工作要点\n\n"
      "一、重点工作\n"
      "1.深化登记注册便利化改革。推行经营主体登记“智能审批”，全年新增经营主体8000户以上。\n"
      "2.推进“个转企”工作。全年推动个体工商户转型升级为企业100户。\n"
      "3.强化食品安全监管。全年完成食品抽检3000批次以上。（县局食品安全监管股负责，各市场监管所配合）\n"
      "4.推进质量强县建设。鼓励企业以技术入股、参股等方式开展质量攻关。\n"
      "二、责任分工\n"
      "第1项由县局登记注册股牵头；第2项由县局个体私营经济股负责，县局登记注册股配合。"
      "各股室、各市场监管所要按照职责分工，抓好工作落实。\n")


def test_sections_of_a_county_bureau_are_units():
    """Probe 20 r03: 县局登记注册股, 食品安全监管股 — sections of a county bureau — are units
    in a closing list, a bracket and the measures the list names; 入股, 参股 are not."""
    r = policyparse.parse_text(GU)
    doc = r.documents[-1]
    ms = _by_number(doc)
    assert _units(ms["1"]) == [("县局登记注册股", "lead", False)]
    assert _units(ms["2"]) == [("县局个体私营经济股", "responsible", False), ("县局登记注册股", "cooperating", False)]
    assert _units(ms["3"]) == [("县局食品安全监管股", "responsible", False), ("各市场监管所", "cooperating", True)]
    assert ms["4"].units == []
    assert [u.name for u in ms["二"].units] == ["县局登记注册股", "县局个体私营经济股", "县局登记注册股"]
    assert all(r.source_text[u.span[0] : u.span[1]] == u.name for m in doc.measures for u in m.units)


def test_a_collective_cooperating_after_the_lead_in_running_text():
    """Probe 20 r10: 由A牵头，各行政村配合 / 由A负责，各社区配合 give the collective as a generic
    cooperating unit, as the bracket does; 各村要积极配合 is a sentence, no unit."""
    text = ("新市镇2024年“美丽庭院”创建工作方案\n\n"
            "为深入推进农村人居环境整治提升，结合我镇实际，制定本方案。\n\n"
            "一、工作任务\n"
            "1.开展庭院环境整治。组织农户清理房前屋后杂物，6月底前完成首轮集中整治。（镇农业农村办牵头，各行政村配合）\n"
            "2.推进庭院美化绿化。鼓励农户种植花卉果蔬，每个行政村打造示范点不少于3个。\n"
            "3.加强宣传引导。全年开展主题宣传活动20场以上。\n"
            "4.强化长效管理。由镇党政办牵头，各村要积极配合，建立“红黑榜”制度。\n"
            "二、责任分工\n"
            "第2项由镇农业农村办牵头，各行政村配合；第3项由镇宣传办负责，各社区配合。\n")
    r = policyparse.parse_text(text)
    ms = _by_number(r.documents[0])
    village = [("镇农业农村办", "lead", False), ("各行政村", "cooperating", True)]
    assert _units(ms["1"]) == _units(ms["2"]) == village
    assert _units(ms["3"]) == [("镇宣传办", "responsible", False), ("各社区", "cooperating", True)]
    assert _units(ms["4"]) == [("镇党政办", "lead", False)]
    assert _units(ms["二"]) == village + [("镇宣传办", "responsible", False), ("各社区", "cooperating", True)]
    # the list's units point into the list
    assert all(r.source_text[u.span[0] : u.span[1]] == u.name for n in "23" for u in ms[n].units)

"""The named-reform lexicon (grammars/reforms.yaml) and how it links measures for `related`."""

from __future__ import annotations

import pytest

from policyparse import grammar
from policyparse.compare.reforms import devoted_reforms, sentences, tag_reforms

from _compare_corpus import alignment


@pytest.mark.parametrize("ex", grammar.load("reforms")["examples"], ids=lambda e: e["text"][:24])
def test_reform_examples(ex):
    assert tag_reforms(ex["text"]) == set(ex["reforms"])


def test_a_reform_passing_by_in_an_enumeration_is_not_an_action_of_its_own():
    text = "深化政务服务改革。推进“一网通办”“跨省通办”“一件事一次办”和“好差评”。推行容缺受理。"
    assert sentences(text)[0] == "深化政务服务改革"
    assert devoted_reforms(text) == {"容缺受理"}


def test_same_reform_in_other_words_is_related():
    # 一个系统管监管 (Xinfu) and 互联网+监管 (Xiaodian): one reform under two names
    rel = {(p.a.measure.title, p.b.measure.title) for p in alignment("xiaodian", "xinfu").pairs
           if p.relation == "related"}
    assert ("持续加强“互联网+监管”", "完善“一个系统管监管”改革") in rel
    assert ("开展网格化帮办服务", "全面推行导办帮办代办服务") in rel


def test_an_instrument_acts_on_the_reform_it_is_part_of():
    # 质押融资 is `part_of: 获得信贷`: a sentence on it is an action on getting credit …
    # (and on 要素保障, which 获得信贷 is part of) …
    assert devoted_reforms("引导金融机构开展知识产权质押融资。") == {"质押融资", "获得信贷", "要素保障"}
    # … and a list of credit instruments is one subject (获得信贷), not an action on each
    assert devoted_reforms("推广首贷、续贷、信用贷款和融资担保服务。") == {"获得信贷", "要素保障"}
    # an instrument in the title is not the subject of every credit sentence: the link
    # runs from the broad title to the instrument's sentence only
    assert "质押融资" not in devoted_reforms("扩大贷款投放,降低融资成本。")


def test_the_measures_own_subject_in_a_sentence_is_its_setting_not_a_second_subject():
    # Quzhou's 完善项目招引落地服务: 重大项目 (项目招引, the title's reform) and 项目审批 beside
    # 代办 — three reforms, so without the title as context the sentence is an enumeration
    text = "完善项目招引落地服务。建立重大项目“一对一”服务机制,推行重大项目代办服务,每个项目审批时长不超过1个月。"
    assert "帮办代办" not in devoted_reforms(text)
    assert "帮办代办" in devoted_reforms(text, context={"项目招引"})
    # so Xinfu's 承诺制+标准地+全代办 is linked to it (both blind annotators: related)
    rel = {(p.a.measure.title, p.b.measure.title) for p in alignment("xinfu", "quzhou").pairs
           if p.relation == "related"}
    assert ("深化“承诺制+标准地+全代办”改革", "完善项目招引落地服务") in rel


def test_instruments_of_supervision_listed_together_are_an_action_on_supervision():
    # 双随机、信用分级分类、包容审慎 are instruments of 事中事后监管: listed in one sentence they
    # are one subject (the enumeration is not devoted to any single instrument)
    assert devoted_reforms("推行“双随机、一公开”监管、信用分级分类监管和包容审慎监管。") == {"事中事后监管"}
    # Xiaodian's 创新监管方式 is titled on the area; Xinfu's 信用分级分类 and 双随机 measures on
    # two of its instruments (both blind annotators of the pair: related)
    rel = {(p.a.measure.title, p.b.measure.title) for p in alignment("xiaodian", "xinfu").pairs
           if p.relation == "related"}
    assert ("创新监管方式", "健全信用分级分类监管制度") in rel
    assert ("创新监管方式", "强化“双随机、一公开”联合监管机制") in rel


def test_instruments_nest_and_a_list_is_devoted_to_what_all_of_it_is_part_of():
    # 人才, 质押融资 (part of 获得信贷) and 产业基金 are all part of 要素保障: listed together they
    # are an action on 要素保障 — not on 获得信贷, which only one of them is part of
    assert devoted_reforms("引进海外人才,探索小微企业质押融资业务,用好产业基金。") == {"要素保障"}
    # Quzhou's bundle item 强化重大项目要素保障 (熟地, 供水, 研发机构, 人才, 能耗, 授信, 质押融资)
    # is an umbrella over titles on getting credit (both blind annotators of each pair: related)
    for a, title in (("xinfu", "提高企业获得信贷便利度"), ("xiaodian", "破解中小微企业发展融资难题")):
        rel = {(p.a.measure.title, p.b.measure.title): p for p in alignment(a, "quzhou").pairs
               if p.relation == "related"}
        p = rel[(title, "强化重大项目要素保障")]
        assert p.why.startswith("one title names the area of an instrument the other's title names")


def _lexicon_refuses(monkeypatch, extra: dict, match: str) -> None:
    """Building the lexicon from the real grammar plus ``extra`` entries raises ValueError
    matching ``match`` (the cached real lexicon is restored afterwards)."""
    from policyparse.compare import reforms

    fake = {"reforms": {**grammar.load("reforms")["reforms"], **extra}}
    monkeypatch.setattr(reforms.grammar, "load", lambda name: fake)
    reforms._lexicon.cache_clear()
    try:
        with pytest.raises(ValueError, match=match):
            reforms._lexicon()
    finally:
        monkeypatch.undo()
        reforms._lexicon.cache_clear()


def test_part_of_must_not_make_a_cycle(monkeypatch):
    _lexicon_refuses(monkeypatch, {"甲": {"part_of": "乙", "keywords": ["甲"]},
                                   "乙": {"part_of": "甲", "keywords": ["乙"]}}, "cycle")


def test_part_of_must_name_a_reform(monkeypatch):
    _lexicon_refuses(monkeypatch, {"新工具": {"part_of": "不存在的改革", "keywords": ["新工具"]}}, "part_of")


def test_two_titles_on_one_specific_reform_are_related_however_written():
    # blind gold pairs: same specific reform in both titles, little shared text
    al = alignment("xiaodian", "wanbailin")
    rel = {(p.a.measure.title, p.b.measure.title): p for p in al.pairs if p.relation == "related"}
    p = rel[("加强诚信政府建设", "全面推进政务诚信建设")]
    assert "same reform 政务诚信" in p.why and p.score < 0.20
    assert ("营造公平竞争的市场环境", "消除政府采购和招投标领域隐性壁垒") in rel


def test_titles_sharing_only_a_broad_area_still_need_close_text():
    # 企业开办 is `broad`: Xiaodian's 商事登记确认 and Wanbailin's 企业开办“万柏林样板” share it in
    # their titles but are different instruments (blind gold: unrelated)
    al = alignment("xiaodian", "wanbailin")
    rel = {(p.a.measure.title, p.b.measure.title) for p in al.pairs if p.relation == "related"}
    assert ("探索商事登记确认制度改革", "打造企业开办“万柏林样板”") not in rel


def test_a_title_on_an_area_is_related_to_each_title_on_one_of_its_instruments():
    # Xiaodian's 破解中小微企业发展融资难题 (获得信贷) against Wanbailin's credit measures, each
    # titled on an instrument `part_of` 获得信贷 (both blind annotators: related to all four);
    # the whole-text score ranks most of them far down the row
    al = alignment("xiaodian", "wanbailin")
    rel = {(p.a.measure.title, p.b.measure.title): p for p in al.pairs if p.relation == "related"}
    umbrella = "破解中小微企业发展融资难题"
    for b in ("提升转续贷比重", "强化体系化普惠型融资担保服务"):
        assert rel[(umbrella, b)].features["same_area"] == 1.0
    p = rel[(umbrella, "积极对接太原市地方企业征信平台")]
    assert p.why.startswith("one title names the area of an instrument the other's title names")
    # two titles naming the same broad area, neither an instrument of it, are not an
    # umbrella pair (商事登记确认 / 企业开办“万柏林样板”, both 企业开办: blind gold unrelated)
    from policyparse.compare.similarity import Index
    from _compare_corpus import plan

    a, b = plan("xiaodian"), plan("wanbailin")
    x = next(it for it in a.items if it.title == "探索商事登记确认制度改革")
    y = next(it for it in b.items if it.title == "打造企业开办“万柏林样板”")
    m = Index(a.items + b.items).matrices([x], [y])
    assert m["same_reform"][0, 0] == 1.0 and m["same_area"][0, 0] == 0.0


def test_a_sentence_close_to_the_whole_other_measure_makes_a_pair_related():
    # blind gold pairs the whole-text score leaves under the bar: one measure's action is a
    # sentence of the other (Wanbailin's 全天候 service has Xinfu's 办事不出区 in one sentence;
    # Xiaodian's 创新监管方式 has a sentence on 双随机、一公开, Wanbailin's title)
    al = alignment("wanbailin", "xinfu")
    rel = {(p.a.measure.title, p.b.measure.title): p for p in al.pairs if p.relation == "related"}
    p = rel[("提升“全天候”政务服务能力", "推进“办事不出区”改革")]
    assert p.why.startswith("a sentence of one is close to the other's text") and p.features["passage"] >= 0.20
    al = alignment("xiaodian", "wanbailin")
    rel = {(p.a.measure.title, p.b.measure.title) for p in al.pairs if p.relation == "related"}
    assert ("创新监管方式", "进一步深化“双随机、一公开”监管") in rel


def test_a_shared_reform_word_without_any_close_sentence_is_not_related():
    # the lexicon links Xiaodian's 常态化入企服务 and Xinfu's 亲清政商关系 (both use 亲清), but no
    # sentence of either is close to the other (best 0.0x): not related (blind gold agrees)
    al = alignment("xiaodian", "xinfu")
    t = {(p.a.measure.title, p.b.measure.title) for p in al.pairs}
    assert ("开展常态化入企服务", "构建“亲”“清”新型政商关系") not in t
    from policyparse.compare.align import Thresholds, align
    from _compare_corpus import plan

    loose = align(plan("xiaodian"), plan("xinfu"), Thresholds(passage_floor=0.0))
    assert ("开展常态化入企服务", "构建“亲”“清”新型政商关系") in {(p.a.measure.title, p.b.measure.title) for p in loose.pairs}


def test_the_closest_counterpart_acting_on_the_title_reform_is_related():
    # Xiaodian's 推行“一件事”集成服务 — its closest Quzhou item (商事登记服务) has a sentence of
    # its own on 准入准营“一件事”; the whole-text score is under the bar (blind gold: related)
    al = alignment("xiaodian", "quzhou")
    rel = {(p.a.measure.title, p.b.measure.title): p for p in al.pairs if p.relation == "related"}
    p = rel[("推行“一件事”集成服务", "持续优化商事登记服务")]
    assert p.why.startswith("one's closest counterpart acts on its title's reform") and p.features["acts_on_a"] == 1.0
    # one-sided but only for a *specific* reform of the title: the broad 数字政府 of Xinfu's
    # 大数据驱动 title does not make Quzhou's 线上线下政务服务 item related this way
    al = alignment("xinfu", "quzhou")
    assert ("构建大数据驱动的政务新机制", "提升线上线下政务服务效能") not in {
        (p.a.measure.title, p.b.measure.title) for p in al.pairs}

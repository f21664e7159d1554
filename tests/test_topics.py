"""Topic tagging from grammars/topics.yaml: the grammar's examples, and real measures."""

from __future__ import annotations

import pytest

from policyparse import grammar
from policyparse.extract.topics import tag_topics, topic_names

from _compare_corpus import plan

NATIONAL = ["开办企业", "办理建筑许可", "获得电力", "获得用水用气", "登记财产", "获得信贷", "保护中小投资者",
            "纳税", "跨境贸易", "执行合同", "办理破产", "政府采购", "招标投标", "劳动力市场监管", "政务服务",
            "知识产权创造保护和运用", "市场监管", "包容普惠创新"]

EXAMPLES = grammar.load("topics")["examples"]


@pytest.mark.parametrize("ex", EXAMPLES, ids=[e["text"][:12] for e in EXAMPLES])
def test_grammar_examples(ex):
    assert sorted(tag_topics(ex["text"])) == sorted(ex["topics"])


def test_lexicon_has_every_national_indicator():
    names = topic_names()
    assert set(NATIONAL) <= set(names)
    assert len(names) > len(NATIONAL)  # plus the areas found in the corpora


def test_unit_parenthesis_and_unit_names_tag_nothing():
    assert tag_topics("(市市场监管局、国网衢州供电公司、市税务局等部门按职责分工负责)") == []
    assert tag_topics("推行柔性执法。(牵头单位:区市场监管局)") == ["市场监管"]


def _by_title(name, title):
    return next(it for it in plan(name).items if it.measure.title.startswith(title))


@pytest.mark.parametrize("name,title,topic", [
    ("xinfu", "进一步提高办理破产便利度", "办理破产"),
    ("xinfu", "健全完善中小投资者保护机制", "保护中小投资者"),
    ("xinfu", "推进劳动力市场透明监管", "劳动力市场监管"),
    ("quzhou", "优化跨境贸易服务", "跨境贸易"),
    ("quzhou", "持续深化不动产登记改革", "登记财产"),
    ("wanbailin", "优化首贷户金融服务", "获得信贷"),
    ("xiaodian", "推行柔性执法", "市场监管"),
])
def test_real_measures_lead_with_their_indicator(name, title, topic):
    it = _by_title(name, title)
    assert it.measure.topics, "the pipeline tags every measure"
    assert it.measure.topics[0] == topic


def test_every_measure_of_the_four_plans_gets_a_topic():
    for name in ("xiaodian", "wanbailin", "xinfu", "quzhou"):
        assert all(it.measure.topics for it in plan(name).items), name

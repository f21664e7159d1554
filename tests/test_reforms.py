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

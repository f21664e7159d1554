"""Outline and measures on the five bundled notices (issue: grounded parsing)."""

from __future__ import annotations

import pytest

from corpus import measures, parsed


def _clean(s: str) -> str:
    """What a reader sees: pinyin junk and line breaks gone, no spaces."""
    from policyparse.normalize import normalize

    return "".join(normalize(s).display.text.split())


def _numbers(ms):
    return [m.number for m in ms]


def test_quzhou_has_26_numbered_measures_and_3_safeguards():
    ms = measures("quzhou")
    assert _numbers(ms) == [str(i) for i in range(1, 27)] + ["(一)", "(二)", "(三)"]
    assert ms[0].title == "完善项目招引落地服务"
    assert ms[0].path == ["工作举措", "聚焦招商,做深做实产业链招引服务"]


def test_quzhou_item_glued_mid_line_is_split():
    """…市贸促会等部门按职责分工负责)12.优化工业产品管理制度。 holds two measures."""
    r = parsed("quzhou")
    m11, m12 = measures("quzhou")[10:12]
    assert m11.number == "11" and m12.number == "12"
    assert r.source_text[m11.span[0] : m11.span[1]].endswith("等部门按职责分工负责)")
    assert r.source_text[m12.span[0] : m12.span[1]].startswith("12.优化工业产品管理制度。")
    assert m12.title == "优化工业产品管理制度"
    assert m12.text.endswith("(市市场监管局负责)")
    assert "\n" not in m12.text  # "完\n善工业生产许可证" repaired


def test_quzhou_words_broken_across_lines_are_rejoined():
    m3 = measures("quzhou")[2]
    assert "集群专项基金合作" in m3.text


def test_wanbailin_84_measures_and_page_broken_items():
    ms = measures("wanbailin")
    numbered = [m for m in ms if m.number.isdigit()]
    assert _numbers(numbered) == [str(i) for i in range(1, 85)]
    assert len(ms) == 90  # + (一)…(六) of 四、工作要求
    m2 = ms[1]
    # "（责任单\n\n位：区审批服务管理局…" — the label broken by a page break
    assert "(责任单位:" in m2.text.replace("（", "(").replace("：", ":")
    m81 = ms[80]
    assert m81.number == "81" and "文旅产业引领区" in m81.text
    assert ms[45].text.endswith("(责任单位:区自然资源局、各有关部门)".replace("(", "（").replace(":", "：").replace(")", "）"))


def test_wanbailin_goal_and_guidance_sections_hold_no_measures():
    doc = parsed("wanbailin").documents[0]
    roles = {s.title: s.role for s in doc.outline}
    assert roles["指导思想"] == "guidance" and roles["总体目标"] == "goals"
    assert all(m.path[0] not in ("指导思想", "总体目标") for m in doc.measures)


def test_xinfu_measures_numbered_across_chapters_and_toc_ignored():
    ms = measures("xinfu")
    numbered = [m for m in ms if m.number.isdigit()]
    assert _numbers(numbered) == [str(i) for i in range(1, 50)]
    assert ms[0].title == "推动“非禁即入”全面落实"
    assert ms[0].path[0] == "聚焦服务市场主体 打造“六最”营商环境"
    chapters = [s.number for s in parsed("xinfu").documents[0].outline]
    assert chapters == ["第一章", "第二章", "第三章", "第四章", "第五章"]  # once each: not from the 目录
    # background and goal chapters hold no measures
    assert not [m for m in ms if m.path and m.path[0] in ("规划背景", "总体要求")]


def test_xiaodian_81_measures_then_attachment_document():
    r = parsed("xiaodian")
    assert len(r.documents) == 2
    ms = r.documents[0].measures
    assert _numbers([m for m in ms if m.number.isdigit()]) == [str(i) for i in range(1, 82)]
    assert [m.number for m in ms[81:]] == ["(一)", "(二)", "(二)"]  # printed twice in the source
    assert ms[0].title == "优化企业开办服务"
    att = r.documents[1]
    assert att.title.startswith("太原市小店区优化营商环境促进市场主体倍增工作专班")
    # the attachment list "附件:1.… 2.…" is not a measure
    assert not any("任务分解清单" in m.title for m in ms)


def test_xiaodian_bare_heading_measure_takes_heading_as_title():
    att = parsed("xiaodian").documents[1]
    m = next(m for m in att.measures if m.title == "工作通报机制")
    assert m.text.startswith("工作通报机制\n每月对各部门工作落实进度进行通报")


def test_traditional_page_split_into_its_pasted_documents():
    r = parsed("sufabiao")
    assert 8 <= len(r.documents) <= 12
    assert all(d.script == "traditional" for d in r.documents)
    first = r.documents[0].measures
    assert _numbers(first[:15]) == [str(i) for i in range(1, 16)]
    assert first[0].title == "規范招標投標市場行為"  # pinyin junk removed, script kept
    starts = [r.source_text[d.span[0] : d.span[0] + 6] for d in r.documents]
    assert any(s.startswith("深入貫徹") for s in starts)
    assert any(s.startswith("為切實查擺") for s in starts)
    # placeholder numbering x、 is numbering too
    assert any(m.number == "x" for d in r.documents for m in d.measures)


@pytest.mark.parametrize("name", ["xiaodian", "wanbailin", "xinfu", "quzhou", "sufabiao"])
def test_every_measure_span_is_the_measure_as_printed(name):
    """source_text[span] starts with the measure's number and contains its title."""
    from policyparse.normalize.script import fold_width

    r = parsed(name)
    for d in r.documents:
        assert 0 <= d.span[0] < d.span[1] <= len(r.source_text)
        for m in d.measures:
            piece = r.source_text[m.span[0] : m.span[1]]
            assert fold_width(piece).startswith(fold_width(m.number)), (m.id, piece[:20])
            assert piece.rstrip() == piece and d.span[0] <= m.span[0] and m.span[1] <= d.span[1]
            assert "".join(m.title.split())[:10] in _clean(piece)


@pytest.mark.parametrize("name", ["xiaodian", "wanbailin", "xinfu", "quzhou", "sufabiao"])
def test_every_extracted_item_is_grounded(name):
    """Units, deadlines and quantities: source_text[span] is the item as printed."""
    r = parsed(name)
    src = r.source_text
    for d in r.documents:
        for m in d.measures:
            for u in m.units:
                assert _clean(src[u.span[0] : u.span[1]]) == _clean(u.name)
            for x in list(m.deadlines) + list(m.quantities):
                assert _clean(src[x.span[0] : x.span[1]]) == _clean(x.text)
                assert m.span[0] <= x.span[0] <= x.span[1] <= m.span[1]

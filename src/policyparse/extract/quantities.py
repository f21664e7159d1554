"""Quantities → normalised values, units, comparators and kinds
(grammar: grammars/quantities.yaml)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import grammar
from .sentences import full_sentence_start, sentence
from .types import RawDeadline, RawQuantity

_BOUNDARY = "，,。；;：:！？!?\n"


@dataclass(frozen=True, slots=True)
class _G:
    core: re.Pattern[str]
    cn_core: re.Pattern[str]
    multipliers: dict[str, int]
    prefixes: list[tuple[str, str]]  # (word, comparator), longest first
    suffix: re.Pattern[str]
    range_join: tuple  # (lower comparators, upper comparators, low_high, span_sep, span_tail, span_prefix)
    gap: re.Pattern[str]
    prefix_not_after: dict[str, re.Pattern[str]]  # 约 of 签约: the tail of another word
    prefix_cmp: dict[str, str]  # the same pairs, for lookup (gap words are prefixes too)
    time_units: frozenset[str]
    money: re.Pattern[str]
    incentive: re.Pattern[str]
    incentive_nouns: re.Pattern[str]
    tiers: re.Pattern[str]
    procedure_limit: re.Pattern[str]
    noun_item_gap: re.Pattern[str]
    threshold_subjects: re.Pattern[str]
    threshold_nouns: re.Pattern[str]
    band_nouns: re.Pattern[str]  # 56人以上大班额, 46—55人班额: the band says which are meant
    counts_noun: dict[str, re.Pattern[str]]  # 200家以上企业: 家 counts 企业, a level to reach
    level_rate: re.Pattern[str]  # 覆盖率达到100%: a rate of doing, a level to reach
    applies_rate: tuple[re.Pattern[str], re.Pattern[str]]  # 适用3%征收率的…: what a relief is for
    share_condition: re.Pattern[str]  # what makes a share of a population a condition (率, 对)
    condition_clause: re.Pattern[str]
    condition_frame: re.Pattern[str]  # 对 opening a frame of who qualifies (对…的企业)
    counted_kind: re.Pattern[str]  # a kind of firm and its count after a bound (…企业20家)
    class_units: frozenset[str]  # units that name a class of connection (10千伏用户)
    age_units: frozenset[str]  # 60周岁以上老年人: who a measure is for
    age_target: re.Pattern[str]  # …unless a life expectancy (预期寿命达到79岁)
    money_bound_nouns: re.Pattern[str]  # 单笔50万元以下贷款: the things a bound sorts
    time_act_after: re.Pattern[str]  # 3—5个工作日反馈: a span of time before its act
    time_limit_units: frozenset[str]  # 个工作日: only a procedure counts them
    time_class_before: re.Pattern[str]  # 离校2年内: who qualifies
    time_run: tuple[re.Pattern[str], re.Pattern[str]]  # 连续3个月处于…: who qualifies
    bracket_class: re.Pattern[str]  # a bound in brackets after who qualifies (小微企业（160千瓦及以下）)
    limit: re.Pattern[str]
    excl_before: list[re.Pattern[str]]
    excl_after: list[re.Pattern[str]]
    excl_context: list[re.Pattern[str]]
    past: re.Pattern[str]
    past_until: re.Pattern[str]
    baseline_open: re.Pattern[str]
    past_clause: re.Pattern[str]
    norm_bound: re.Pattern[str]  # a bound only a commitment sets (不低于), which no 已 undoes
    attributive_past: re.Pattern[str]  # 已建成…设施…率达到: the 已 names the things, not the level
    disbursed: re.Pattern[str]  # money to pay out in all (发放…贷款): a floor on it is a target
    budgeted: re.Pattern[str]  # money the budget sets aside (安排…兑现资金不低于…): a fund
    reached: frozenset[str]  # 满 (满2年, 年满18周岁): a length or age reached
    sought: re.Pattern[str]  # money to obtain from above (争取上级补助资金): a target, whatever it is for
    frame_close: re.Pattern[str]  # the 的(企业)， that ends a 对… frame of who qualifies
    frame_closed: re.Pattern[str]  # …or any 的…， before the figure: the frame closed there
    condition_then_grant: re.Pattern[str]  # …以上的分别给予: the bound qualifies for the grant
    past_tally: re.Pattern[str]
    past_change: re.Pattern[str]
    future_frame: re.Pattern[str]
    past_sentence: re.Pattern[str]
    past_year_sentence: re.Pattern[str]
    note_sentence: re.Pattern[str]
    from_before: list[re.Pattern[str]]  # where the old value of a change stands (由…, 从原来的…)
    from_value: re.Pattern[str]
    cn_limit_after: re.Pattern[str]
    cn_scaled: re.Pattern[str]
    cn_counted: re.Pattern[str]  # 一千二百人次, 五个: a Chinese numeral (or a range of two) and a unit
    cn_place: re.Pattern[str]  # a place value (百, 千, 万): such a numeral is read anywhere
    cn_small: tuple[re.Pattern[str], re.Pattern[str]]  # (before, after): where one below 100 is
    fractions: tuple[tuple[re.Pattern[str], str, float], ...]  # 百分之九十, 三成: (pattern, unit, scale)
    tally_frame_skip: re.Pattern[str]
    half: tuple[str, float, re.Pattern[str]]  # 半: its word, value, and what may not precede it
    name_after_quote: re.Pattern[str]
    suffix_cmp: dict[str, str]
    more_cmp: str
    more_not_units: frozenset[str]
    bare_mult: re.Pattern[str]
    rate: re.Pattern[str]  # 300吨/日: the denominator a rate adds to its unit
    duration_before: re.Pattern[str]
    fund: re.Pattern[str]
    metric: dict  # cut, joint, lead, filler, verb, ratio, tail, scope, change, change_from, suffix patterns; max (length)


def _multiplier(m: str, units: list[str]) -> str:
    """A multiplier, unless it starts a unit: 千 of 千瓦 is not 1000."""
    nxt = sorted({u[len(m)] for u in units if u.startswith(m) and len(u) > len(m)})
    return re.escape(m) + (f"(?![{''.join(nxt)}])" if nxt else "")


@functools.cache
def _g() -> _G:
    g = grammar.load("quantities")
    mac = grammar.macros("quantities")
    mult = {k: int(v) for k, v in g["multipliers"].items()}
    units = grammar.alternation(g["units"])
    mults = "|".join(_multiplier(m, g["units"]) for m in sorted(mult, key=len, reverse=True))
    num, rng = mac["NUM"], mac["RANGE_SEP"]
    more = grammar.alternation(g["more_than"]["words"])
    core = re.compile(
        rf"(?P<num>{num})(?:\s*(?P<m1>{mults}))?(?:\s*%)?(?:{rng}(?P<num2>{num}))?"
        rf"(?:(?P<more1>{more})(?=\s*(?:{mults})))?"  # 300余亿元
        rf"(?:\s*(?P<mult>{mults}))?(?:\s*(?P<more>{more}))?"
        rf"(?:\s*(?P<unit>{units}))?"
    )
    half = g["cn_half"]
    cn_core = re.compile(
        rf"(?P<cnum>{mac['CNUM']}|{re.escape(half['word'])})\s*(?P<unit>{grammar.alternation(g['cn_units'])})"
    )
    prefixes = sorted(
        ((w, c) for c, ws in g["prefix_comparators"].items() for w in ws), key=lambda t: -len(t[0])
    )
    suffix_cmp = {w: c for c, ws in g["suffix_comparators"].items() for w in ws}
    gap_words = g["gap_comparators"]
    gap = re.compile(rf"(?P<w>{grammar.alternation(gap_words)})[^{_BOUNDARY}、]{{0,{int(g['gap_max'])}}}$")
    return _G(
        core=core,
        cn_core=cn_core,
        cn_scaled=re.compile(g["cn_scaled"]),
        cn_counted=re.compile(g["cn_counted"].replace("CNV", g["cn_value"])),
        cn_place=re.compile(g["cn_place"]),
        cn_small=(re.compile(g["cn_small_context"]["before"]), re.compile(g["cn_small_context"]["after"])),
        fractions=tuple((re.compile(f["pattern"]), f["unit"], float(f["scale"])) for f in g["fractions"]),
        tally_frame_skip=re.compile(g["tally_frame_skip"]),
        multipliers=mult,
        prefixes=prefixes,
        suffix=re.compile(rf"\s*(?:{g['inclusive_mark']})?(?P<w>{grammar.alternation(list(suffix_cmp))})"),
        range_join=(frozenset(g["range_join"]["low"]), frozenset(g["range_join"]["high"]),
                    re.compile(g["range_join"]["low_high"]), re.compile(g["range_join"]["span_sep"]),
                    re.compile(g["range_join"]["span_tail"]), frozenset(g["range_join"]["span_prefix"])),
        gap=gap,
        prefix_cmp=dict(prefixes),
        more_cmp=g["more_than"]["comparator"],
        more_not_units=frozenset(g["more_than"]["not_units"]),
        prefix_not_after={w: re.compile(p) for w, p in g["prefix_not_after"].items()},
        time_units=frozenset(g["time_units"]),
        money=re.compile(g["money_context"]),
        incentive=re.compile(g["incentive_words"]),
        incentive_nouns=re.compile(g["incentive_nouns"]),
        tiers=re.compile(g["tiers"]),
        procedure_limit=re.compile(g["procedure_limit"]),
        noun_item_gap=re.compile(g["noun_item_gap"]),
        threshold_subjects=re.compile(g["threshold_subjects"]),
        threshold_nouns=re.compile(g["threshold_nouns"]),
        band_nouns=re.compile(g["band_nouns"]),
        counts_noun={u: re.compile(p) for u, p in g["counts_noun"].items()},
        level_rate=re.compile(g["level_rate"]),
        applies_rate=(re.compile(g["applies_rate"][0]), re.compile(g["applies_rate"][1])),
        share_condition=re.compile(g["share_condition"]),
        condition_clause=re.compile(g["condition_clause"]),
        condition_frame=re.compile(g["condition_frame"]),
        counted_kind=re.compile(g["counted_kind"]),
        class_units=frozenset(g["class_units"]),
        age_units=frozenset(g["age_units"]),
        age_target=re.compile(g["age_target"]),
        money_bound_nouns=re.compile(g["money_bound_nouns"]),
        time_act_after=re.compile(g["time_act_after"]),
        time_limit_units=frozenset(g["time_limit_units"]),
        time_class_before=re.compile(g["time_class_before"]),
        time_run=(re.compile(g["time_run"]["before"]), re.compile(g["time_run"]["after"])),
        bracket_class=re.compile(g["bracket_class"].replace("NOUNS", g["threshold_nouns"])),
        limit=re.compile(g["limit_words"]),
        excl_before=[re.compile(p) for p in g["exclude_before"]],
        excl_after=[re.compile(p) for p in g["exclude_after"]],
        excl_context=[re.compile(p) for p in g["exclude_context"]],
        past=re.compile(g["past_markers"]),
        past_until=re.compile(g["past_until"]),
        baseline_open=re.compile(g["baseline_open"]),
        past_clause=re.compile(g["past_clause"]),
        norm_bound=re.compile(g["norm_bound"]),
        attributive_past=re.compile(g["attributive_past"]),
        disbursed=re.compile(g["disbursed"]),
        budgeted=re.compile(g["budgeted"]),
        sought=re.compile(g["sought"]),
        reached=frozenset(g["reached"]),
        frame_close=re.compile(g["frame_close"].replace("NOUNS", g["threshold_nouns"])),
        frame_closed=re.compile(g["frame_closed"]),
        condition_then_grant=re.compile(g["condition_then_grant"]),
        past_tally=re.compile(g["past_tally"]),
        past_change=re.compile(g["past_change"]),
        future_frame=re.compile(g["future_frame"]),
        past_sentence=re.compile(g["past_sentence"]),
        past_year_sentence=re.compile(g["past_year_sentence"]),
        note_sentence=re.compile(g["note_sentence"]),
        from_before=[re.compile(p) for p in g["from_before"]],
        from_value=re.compile(g["from_value"]),
        cn_limit_after=re.compile(g["cn_limit_after"]),
        half=(half["word"], float(half["value"]), re.compile(half["not_after"])),
        name_after_quote=re.compile(g["name_after_quote"]),
        suffix_cmp=suffix_cmp,
        bare_mult=re.compile(g["bare_multiplier"]),
        rate=re.compile(g["rate_per"]),
        duration_before=re.compile(g["duration_before"]),
        fund=re.compile(g["fund_words"]),
        metric={k: re.compile(g["metric"][k])
                for k in ("cut", "joint", "lead", "filler", "verb", "ratio", "tail", "scope", "change", "change_from",
                          "suffix")}
        | {"max": int(g["metric"]["max_length"])},
    )


@dataclass(slots=True)
class _Hit:
    a: int  # span of the whole quantity text (comparator words included)
    b: int
    na: int  # span of number + unit
    nb: int
    value: float
    value_max: float | None
    unit: str
    prefix: str | None = None
    suffix: str | None = None
    cn: bool = False  # written in Chinese numerals
    bare: bool = False  # a multiplier for its own value (亿元以上项目): a class of things
    more: bool = False  # 余 / 多 between figure and unit (1.5万余户): more than the figure


def _clause_start(text: str, i: int, lo: int) -> int:
    j = i
    while j > lo and text[j - 1] not in _BOUNDARY:
        j -= 1
    return j


def _clause_end(text: str, i: int, hi: int) -> int:
    j = i
    while j < hi and text[j] not in _BOUNDARY:
        j += 1
    return j


def _number(s: str) -> float:
    v = float(re.sub(r"[,\s]", "", s))
    return int(v) if v.is_integer() else v


def _cn_number(s: str) -> float | None:
    import cn2an

    try:
        return cn2an.cn2an(s, "smart")
    except (ValueError, KeyError):
        return None


def _cn_leading(s: str) -> float | None:
    """A Chinese numeral that may open on 百 or 千 without its 一 (超百亿元, 百分之百)."""
    return _cn_number("一" + s if s[0] in "百千" else s)


def _numeral(s: str) -> float | None:
    """A numeral written in digits or in Chinese (百分之九十, 三分之一's 三)."""
    return _number(s) if s[0].isdigit() else _cn_leading(s)


def _share(m: re.Match[str], group: str, scale: float) -> float | None:
    """The value of a share's numeral ``group`` (Chinese or Arabic) times ``scale``, over
    the match's denominator ``d`` when it has one (三分之一: 33.33, to two decimals)."""
    n = m.groupdict().get(group)
    if not n:
        return None
    v = _numeral(n)
    d = m.groupdict().get("d")
    if v is None or d is not None and not (dv := _numeral(d)):
        return None
    v = round(v / dv * scale, 2) if d is not None else round(v * scale, 10)
    return int(v) if float(v).is_integer() else v


def _scale(v: float, m: int) -> float:
    r = v * m
    return int(round(r)) if abs(r - round(r)) < 1e-6 else r


def _core_hits(text: str, lo: int, hi: int) -> list[_Hit]:
    g = _g()
    hits: list[_Hit] = []

    def covered(i: int) -> bool:  # inside a figure found by an earlier pattern
        return any(h.na <= i < h.nb for h in hits)

    for m in g.core.finditer(text, lo, hi):
        i = m.start()
        if i > lo and (text[i - 1].isdigit() or (text[i - 1] in ".," and i - 1 > lo and text[i - 2].isdigit())):
            continue  # the tail of a longer number
        unit = m.group("unit")
        more = m.group("more") is not None or m.group("more1") is not None
        if more and (not unit or unit in g.more_not_units):
            continue  # 10余年来: a span of the past; 300余 with no unit: no figure
        mult_word = m.group("mult") or m.group("m1")
        pct = "%" in m.group(0)
        if pct and not unit:
            unit = "%"
        if not unit and not mult_word:
            continue
        mult = g.multipliers.get(mult_word, 1) if mult_word else 1
        v = _number(m.group("num"))
        v2 = _number(m.group("num2")) if m.group("num2") else None
        nb = m.end()
        if not unit:
            a0 = _clause_start(text, m.start(), lo)
            if not g.money.search(text[a0 : _clause_end(text, nb, hi)]):
                continue
            unit = "元"
        r = g.rate.match(text, nb, hi)
        if r and unit.count("/") + r.group(0).count("/") <= 2:
            unit, nb = unit + re.sub(r"\s", "", r.group(0)), r.end()  # 300吨/日, 100元/人/月
        hits.append(_Hit(m.start(), nb, m.start(), nb, _scale(v, mult),
                         _scale(v2, mult) if v2 is not None else None, unit, more=more))
    for m in g.bare_mult.finditer(text, lo, hi):  # 亿元以上项目
        if covered(m.start()):
            continue
        hits.append(_Hit(m.start(), m.end(), m.start(), m.end(), g.multipliers[m.group("mult")],
                         None, m.group("unit"), bare=True))
    for m in g.cn_scaled.finditer(text, lo, hi):  # 超百亿元
        v = _cn_leading(m.group("cnum"))
        if v is None or v <= 0 or covered(m.start()):
            continue
        hits.append(_Hit(m.start(), m.end(), m.start(), m.end(), _scale(v, g.multipliers[m.group("mult")]),
                         None, m.group("unit")))
    small_before, small_after = g.cn_small
    for m in g.cn_counted.finditer(text, lo, hi):  # 一千二百人次, 示范片五个，, 十八至六十周岁
        v = _cn_number(m.group("cnum"))
        v2 = _cn_number(m.group("cnum2")) if m.group("cnum2") else None
        if v is None or v <= 0 or covered(m.start()) or (m.group("cnum2") and (v2 is None or v2 <= v)):
            continue
        if v2 is None and not g.cn_place.search(m.group("cnum")) \
                and not small_before.search(text, max(lo, m.start() - 6), m.start()) \
                and not small_after.match(text[m.end() : min(hi, m.end() + 8)]):
            continue  # 五个融合, 三个一批: a small numeral inside a name
        hits.append(_Hit(m.start(), m.end(), m.start(), m.end(), v, v2, m.group("unit")))
    for pat, unit, scale in g.fractions:  # 百分之九十, 万分之五, 三成, 三分之一, 三至五成
        for m in pat.finditer(text, lo, hi):
            a, b = m.span("q")
            if covered(a):
                continue
            v, v2 = _share(m, "n", scale), _share(m, "n2", scale)
            if v is None or v <= 0 or (m.groupdict().get("n2") and (v2 is None or v2 <= v)):
                continue
            hits.append(_Hit(a, b, a, b, v, v2, unit))
    half_word, half_value, half_not_after = g.half
    for m in g.cn_core.finditer(text, lo, hi):
        if m.group("cnum") == half_word:
            if half_not_after.search(text, max(lo, m.start() - 4), m.start()):
                continue
            v = half_value
        else:
            v = _cn_number(m.group("cnum"))
        if v is None or v <= 0:
            continue
        if covered(m.start()):
            continue
        hits.append(_Hit(m.start(), m.end(), m.start(), m.end(), v, None, m.group("unit"), cn=True))
    hits.sort(key=lambda h: h.na)
    return hits


def _excluded(text: str, h: _Hit, lo: int, hi: int, report: bool = False, goals: bool = False,
              deadlines: list[RawDeadline] = (), plan_year: int | None = None) -> bool:
    """Whether hit ``h`` is no quantity: part of a name, date or rank, or the past.  A
    deadline earlier in the sentence (``deadlines``, which tell past from future by the
    plan year: 截至2023年底 in a 2023 plan) frames the figure as a target; a sentence that
    opens on a year before ``plan_year`` reports that year's outturn."""
    g = _g()
    before = text[max(lo, h.na - 12) : h.na]
    num_end = h.na
    while num_end < h.nb and (text[num_end].isdigit() or text[num_end] in ".,"):
        num_end += 1
    after_num = text[num_end : min(hi, num_end + 12)]
    if any(p.search(before) for p in g.excl_before):
        return True
    # the number after 由 / 从 is the old value only when a verb of change follows it
    if g.from_value.match(text, h.nb) and any(p.search(before) for p in g.from_before):
        return True
    if any(p.search(after_num) for p in g.excl_after) and not (
            h.unit == "年" and h.value < 100 and g.duration_before.search(before)):
        return True
    window = text[max(lo, h.na - 8) : min(hi, h.nb + 4)]
    if any(p.search(window) for p in g.excl_context):
        return True
    if h.unit == "年" and h.value >= 1900:
        return True
    s_a, s_b = sentence(text, h.na, lo, hi)
    py = g.past_year_sentence.match(text, s_a, h.na)
    if py and plan_year is not None and int(py.group("year")) < plan_year:
        return True
    past = g.past.search(text, s_a, h.na)
    if past and g.past_until.search(text, h.nb, s_b):
        return True
    ca = _clause_start(text, h.na, lo)
    pc = g.past_clause.search(text, ca, h.na)
    if pc and not g.norm_bound.search(text, ca, h.na):
        at = g.attributive_past.match(text, pc.start())
        if not (at and at.end() <= h.na and not g.past_clause.search(text, at.end(), h.na)):
            return True
    # 在2023年新增企业42家的基础上: the baseline a target builds on
    if g.baseline_open.match(text, ca) and g.past_until.search(text, h.nb, _clause_end(text, h.nb, hi)):
        return True
    framed = [d for d in deadlines if s_a <= d.span[0] < h.na and not g.tally_frame_skip.fullmatch(text, *d.span)]
    tally = g.past_tally.search(text, ca, h.na)
    if tally and g.incentive.search(text, ca, tally.start()):
        tally = None  # 分阶段给予累计300万元奖励: a grant's total, not a running total
    if not goals and (tally or (report and g.past_change.search(text, ca, h.na))) \
            and not g.future_frame.search(text, s_a, h.na) and not framed:
        return True
    m = g.past_sentence.match(text, s_a, h.na)
    if m and not any(d.span[0] == m.start() for d in framed) or g.note_sentence.match(text, s_a, h.na):
        return True
    # a report's past date opens the whole sentence, its clauses after a ；too (截至2023年底，
    # 全区老年人口8.6万人；共有养老机构21家), and so does a year before the plan year (2023年，
    # …达到286亿元；累计建成5G基站6120个) — unless a time frames it as to come: the opener
    # itself (截至2025年底 in a 2024 plan is a deadline) or one in a later clause
    f_a = full_sentence_start(text, h.na, lo)
    if f_a < s_a and not g.future_frame.search(text, s_a, h.na):
        if g.past_sentence.match(text, f_a, h.na) and not any(f_a <= d.span[0] < h.na for d in deadlines):
            return True
        py = g.past_year_sentence.match(text, f_a, h.na)
        if py and plan_year is not None and int(py.group("year")) < plan_year \
                and not any(py.end() <= d.span[0] < h.na for d in deadlines):
            return True
    return False


def _attach_comparators(text: str, h: _Hit, lo: int, hi: int) -> None:
    g = _g()
    m = g.suffix.match(text, h.nb, hi)
    if m and not (m.group("w") == "内" and text[m.end() : m.end() + 1] in ("容", "部", "外", "涵")):
        h.suffix = m.group("w")
        h.b = m.end()
    j = h.na
    while j > lo and text[j - 1] == " ":
        j -= 1
    for _ in range(2):  # "最高不超过", "力争达到"
        for w, c in g.prefixes:
            if h.prefix is not None and c == "=":
                continue  # 为不少于2万家: a plain 为 before the comparator is no part of it
            if text.startswith(w, j - len(w)) and j - len(w) >= lo \
                    and not (w in g.prefix_not_after and g.prefix_not_after[w].search(text, lo, j - len(w))):
                if h.prefix is None:
                    h.prefix = w
                j -= len(w)
                h.a = j
                break
        else:
            break
        while j > lo and text[j - 1] == " ":
            j -= 1
    if h.prefix is None:
        a0 = _clause_start(text, h.na, lo)
        gm = g.gap.search(text, a0, h.na)
        if gm:
            h.prefix = gm.group("w")
            h.a = gm.start()


def _comparator(h: _Hit) -> str:
    g = _g()
    if h.value_max is not None:
        return "range"
    if h.suffix:
        return g.suffix_cmp[h.suffix]
    if h.more:
        return g.more_cmp
    if h.prefix:
        return g.prefix_cmp.get(h.prefix, "=")
    return "="


def _join_ranges(text: str, hits: list[_Hit], hi: int) -> list[_Hit]:
    """Two bounds on one figure as one range: 1亿元以上5亿元以下, 1000万元至5000万元之间."""
    g = _g()
    low, high, low_high, span_sep, span_tail, span_prefix = g.range_join
    out: list[_Hit] = []
    for h in hits:
        p = out[-1] if out else None
        if p is None or p.unit != h.unit or p.value_max is not None or h.value_max is not None \
                or not h.value > p.value:
            out.append(h)
            continue
        if _comparator(p) in low and _comparator(h) in high and low_high.fullmatch(text, p.b, h.a):
            pass  # 1亿元以上5亿元以下
        elif p.suffix is h.prefix is None and h.suffix in (None, "左右") \
                and (p.prefix is None or g.prefix_cmp.get(p.prefix) in span_prefix) \
                and span_sep.fullmatch(text, p.b, h.a):  # (为)1000万元至5000万元
            if m := span_tail.match(text, h.b, hi):  # 1000万元至5000万元之间
                h.b = m.end()
        else:
            out.append(h)
            continue
        p.b, p.nb, p.value_max, p.suffix = h.b, h.nb, h.value, None
    return out


def _listed(text: str, p: _Hit, h: _Hit) -> bool:
    """Whether h follows p in one list: after 、 和 及 或 (不得超过3个月或60课时), or after a
    comma when the two count the same unit (5天,15天,25天内) — a comma between other units ends
    a clause (提高2个百分点,65岁以上老年人…: the second's bound is not the first's)."""
    sep = text[p.b : h.a if h.a >= p.b else h.na].strip()  # (h's bound may reach back over p)
    return sep in ("、", "和", "及", "或") or sep == "," and p.unit == h.unit


def _share_lists(text: str, hits: list[_Hit]) -> None:
    """Items of a list share its comparator: 分别压减至5天、15天、25天内."""
    i = 0
    while i < len(hits):
        j = i
        while j + 1 < len(hits) and _listed(text, hits[j], hits[j + 1]):
            j += 1
        if j > i:
            group = hits[i : j + 1]
            pre = group[0].prefix
            suf = group[-1].suffix
            last_unit = group[-1].unit
            for h in group:
                if h.unit == "个" and last_unit.startswith("个") and last_unit != "个":
                    h.unit = last_unit  # 压减至3个、1个工作日内
                if h.prefix is None and pre is not None:
                    h.prefix = pre
                if h.suffix is None and suf is not None:
                    h.suffix = suf
        i = j + 1
    # 至少提供1次职业指导、3个岗位信息: a bound before a list of counted things is each one's
    noun_item_gap = _g().noun_item_gap
    for p, h in zip(hits, hits[1:]):
        if h.a < p.b:  # a bound a few words back, over the figure before: that figure's bound
            # (shared when the two are one list: 不得超过3个月或60课时)
            h.a, h.prefix = h.na, p.prefix if _listed(text, p, h) else None
        if p.prefix is not None and h.prefix is None and h.suffix is None \
                and noun_item_gap.fullmatch(text, p.b, h.a):
            h.prefix = p.prefix


def _after_list(text: str, hits: list[_Hit], k: int, hi: int) -> int:
    """Where the text continues after the list that hit k belongs to: a list of one unit
    (亿元以上项目60个以上、10亿元以上项目8个: the 项目 after 10亿元 is not what 60个 counts)."""
    end = hits[k].b
    p = hits[k]
    for h in hits[k + 1 :]:
        if text[end : h.a].strip() == "" or _listed(text, p, h) and (p.unit == h.unit or p.unit[:1] == h.unit[:1] == "个"):
            end, p = h.b, h
        else:
            break
    # skip a parenthetical note right after: (含 5 亿元)
    m = re.match(r"\s*\([^()]{0,20}\)", text[end:hi])
    return end + (m.end() if m else 0)


def _in_condition_frame(text: str, h: _Hit, lo: int, hi: int) -> bool:
    """The figure sits in a 对 … 的企业， frame of its sentence that a grant follows."""
    g = _g()
    sa, sb = sentence(text, h.a, lo, hi)
    opened = None
    for m in g.condition_frame.finditer(text, sa, h.a):
        opened = m
    if opened is None or g.frame_closed.search(text, opened.end(), h.a) \
            or g.frame_close.search(text, opened.end(), h.a):  # (…的企业给予最高50万元…)
        return False  # no frame, or it closed before the figure (…的小微企业融资担保业务，费率不高于…)
    close = g.frame_close.search(text, h.b, sb)
    return close is not None and g.incentive.search(text, close.end(), sb) is not None


def _kind(text: str, hits: list[_Hit], k: int, lo: int, hi: int, cmp_: str) -> str:
    g = _g()
    h = hits[k]
    if h.bare or h.unit in g.class_units:
        return "threshold"  # 10千伏高压用户: a class of connection, not a level to reach
    ca = _clause_start(text, h.a, lo)
    cb = _clause_end(text, h.b, hi)
    if h.unit in g.age_units and not g.age_target.search(text, ca, h.a):
        return "threshold"  # 60周岁以上老年人: who it is for (not 预期寿命达到79岁)
    if h.unit in g.time_units and h.prefix is None and g.time_class_before.search(text, max(ca, h.na - 6), h.na):
        return "threshold"  # 离校2年内未就业高校毕业生, 成立3年内的企业
    if h.prefix in g.reached and (h.unit in g.time_units or h.unit in g.age_units):
        return "threshold"  # 连续从业满2年的护理员, 运营满一年且…备案后: a length reached qualifies
    if h.unit in g.time_units and h.prefix is None and g.time_run[0].search(text, max(ca, h.na - 4), h.na) \
            and g.time_run[1].match(text, h.b):
        return "threshold"  # 连续3个月处于全市后三位的乡镇
    before = text[ca : h.a]
    after_pos = _after_list(text, hits, k, hi)
    after = text[after_pos : min(hi, after_pos + 10)].lstrip()
    de = after.startswith("的") or (h.suffix or "").endswith("的")
    if de and g.incentive_nouns.match(after[1:]) and g.incentive.search(text, ca, h.a):
        return "incentive"  # 分别给予设备投资额8%、10%、12%的补助: the grant, not who qualifies
    subject = g.threshold_subjects.search(before)
    # 60%的企业: a share of a population, which a bare noun after it does not make a condition
    share = h.unit in ("%", "‰") and not subject and not g.share_condition.search(before)
    if h.unit == "元" and de and g.fund.search(text, after_pos, min(cb, after_pos + 20)):
        return "incentive"  # 设立规模三千万元的中小企业应急转贷资金: the fund's size, not who qualifies
    if de and (subject or (g.threshold_nouns.search(after[1:9]) and not share)):
        return "threshold"
    counted = h.unit in g.counts_noun and g.counts_noun[h.unit].match(after)  # 200家以上企业: how many
    if h.suffix and h.suffix != "左右" and (g.threshold_nouns.match(after) and not share and not counted
                                           or h.unit == "元" and g.money_bound_nouns.match(after)):
        return "threshold"  # 160千瓦及以下小微企业, 单笔50万元以下贷款
    if cmp_ in (">=", ">", "<=", "<", "range") and g.band_nouns.match(after):
        return "threshold"  # 56人以上大班额, 46—55人班额
    if cmp_ in (">=", ">", "<=", "<") and subject and g.threshold_nouns.match(after):
        return "threshold"  # 培育营业收入超百亿元企业3家
    if cmp_ in (">=", ">", "<=", "<", "range") and g.condition_clause.search(text, h.b, cb):
        return "threshold"  # 面积为90平方米及以下的，减按…
    if cmp_ in (">=", ">", "<=", "<") and g.bracket_class.search(text, max(lo, h.na - 12), h.na):
        return "threshold"  # 低压小微企业（160千瓦及以下）
    if cmp_ in (">=", ">", "<=", "<", "range") and g.condition_then_grant.match(after):
        return "threshold"  # 营业面积达到1000平方米、…3000平方米以上的分别给予一次性奖励
    if cmp_ in (">=", ">", "<=", "<", "range") and _in_condition_frame(text, h, lo, hi):
        return "threshold"  # 对招用离校2年内…、与其签订1年以上劳动合同…的企业，按每人1500元给予补助
    if h.unit == "元" and g.sought.search(text, ca, h.a):
        return "target"  # 争取上级补助资金不低于8亿元: funds to win, not a grant the plan gives
    if h.unit == "元" and g.budgeted.search(text, ca, h.a):
        return "incentive"  # 县财政每年统筹安排惠企政策兑现资金不低于3000万元: a fund set aside
    if cmp_ in (">=", ">") and g.disbursed.search(text, ca, h.a):
        return "target"  # 全年发放创业担保贷款不少于1.5亿元: a volume to pay out
    if cmp_ in (">=", ">", "<=", "<") and g.counted_kind.match(after):
        return "threshold"  # 超十亿元企业20家
    if subject and cmp_ in (">=", ">", "<=", "<", "range") \
            and ("对" in before or "的" in text[h.b : after_pos + 1]):
        return "threshold"
    if cmp_ in (">=", ">", "<=", "<", "range") and g.tiers.match(after):
        return "threshold"  # 按实缴注册资本5亿—10亿元、10亿元以上两档: the tiers that qualify
    if subject and h.suffix and h.suffix != "左右" and g.incentive.match(after):
        return "threshold"  # 小规模纳税人月销售额10万元以下免征增值税: who the relief is for
    if h.unit in g.time_units and cmp_ in ("<=", "<") and g.procedure_limit.search(before):
        return "limit"  # 补贴审核时限由30日压减至15日: a time limit on the grant's procedure
    if h.unit in g.time_units and h.unit != "年" and g.time_act_after.match(text, after_pos):
        return "limit"  # 奖补资金在审核通过后15个工作日内拨付到位: the payout's time limit
    if h.unit == "%" and g.applies_rate[0].search(text, ca, h.na) and g.applies_rate[1].match(text, h.b):
        return "threshold"  # 适用3%征收率的应税销售收入: what the relief applies to
    if h.unit == "%" and cmp_ in (">=", ">", "=") and g.level_rate.search(text, ca, h.na):
        return "target"  # 税费优惠政策推送覆盖率达到100%: a rate of doing, whatever the clause grants
    # a grant word anywhere in the clause but the figure itself (comparator words included:
    # 按不低于…最低价标准的70%)
    if g.incentive.search(text, ca, h.na) or g.incentive.search(text, h.b, cb) \
            or (de and g.incentive_nouns.match(after[1:])):
        return "incentive"
    if h.unit == "元" and g.fund.search(text, ca, cb):
        return "incentive"  # 设立1000万元科技专项资金
    sa, sb = sentence(text, h.a, lo, hi)
    colon = max(text.rfind(":", sa, h.a), text.rfind("：", sa, h.a))
    if colon != -1 and g.incentive.search(text, sa, colon):
        return "incentive"  # 高龄津贴标准调整为：80—89岁老年人100元/人/月: the items of a grant
    if cmp_ in (">=", ">", "<=", "<", "range") and g.condition_frame.search(before) and "的" in text[h.b : cb]:
        return "threshold"  # 对签订1年以上劳动合同的企业 (a grant in the frame is an incentive, above)
    if h.unit == "元" and cmp_ in ("<=", "<") and g.incentive.search(text, sa, sb):
        return "incentive"  # a cap on a grant: 按…5%予以补助,最高不超过50万元
    if h.unit in g.time_units:
        if cmp_ in ("<=", "<") or g.limit.search(text[ca:cb]) or text.startswith("办", h.b) \
                or text[h.b : h.b + 2] in ("办结", "办理", "内办", "即办"):
            return "limit"
        if h.unit in g.time_limit_units and cmp_ in ("=", "range"):
            return "limit"  # 办结时限为3—5个工作日
    if cmp_ in ("<=", "<") and g.limit.search(text[ca:cb]):
        return "limit"
    if cmp_ in ("<=", "<") and h.unit in ("%",) and re.search(r"不高于|不超过|控制在|低于", text[ca : h.na]):
        return "limit"
    return "target"


def _metric(text: str, h: _Hit, lo: int, taken: list[tuple[int, int]] = ()) -> str | None:
    """The words before the figure in its clause that name what it measures
    (grammars/quantities.yaml: metric)."""
    mg = _g().metric
    ca = _clause_start(text, h.a, lo)
    # the metric starts after a deadline or a figure in the same clause (到2025年小微企业贷款余额,
    # 10千伏普通用户办电时间: the class's whole figure goes, not its digits only)
    ca = max([ca] + [b for a, b in taken if ca <= a and b <= h.a])
    s = mg["change_from"].sub("", text[ca : h.a]).strip()  # 审批时间从20个工作日(压缩至…)
    s = mg["tail"].sub("", mg["change"].sub("", mg["tail"].sub("", s)))  # 比2022年提高, 首次, 在
    cut = mg["cut"].match(s)
    if cut:
        s = s[cut.end() :].strip()
    # 处理率和卫生厕所普及率: a list of metrics keeps the last; 企业和群众满意度 is one name
    for j in reversed(list(mg["joint"].finditer(s))):
        if mg["suffix"].search(s[: j.start()]):
            s = s[j.end() :]
            break
    prev = None
    while s != prev:  # 对全市…, 的新增…: leading debris, verbs and scope words in any order
        prev = s
        s = mg["scope"].sub("", mg["filler"].sub("", mg["lead"].sub("", s)))
        if not mg["ratio"].search(s):  # 建设冷库容量 → 冷库容量; a ratio keeps what it counts
            s = mg["verb"].sub("", s)
    if len(s) > mg["max"]:  # a long name over two populations keeps the last
        joints = list(mg["joint"].finditer(s))
        if joints:
            s = s[joints[-1].end() :]
    if not s or not mg["suffix"].search(s) or len(s) > mg["max"]:
        return None
    return s


def _deadline_for(h: _Hit, deadlines: list[RawDeadline], text: str, lo: int, hi: int) -> RawDeadline | None:
    sa, sb = sentence(text, h.a, lo, hi)
    same = [d for d in deadlines if sa <= d.span[0] < sb]
    before = [d for d in same if d.span[1] <= h.a]
    if before:
        return before[-1]
    ca, cb = _clause_start(text, h.a, lo), _clause_end(text, h.b, hi)
    after = [d for d in same if ca <= d.span[0] < cb]
    return after[0] if after else None


def find_quantities(text: str, start: int = 0, end: int | None = None,
                    deadlines: list[RawDeadline] | None = None, report: bool = False,
                    goals: bool = False, plan_year: int | None = None) -> list[RawQuantity]:
    """Every quantity in ``text[start:end]`` (working copy), in reading order; ``report``:
    the document is a work report, whose changes on last year state the past; ``goals``:
    the text is a goals section, which frames its running totals as targets; ``plan_year``
    tells a past year's outturn from a target."""
    end = len(text) if end is None else end
    g = _g()
    deadlines = deadlines or []
    taken = [d.span for d in deadlines]
    hits = []
    for h in _core_hits(text, start, end):
        if any(a <= h.na < b for a, b in taken):
            continue  # part of a deadline expression
        if _excluded(text, h, start, end, report, goals, deadlines, plan_year):
            continue
        _attach_comparators(text, h, start, end)
        if h.cn and h.prefix is None and h.suffix is None and not (
                g.cn_limit_after.match(text, h.nb) and not g.name_after_quote.match(text, h.nb)):
            continue  # 一日办结率, 一网通办: a Chinese numeral needs a comparator (or 办结) to count
        hits.append(h)
    hits = _join_ranges(text, hits, end)
    _share_lists(text, hits)
    out: list[RawQuantity] = []
    for k, h in enumerate(hits):
        cmp_ = _comparator(h)
        kind = _kind(text, hits, k, start, end, cmp_)
        out.append(
            RawQuantity(
                span=(h.a, h.b), value=h.value, value_max=h.value_max, unit=h.unit,
                comparator=cmp_, kind=kind,
                # a threshold's metric is the condition measured (年营业收入首次突破1亿元的企业)
                # …and it starts after a deadline or an earlier figure in its clause (10千伏普通用户…)
                metric=_metric(text, h, start, taken + [(x.a, x.b) for x in hits[:k]]) if kind in ("target", "limit")
                or (kind == "threshold" and not h.bare) else None,
                # a condition on who qualifies is not governed by a deadline
                deadline=None if kind == "threshold" else _deadline_for(h, deadlines, text, start, end),
            )
        )
    return out

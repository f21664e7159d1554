"""The blind probes of the seventeenth session, kept as regression tests.

Each probe (tests/data/probes/pNN) is a set of notices a helper wrote and annotated from the
spec alone, never seeing the code or a parse, and froze (expect.sha256) before the first
parse: p21 deadline and quantity phrasings, p22 unit attribution (labels, running text,
task-number lists, task tables), p23 document facts, p24 plans' goals and indicator tables
(seventeenth session); p25 outlines of real PDFs, a Markdown repost, HTML page chrome and
long 规划, p26 messy reposts (traditional and Hong Kong script, full-width forms, junk, hard
wraps, cut-off pages, GB18030), p27 若干政策 articles, PDF task tables with merged cells, a
Word notice, quarter and season deadlines (eighteenth session); p28 wrapped notices (a covering
notice, the plan as 附件1, a task list as 附件2), relative deadlines and rates, and p29 a blind
hand alignment of three pairs of plan versions for `diff`, p30 (and p32, twentieth session) a blind alignment of two plans
written apart, p31 WeChat reposts, Word automatic numbering, unit notes in other brackets
(nineteenth session), p33 Chinese numerals, ages and rates, three-year plans' yearly targets,
tiers, unit phrasings (twentieth session), p35 plans outside the business-environment domain
(air quality, health and education, rural revitalisation, work safety, energy) and p36 document
shapes (phases of a 专项整治 plan, a bureau's 工作要点, two plans on a content-farm page, a Word
task table, ①② items; twenty-first session), p37 plans on five more subjects (employment,
culture and tourism, river chiefs, elderly care, urban renewal) and p38–p41 `diff` of plans outside
the business environment (twenty-second session), p42 five more subjects and shapes (work safety
in a paged PDF, the digital economy in a Word task table with a 主要内容 column, schooling on an old
portal page of <br> lines, health work points with CRLF, grain in a traditional-script repost;
twenty-third session) and p43 the business environment in five more shapes (Word heading styles, a
若干措施 PDF, decimal outline numbers 1.1 / 3.2, items with 牵头单位 / 配合单位 / 完成时限 lines, a GBK
portal page laid out in nested tables with a policy table; twenty-third session) and p44 (a heading's
items attributed by 以上任务由…, a TRS portal page, text copied out of a PDF with hard wraps and page
marks, a Word notice whose 附件 分工表 gives the body's measures their units, 牵头领导 people;
twenty-third session) and p45 three long plans in the shape of the four sample plans (a district's
市场主体倍增, a city's plan issued in December, a county's content-farm repost with pinyin and glued
items; twenty-third session).  Their first
parses found the gaps fixed in those sessions (docs/decisions.md, *probe 21* … *probe 29*); the few expectations still not
met are documented decisions (M月前 is the end of month M−1, regions in simplified script, a
专栏 of prose is a measure of its own, ① / （1） sub-items after 重点抓好以下工作： are measures,
春节前 in a plan year is the festival ending it, two bounds on one figure are one range, plain
提高到 is `=` — p42's annotator wrote `>=` four times, the annotators of eight earlier probes `=` …).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from probe_score import score

PROBES = Path(__file__).parent / "data" / "probes"

# probe → the categories its annotation covers (p23 annotated document facts and measures only)
CASES = {
    "p21": None,
    "p22": None,
    "p23": frozenset({"docfacts", "measures"}),
    "p24": None,
    "p25": None,
    "p26": None,
    "p27": None,
    "p28": None,
    "p31": None,
    "p33": None,
    "p35": None,
    "p36": None,
    "p37": None,
    "p42": None,
    "p43": None,
    "p44": None,
    "p45": None,
}

# categories held to a lower floor, and why: p25's annotator read the ①②③ / （1）（2）（3）
# sub-items under `重点实施三类改造内容：` and `重点抓好以下工作：` as parts of their measure (five
# `X` lines); the spec's numbered leaf, and docs/decisions.md, make them measures
# p27's annotator dated 春节前 in a plan issued 2025-01-10 by the festival then weeks away
# (2025-01-28); docs/decisions.md dates it by the festival ending the plan year (three
# deadlines)
# p28's annotator read a rate per area, person or household (每亩补助300元, 每人每年1万元) as a
# rate (元/亩, 元/人/年, marked as a judgement); docs/decisions.md keeps `元` for a rate printed
# with 每 before the figure, as the annotators of p21, p24, p25 and p26 wrote it (21 figures)
# p31's annotator read a 总体要求 paragraph's 于2025年12月31日前全部完成 as a goal (the section is
# guidance, whose deadlines are no goals) and `其中2025年开工改造18个` as framed by its year (a
# year frames a clause it opens; this one opens on 其中)
FLOORS = {("p25", "text"): 0.93, ("p27", "deadlines"): 0.95, ("p28", "quantities"): 0.87,
          ("p31", "deadlines"): 0.95}


@pytest.mark.parametrize("probe", sorted(CASES))
def test_a_blind_probe_is_met(probe):
    s = score(PROBES / probe, CASES[probe])
    assert s.counts, "nothing scored"
    low = {cat: s.pr(cat) for cat in s.counts if min(s.pr(cat)) < FLOORS.get((probe, cat), 0.96)}
    assert not low, (low, s.report)
    # every category the probe annotates was scored on a fair number of items
    assert sum(tp for tp, _, _ in s.counts.values()) >= 100


def _diff(a, b):
    from policyparse.compare.align import align
    from policyparse.compare.diffout import diff_data
    from policyparse.compare.load import load_plan

    return diff_data(align(load_plan(str(a)), load_plan(str(b))))


def test_a_blind_diff_probe_is_met():
    """p29 (nineteenth session): three pairs of plans a helper wrote and aligned by hand — a
    county's draft and issued plan, a district's work points of two years, two counties'
    versions of one city's template (an HTML page against a text) — with the field changes of
    every reused measure. First diff, on the code before this session's changes: same F1 0.98,
    changes 67/67, related P 0.42 / R 0.83."""
    from diff_probe_score import score as diff_score

    s = diff_score(PROBES / "p29", _diff)
    assert s.prf("same")[2] >= 0.95, s.report
    assert min(s.prf("changes")[:2]) >= 0.95, s.report
    p, r, _ = s.prf("related")
    assert p >= 0.55 and r >= 0.80, s.report
    assert sum(s.counts["same"][:1] + s.counts["changes"][:1]) >= 100


def test_a_blind_alignment_of_two_plans_written_apart_is_met():
    """p30 (nineteenth session): two helpers each wrote a business-environment plan, neither
    seeing the other's (a Hebei county's 2024 action plan, 36 measures; a Guangxi district's
    2025–2026 plan, 31 measures, several bundling actions); a third aligned them by hand from
    the issue's definitions and froze it before any diff. Held out, first diff: related P 0.97
    / R 0.86 (32, 1, 5) — the issue's bar is R >= 0.85 at P >= 0.75; no `same` pair either way."""
    from diff_probe_score import score as diff_score

    s = diff_score(PROBES / "p30", _diff)
    assert s.counts["same"] == [0, 0, 0], s.report
    p, r, _ = s.prf("related")
    assert p >= 0.90 and r >= 0.83, s.report
    assert s.counts["related"][0] >= 30


def test_a_blind_alignment_of_many_short_measures_against_bundled_items_is_met():
    """p32 (twentieth session): the shape of Xiaodian against Quzhou, the four plans' hardest
    pair — a Shandong district's 2025 市场主体培育 plan of 66 short one-action measures (plus 3
    safeguards) against a Jiangxi city's 2024–2025 plan of 27 items bundling four to seven
    actions each; two helpers wrote them apart, a third aligned them by hand from the issue's
    definitions and froze it before any diff. Held out, first diff: related P 0.84 / R 0.93
    (41, 8, 3; 11 more pairs the annotator marked `?`); no `same` pair either way."""
    from diff_probe_score import score as diff_score

    s = diff_score(PROBES / "p32", _diff)
    assert s.counts["same"] == [0, 0, 0], s.report
    p, r, _ = s.prf("related")
    assert p >= 0.78 and r >= 0.88, s.report
    assert s.counts["related"][0] >= 38


# p38–p41 (twenty-second session): plans outside the business environment, each pair written
# apart by two helpers (one of many one-action measures, one of bundled items, or two of
# medium ones) and aligned by a third from the issue's definitions, frozen before any diff.
# The topic and reform lexicons are the business environment's: here they know little, and
# text carries the alignment. First diff (before this session's two changes) → now, related
# P / R: p38 0.83 / 0.89 → 0.83 / 0.89, p39 0.89 / 0.81 → 1.00 / 0.86 (the topic gate no
# longer acts on measures it has no topic for), p40 1.00 / 0.92 → same, p41 0.86 / 0.89 →
# 0.87 / 0.93 (two 强化资金保障 items no longer `same` on their stock title). p38 and p39 were
# looked at to make the changes; p40 was held out for both, p41 for the first. p40's one
# `same` pair the annotator calls related: both plans copy the national plan's 坚决遏制高耗能、
# 高排放、低水平项目盲目上马 sentence (76% of the shorter measure), a judgement left as it is.
_OUTSIDE = {  # probe: (subject, related P floor, R floor, same pairs (tp, fp, fn))
    "p38": ("elderly care: 34 one-action measures against 14 bundled items", 0.80, 0.85, [0, 0, 0]),
    "p39": ("rural living environment: 23 measures against 18", 0.95, 0.83, [0, 0, 0]),
    "p40": ("air quality: 28 one-action measures against 13 bundled items", 0.95, 0.90, [0, 1, 0]),
    "p41": ("employment: 25 measures against 16 若干措施 articles", 0.85, 0.90, [0, 0, 0]),
}


@pytest.mark.parametrize("probe", sorted(_OUTSIDE))
def test_a_blind_alignment_of_plans_outside_the_business_environment(probe):
    from diff_probe_score import score as diff_score

    _, p_floor, r_floor, same = _OUTSIDE[probe]
    s = diff_score(PROBES / probe, _diff)
    assert s.counts["same"] == same, s.report
    p, r, _ = s.prf("related")
    assert p >= p_floor and r >= r_floor, (p, r, s.report)
    assert s.counts["related"][0] >= 17


# p34's inputs are the four sample plans under the names the annotator read them by
_P34_INPUTS = {"xiaodian.txt": "taiyuan_xiaodian_2022.txt", "wanbailin.txt": "taiyuan_wanbailin_2022.txt",
               "xinfu.txt": "xinzhou_xinfu_2022.txt", "quzhou.txt": "quzhou_2024.txt"}


def _p34_inputs(tmp_path):
    import shutil

    corpora = PROBES.parents[2] / "corpora"
    for name, ours in _P34_INPUTS.items():
        shutil.copyfile(corpora / ours, tmp_path / name)
    return tmp_path


def test_a_fourth_blind_reading_of_the_four_plans_against_quzhou(tmp_path):
    """p34 (twentieth session): a fresh helper, seeing only the spec and the four plans, aligned
    Xiaodian, Wanbailin and Xinfu each against Quzhou by hand (no earlier alignment, no code, no
    parse) and froze it before any diff. Held out, first diff: related P 0.80 / R 0.82 (64, 16,
    14) — short of the issue's bar on recall, as the earlier first readings were (about 0.82 /
    0.83); three of the sixteen false pairs are items of Xiaodian's 附件1 work-team annex, which
    the annotator did not count as measures. Kept as a floor, not as the bar."""
    from diff_probe_score import score as diff_score

    s = diff_score(PROBES / "p34", _diff, inputs=_p34_inputs(tmp_path))
    assert s.counts["same"] == [0, 0, 0], s.report
    p, r, _ = s.prf("related")
    assert p >= 0.77 and r >= 0.79, s.report
    assert s.counts["related"][0] >= 60


def test_how_hard_the_held_out_alignments_are_by_the_issues_yardstick(tmp_path):
    """The issue describes its hidden alignment by plain char-bigram cosine with one threshold:
    precision 0.55 at recall 0.83, 0.74 at 0.65. By that yardstick the two pairs of plans written
    apart are easy (their authors gave one reform the same words: the baseline alone passes the
    bar on them), and the fourth reading of the four plans is harder than the hidden one at the
    high-recall end (docs/compare.md, "How hard each held-out gold is")."""
    from diff_probe_score import baseline

    for written_apart in ("p30", "p32"):
        assert baseline(PROBES / written_apart)[0.83] >= 0.95
    four = baseline(PROBES / "p34", _p34_inputs(tmp_path))
    assert 0.35 <= four[0.83] < 0.55 and 0.70 <= four[0.65] <= 0.80, four

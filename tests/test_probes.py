"""The blind probes of the seventeenth session, kept as regression tests.

Each probe (tests/data/probes/pNN) is a set of notices a helper wrote and annotated from the
spec alone, never seeing the code or a parse, and froze (expect.sha256) before the first
parse: p21 deadline and quantity phrasings, p22 unit attribution (labels, running text,
task-number lists, task tables), p23 document facts, p24 plans' goals and indicator tables
(seventeenth session); p25 outlines of real PDFs, a Markdown repost, HTML page chrome and
long 规划, p26 messy reposts (traditional and Hong Kong script, full-width forms, junk, hard
wraps, cut-off pages, GB18030), p27 若干政策 articles, PDF task tables with merged cells, a
Word notice, quarter and season deadlines (eighteenth session).  Their first parses found the gaps fixed
in those sessions (docs/decisions.md, *probe 21* … *probe 26*); the few expectations still not
met are documented decisions (M月前 is the end of month M−1, regions in simplified script, a
专栏 of prose is a measure of its own, ① / （1） sub-items after 重点抓好以下工作： are measures,
春节前 in a plan year is the festival ending it, two bounds on one figure are one range …).
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
}

# categories held to a lower floor, and why: p25's annotator read the ①②③ / （1）（2）（3）
# sub-items under `重点实施三类改造内容：` and `重点抓好以下工作：` as parts of their measure (five
# `X` lines); the spec's numbered leaf, and docs/decisions.md, make them measures
# p27's annotator dated 春节前 in a plan issued 2025-01-10 by the festival then weeks away
# (2025-01-28); docs/decisions.md dates it by the festival ending the plan year (three
# deadlines)
FLOORS = {("p25", "text"): 0.93, ("p27", "deadlines"): 0.95}


@pytest.mark.parametrize("probe", sorted(CASES))
def test_a_blind_probe_is_met(probe):
    s = score(PROBES / probe, CASES[probe])
    assert s.counts, "nothing scored"
    low = {cat: s.pr(cat) for cat in s.counts if min(s.pr(cat)) < FLOORS.get((probe, cat), 0.96)}
    assert not low, (low, s.report)
    # every category the probe annotates was scored on a fair number of items
    assert sum(tp for tp, _, _ in s.counts.values()) >= 100

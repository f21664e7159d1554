"""Align the measures of two plans: ``same`` (one-to-one, optimal assignment on the
copied-text score), ``related`` (same reform topic, written differently), ``only_a``,
``only_b``; every measure of A also gets its closest measure of B and why.

Thresholds live in :class:`Thresholds` (CLI flags ``--same``, ``--same-titled``,
``--related``, ``--related-strong``, ``--related-titled``, ``--passage``,
``--passage-floor``, ``--top-k``, ``--background``);
docs/compare.md explains each.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import numpy as np

from .load import Item, Plan
from .similarity import WEIGHTS, Copy, Index, copied, same_score


@dataclass
class Thresholds:
    same: float = 0.50          # copied-text score for `same`
    same_titled: float = 0.40   # … lowered to this when the titles agree (title sim >= title_agree)
    title_agree: float = 0.80
    candidate: float = 0.20     # char-bigram cosine below which no character alignment is run
    related: float = 0.20       # combined score for `related` when the pair shares a named reform
    related_strong: float = 0.35  # combined score for `related` without a shared reform
    related_mutual: float = 0.60  # × the bar: what `related` needs when the two measures are
                                # each other's closest counterpart on the reform they share
    related_titled: float = 0.30  # × the bar: what `related` needs when both titles name the
                                # same specific reform (broad ones: related_mutual and top_k)
    passage: float = 0.20       # `related` when a sentence of one is this close (char-bigram
                                # cosine) to the whole text of the other
    passage_floor: float = 0.05  # no `related` pair whose best sentence-to-text cosine is lower
    related_reused: float = 1.20  # × the bar: what `related` needs when one of the two is
                                # reused in a `same` pair (and then only with a shared reform)
    top_k: int = 2              # either way the pair is within the top_k of one side
    background: float = 0.95    # `related` needs at least this times the median best-match score
    min_topics: float = 0.30    # topic cosine a related pair needs (topic knowledge as a gate)
    topic_evidence: float = 3.0  # …when both measures have a topic area scored this high (the
                                # lexicon is the business environment's: the topics of an
                                # elderly-care or sewage measure are noise, and gate nothing)


@dataclass
class Pair:
    a: Item
    b: Item
    relation: str               # same | related
    score: float                # same: copied-text score; related: combined score (passage
                                # score for a pair related on a passage alone, topics apart)
    features: dict[str, float]
    copy: Copy | None = None
    why: str = ""


@dataclass
class Closest:
    a: Item
    b: Item | None
    score: float
    features: dict[str, float]
    why: str


@dataclass
class Alignment:
    plan_a: Plan
    plan_b: Plan
    pairs: list[Pair]
    only_a: list[Item]
    only_b: list[Item]
    closest: list[Closest] = field(default_factory=list)
    thresholds: Thresholds = field(default_factory=Thresholds)

    def counts(self) -> dict[str, int]:
        return {
            "same": sum(p.relation == "same" for p in self.pairs),
            "related": sum(p.relation == "related" for p in self.pairs),
            "only_a": len(self.only_a),
            "only_b": len(self.only_b),
        }


def explain(a: Item, b: Item, f: dict[str, float], c: Copy | None, reforms: list[str] | None = None) -> str:
    """A short account of a pair's score: the features that carried it."""
    parts = []
    if reforms:
        parts.append("same reform " + "、".join(reforms))
    if c is not None and c.blocks:
        parts.append(f"{sum(s for _, _, s in c.blocks)} chars copied in {len(c.blocks)} runs "
                     f"({c.share:.0%} of the text)")
    if f.get("title", 0) >= 0.99:
        parts.append("same title")
    elif f.get("title", 0) >= 0.3:
        parts.append(f"similar title ({f['title']:.2f})")
    parts.append(f"char-bigram cosine {f.get('chars', 0):.2f}, word cosine {f.get('words', 0):.2f}, "
                 f"best sentence-to-text cosine {f.get('passage', 0):.2f}")
    shared = [t for t in a.topics if t in b.topics]
    if shared:
        parts.append("shared topics " + "、".join(shared[:3]))
    if f.get("units", 0) > 0:
        parts.append(f"unit overlap {f['units']:.2f}")
    return "; ".join(parts)


def _features(m: dict[str, np.ndarray], i: int, j: int, c: Copy | None = None) -> dict[str, float]:
    """The pair's features (every matrix of ``m`` at ``i, j``), with its copied-text score
    when a character alignment ``c`` was run."""
    f = {k: round(float(v[i, j]), 4) for k, v in m.items()}
    if c is not None:
        f["copied"] = round(same_score(c), 4)
    return f


def align(a: Plan, b: Plan, th: Thresholds | None = None, index: Index | None = None,
          closest: bool = True) -> Alignment:
    """Align two plans (an :class:`Index` over both, or over more plans, may be passed in).
    ``closest=False`` skips the closest-match explanation of every measure of A (the
    many-plan report needs only the pairs)."""
    th = th or Thresholds()
    ia, ib = a.items, b.items
    if index is None:
        index = Index(ia + ib)
    pairs: list[Pair] = []
    if not ia or not ib:
        return Alignment(a, b, [], list(ia), list(ib), [Closest(x, None, 0.0, {}, "") for x in ia], th)
    m = index.matrices(ia, ib)
    score, chars, title = m["score"], m["chars"], m["title"]

    # --- same: character alignment on candidates, then optimal one-to-one assignment
    copies: dict[tuple[int, int], Copy] = {}
    same_m = np.zeros_like(score)
    for i, j in zip(*np.nonzero(chars >= th.candidate)):
        c = copied(ia[i].body, ib[j].body)
        copies[(i, j)] = c
        same_m[i, j] = same_score(c)
    # (a stock title — 加强组织领导, 强化资金保障: the plans' safeguards, generic instruments
    # alone — says nothing of reuse: its pair needs the full bar)
    stock = index.stock_titles(ia)[:, None] & index.stock_titles(ib)[None, :]
    need = np.where((title >= th.title_agree) & ~stock, th.same_titled, th.same)
    eligible = (same_m >= need) & (chars >= th.candidate)  # only pairs aligned above
    same_pairs = _assign(eligible, same_m + 0.01 * score)
    for i, j in sorted(same_pairs):
        c = copies[(i, j)]
        f = _features(m, i, j, c)
        pairs.append(Pair(ia[i], ib[j], "same", f["copied"], f, c, explain(ia[i], ib[j], f, c)))

    # --- related: the same named reform (grammars/reforms.yaml), or close text
    # (topic knowledge gates only where it has something to say about both measures)
    evident = index.topic_evidence(ia, th.topic_evidence)[:, None] & index.topic_evidence(ib, th.topic_evidence)[None, :]
    gated = np.where((m["topics"] >= th.min_topics) | ~evident, score, 0.0)
    # a measure reused in the other plan (in a `same` pair) is mostly accounted for: it
    # takes no part in the bar, and is `related` to another measure only on the first
    # rule below, over a higher bar (`reused` marks its row or column)
    reused_a = np.zeros(gated.shape[0], dtype=bool)
    reused_b = np.zeros(gated.shape[1], dtype=bool)
    for i, j in same_pairs:
        reused_a[i] = reused_b[j] = True
    reused = reused_a[:, None] | reused_b[None, :]
    free = ~reused
    # plans written in one city share much boilerplate: the bar for `related` rises
    # with the typical best-match score of the pair of plans: the median best match of
    # every measure of both plans (so that diff B A mirrors diff A B), a reused one's
    # counted as 0 (its row and column are left out of the scores)
    rest = np.where(reused, 0.0, gated)
    best_a, best_b = (rest.max(axis=1), rest.max(axis=0)) if rest.size else (rest, rest)
    bg = float(np.median(np.concatenate([best_a, best_b]))) if rest.size else 0.0
    bar = max(th.related, th.background * bg)
    # …and a reused measure's bar takes the median over the measures not reused alone:
    # with most measures reused (a draft against its issued text) the zeros would make it 0
    free_best = np.concatenate([best_a[~reused_a], best_b[~reused_b]]) if rest.size else rest
    bar_reused = max(th.related, th.background * float(np.median(free_best))) if free_best.size else th.related
    rel = gated.copy()
    for i, j in same_pairs:
        rel[i, j] = 0.0
    # two ways to be related: a reform named in the title of one is acted on by a sentence
    # of the other (grammars/reforms.yaml), or the texts are close; either way the pair
    # must be among the top_k of one side
    linked = m["reform"] > 0
    near = _near(rel, th.top_k)
    related = near & (((rel >= bar) & linked) | (rel >= max(th.related_strong, bar)))
    # both titles name the same reform: a specific one (公平竞争审查, 政务诚信 …) is what
    # `related` means, whatever the wording; a broad one (an indicator area such as 纳税,
    # or an industry) still needs the pair among the closest and over the mutual floor
    titled = ((m["same_reform"] >= 2) & (rel >= th.related_titled * bar) & (rel > 0)) | \
        ((m["same_reform"] >= 1) & near & (rel >= th.related_mutual * bar))
    related |= titled
    # an umbrella: one title names a broad area (获得信贷), the other one of its instruments
    # (融资担保, 转续贷, 征信 — `part_of` in grammars/reforms.yaml); over the mutual floor,
    # at any rank (破解中小微企业发展融资难题 has five such counterparts, not two)
    by_area = (m["same_area"] > 0) & (rel >= th.related_mutual * bar) & (rel > 0) & ~related
    related |= by_area
    # a third way, for items that bundle several actions (a Quzhou item has five, so its
    # whole-text score with a one-action measure stays low): the two are each other's
    # closest counterpart on the reform they share — of the measures of B that carry the
    # reform (in the title or a devoted sentence) j is the closest to i, and of those of
    # A, i is the closest to j (closeness = the topic-gated combined score, before the
    # same-pair exclusion, so a reused measure's copy keeps its place and its siblings
    # gain nothing)
    mutual: dict[tuple[int, int], list[str]] = {}
    cand = near & linked & ~related & (rel >= th.related_mutual * bar)
    if cand.any():
        ra, rb = index.rows(ia), index.rows(ib)
        for i, j in zip(*np.nonzero(cand)):
            on = index.mutual_reforms(ra, rb, int(i), int(j), gated)
            if on:
                mutual[(int(i), int(j))] = on
                related[i, j] = True
    # another way, one-sided: the measure of B closest to i (of all of them) acts, in a
    # sentence of its own, on the specific reform i's title names — or the same with A and
    # B swapped (一件事集成服务 and the Quzhou item whose 准入准营“一件事” sentence makes it
    # the closest); over the mutual floor
    top = ((m["acts_on_a"] > 0) & (rel >= rel.max(axis=1, keepdims=True))) | \
        ((m["acts_on_b"] > 0) & (rel >= rel.max(axis=0, keepdims=True)))
    by_closest = top & (rel > 0) & (rel >= th.related_mutual * bar) & ~related
    related |= by_closest
    # passages (the unit text-reuse detectors align): a sentence of one measure close to
    # the whole of the other is the one's action written into the other (a Quzhou item
    # carrying a Xinfu measure in one of its five actions) — related on that alone; and a
    # pair in which no sentence of either is even loosely like the other shares a reform
    # word but not an action: not related, whatever the lexicon said
    by_passage = free & (m["passage"] >= th.passage) & ~related
    related |= by_passage
    related &= m["passage"] >= th.passage_floor
    # a reused measure: related to another only on a shared reform, among the closest,
    # over related_reused × bar (一网通办 and 证照通办, while the 一网通办 measures are `same`),
    # and never to one that is reused too: each is accounted for by its own copy
    # (a `same` pair itself has rel 0, so it is never also `related`)
    on_reused = near & linked & (rel >= th.related_reused * bar_reused) & ~(reused_a[:, None] & reused_b[None, :])
    related = np.where(free, related, on_reused)
    for i, j in zip(*np.nonzero(related)):
        c = copies.get((i, j))
        f = _features(m, i, j, c)
        shared = index.shared_reforms(index.pos[id(ia[i])], index.pos[id(ib[j])]) if linked[i, j] else []
        why = explain(ia[i], ib[j], f, c, shared)
        if (int(i), int(j)) in mutual:
            why = "closest to each other on " + "、".join(mutual[(int(i), int(j))]) + "; " + why
        if by_closest[i, j]:
            why = "one's closest counterpart acts on its title's reform in a sentence of its own; " + why
        if by_area[i, j]:
            why = "one title names the area of an instrument the other's title names; " + why
        if by_passage[i, j]:
            why = "a sentence of one is close to the other's text; " + why
        if not free[i, j]:
            why = "one of the two is also in a same pair, and the two share a reform well over the bar; " + why
        # (a pair related on a passage alone may have no topic in common, so a combined
        # score of 0: its score is then the passage's, what made it related)
        shown = float(rel[i, j]) if rel[i, j] > 0 else float(m["passage"][i, j])
        pairs.append(Pair(ia[i], ib[j], "related", round(shown, 4), f, c, why))

    pairs.sort(key=lambda p: (p.a.index, p.relation != "same", -p.score))
    used_a = {id(p.a) for p in pairs}
    used_b = {id(p.b) for p in pairs}

    nearest = []
    for i, x in enumerate(ia if closest else []):
        j = int(np.argmax(score[i] + same_m[i]))
        c = copies.get((i, j))
        f = _features(m, i, j, c)
        nearest.append(Closest(x, ib[j], round(float(score[i, j]), 4), f, explain(x, ib[j], f, c)))
    return Alignment(
        a, b, pairs,
        [x for x in ia if id(x) not in used_a],
        [y for y in ib if id(y) not in used_b],
        nearest, th,
    )


def _near(x: np.ndarray, k: int) -> np.ndarray:
    """Pairs within the ``k`` highest of their row or of their column (zeros excluded)."""
    if not x.size:
        return np.zeros_like(x, dtype=bool)
    ka, kb = min(k, x.shape[1]), min(k, x.shape[0])
    row_kth = -np.partition(-x, ka - 1, axis=1)[:, ka - 1 : ka]
    col_kth = -np.partition(-x, kb - 1, axis=0)[kb - 1 : kb, :]
    return (x > 0) & ((x >= row_kth) | (x >= col_kth))


def _assign(eligible: np.ndarray, weight: np.ndarray) -> set[tuple[int, int]]:
    """Optimal one-to-one assignment (maximum total ``weight``) over the ``eligible``
    pairs. The eligible pairs split into connected components of the bipartite graph;
    a component with one row or one column is solved by taking its best pair, and only
    larger components go to scipy's ``linear_sum_assignment`` (imported then: it costs
    ~0.3 s, more than a whole two-plan diff). Same optimum as one assignment over all."""
    out: set[tuple[int, int]] = set()
    rows, cols = np.nonzero(eligible)
    if not len(rows):
        return out
    # union-find over row nodes (i) and column nodes (n_rows + j)
    n = eligible.shape[0]
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in zip(rows.tolist(), cols.tolist()):
        parent[find(i)] = find(n + j)
    comps: dict[int, list[tuple[int, int]]] = {}
    for i, j in zip(rows.tolist(), cols.tolist()):
        comps.setdefault(find(i), []).append((i, j))
    for edges in comps.values():
        ri = sorted({i for i, _ in edges})
        cj = sorted({j for _, j in edges})
        if len(ri) == 1 or len(cj) == 1:
            out.add(max(edges, key=lambda e: (weight[e], -e[0], -e[1])))
            continue
        from scipy.optimize import linear_sum_assignment

        sub = np.where(eligible[np.ix_(ri, cj)], weight[np.ix_(ri, cj)], 0.0)
        r, c = linear_sum_assignment(-sub)
        out.update((ri[x], cj[y]) for x, y in zip(r, c) if eligible[ri[x], cj[y]])
    return out


def thresholds_dict(th: Thresholds) -> dict:
    d = asdict(th)
    d["weights"] = dict(WEIGHTS)
    return d

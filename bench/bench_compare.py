"""Time to diff two 100-measure plans and to compare 20 plans, against a plain all-pairs
rapidfuzz loop (fuzz.token_set_ratio on every pair of measure texts) in the same run.

Plans are synthesised from the four regional plans' measures: sampled, and perturbed
(sentences dropped or shuffled, characters substituted) so that some measures are
near-copies across plans and most are not."""

from __future__ import annotations

import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOUR = ["taiyuan_xiaodian_2022", "taiyuan_wanbailin_2022", "xinzhou_xinfu_2022", "quzhou_2024"]


def _perturb(rng: random.Random, text: str) -> str:
    sents = [s for s in text.split("。") if s]
    if len(sents) > 2 and rng.random() < 0.5:
        sents.pop(rng.randrange(1, len(sents)))
    if len(sents) > 2 and rng.random() < 0.3:
        head, tail = sents[:1], sents[1:]
        rng.shuffle(tail)
        sents = head + tail
    chars = list("。".join(sents) + "。")
    for _ in range(max(1, len(chars) // 40)):
        chars[rng.randrange(len(chars))] = rng.choice("推进加强完善优化深化建立健全")
    return "".join(chars)


def synth_plans(n_plans: int, n_measures: int, seed: int = 7):
    from policyparse.compare.load import Plan, load_plan

    rng = random.Random(seed)
    pool = [it for name in FOUR for it in load_plan(str(ROOT / "corpora" / f"{name}.txt")).items]
    plans = []
    for k in range(n_plans):
        items = []
        for i, src in enumerate(rng.sample(pool, n_measures)):
            text = _perturb(rng, src.measure.text)
            m = src.measure.model_copy(update={"id": f"d1-m{i + 1}", "number": str(i + 1), "text": text})
            it = type(src)(plan=f"P{k}", index=i, measure=m, doc=1, title=src.title, body=_perturb(rng, src.body),
                           topics=src.topics, topic_scores=src.topic_scores)
            items.append(it)
        plans.append(Plan(path=f"synthetic-{k}", label=f"P{k}", result=None, items=items))
    return plans


def baseline(plans) -> float:
    from rapidfuzz import fuzz

    t = time.perf_counter()
    for a in range(len(plans)):
        for b in range(a + 1, len(plans)):
            for x in plans[a].items:
                for y in plans[b].items:
                    fuzz.token_set_ratio(x.body, y.body)
    return time.perf_counter() - t


def ours_diff(a, b) -> float:
    from policyparse.compare.align import align

    t = time.perf_counter()
    align(a, b)
    return time.perf_counter() - t


def ours_compare(plans) -> float:
    from itertools import combinations

    from policyparse.compare.align import align
    from policyparse.compare.similarity import Index

    t = time.perf_counter()
    index = Index([it for p in plans for it in p.items])
    for a, b in combinations(plans, 2):
        align(a, b, index=index, closest=False)  # as `policyparse compare` does
    return time.perf_counter() - t


def main() -> None:
    from policyparse.compare.similarity import words

    words("预热分词词典")  # the segmenter loads its dictionary once; not part of the timings
    two = synth_plans(2, 100)
    d_ours, d_base = ours_diff(*two), baseline(two)
    print(f"diff two 100-measure plans:   policyparse {d_ours * 1000:8.0f} ms   "
          f"all-pairs rapidfuzz loop {d_base * 1000:8.0f} ms   ratio {d_base / d_ours:5.2f}x")
    twenty = synth_plans(20, 100, seed=11)
    c_ours, c_base = ours_compare(twenty), baseline(twenty)
    print(f"compare 20 plans (190 pairs): policyparse {c_ours:8.2f} s    "
          f"all-pairs rapidfuzz loop {c_base:8.2f} s    ratio {c_base / c_ours:5.2f}x")
    print("(policyparse computes five similarity features, a character alignment of candidate pairs and an "
          "optimal assignment; the baseline computes one score per pair)")


if __name__ == "__main__":
    main()

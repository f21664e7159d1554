"""Precision / recall of an alignment against a hand alignment.

Two formats: ``tests/data/alignment_sample.yaml`` (a sample of measures of A, all their
pairs) — :func:`score_sample`; and ``tests/data/alignment_blind.yaml`` (every measure of A
in ``sample_a`` against every measure of B in ``sample_b``, with ``maybe`` pairs that count
neither way) — :func:`score_blind`.
"""

from __future__ import annotations

from .align import Alignment


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": prec, "recall": rec, "f1": f1}


def score_sample(al: Alignment, gold: dict) -> dict[str, dict[str, float]]:
    """Per relation: tp, fp, fn, precision, recall, f1 — over the sampled measures of A."""
    sample = set(gold["sample"])
    out = {}
    for rel in ("same", "related"):
        want = {tuple(p) for p in gold.get(rel) or []}
        got = {(p.a.key, p.b.key) for p in al.pairs if p.relation == rel and p.a.key in sample}
        out[rel] = _prf(len(want & got), len(got - want), len(want - got))
        out[rel].update(false_pos=sorted(got - want), missed=sorted(want - got))
    return out


def score_pairs(got: dict[str, set], gold: dict) -> dict[str, dict]:
    """Score predicted pairs ``{"same": {(a, b)}, "related": {…}}`` against a blind gold
    entry: pairs outside ``sample_a`` × ``sample_b`` and ``maybe`` pairs are ignored."""
    sa, sb = set(gold["sample_a"]), set(gold["sample_b"])
    maybe = {tuple(p[:2]) for p in gold.get("maybe") or []}
    out = {}
    for rel in ("same", "related"):
        want = {tuple(p[:2]) for p in gold.get(rel) or []}
        g = {p for p in got.get(rel, set()) if p[0] in sa and p[1] in sb and p not in maybe}
        out[rel] = _prf(len(want & g), len(g - want), len(want - g))
        out[rel].update(false_pos=sorted(g - want), missed=sorted(want - g))
    return out


def score_blind(al: Alignment, gold: dict) -> dict[str, dict]:
    got: dict[str, set] = {"same": set(), "related": set()}
    for p in al.pairs:
        got[p.relation].add((p.a.key, p.b.key))
    return score_pairs(got, gold)


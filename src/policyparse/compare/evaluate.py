"""Precision / recall of an alignment against a hand alignment (tests/data/alignment_sample.yaml)."""

from __future__ import annotations

from .align import Alignment


def score_sample(al: Alignment, gold: dict) -> dict[str, dict[str, float]]:
    """Per relation: tp, fp, fn, precision, recall, f1 — over the sampled measures of A."""
    sample = set(gold["sample"])
    out = {}
    for rel in ("same", "related"):
        want = {tuple(p) for p in gold.get(rel) or []}
        got = {(p.a.key, p.b.key) for p in al.pairs if p.relation == rel and p.a.key in sample}
        tp, fp, fn = len(want & got), len(got - want), len(want - got)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[rel] = {"tp": tp, "fp": fp, "fn": fn, "precision": prec, "recall": rec, "f1": f1,
                    "false_pos": sorted(got - want), "missed": sorted(want - got)}
    return out

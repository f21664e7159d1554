"""The data of a two-plan diff as plain dicts (``--format json``), shared by the renderers."""

from __future__ import annotations

from .align import Alignment, Pair, thresholds_dict
from .fielddiff import pair_changes
from .load import Item, Plan
from .passages import classify


def side(it: Item) -> dict:
    m = it.measure
    return {"id": m.id, "number": m.number, "title": m.title, "span": list(m.span), "topics": it.topics}


def plan_info(p: Plan) -> dict:
    return {"path": p.path, "region": p.label, "measures": len(p.items)}


def pair_dict(p: Pair) -> dict:
    d = {
        "relation": p.relation,
        "score": p.score,
        "a": side(p.a),
        "b": side(p.b),
        "why": p.why,
        "features": p.features,
        "changes": [c.as_dict() for c in pair_changes(p)],
    }
    if p.copy is not None:
        d["copied_runs"] = [{"a": [x, x + n], "b": [y, y + n]} for x, y, n in p.copy.blocks]
        d["sentences"] = sentences(p)
    return d


def runs(p: Pair) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The copied runs of a pair as ``(start, end)`` offsets into A's body and into B's."""
    blocks = p.copy.blocks if p.copy is not None else []
    return [(x, x + n) for x, _, n in blocks], [(y, y + n) for _, y, n in blocks]


def sentences(p: Pair) -> dict[str, list[dict]]:
    """Per side, each sentence of the body (offsets as ``copied_runs``) with its status:
    copied / edited / new (:mod:`passages`)."""
    ra, rb = runs(p)
    return {"a": classify(p.a.body, ra), "b": classify(p.b.body, rb)}


def diff_data(al: Alignment) -> dict:
    return {
        "a": plan_info(al.plan_a),
        "b": plan_info(al.plan_b),
        "counts": al.counts(),
        "thresholds": thresholds_dict(al.thresholds),
        "pairs": [pair_dict(p) for p in al.pairs],
        "only_a": [side(x) for x in al.only_a],
        "only_b": [side(x) for x in al.only_b],
        "closest": [
            {"a": c.a.measure.id, "b": c.b.measure.id if c.b else None, "score": c.score, "why": c.why}
            for c in al.closest
        ],
    }

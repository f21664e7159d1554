"""Plans to compare: a notice (any supported format) or JSON written by ``policyparse parse``,
turned into a :class:`Plan` whose measures carry their working-copy text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..models import Measure, ParseResult
from ..normalize.script import working_text
from ..results import load_result

# unit parentheses at the end of a measure: (市经信局等部门按职责分工负责), (牵头单位:…)
ATTRIBUTION = re.compile(
    r"[(（][^()（）]*(?:负责|牵头|责任单位|责任部门|配合单位|协同单位|参与单位|协办单位)[^()（）]*[)）]"
)
_DISTRICT = re.compile(r"[\u4e00-\u9fff]{2}市([\u4e00-\u9fff]{2,3}?(?:区|县))")  # 太原市小店区
_CITY = re.compile(r"^\s*([\u4e00-\u9fff]{2}市)(?![场级])", re.M)  # 衢州市 at a line start (not …，新增市级…)
_NOT_CITY = set("全各本在依加配简为让我该")


@dataclass
class Item:
    """One measure of a plan, with what the comparison needs."""

    plan: str                 # the plan's label (region)
    index: int                # position in the plan
    measure: Measure
    doc: int                  # document index (1-based) within the source
    title: str                # working-copy title
    body: str                 # working-copy text without the unit parenthesis
    topics: list[str] = field(default_factory=list)
    topic_scores: dict[str, int] = field(default_factory=dict)

    @property
    def number(self) -> str:
        return self.measure.number

    @property
    def key(self) -> str:
        return self.measure.id


@dataclass
class Plan:
    path: str
    label: str
    result: ParseResult
    items: list[Item]

    @property
    def region(self) -> str:
        return self.label


def guess_region(result: ParseResult, fallback: str) -> str:
    """The plan's region: the one of the documents holding at least half of its measures
    (a file of nine documents of which one names 绵阳市 is no plan of 绵阳市: it is
    labelled by its file name); else one found in the text; else ``fallback``."""
    docs = result.documents
    weight: Counter[str | None] = Counter()
    for d in docs:
        weight[d.region] += len(d.measures) or (1 if len(docs) == 1 else 0)
    named = [(r, n) for r, n in weight.most_common() if r]
    if named and 2 * named[0][1] >= sum(weight.values()):
        return named[0][0]
    if len(docs) > 1:
        return fallback
    text = working_text(result.source_text or "")
    districts = Counter(_DISTRICT.findall(text))
    if districts:
        return districts.most_common(1)[0][0]
    cities = Counter(c for c in _CITY.findall(text) if not (set(c[:2]) & _NOT_CITY))
    if cities:
        return cities.most_common(1)[0][0]
    return fallback


def load_plan(path: str, label: str | None = None) -> Plan:
    """Parse (or read) one plan; raises :class:`InputError` for bad input."""
    from ..extract.topics import tag_topics, topic_scores

    result = load_result(path)
    label = label or guess_region(result, Path(path).stem)
    items: list[Item] = []
    for di, d in enumerate(result.documents, 1):
        for m in d.measures:
            title = working_text(m.title)
            text = working_text(m.text)
            body = ATTRIBUTION.sub("", text).strip()
            topics = list(m.topics) or tag_topics(text)
            items.append(Item(plan=label, index=len(items), measure=m, doc=di, title=title,
                              body=body, topics=topics, topic_scores=topic_scores(text)))
    return Plan(path=str(path), label=label, result=result, items=items)


def load_plans(paths: list[str], errors: list[InputError] | None = None) -> list[Plan]:
    """Load several plans. An input that cannot be read raises :class:`InputError` — or,
    when ``errors`` is a list, is appended to it and left out, so that a many-plan
    comparison goes on past a broken file (``policyparse compare`` does this)."""
    plans = []
    for p in paths:
        try:
            plans.append(load_plan(p))
        except InputError as e:
            if errors is None:
                raise
            errors.append(e)
    # two plans of one region get distinct labels: the second 忻府区 becomes 忻府区#2 (or #3 …
    # when a plan is already labelled 忻府区#2)
    taken: set[str] = set()
    for pl in plans:
        label, k = pl.label, 1
        while label in taken:
            k += 1
            label = f"{pl.label}#{k}"
        taken.add(label)
        if label != pl.label:
            pl.label = label
            for it in pl.items:
                it.plan = label
    return plans


def input_warnings(plans: list[Plan]) -> list[str]:
    """What an analyst should know about the inputs, one line each: a plan with no
    measures (not a plan? its measures in a format not read?), the same text given twice."""
    out = []
    seen: dict[str, str] = {}
    for pl in plans:
        out.extend(f"{pl.path}: {w}" for w in pl.result.source.warnings)
        if not pl.items:
            out.append(f"{pl.path}: no measures found (is it a plan? it is compared as {pl.label}, empty)")
        sha = pl.result.source.sha256
        if sha in seen:
            what = "given twice" if seen[sha] == pl.path else f"the same text as {seen[sha]}"
            out.append(f"{pl.path}: {what} (compared as {pl.label})")
        else:
            seen[sha] = pl.path
    return out

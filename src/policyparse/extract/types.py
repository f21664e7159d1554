"""What the field extractors return: items with working-copy spans (the pipeline maps
them to ``source_text`` and cuts their printed form)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Context:
    plan_year: int | None = None
    issue_year: int | None = None  # the year of the date of issue (明年 is the year after it)
    first_leads: bool = False  # the document declares that the first-listed unit leads
    report: bool = False  # a work report (总结, 汇报), not a plan: its changes on last year are past


def year_of(iso: str | None) -> int | None:
    """The year of an ISO date (a document's date of issue), if it names one."""
    return int(iso[:4]) if iso and iso[:4].isdigit() else None


@dataclass(slots=True)
class RawDeadline:
    span: tuple[int, int]
    date: str
    year_inferred: bool


@dataclass(slots=True)
class RawQuantity:
    span: tuple[int, int]
    value: float
    unit: str
    comparator: str
    kind: str
    value_max: float | None = None
    metric: str | None = None
    deadline: RawDeadline | None = None


@dataclass(slots=True)
class RawUnit:
    span: tuple[int, int]
    role: str
    generic: bool = False
    name: str | None = None  # set when the printed name is not one contiguous span


@dataclass(slots=True)
class RawTaskRef:
    """A task-number reference opening a clause with its own attribution (第1—3项由A牵头，
    B配合；): the numbers it names and the clause's units."""
    span: tuple[int, int]  # the reference (第1—3项)
    numbers: list[tuple[str, int]]  # (form, value): ("arabic", 1), ("cn_paren", 1), ("cn", 1)
    units: list[RawUnit] = field(default_factory=list)


@dataclass(slots=True)
class Fields:
    units: list[RawUnit] = field(default_factory=list)
    deadlines: list[RawDeadline] = field(default_factory=list)
    quantities: list[RawQuantity] = field(default_factory=list)


@dataclass(slots=True)
class Facts:
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    effective: str | None = None
    region: str | None = None
    plan_year: int | None = None
    first_leads: bool = False
    report: bool = False
    template: bool = False  # its year or place is a placeholder (20xx年, xx县)

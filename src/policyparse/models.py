"""The output models (pydantic v2): what ``policyparse parse`` writes, field by field.

Field names follow ``shared/spec/extraction.md``; docs/schema.md documents the rest.
Every extracted item carries ``span``: ``[start, end)`` offsets into ``source_text``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.1"  # 1.1: source.warnings

Span = Annotated[
    tuple[int, int],
    Field(description="[start, end) character offsets into source_text (Python str indices)"),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)  # JSON has no inf or NaN


class Unit(_Model):
    name: str = Field(description="the unit's name as printed, page breaks joined")
    name_simplified: str = Field(description="the name in simplified script, full-width digits and "
                                             "letters half width (区１２３４５热线中心 → 区12345热线中心)")
    role: Literal["lead", "responsible", "cooperating"]
    generic: bool = Field(False, description="a collective reference (各有关部门, 各街乡 …)")
    span: Span


class Deadline(_Model):
    text: str = Field(description="the time expression as printed")
    date: str = Field(description="last day of the period: YYYY-MM-DD, or --MM-DD when no year is known")
    year_inferred: bool = Field(description="the year came from context, not from the expression")
    span: Span


class Quantity(_Model):
    text: str = Field(description="as printed, with its comparator words")
    value: int | float = Field(description="multipliers applied, Chinese numerals converted")
    value_max: int | float | None = Field(None, description="upper end of a range")
    unit: str = Field(description="base unit after the multiplier (元, %, 家, 个工作日 …)")
    comparator: Literal[">=", ">", "<=", "<", "=", "range"]
    kind: Literal["target", "limit", "incentive", "threshold"]
    metric: str | None = Field(None, description="the thing measured, when the sentence names it")
    deadline: Deadline | None = Field(None, description="the deadline governing it in the same clause")
    span: Span


class Goals(_Model):
    deadlines: list[Deadline] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)


class Measure(_Model):
    id: str = Field(description="stable id within the output: d<document>-m<order>")
    number: str = Field(description="as printed; Arabic digits when the source uses them")
    path: list[str] = Field(description="titles of the enclosing sections, outermost first")
    title: str
    text: str = Field(description="the item after its number, broken lines repaired")
    span: Span
    units: list[Unit] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list, description="business-environment indicator areas")


class Section(_Model):
    number: str
    title: str
    kind: str = Field(description="numbering kind: chapter, section, cn, cn_paren, arabic, …")
    role: Literal["tasks", "goals", "guidance", "background"] = "tasks"
    span: Span
    children: list["Section"] = Field(default_factory=list)
    measures: list[str] = Field(default_factory=list, description="ids of the measures directly under it")


class Document(_Model):
    title: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = Field(None, description="ISO date of issue")
    effective: str | None = Field(None, description="ISO date from 自…起施行/实施")
    region: str | None = None
    plan_year: int | None = None
    script: Literal["simplified", "traditional"] = "simplified"
    span: Span
    outline: list[Section] = Field(default_factory=list)
    goals: Goals = Field(default_factory=Goals)
    measures: list[Measure] = Field(default_factory=list)


class Source(_Model):
    path: str | None = None
    format: Literal["text", "pdf", "html", "docx"] = "text"
    encoding: str | None = None
    sha256: str
    warnings: list[str] = Field(
        default_factory=list, description="what the reader doubts about the input, one line each "
        "(an HTML page with no closing </html> may be cut short)")


class ParseResult(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    source_text: str | None = Field(description="the decoded source; null when omitted (see source.sha256)")
    documents: list[Document] = Field(default_factory=list)


def json_schema() -> dict:
    schema = ParseResult.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "policyparse output"
    return schema

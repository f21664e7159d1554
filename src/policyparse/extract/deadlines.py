"""Deadlines → ISO end dates (grammar: grammars/time.yaml)."""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from dataclasses import dataclass

from .. import grammar
from ..numbering import numeral_value
from .sentences import sentence
from .types import Context, RawDeadline

_QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
_FYP_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030, "十六五": 2035}


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    period: str
    month_shift: int = 0
    day: int | None = None   # the day, for a pattern without one (12月中旬 → the 20th)
    future_only: bool = False  # a date before the plan year is a fact (截至2020年底)
    needs_plan_year: bool = False  # no date without a plan year (全年: a frame, not a bound)
    sentence_year: bool = False  # the year named earlier in the sentence stands for the plan year (当年)
    following_year: bool = False  # the year after the issue's (or the plan's) stands for it (明年)


@functools.cache
def _rules() -> tuple[list[_Rule], re.Pattern[str], re.Pattern[str]]:
    g = grammar.load("time")
    rules = [
        _Rule(r["name"], grammar.compile_pattern("time", r["pattern"]), r["period"],
              int(r.get("month_shift", 0)), r.get("day"), bool(r.get("future_only")),
              bool(r.get("needs_plan_year")), bool(r.get("sentence_year")), bool(r.get("following_year")))
        for r in g["rules"]
    ]
    return rules, re.compile(g["exclude_before"]), re.compile(g["exclude_after"])


def _num(s: str | None) -> int | None:
    if s is None:
        return None
    return numeral_value(s.strip())


def _month_end(year: int | None, month: int) -> tuple[int, int]:
    leap_year = year if year is not None else 2024  # --02-29 only when no year is known
    return month, calendar.monthrange(leap_year, month)[1]


@functools.cache
def _holidays() -> dict:
    return grammar.load("time")["holidays"]


def _holiday_eve(name: str, year: int | None, plan_year: int | None) -> tuple[str, bool] | None:
    """The day before holiday ``name`` (元旦前 → 12-31 of the year before)."""
    h = _holidays()
    name = h["names"][name]
    inferred = year is None
    if year is None:
        if plan_year is None:
            return None
        year = plan_year + (1 if name in h["next_year"] else 0)
    md = h["fixed"].get(name) or h["lunar"].get(name, {}).get(year)
    if md is None:
        return None
    eve = datetime.date(year, int(md[:2]), int(md[3:])) - datetime.timedelta(days=1)
    return eve.isoformat(), inferred


def _past(rule: _Rule, m: re.Match[str], plan_year: int | None) -> bool:
    """A future-only expression (截至2020年底, 2021年底，…) naming a year before the plan year:
    a fact, no deadline."""
    year = _num(m.groupdict().get("year"))
    return rule.future_only and year is not None and plan_year is not None and year < plan_year


def resolve(rule: _Rule, m: re.Match[str], plan_year: int | None) -> tuple[str, bool] | None:
    """The ISO end date of a matched expression and whether its year was inferred."""
    gd = m.groupdict()
    year = _num(gd.get("year"))
    inferred = False
    p = rule.period
    if _past(rule, m, plan_year):
        return None
    if rule.needs_plan_year and plan_year is None:
        return None
    if p == "holiday":
        return _holiday_eve(gd["holiday"], year, plan_year)
    if p == "fyp_end":
        year = _FYP_END.get(gd["fyp"])
        if year is None:
            return None
        month, day = 12, 31
    else:
        if year is None and p not in ("fyp_end",):
            year, inferred = plan_year, plan_year is not None
        if p in ("year_end", "plan_year_end"):
            month, day = 12, 31
        elif p == "half1":
            month, day = 6, 30
        elif p == "half2":
            month, day = 12, 31
        elif p == "quarter":
            q = _num(gd.get("q"))
            if q not in _QUARTER_END:
                return None
            month, day = _QUARTER_END[q]
        elif p == "month_end":
            month = _num(gd.get("month"))
            if month is None or not 1 <= month <= 12:
                return None
            month += rule.month_shift
            if month < 1:
                month, year = 12, (year - 1 if year is not None else None)
            month, day = _month_end(year, month)
        elif p == "day":
            month, day = _num(gd.get("month")), _num(gd.get("day")) or rule.day
            if month is None or day is None or not 1 <= month <= 12:
                return None
            if day > calendar.monthrange(year or 2024, month)[1]:
                return None
        else:
            return None
    if year is None:  # "年底前", "6月底前" with no plan year: the spec's --MM-DD
        return f"--{month:02d}-{day:02d}", False
    return f"{year:04d}-{month:02d}-{day:02d}", inferred


_REACH = 24
_AFTER = 48  # how much text after a match exclude_after reads (…的基础上 up to 40 characters on)


@functools.cache
def _anchor() -> re.Pattern[str]:
    return re.compile(grammar.load("time")["anchor"])


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of text[start:end] within _REACH of an anchor character (grammars/time.yaml:
    anchor), the only places a rule can match."""
    out: list[tuple[int, int]] = []
    for m in _anchor().finditer(text, start, end):
        a, b = max(start, m.start() - _REACH), min(end, m.end() + _REACH)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _scan(text, wa, wb, start, rules, excl_before, excl_after, found) -> None:
    for rule in rules:
        for m in rule.pattern.finditer(text, wa, wb):
            a, b = m.span("at") if "at" in rule.pattern.groupindex else m.span()
            while b > a and text[b - 1].isspace():
                b -= 1
            while a < b and text[a].isspace():
                a += 1
            if a == b:
                continue
            if excl_before.search(text[max(start, a - 4) : a]) or excl_after.search(text[b : b + _AFTER]):
                continue
            found.append((a, b, rule, m))


@functools.cache
def _label() -> re.Pattern[str]:
    return grammar.compile_pattern("time", "{LABEL}$")


def labelled(text: str, deadlines: list[RawDeadline], lo: int = 0) -> list[RawDeadline]:
    """The deadlines given after a completion-time label (完成时限：2024年6月底): the
    time of the whole measure."""
    return [d for d in deadlines if _label().search(text, max(lo, d.span[0] - 12), d.span[0])]


@functools.cache
def _cell_rules() -> list[_Rule]:
    g = grammar.load("time")
    return [_Rule(r["name"], grammar.compile_pattern("time", r["pattern"]), r["period"])
            for r in g.get("cell_rules", [])]


def cell_deadline(text: str, start: int, end: int, ctx: Context | None = None) -> RawDeadline | None:
    """A 完成时限 cell ``text[start:end]`` that holds nothing but a date (``2023年12月31日``,
    ``2025年6月``): that deadline (``cell_rules`` in grammars/time.yaml)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    for rule in _cell_rules():
        m = rule.pattern.fullmatch(text, start, end)
        if m:
            res = resolve(rule, m, ctx.plan_year if ctx else None)
            if res:
                return RawDeadline((start, end), res[0], res[1])
    return None


_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def _sentence_year(text: str, i: int, lo: int) -> int | None:
    """The last year named in the sentence before ``i`` (2025年，…，当年完成 → 2025)."""
    a, _ = sentence(text, i, lo, i)
    years = _YEAR.findall(text, a, i)
    return int(years[-1]) if years else None


def find_deadlines(text: str, start: int = 0, end: int | None = None,
                   ctx: Context | None = None) -> list[RawDeadline]:
    """Every deadline in ``text[start:end]`` (working copy), in reading order."""
    end = len(text) if end is None else end
    plan_year = ctx.plan_year if ctx else None
    rules, excl_before, excl_after = _rules()
    found: list[tuple[int, int, _Rule, re.Match[str]]] = []
    for wa, wb in _windows(text, start, end):
        _scan(text, wa, wb, start, rules, excl_before, excl_after, found)
    # longest first, then earliest; no overlaps
    found = list({(a, b, r.name): (a, b, r, m) for a, b, r, m in found}.values())
    found.sort(key=lambda t: (-(t[1] - t[0]), t[0]))
    taken: list[tuple[int, int]] = []
    out: list[RawDeadline] = []
    for a, b, rule, m in found:
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        if rule.following_year:  # 明年: the year after the issue's, else after the plan year
            base = (ctx.issue_year if ctx else None) or plan_year
            year = base + 1 if base else None
        else:
            year = (rule.sentence_year and _sentence_year(text, a, start)) or plan_year
        if _past(rule, m, year):
            taken.append((a, b))  # a date before the plan year is a fact: no other rule reads it
            continue
        res = resolve(rule, m, year)
        if res is None:
            continue
        taken.append((a, b))
        out.append(RawDeadline((a, b), res[0], res[1]))
    out.sort(key=lambda d: d.span)
    return out

"""Document facts: title, issuer, 文号, date, effective date, region and plan year
(grammar: grammars/document.yaml)."""

from __future__ import annotations

import collections
import datetime
import functools
import re

from .. import grammar
from ..numbering import numeral_value
from ..normalize.script import to_simplified, working_text
from .types import Facts
from .units import declares_first_leads, declares_first_leads_below

_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff”“》《])\s+(?=[\u4e00-\u9fff“”《》])")


@functools.cache
def _p(name: str) -> re.Pattern[str]:
    return re.compile(grammar.load("document")[name])


def _iso(m: re.Match[str]) -> str | None:
    """The ISO date a match names: groups y, m, d — or, in date_line, cy, cm, cd (Chinese
    digits) or iy, im, id (2024-03-05)."""
    gd = m.groupdict()
    for y, mo, d in (("y", "m", "d"), ("cy", "cm", "cd"), ("iy", "im", "id")):
        if gd.get(y):
            break
    y, mo, d = (numeral_value(gd[k]) for k in (y, mo, d))
    if y is None or mo is None or d is None:
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def tidy_title(s: str) -> str:
    """A title as printed, without the layout spaces a PDF or a page put between words
    and without what a content-farm page adds to it (（精选3篇）, a sample's number)."""
    s = _CJK_GAP.sub("", s.strip()).strip("《》 ")
    s = s[len(m.group(0)):] if (m := _p("repost_tag").match(to_simplified(s))) else s
    return _p("farm_suffix").sub("", s)


def region_of(name: str) -> str | None:
    m = _p("region_chain").match(to_simplified(name))
    if not m:
        return None
    r = m.group("town") or m.group("county") or m.group("city")
    if r and r == m.group("county") and _p("urban_district").fullmatch(r) and m.group("city") \
            and _p("urban_body").match(to_simplified(name), m.end("county")):
        return m.group("city") + r  # 晋城市城区人民政府: the district named 城区
    if r and _p("not_region").search(r):
        return m.group("city") or _province(name, m)
    return r or _province(name, m)


def _province(name: str, m: re.Match[str]) -> str | None:
    """The province, for a provincial plan: one whose name names no lower area after it
    (河北省围场满族蒙古族自治县… is the county's, found by the mentions)."""
    if m.group("province") and not _p("lower_area").search(to_simplified(name), m.end("province")):
        return m.group("province")
    return None


def _mentions(text: str):
    stop = _p("region_stop")
    for m in _p("region_mention").finditer(text):
        r = m.group("r")
        name = r[:-1]
        cut = max((s.end() for s in stop.finditer(name)), default=0)
        r = r[cut:]
        if len(r) >= 3 and not _p("not_region").search(r):
            yield r


def _frequent_region(text: str) -> str | None:
    found = list(_mentions(text))
    names = set(found)
    # a mention that ends in another one is that one with a word before it (推进余杭区)
    counts = collections.Counter(
        min((n for n in names if r.endswith(n)), key=len) for r in found)
    if not counts:
        return None
    (r, n), = counts.most_common(1)
    return r if n >= 2 else None


def attachment_links(w, closing: list[tuple[int, int]]) -> list[str]:
    """Titles of attached plan files named in closing lines (…行动方案.pdf)."""
    out = []
    for x, y in closing:
        line = w.text[x:y].strip()
        m = _p("attachment_link").match(line)
        if m:
            off = x + (len(w.text[x:y]) - len(w.text[x:y].lstrip()))
            out.append(tidy_title(w.printed(off + m.start("t"), off + m.end("t"))))
    return out


def _bodies(w, x: int, y: int) -> list[str]:
    """The bodies a line names when it is nothing but their names (某市发展和改革委员会, or
    several set apart by spaces: 某市发展和改革委员会　　某市财政局), as printed."""
    out = []
    for part in re.finditer(r"\S+", w.text[x:y]):
        m = _p("issuer_line").match(part.group())
        if m is None:
            return []
        out.append(w.printed(x + part.start() + m.start("i"), x + part.start() + m.end("i")))
    return out


def _issuer(w, lines: list[tuple[int, int]]) -> str | None:
    """The first run of lines naming bodies: one body, or all that sign jointly, joined by 、."""
    names: list[str] = []
    for x, y in lines:
        found = _bodies(w, x, y)
        if not found and names:
            break
        names.extend(n for n in found if n not in names)
    return "、".join(names) or None


def extract_facts(w, od, meta: dict[str, str], page_links: list[str] | None = None) -> Facts:
    text = w.text
    a, b = od.span
    head_lines, tail_lines = od.preamble, od.closing
    f = Facts()

    # 文号 and date of issue: meta lines first, then the notice's own lines
    meta_text = "\n".join(f"{k}: {v}" for k, v in (meta or {}).items())
    head_text = "\n".join(text[x:y] for x, y in head_lines)
    tail_text = "\n".join(text[x:y] for x, y in tail_lines)
    # the day the page published it (发布日期: a meta line, or a line of the preamble)
    published = _p("publish_meta").search(meta_text) or _p("publish_meta").search(head_text)
    m = _p("doc_number").search(meta_text)
    if m:
        f.doc_number = m.group("dn")
    for x, y in head_lines:
        if f.doc_number:
            break
        # the notice's own 文号 opens its line or follows a 文号 label (文　　号： | …); one inside
        # a sentence cites another document (根据《…实施意见》（浙政办发〔2019〕31号）精神)
        for m in _p("doc_number").finditer(text, x, y):
            before = text[x : m.start()]
            if not before.strip() or _p("doc_number_label").search(before):
                f.doc_number = w.printed(*m.span("dn"))
                break
    for src in (meta_text, head_text, tail_text):
        if f.date:
            break
        m = _p("date_meta").search(src)
        if m:
            f.date = _iso(m)
            break
        for line in src.split("\n"):
            m = _p("date_line").match(line.strip())
            if m:
                f.date = _iso(m)
                break

    doc_text = text[a:b]
    m = _p("effective").search(tail_text) or _p("effective").search(doc_text)
    if m:
        f.effective = _iso(m)
    elif f.date and (_p("effective_on_issue").search(tail_text)):
        f.effective = f.date
    elif m := _p("effective_after_issue").search(tail_text):
        # 自发布之日起30日后施行: counted from the day it was published (the page's 发布日期),
        # else from the date of issue
        base = _iso(published) if published and m.group("on") != "印发" else f.date
        if base:
            f.effective = (datetime.date.fromisoformat(base) + datetime.timedelta(days=int(m.group("n")))).isoformat()

    # issuer: a line naming a body, or the header "XX人民政府文件"
    f.issuer = _issuer(w, head_lines) or _issuer(w, tail_lines)

    f.title = _title(w, od, head_lines) or next(iter(page_links or []), None) or _meta_title(meta)
    by_title = region_of(f.title) if f.title else None
    by_issuer = region_of(f.issuer) if f.issuer else None
    f.region = by_title or by_issuer
    # the issuer may name the district 城区 of the title's city: the title 晋城市城区…方案
    # reads as the city, its issuer 晋城市城区人民政府 as the district
    if by_title and by_issuer and by_issuer != by_title and by_issuer.startswith(by_title):
        f.region = by_issuer
    if f.region is None:
        f.region = _frequent_region(doc_text)

    blank_year = bool(_p("year_placeholder").search(text, a, b))  # a template's 20xx年
    f.template = blank_year or bool(_p("place_placeholder").search(text, a, b))
    f.plan_year = _plan_year(w, od, f, published, blank_year)
    # a declaration inside a measure (its unit label) holds for that measure only
    outside = [(a, b)] if not od.measures else \
        [(x, y) for x, y in zip([a] + [m.span[1] for m in od.measures], [m.span[0] for m in od.measures] + [b])]
    f.first_leads = any(declares_first_leads(text[x:y]) for x, y in outside if x < y) \
        or declares_first_leads_below(text[a:b])
    f.report = any(_p("report_title").match(text[x:y].strip()) for x, y in head_lines[:4])
    return f


def _title(w, od, head_lines) -> str | None:
    text = w.text
    if od.title_hint:
        x, y = od.title_hint
        return tidy_title(w.printed(x, y))
    cand = None
    for k, (x, y) in enumerate(head_lines):
        line = text[x:y].strip()
        if k and _title_head(text, head_lines[k - 1], x):
            px = head_lines[k - 1][0]
            joined = text[px:head_lines[k - 1][1]].strip() + line
            if _reads_as_title(joined):
                cand = (px, y)  # a title set over two lines
                continue
        if _reads_as_title(line):
            cand = (x, y)  # the last title line before the items: the plan's own
    if cand:
        return tidy_title(re.sub(r"\s*\n\s*", "", w.printed(*cand)))
    for x, y in head_lines:
        m = _p("covering").search(text, x, y)
        if m:
            return tidy_title(w.printed(*m.span("t")))
    for x, y in head_lines:
        if _p("notice_title").match(text[x:y].strip()):
            return tidy_title(w.printed(x, y))  # the notice is the document
    return None


def _reads_as_title(line: str) -> bool:
    """A (working-copy) line that reads as a notice's title: ``title``, not ``not_title``."""
    return bool(_p("title").match(line)) and not _p("not_title").search(line)


def _title_head(text: str, prev: tuple[int, int], start: int) -> bool:
    """Whether the head line ``prev``, right before the line at ``start``, is the first
    line of a title set over two lines (grammars/document.yaml ``title_head``)."""
    x, y = prev
    line = text[x:y].strip()
    if text[y:start].count("\n") != 1 or text[y:start].strip():
        return False
    return bool(_p("title_head").match(line)) and not _p("title_head_not").search(line) \
        and not _p("title").match(line) and not _p("not_title").search(line) \
        and not _p("issuer_line").match(line)


def _meta_title(meta: dict[str, str] | None) -> str | None:
    """The page's title (meta ``标题``: the CMS's ``ArticleTitle`` or ``<title>`` without
    its site suffix) when the body prints none, if it reads as a notice title."""
    t = ((meta or {}).get("标题") or "").strip()
    return tidy_title(t) if t and _reads_as_title(working_text(t)) else None


def _plan_year(w, od, f: Facts, published: re.Match[str] | None, blank_year: bool) -> int | None:
    title = working_text(f.title or "")  # the printed title: ２０２４年 is 2024年
    if title and (m := _p("year_in_title_plan").search(title) or _p("year_in_title").search(title)):
        return int(m.group("y"))
    text = w.text
    if blank_year:
        return None  # a template: its year is left blank
    years = {int(m.group("y")) for a, b in od.goal_spans for m in _p("goal_year").finditer(text, a, b)}
    if f.date and f.date[:4].isdigit():
        years -= set(range(1900, int(f.date[:4])))  # 2023年，全县累计… in a plan issued in 2024: its base
    if len(years) == 1:
        return years.pop()
    for d in (f.date, f.effective):
        if d and d[:4].isdigit():
            y, mo = int(d[:4]), int(d[5:7])
            return y + 1 if (d is f.date and mo >= 11) else y
    if published:
        return int(published.group("y"))
    a, b = od.span
    m = _p("year_of_work").search(text, a, min(b, a + 600))
    if m:
        return int(m.group("y"))
    return None

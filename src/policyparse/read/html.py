"""HTML → ``source_text``: the visible text of the notice on a government web page.

1. **Decoding**: a byte-order mark, else the page's declared charset (``<meta
   charset>``, ``http-equiv``, ``<?xml encoding>``; GB2312/GBK are read as their
   superset GB18030, Big5 as CP950), else UTF-8, else detection (charset-normalizer
   between GB18030 and Big5, as for text files).
2. **Hostile markup is inert**: the page is parsed by lxml's *HTML* parser
   (libxml2's HTML mode never loads a DTD, never resolves an external entity and
   never reads the network; ``no_network=True``, ``huge_tree=False``), and a page
   that declares entities (``<!ENTITY`` — billion laughs, XXE) is refused outright.
3. **Main content**: script, style, forms controls, ``nav``/``aside`` go; the notice's
   container is found by the CMS class/id names of grammars/html.yaml or, failing
   that, as the smallest element holding most of the page's non-link Chinese text;
   site chrome (navigation, breadcrumbs, share buttons, toolbars, footer with
   网站标识码 / ICP) is dropped by class/id words and by its text.
4. **Rendering**: the page's title heading, the meta lines and info table above the
   text (发布日期, 来源, 索引号 …) and the content, one block per line; ``<br>`` breaks
   a line; ``&nbsp;`` becomes a space; white space runs collapse and a source line
   break between two Chinese characters vanishes.  Data tables are rendered one row
   per line as ``cell | cell | … |`` with every cell's span kept (``SourceDoc.tables``).
5. **Meta**: the meta lines and the CMS's ``<meta>`` tags fill ``SourceDoc.meta``
   (keys 发布日期, 来源, 索引号, 成文日期, 文号, 发布机构, 标题 …; dates as YYYY-MM-DD).
"""

from __future__ import annotations

import codecs
import functools
import re

from ..errors import InputError

_BLOCK = {
    "p", "div", "li", "ul", "ol", "tr", "table", "tbody", "thead", "tfoot", "h1", "h2", "h3",
    "h4", "h5", "h6", "section", "article", "main", "header", "footer", "blockquote", "pre",
    "center", "dd", "dt", "dl", "form", "hr", "address", "figure", "figcaption", "caption",
    "body", "html", "td", "th", "fieldset", "legend", "details", "summary",
}
_HTML_WS = re.compile(r"[ \t\n\r\f\v]+")
_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_RE = re.compile(f"[{_CJK}]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENC = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
    "gb18030": "gb18030", "cp936": "gb18030", "big5": "cp950", "big5-hkscs": "big5hkscs",
    "x-big5": "cp950", "cp950": "cp950", "utf8": "utf-8", "utf-8": "utf-8", "unicode": "utf-8",
}


@functools.cache
def _grammar():
    from .. import grammar

    g = grammar.load("html")
    labels = []
    for key, words in g["meta_labels"].items():
        for w in words:
            labels.append((w, key))
    labels.sort(key=lambda t: -len(t[0]))
    label_re = re.compile(
        "(?<![\u4e00-\u9fff])(" + "|".join(re.escape(w) for w, _ in labels) + r")\s*[:：]\s*(?:\|\s*)?"
    )
    return {
        "drop_tags": set(g["drop_tags"]),
        "chrome_words": set(g["chrome_words"]),
        "chrome_parts": list(g["chrome_parts"]),
        "content_words": set(g["content_words"]),
        "chrome_text": [re.compile(p) for p in g["chrome_text"]],
        "label_re": label_re,
        "label_key": dict(labels),
        "meta_dates": set(g["meta_dates"]),
        "cell_break_space": re.compile(g["cell_break_space"]),
        "cell_break_next": re.compile(g["cell_break_next"]),
        "meta_tags": {name.lower(): key for key, names in g["meta_tags"].items() for name in names},
    }


# ---------------------------------------------------------------- decoding


def decode_html(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of an HTML page's bytes."""
    from .text import _BOMS, decode

    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                raise InputError(f"cannot decode as {enc} despite its byte-order mark") from None
    head = data[:4096]
    m = _XML_ENC.match(head) or _CHARSET.search(head)
    if m:
        declared = m.group(1).decode("ascii", "replace").lower()
        enc = _ALIASES.get(declared, declared)
        try:
            text = data.decode(enc)
        except LookupError:
            pass  # an unknown charset name: detect
        except UnicodeDecodeError:
            text = data.decode(enc, errors="replace")
            if text.count("\ufffd") <= max(3, len(text) // 1000):
                return text, enc  # a few stray bytes in a page that is otherwise fine
        else:
            return _second_guess(data, text, enc)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return decode(data)


_SINGLE_BYTE = re.compile(r"^(?:iso8859|latin|cp125|windows-125|ascii|mac|koi8)")
_CJK_CODECS = ("gb18030", "cp950", "big5hkscs")
# what a CJK codec makes of another one's bytes: Private Use Area, kana, Greek and
# Cyrillic, box drawing, bopomofo, CJK extension A — rare or absent in a notice
_ODD = re.compile("[\ue000-\uf8ff\u3040-\u30ff\u0370-\u04ff\u2500-\u257f\u3100-\u312f\u3400-\u4dbf]")
_HAN = re.compile("[\u4e00-\u9fff]")


def _second_guess(data: bytes, text: str, enc: str) -> tuple[str, str]:
    """The declared charset decoded the page without error; keep it unless the bytes
    are plainly Chinese in another codec: a Western single-byte charset (ISO-8859-1,
    windows-1252 …) over GBK or Big5 bytes gives Latin mojibake (``Ä³ÏØ``), and GB2312
    over Big5 bytes (or the reverse) gives Private-Use and kana characters."""
    from .text import decode

    try:
        name = codecs.lookup(enc).name
    except LookupError:
        return text, enc
    if _SINGLE_BYTE.match(name):
        if _HAN.search(text) or not _paired_high_bytes(data):
            return text, enc
        try:
            alt, alt_enc = decode(data)
        except InputError:
            return text, enc
        han = len(_HAN.findall(alt))
        if han >= 2 and len(_ODD.findall(alt)) <= 0.01 * han:
            return alt, alt_enc
        return text, enc
    if name in _CJK_CODECS or enc in _CJK_CODECS:
        odd = len(_ODD.findall(text))
        if odd < 3 or odd < 0.01 * len(_HAN.findall(text)):
            return text, enc
        best = (odd, text, enc)
        for other in ("utf-8",) + _CJK_CODECS:
            if other == enc:
                continue
            try:
                alt = data.decode(other)
            except UnicodeDecodeError:
                continue
            n = len(_ODD.findall(alt))
            if n * 4 <= odd and n < best[0] and _HAN.search(alt):
                best = (n, alt, other)
        return best[1], best[2]
    return text, enc


def _paired_high_bytes(data: bytes) -> bool:
    """Most bytes over 0x7F come two in a row, as in a double-byte Chinese encoding
    (GBK, Big5), not one by one as accented letters in a Western text."""
    high = [i for i, b in enumerate(data) if b > 0x7F]
    if len(high) < 4:
        return False
    s = set(high)
    paired = sum(1 for i in high if i - 1 in s or i + 1 in s)
    return paired >= 0.9 * len(high)


# ---------------------------------------------------------------- parsing


def parse_html(text: str):
    """An lxml tree of the page; entities are never expanded, nothing is loaded."""
    from lxml import etree, html

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str with an encoding declaration
    text = _NOT_XML.sub("", text)  # NUL, control characters, lone surrogates: not text
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                              huge_tree=False, recover=True, default_doctype=False)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    return root


def _classes(el) -> tuple[set[str], str]:
    raw = " ".join(filter(None, [el.get("class"), el.get("id")]))
    if not raw:
        return set(), ""
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", raw)
    return {t for t in re.split(r"[-_\s]+", spaced.lower()) if t}, raw.lower()


def _is_chrome_by_name(el) -> bool:
    g = _grammar()
    tokens, raw = _classes(el)
    if not raw:
        return False
    if tokens & g["chrome_words"]:
        return True
    return any(p in raw for p in g["chrome_parts"])


def _is_content_by_name(el) -> bool:
    g = _grammar()
    tokens, raw = _classes(el)
    if not raw:
        return False
    return bool(tokens & g["content_words"]) or any(w in raw.split() for w in g["content_words"])


def _cjk(s: str) -> int:
    return len(_CJK_RE.findall(s))


def _text_stats(root) -> dict:
    """For each element: (Chinese characters outside links, inside links)."""
    stats: dict = {}

    def walk(el, in_link: bool) -> tuple[int, int]:
        link = in_link or el.tag == "a"
        own = _cjk(el.text or "")
        t, l = (0, own) if link else (own, 0)
        for ch in el:
            if not isinstance(ch.tag, str):
                continue
            ct, cl = walk(ch, link)
            t += ct
            l += cl
            tail = _cjk(ch.tail or "")
            if link:
                l += tail
            else:
                t += tail
        stats[el] = (t, l)
        return t, l

    walk(root, False)
    return stats


def main_content(body, stats: dict):
    """The element holding the notice's text."""
    total = stats.get(body, (0, 0))[0]
    if total == 0:
        return body
    # a CMS content container with most of the text
    named = [el for el in body.iter() if isinstance(el.tag, str) and _is_content_by_name(el)
             and not _is_chrome_by_name(el) and stats.get(el, (0, 0))[0] >= max(50, 0.3 * total)]
    if named:
        best = max(named, key=lambda e: (stats[e][0] - 3 * stats[e][1], -_depth(e)))
        # prefer the innermost named container that still holds 85% of it
        while True:
            inner = [c for c in best.iter() if c is not best and c in stats and _is_content_by_name(c)
                     and stats[c][0] >= 0.85 * stats[best][0]]
            if not inner:
                break
            best = max(inner, key=_depth)
        return best
    # the smallest element holding most of the non-link text
    best = body
    while True:
        kids = [c for c in best if isinstance(c.tag, str) and c in stats]
        nxt = [c for c in kids if stats[c][0] >= 0.7 * stats[best][0]]
        if not nxt:
            return best
        best = nxt[0]


def _depth(el) -> int:
    d = 0
    while el.getparent() is not None:
        el = el.getparent()
        d += 1
    return d


def _chrome_by_text(el, stats) -> bool:
    t = re.sub(r"\s+", "", el.text_content())
    if not t or len(t) > 300:
        return False
    return any(p.search(t) for p in _grammar()["chrome_text"])


# ---------------------------------------------------------------- rendering


class _Renderer:
    """Renders elements as blocks: ("line", text) or ("table", rows)."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, object]] = []
        self.buf: list[str] = []
        self.marker = ""  # the number of a numbered-list item, not yet written
        self.pre = 0  # inside <pre> or white-space:pre…: a line break in the text is one

    def flush(self) -> None:
        line = _clean_line("".join(self.buf))
        self.buf = []
        if line:
            if self.marker:  # "2. 2023年底前…": a space keeps the marker off a leading figure
                line, self.marker = self.marker + (" " if line[0].isdigit() else "") + line, ""
            self.blocks.append(("line", line))

    def text(self, s: str | None) -> None:
        if not s:
            return
        if self.pre:
            lines = s.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for k, line in enumerate(lines):
                if k:
                    self.flush()
                self.buf.append(line)
            return
        self.buf.append(s)

    def render(self, el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            self.flush()
            self.text(el.tail)
            return
        if tag == "table" and _is_data_table(el):
            self.flush()
            rows = table_grid(el)
            if rows:
                self.blocks.append(("table", rows))
            self.text(el.tail)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        if tag == "li":
            self.marker = _list_marker(el)  # put before the item's first line of text
        pre = _keeps_breaks(el)
        self.pre += pre
        self.text(el.text)
        for ch in el:
            self.render(ch)
        self.pre -= pre
        if block:
            self.flush()
        self.text(el.tail)


_PRE_STYLE = re.compile(r"white-space\s*:\s*(?:pre|pre-wrap|pre-line|break-spaces)\b", re.I)


def _keeps_breaks(el) -> bool:
    """``<pre>`` (and the obsolete ``<xmp>``, ``<listing>``), or an inline style
    ``white-space: pre | pre-wrap | pre-line``: a browser shows the text's line breaks."""
    if el.tag in ("pre", "xmp", "listing", "plaintext"):
        return True
    style = el.get("style") if isinstance(el.tag, str) else None
    return bool(style and _PRE_STYLE.search(style))


def _list_marker(li) -> str:
    """The number a browser draws before an item of a numbered list (``<ol>``, decimal):
    ``3.`` — part of the visible text, and the item's numbering. Empty when the item
    prints its own number already, or the list draws no numbers."""
    from ..numbering import match_at
    from ..normalize.script import fold_width

    ol = li.getparent()
    if ol is None or ol.tag != "ol" or (ol.get("type") or "1") != "1" \
            or "list-style:none" in re.sub(r"\s+", "", (ol.get("style") or "").lower()):
        return ""
    own = fold_width("".join(li.itertext()).strip(" \u3000\u00a0\t\r\n"))
    if match_at(own) is not None:  # 1.…, （一）…, 第一条 …: the item prints its own number
        return ""
    try:
        start = int(ol.get("start") or 1)
    except ValueError:
        start = 1
    items = [x for x in ol if x.tag == "li"]
    return f"{start + items.index(li)}."


def _clean_line(s: str) -> str:
    s = s.replace("\u00a0", " ")
    s = re.sub(rf"(?<=[{_CJK}])[ \t]*[\r\n]+[ \t\r\n]*(?=[{_CJK}])", "", s)
    s = _HTML_WS.sub(" ", s)
    return s.strip(" \u3000")


def _cell_text(td) -> str:
    r = _Renderer()
    r.text(td.text)
    for ch in td:
        r.render(ch)
    r.flush()
    out = ""
    space, nxt = _grammar()["cell_break_space"], _grammar()["cell_break_next"]
    for b in r.blocks:
        part = str(b[1]) if b[0] == "line" else _rows_text(b[1])
        # a break that wraps running text joins it; one after a name or a Latin word is a space
        glue = b[0] == "line" and not space.search(out) and nxt.match(part)
        out += (" " if out and not glue else "") + part
    return out


def _rows_text(rows) -> str:
    return " ".join(" ".join(c for c in row if isinstance(c, str)) for row in rows)


def _rows(table) -> list:
    out = []
    for el in table.iter("tr"):
        # rows of this table, not of a nested one
        p = el.getparent()
        while p is not None and p.tag != "table":
            p = p.getparent()
        if p is table:
            out.append(el)
    return out


def _is_data_table(table) -> bool:
    if any(True for _ in table.iter("table") if _ is not table):
        return False  # a layout table holding tables
    rows = _rows(table)
    multi = 0
    for tr in rows:
        cells = [c for c in tr if c.tag in ("td", "th") and c.text_content().strip()]
        if len(cells) >= 2:
            multi += 1
    return multi >= 2 or (multi >= 1 and len(rows) == 1)


def table_grid(table) -> list[list[object]]:
    """The table as a grid of rows; a cell spanning rows or columns appears once as
    its text and then as ``("ref", row, col)`` pointing at where it was first placed."""
    grid: list[list[object]] = []
    pending: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) -> origin
    for r, tr in enumerate(_rows(table)):
        row: list[object] = []
        c = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in pending:
                row.append(("ref",) + pending.pop((r, c)))
                c += 1
            try:
                rs = max(1, min(int(td.get("rowspan", 1) or 1), 500))
                cs = max(1, min(int(td.get("colspan", 1) or 1), 50))
            except ValueError:
                rs, cs = 1, 1
            origin = (r, c)
            row.append(_cell_text(td))
            for k in range(1, cs):
                row.append(("ref",) + origin)
            for dr in range(1, rs):
                for k in range(cs):
                    pending[(r + dr, c + k)] = origin
            c += cs
        while (r, c) in pending:
            row.append(("ref",) + pending.pop((r, c)))
            c += 1
        grid.append(row)
    width = max((len(r) for r in grid), default=0)
    for row in grid:  # short rows: pad
        row.extend([""] * (width - len(row)))
    return [row for row in grid if any(isinstance(x, str) and x.strip() for x in row) or row]


# ---------------------------------------------------------------- meta lines


def meta_from_line(line: str) -> dict[str, str]:
    """The meta facts on one rendered line (发布日期：… 来源：… or an info-table row)."""
    from ..normalize.script import working_text

    g = _grammar()
    simp = working_text(line)
    if len(simp) != len(line):
        line = simp
    hits = list(g["label_re"].finditer(simp))
    out: dict[str, str] = {}
    for k, m in enumerate(hits):
        end = hits[k + 1].start() if k + 1 < len(hits) else len(line)
        val = line[m.end() : end]
        val = re.split(r"\s{2,}|\s\|\s|\|", val.strip())[0].strip(" |:：")
        val = re.split(r"\s+(?=[\u4e00-\u9fff]{2,6}[:：])", val)[0].strip()  # 浏览次数：…
        key = g["label_key"][m.group(1)]
        if not val or key in out:
            continue
        if key == "发布日期" and m.group(1) == "日期" and not _iso_date(val):
            continue
        if key in g["meta_dates"]:
            val = _iso_date(val) or val
        out[key] = val
    return out


def _iso_date(s: str) -> str | None:
    m = re.match(r"\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})", s)
    if not m:
        return None
    y, mo, d = (int(x) for x in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


# ---------------------------------------------------------------- the reader


def read_html(data: bytes):
    from . import SourceDoc
    from .tables import TableBuilder

    if not data.strip():
        raise InputError("empty HTML page")
    if _ENTITY_DECL.search(data[:65536]):
        raise InputError("refused: the page declares XML entities (<!ENTITY …>), "
                         "an entity-expansion or external-entity trick")
    text, enc = decode_html(data)
    root = parse_html(text)
    if root is None:
        raise InputError("empty HTML page: nothing to parse")
    meta = _meta_tags(root)
    page_title = _page_title(root)
    _drop_hidden_inline(root)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag in _grammar()["drop_tags"] or el.tag == "head":
            _drop(el)
    body = root.find("body")
    if body is None:
        body = root
    blocks = _notice_blocks(body)
    tb = TableBuilder()
    parts: list[str] = []
    pos = 0
    for kind, val in blocks:
        if parts:
            parts.append("\n")
            pos += 1
        if kind == "line":
            parts.append(str(val))
            pos += len(str(val))
        else:
            s = tb.add_rows(val, pos, continuation=False)
            parts.append(s)
            pos += len(s)
    source = "".join(parts)
    if sum(1 for c in source if c.isalnum()) < 5:
        raise InputError("empty HTML page: no visible notice text")
    for line in source.split("\n")[:40]:
        for k, v in meta_from_line(line).items():
            meta.setdefault(k, v)
    if page_title and "标题" not in meta:
        meta["标题"] = page_title
    return SourceDoc(source, "html", enc, "", meta=meta, tables=tb.tables(), warnings=_cut_short(data))


_PAGE_START = re.compile(rb"<html\b", re.I)
_PAGE_END = re.compile(rb"</html\s*>", re.I)
# where a </html> closes nothing: a comment, a script or a style (each to the end of the data
# when the page broke off inside it)
_NOT_MARKUP = re.compile(rb"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)", re.S | re.I)


def _cut_short(data: bytes) -> list[str]:
    """A whole page (it opens <html>) that never closes it was cut short, as a download
    that broke off is: what it shows may stop in the middle of the notice.  A </html> in a
    comment or a script (document.write('…</html>')) does not close the page."""
    if _PAGE_START.search(data, 0, 4096) and not _PAGE_END.search(_NOT_MARKUP.sub(b" ", data)):
        return ["the page has no closing </html>: it may be cut short, and the notice with it"]
    return []


_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden"
    r"|font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:[;!}]|$)", re.I)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_CSS_AT_BLOCK = re.compile(r"@([^{};]*)\{((?:[^{}]*\{[^{}]*\})*[^{}]*)\}")  # @media …{ rules }
_CSS_SCREEN = re.compile(r"media\s+(?:screen|all)\s*$", re.I)
_INLINE_HIDDEN_MAX = 40  # characters: a jammer is short; a hidden half of a notice is not


def _hidden_by_sheet(root) -> set:
    """The elements a ``<style>`` sheet hides (display:none, visibility:hidden,
    font-size:0), whatever the selector: ``.jammer``, ``font.jammer``, ``#x``,
    ``.content .hid``, ``div#article > span[class^=x]``.  cssselect turns each selector
    into XPath; a selector it cannot read (``:hover``, ``::before``, at-rules) hides
    nothing — a page is never refused for its style sheet.  Rules inside an at-rule other
    than ``@media screen`` / ``@media all`` (``@media print{…}``, ``@media
    (max-width:…){…}``) are left out: what they hide is shown on a desktop screen."""
    rules = []
    for st in root.iter("style"):
        css = re.sub(r"/\*.*?\*/", "", st.text or "", flags=re.S)
        for sel, decl in _CSS_RULE.findall(_CSS_AT_BLOCK.sub(_screen_rules, css)):
            if _HIDDEN_STYLE.search(decl):
                rules.extend(one.strip() for one in sel.split(",") if one.strip())
    if not rules:
        return set()
    from cssselect import SelectorError
    from lxml import etree
    from lxml.cssselect import CSSSelector
    out = set()
    for one in rules:
        try:
            out.update(CSSSelector(one, translator="html")(root))
        except (SelectorError, etree.XPathError):
            continue
    return out


def _screen_rules(m: re.Match) -> str:
    return m.group(2) if _CSS_SCREEN.match(m.group(1).strip()) else ""


def _is_hidden(el, hidden: set) -> bool:
    return bool(_HIDDEN_STYLE.search(el.get("style") or "")) or el in hidden


def _drop_hidden_inline(root) -> None:
    """Drop hidden inline elements inside a paragraph — the jammers of content farms and
    forums (``县人<span style="display:none">范文网</span>社局``, Discuz ``<font
    class="jammer">``, ``font-size:0`` text): no block inside, no line break, at most
    ``_INLINE_HIDDEN_MAX`` characters.  A hidden *block* (or a long hidden run) is kept:
    it may hold the notice, or its second half behind 展开全文, until a script shows it."""
    hidden = _hidden_by_sheet(root)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in _BLOCK or el.getparent() is None:
            continue
        if not _is_hidden(el, hidden):
            continue
        if any(isinstance(d.tag, str) and (d.tag in _BLOCK or d.tag == "br") for d in el.iterdescendants()):
            continue
        if len(el.text_content().strip()) <= _INLINE_HIDDEN_MAX:
            _drop(el)


def _drop(el) -> None:
    """Remove an element but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _meta_tags(root) -> dict[str, str]:
    g = _grammar()
    out: dict[str, str] = {}
    for m in root.iter("meta"):
        name = (m.get("name") or m.get("property") or "").lower()
        key = g["meta_tags"].get(name)
        val = (m.get("content") or "").strip()
        if key and val and key not in out:
            if key in g["meta_dates"]:
                val = _iso_date(val) or val
            out[key] = val[:300]
    return out


def _page_title(root) -> str | None:
    t = root.find(".//title")
    if t is None or not (t.text or "").strip():
        return None
    s = _HTML_WS.sub(" ", t.text).strip()
    parts = re.split(r"\s*[_|｜]\s*|\s+-\s+", s)
    return max(parts, key=len) if parts else s


def _ancestors(el) -> list:
    out = []
    while el is not None:
        out.append(el)
        el = el.getparent()
    return out


def _notice_blocks(body) -> list[tuple[str, object]]:
    """The blocks of the notice: title, meta lines and content, chrome removed."""
    stats = _text_stats(body)
    main = main_content(body, stats)
    keep = set(_ancestors(main))
    # chrome by class/id and by text, outside the main content's ancestry
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el in keep or el.getparent() is None:
            continue
        if _is_chrome_by_name(el) or (el.tag in ("header", "footer") and not _inside_article(el)):
            _drop(el)
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el in keep or el.getparent() is None:
            continue
        if el.tag in _BLOCK and _chrome_by_text(el, stats):
            _drop(el)
    title = _title_element(body, main)
    info = _info_table(body, main)
    start = [e for e in (info, title) if e is not None]
    r = _Renderer()
    if not start:
        r.render(main)
        r.flush()
        return r.blocks
    # render from the first of (info table, title) to the end of the main content
    order = {e: i for i, e in enumerate(body.iter())}
    first = min(start, key=lambda e: order.get(e, 0))
    top = _common_ancestor(first, main)
    _render_window(r, top, first, main, order)
    r.flush()
    return r.blocks


def _inside_article(el) -> bool:
    return any(a.tag in ("article", "main") for a in _ancestors(el)[1:])


def _common_ancestor(a, b):
    anc = set(_ancestors(a))
    for x in _ancestors(b):
        if x in anc:
            return x
    return b


def _render_window(r: _Renderer, top, first, main, order) -> None:
    """Render ``top``'s subtree from element ``first`` to the end of ``main``."""
    lo = order.get(first, 0)
    hi = max((order.get(e, 0) for e in main.iter()), default=order.get(main, 0))

    def walk(el) -> None:
        o = order.get(el, 0)
        last = max((order.get(e, 0) for e in el.iter()), default=o)
        if last < lo or o > hi:
            return  # entirely outside the window
        if o >= lo and last <= hi:  # entirely inside
            tail, el.tail = el.tail, None
            r.render(el)
            el.tail = tail
            if el is not main:
                r.text(el.tail)
            return
        block = isinstance(el.tag, str) and el.tag in _BLOCK
        if block:
            r.flush()
        if o >= lo:
            r.text(el.text)
        for ch in el:
            walk(ch)
        if block:
            r.flush()
        if last < hi:
            r.text(el.tail)

    walk(top)


def _inside(el, top) -> bool:
    return top in _ancestors(el)


def _title_element(body, main):
    """The page's heading of the notice: the last h1–h3 (or a ``title`` class) before
    the main content, or the first one at its start."""
    cands = []
    for el in body.iter():
        if el is main:
            break
        if not isinstance(el.tag, str):
            continue
        tokens, _ = _classes(el)
        if el.tag in ("h1", "h2", "h3") or tokens & {"title", "bt", "tit", "biaoti", "article_title"}:
            t = el.text_content().strip()
            if 4 <= len(t) <= 120 and _cjk(t) >= 4:
                cands.append(el)
    if cands:
        return cands[-1]
    return None


def _info_table(body, main):
    """An info table above the text (索引号 | … | 成文日期 | …) of 政府信息公开 pages."""
    for el in body.iter("table", "div", "ul", "dl"):
        if el is main or main in _ancestors(el):
            continue
        if _inside(main, el) or el in _ancestors(main):
            continue
        t = el.text_content()
        if len(t) > 1200:
            continue
        labels = {k for k in ("索引号", "成文日期", "发布日期", "文号", "发文字号", "发布机构", "主题分类")
                  if k in t}
        if len(labels) >= 2:
            return el
    return None

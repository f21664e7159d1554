"""Word ``.docx`` → ``source_text`` (python-docx).

The body is read in document order, one paragraph per line, the way the HTML reader
renders a page: a table is rendered one row per line as ``cell | cell | … |`` through
:class:`~policyparse.read.tables.TableBuilder` (merged cells repeat in the grid), so a
任务分解表 in a Word file becomes measures like one in a PDF or on a web page.

Word's automatic list numbering is not in the paragraph's text; the reader prints the
number Word would draw (``一、``, ``（三）``, ``2.``, ``①``) from ``numbering.xml``, so an
outline numbered by Word's list styles is read like a typed one.  Headers, footers,
footnotes, comments and text boxes are not part of the notice and are not read.
"""

from __future__ import annotations

import functools
import io
import zipfile

from ..errors import InputError

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_CN = "〇一二三四五六七八九"  # ideographDigital: 2023 → 二〇二三
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_LEGAL_TRAD = str.maketrans("贰叁陆万亿", "貳參陸萬億")  # the legal numerals that differ in traditional


def _cn_number(n: int, legal: bool = False) -> str:
    """Word's Chinese counting (12 → 十二, 105 → 一百零五) or legal numerals (12 → 壹拾贰), by cn2an."""
    import cn2an

    return cn2an.an2cn(n, "up" if legal else "low") if n > 0 else str(n)


def _letters(n: int, upper: bool) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("A" if upper else "a") + r) + s
    return s


def _roman(n: int) -> str:
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


def format_number(n: int, fmt: str) -> str:
    """Number ``n`` in Word's ``w:numFmt`` ``fmt`` (ECMA-376 ST_NumberFormat)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "koreanCounting"):
        return _cn_number(n)
    if fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return _cn_number(n, legal=True)
    if fmt == "ideographLegalTraditional":
        return _cn_number(n, legal=True).translate(_LEGAL_TRAD)
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN[int(d)] for d in str(n))
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle") \
            and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("decimalEnclosedParen",) and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("lowerRoman", "upperRoman"):
        r = _roman(n)
        return r if fmt == "upperRoman" else r.lower()
    return str(n)


class _Numbering:
    """The list numbers Word draws before numbered paragraphs (``w:numPr``, direct or
    from the paragraph's style).  Counters are kept per abstract list, as Word does:
    two ``w:num`` of one ``w:abstractNum`` continue each other unless one restarts a
    level (``w:startOverride``)."""

    def __init__(self, document) -> None:
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}  # numId → (abstractNumId, overrides)
        self._levels: dict[tuple[str, int], tuple[str, str, int]] = {}  # (abs, ilvl) → fmt, text, start
        self._counters: dict[str, dict[int, int]] = {}
        self._restarted: set[tuple[str, int]] = set()
        self._styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        root = _part_element(lambda: document.part.numbering_part)
        if root is not None:
            for ab in root.iter(_W + "abstractNum"):
                aid = ab.get(_W + "abstractNumId")
                for lvl in ab.iter(_W + "lvl"):
                    self._levels[(aid, int(lvl.get(_W + "ilvl", "0")))] = _level(lvl)
            for num in root.iter(_W + "num"):
                ref = num.find(_W + "abstractNumId")
                if ref is None:
                    continue
                over = {}
                for o in num.iter(_W + "lvlOverride"):
                    s = o.find(_W + "startOverride")
                    if s is not None:
                        over[int(o.get(_W + "ilvl", "0"))] = int(s.get(_W + "val", "1"))
                self._nums[num.get(_W + "numId")] = (ref.get(_W + "val"), over)
        styles = _part_element(lambda: document.part.styles)
        if styles is not None:
            for st in styles.iter(_W + "style"):
                num_id, ilvl = _num_pr(st.find(_W + "pPr"))
                based = st.find(_W + "basedOn")
                self._styles[st.get(_W + "styleId")] = (
                    num_id, ilvl, based.get(_W + "val") if based is not None else None)

    def _style_num(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based = self._styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style_id = based
        return None, None

    def label(self, p) -> str:
        """The number Word draws before paragraph ``p`` (a ``w:p`` element), or ''."""
        ppr = p.find(_W + "pPr")
        num_id, ilvl = _num_pr(ppr)
        if num_id is None and ppr is not None:
            ps = ppr.find(_W + "pStyle")
            num_id, style_lvl = self._style_num(ps.get(_W + "val") if ps is not None else None)
            ilvl = ilvl if ilvl is not None else style_lvl
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return ""
        ilvl = ilvl or 0
        aid, over = self._nums[num_id]
        fmt, text, start = self._levels.get((aid, ilvl), ("decimal", f"%{ilvl + 1}.", 1))
        counters = self._counters.setdefault(aid, {})
        if ilvl in over and (num_id, ilvl) not in self._restarted:
            self._restarted.add((num_id, ilvl))
            counters[ilvl] = over[ilvl] - 1
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt in ("bullet", "none"):
            return ""
        out = text
        for k in range(9):
            tag = f"%{k + 1}"
            if tag in out:
                f, _, st = self._levels.get((aid, k), ("decimal", "", 1))
                out = out.replace(tag, format_number(counters.get(k, st), f))
        return out


def _part_element(get):
    """The XML of an optional package part (numbering, styles), or None when the package
    has none (WPS and minimal writers leave them out)."""
    try:
        return get().element
    except (KeyError, NotImplementedError, AttributeError):
        return None


def _num_pr(ppr) -> tuple[str | None, int | None]:
    if ppr is None:
        return None, None
    npr = ppr.find(_W + "numPr")
    if npr is None:
        return None, None
    nid = npr.find(_W + "numId")
    lvl = npr.find(_W + "ilvl")
    return (nid.get(_W + "val") if nid is not None else None,
            int(lvl.get(_W + "val", "0")) if lvl is not None else None)


def _level(lvl) -> tuple[str, str, int]:
    """A list level's number format, text and start.  The text ends with the separator
    Word draws after the number when that is not punctuation already: its ``w:suff``, a
    tab by default, becomes one space (第%1条 → 第一条 支持…; 一、 stays 一、)."""
    fmt = lvl.find(_W + "numFmt")
    text = lvl.find(_W + "lvlText")
    start = lvl.find(_W + "start")
    suff = lvl.find(_W + "suff")
    label = text.get(_W + "val", "") if text is not None else ""
    if label and (suff is None or suff.get(_W + "val") in ("tab", "space")) \
            and label[-1] not in "、.．:：)）]】〕>》 \t":
        label += " "
    return (fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
            label, int(start.get(_W + "val", "1")) if start is not None else 1)


@functools.cache
def _xpaths():
    """The paragraphs and runs Word shows: not in deleted or moved-away text, text boxes or
    a markup-compatibility fallback (a second copy of a drawing's text)."""
    from lxml import etree

    ns = {"w": _W[1:-1], "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}
    bad = "ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent or ancestor::mc:Fallback"
    return (etree.XPath(f".//w:p[not({bad})]", namespaces=ns),
            etree.XPath(f".//w:r[not({bad})]", namespaces=ns))


def _text(el) -> str:
    """The text of paragraph(s) under ``el`` as Word shows it: every run (in hyperlinks,
    tracked insertions, smart tags and content controls too — python-docx's
    ``Paragraph.text`` sees only direct runs and hyperlinks), but not deleted or moved-away
    text and not text boxes; paragraphs joined by line breaks."""
    paras, runs = _xpaths()
    ps = [el] if el.tag == _W + "p" else paras(el)
    return "\n".join("".join(_run_text(r) for r in runs(p)) for p in ps)


_RUN_TEXT = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-",
             _W + "ptab": "\t"}


def _run_text(r) -> str:
    """A run's text: w:t, tabs, breaks, and symbols (w:sym: ① stored by code point); a run
    formatted hidden (w:vanish) is not shown by Word and not read."""
    rpr = r.find(_W + "rPr")
    if rpr is not None:
        v = rpr.find(_W + "vanish")
        if v is not None and v.get(_W + "val", "true") not in ("0", "false", "off"):
            return ""
    out = []
    for c in r:
        if c.tag == _W + "t":
            out.append(c.text or "")
        elif c.tag == _W + "sym":
            code = int(c.get(_W + "char", "0"), 16)
            if 0xF000 <= code <= 0xF0FF:  # a symbol font's private-use alias of a Latin-1 code
                code -= 0xF000
            if code >= 0x20:
                out.append(chr(code))
        elif c.tag in _RUN_TEXT:
            out.append(_RUN_TEXT[c.tag])
    return "".join(out)


def _table_rows(table) -> list[list[object]]:
    """The grid of a Word table: a merged cell is printed where it starts and appears as
    ``("ref", row, col)`` in the grid positions it covers."""
    rows: list[list[object]] = []
    first: dict[object, tuple[int, int]] = {}  # keyed by the w:tc element itself, kept alive
    for r, row in enumerate(table.rows):
        out: list[object] = [""] * row.grid_cols_before
        for cell in row.cells:
            key = cell._tc
            if key in first:
                out.append(("ref",) + first[key])
            else:
                first[key] = (r, len(out))
                out.append(_text(key))
        rows.append(out)
    return rows


MAX_UNPACKED = 256 * 1024 * 1024  # bytes a .docx may unpack to


def _check_archive(data: bytes) -> None:
    """Refuse what python-docx would choke on or be tricked by: a damaged archive, one
    that unpacks to more than MAX_UNPACKED (a zip bomb), XML parts that declare a DTD
    (entity expansion, external entities), and a .docx with no document part."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if sum(i.file_size for i in infos) > MAX_UNPACKED:
                raise InputError(f"refused: the .docx unpacks to over {MAX_UNPACKED} bytes (a zip bomb?)")
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise InputError("not a readable .docx file: no word/document.xml in the archive")
            for i in infos:
                if i.filename.endswith((".xml", ".rels")):
                    with z.open(i) as f:  # markup: in text it would be &lt;!DOCTYPE
                        part = f.read()
                        if i.filename == "word/document.xml" and b"purl.oclc.org/ooxml" in part[:4096]:
                            raise InputError("a Strict Open XML .docx is not read: "
                                             "save it as a standard Word document (.docx)")
                        if b"<!DOCTYPE" in part:
                            raise InputError("refused: a part of the .docx declares a DTD "
                                             "(<!DOCTYPE …>), an entity-expansion or external-entity trick")
    except zipfile.BadZipFile:
        raise InputError("truncated or corrupt .docx (not a complete zip archive: was the download cut short?)") from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as e:
        raise InputError(f"corrupt .docx: {type(e).__name__}: {str(e)[:80]}") from None


def _why_not_docx(data: bytes, e: Exception) -> str:
    """One stable line for a package python-docx will not open (its messages hold object
    addresses and URLs cut mid-way)."""
    import re

    msg = str(e)
    m = re.search(r"content type (?:is )?'([^']+)'", msg)
    if m:
        kind = ("a macro-enabled .docm" if "macroEnabled" in m.group(1)
                else "a Word template (.dotx/.dotm)" if "template" in m.group(1) else "not a Word document")
        return f"{kind} ({m.group(1).split('/')[-1]}): save it as a .docx document first"
    return f"not a readable .docx file ({type(e).__name__})"


def _blocks(document):
    """The body's paragraphs (``w:p`` elements) and tables (python-docx ``Table``) in
    order, also inside block-level content controls (``w:sdt``) and custom XML, which
    python-docx's ``iter_inner_content`` passes over."""
    from docx.table import Table

    body = document.element.body

    def walk(el):
        for c in el:
            if c.tag == _W + "p":
                yield c
            elif c.tag == _W + "tbl":
                yield Table(c, document._body)
            elif c.tag == _W + "sdt":
                content = c.find(_W + "sdtContent")
                if content is not None:
                    yield from walk(content)
            elif c.tag == _W + "customXml":
                yield from walk(c)

    yield from walk(body)


def read_docx(data: bytes):
    from . import SourceDoc
    from .tables import TableBuilder

    _check_archive(data)

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError("a Word .docx file, and python-docx is not installed") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(_why_not_docx(data, e)) from None
    except Exception as e:  # lxml syntax errors in a damaged part
        raise InputError(f"damaged .docx file: {type(e).__name__}: {str(e).splitlines()[0][:80]}") from None
    numbering = _Numbering(document)
    tb = TableBuilder()
    parts: list[str] = []
    pos = 0
    for block in _blocks(document):
        if hasattr(block, "rows"):
            rows = _table_rows(block)
            if not any(str(c).strip() for row in rows for c in row if not isinstance(c, tuple)):
                continue
            if parts:
                parts.append("\n")
                pos += 1
            s = tb.add_rows(rows, pos, continuation=False)
            parts.append(s)
            pos += len(s)
            continue
        label = numbering.label(block)
        line = (label + _text(block)).replace("\r", "\n").strip(" \t\u3000\n")
        if not line:
            continue
        if parts:
            parts.append("\n")
            pos += 1
        parts.append(line)
        pos += len(line)
    source = "".join(parts)
    if sum(1 for c in source if c.isalnum()) < 5:
        raise InputError("empty .docx file: no text in the document body")
    meta = {}
    title = (document.core_properties.title or "").strip()
    if title and any("\u4e00" <= c <= "\u9fff" for c in title):
        meta["标题"] = title
    return SourceDoc(source, "docx", None, "", meta=meta, tables=tb.tables())

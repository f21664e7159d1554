"""Builders for the test fixtures: PDFs rendered with reportlab's built-in CID font
and HTML pages in the style of county government sites.  Nothing binary is
committed; every fixture is generated from the bundled notices in corpora/."""

from __future__ import annotations

import io
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"


def corpus_text(name: str) -> str:
    return (CORPORA / name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- PDF


def render_pdf(
    text: str,
    *,
    header: str | None = "衢州市人民政府办公室文件",
    footer: str | None = "— {n} —",
    font_size: float = 12,
    chars_per_line: int | None = None,
    lines_per_page: int | None = None,
    encrypt: str | None = None,
    title_page: bool = False,
) -> bytes:
    """Render ``text`` to an A4 PDF with reportlab's built-in ``STSong-Light``.

    Each paragraph (input line) is wrapped at the text width, so sentences and unit
    parentheses break across lines and pages; every page carries a running
    ``header`` and a ``footer`` (``{n}`` is the page number).  ``encrypt`` sets a
    user password."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    width, height = A4
    margin_x, top, bottom = 72, 80, 80
    avail = width - 2 * margin_x
    leading = font_size * 1.6
    max_lines = lines_per_page or int((height - top - bottom) / leading)

    def wrap(para: str) -> list[str]:
        if not para:
            return [""]
        out, cur = [], ""
        for ch in para:
            nxt = cur + ch
            too_wide = (
                len(nxt) > chars_per_line
                if chars_per_line
                else pdfmetrics.stringWidth(nxt, font, font_size) > avail
            )
            if too_wide and cur:
                out.append(cur)
                cur = ch
            else:
                cur = nxt
        out.append(cur)
        return out

    lines: list = []
    paras = [p.rstrip() for p in text.splitlines() if p.strip()]
    k = 0
    while k < len(paras):
        if "\t" not in paras[k]:
            lines.extend(wrap(paras[k]))
            k += 1
            continue
        # a run of tab-separated lines is a ruled table, one row a line, columns as wide
        # as their widest cell (a table pasted into the text, as a PDF prints it)
        run = []
        while k < len(paras) and "\t" in paras[k]:
            run.append([c.strip() for c in paras[k].strip().split("\t")])
            k += 1
        ncol = max(len(r) for r in run)
        widths = [max(pdfmetrics.stringWidth(r[j] if j < len(r) else "", font, 9) for r in run) + 8
                  for j in range(ncol)]
        scale = min(1.0, avail / sum(widths))
        lines.extend(("row", r + [""] * (ncol - len(r)), [w * scale for w in widths]) for r in run)
    pages = [lines[i : i + max_lines] for i in range(0, len(lines), max_lines)] or [[]]

    buf = io.BytesIO()
    kw = {}
    if encrypt:
        from reportlab.lib.pdfencrypt import StandardEncryption

        kw["encrypt"] = StandardEncryption(encrypt, ownerPassword=encrypt + "-owner", strength=128)
    c = canvas.Canvas(buf, pagesize=A4, **kw)
    c.setTitle("policyparse test fixture")
    n = 0
    if title_page:
        n += 1
        c.setFont(font, 22)
        c.drawCentredString(width / 2, height / 2, "衢州市人民政府办公室")
        c.showPage()
    for page in pages:
        n += 1
        if header:
            c.setFont(font, 9)
            c.drawCentredString(width / 2, height - 40, header)
        c.setFont(font, font_size)
        y = height - top
        for line in page:
            if isinstance(line, tuple):  # a table row: its cells, ruled
                _, cells, widths = line
                x = margin_x
                c.setFont(font, 9)
                for cell, w in zip(cells, widths):
                    c.rect(x, y - 0.35 * leading, w, leading, stroke=1, fill=0)
                    c.drawString(x + 4, y, cell)
                    x += w
                c.setFont(font, font_size)
            else:
                c.drawString(margin_x, y, line)
            y -= leading
        if footer:
            c.setFont(font, 10)
            c.drawCentredString(width / 2, 40, footer.format(n=n))
        c.showPage()
    c.save()
    return buf.getvalue()


def render_columns_pdf(
    text: str,
    *,
    title: list[str] | None = None,
    before: str | None = None,
    after: str | None = None,
    after_title: list[str] | None = None,
    order: str = "natural",
    font_size: float = 10.5,
    gutter: float = 24,
    header: str | tuple[str, str] | None = "衢州市人民政府公报",
    footer: str | None = "— {n} —",
    footer_outside: bool = False,
    below: list[tuple[str, str]] | None = None,
    para_gap: bool = False,
    balance: bool = True,
    layout: list | None = None,
) -> bytes:
    """Render ``text`` as a government gazette (政府公报) prints a notice: the body in two
    columns per A4 page, each paragraph's first line indented two characters.

    ``title`` lines form a one-column block above the body (centred across both
    columns); ``before`` is the end of another notice printed above it on the first page
    and ``after`` (with ``after_title``) one that starts below it on the last page — a
    notice that ends mid-page has its last lines balanced over the two columns (unless
    not ``balance``: then the left column is filled first, the right one holds the rest).

    ``order`` is the order the lines are drawn in the content stream: ``natural``
    (each column top to bottom, left column first), ``right_first`` (the right column
    first) or ``interleaved`` (row by row across the columns, as some typesetters write).
    ``header`` is centred, or a (left, right) pair over the two columns; the page number
    is centred, or with ``footer_outside`` in the outer corner (right on odd pages, left
    on even ones).

    ``below`` is set under the body's balanced columns on its last page, after a blank
    line, one ``(kind, text)`` a paragraph: ``left`` a line over the left column only (a
    short heading: indented two characters, not crossing the gutter), ``full`` a
    paragraph wrapped at the page's text width (crossing the gutter), ``right`` a line
    set flush right over the right column (a signature: a blank line before the first
    one).  ``para_gap`` leaves a blank line after every paragraph of the body (dropped at
    the top of a column).  ``layout`` receives every body line placed, blank lines too,
    as ``(page, column, row, text)``, and each paragraph of ``below`` as ``(page, None,
    index, text)``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    width, height = A4
    margin_x, top, bottom = 56, 70, 64
    col_w = (width - 2 * margin_x - gutter) / 2
    leading = font_size * 1.6

    def wrap(para: str) -> list[tuple[str, float]]:
        out, cur, indent = [], "", 2 * font_size
        for ch in para:
            if cur and pdfmetrics.stringWidth(cur + ch, font, font_size) > col_w - indent:
                out.append((cur, indent))
                cur, indent = ch, 0.0
            else:
                cur += ch
        out.append((cur, indent))
        return out

    def flow(body: str, gap: bool = False) -> tuple[str, list[tuple[str, float]]]:
        lines = []
        for p in body.splitlines():
            if p.strip():
                lines.extend(wrap(p.strip()))
                if gap:
                    lines.append(("", 0.0))
        return ("flow", lines[:-1] if gap else lines)

    blocks: list[tuple[str, list]] = []
    if before:
        blocks.append(flow(before))
    if title:
        blocks.append(("span", title))
    body = len(blocks)
    blocks.append(flow(text, para_gap))
    if below:
        blocks.append(("below", below))
    if after:
        if after_title:
            blocks.append(("span", after_title))
        blocks.append(flow(after))

    # layout: (page, block, col, row, x, y, text, size)
    placed: list[tuple[int, int, int, int, float, float, str, float]] = []
    page, y = 0, height - top
    for b, (kind, content) in enumerate(blocks):
        if kind == "below":
            if y - (len(content) + 8) * leading < bottom:
                page, y = page + 1, height - top
            y -= leading  # a blank line under the columns
            signed = False
            for k, (how, line) in enumerate(content):
                if how == "full":
                    rows = []  # wrapped at the page's text width
                    cur, indent = "", 2 * font_size
                    for ch in line:
                        if cur and pdfmetrics.stringWidth(cur + ch, font, font_size) > width - 2 * margin_x - indent:
                            rows.append((cur, indent))
                            cur, indent = ch, 0.0
                        else:
                            cur += ch
                    rows.append((cur, indent))
                    for r, (t, ind) in enumerate(rows):
                        placed.append((page, b, 0, k * 100 + r, margin_x + ind, y, t, font_size))
                        y -= leading
                    if layout is not None:
                        layout.append((page, None, k, line))
                    continue
                if how == "right":
                    y -= 0 if signed else leading
                    signed = True
                    x = width - margin_x - pdfmetrics.stringWidth(line, font, font_size)
                else:
                    x = margin_x + 2 * font_size
                placed.append((page, b, 0, k * 100, x, y, line, font_size))
                if layout is not None:
                    layout.append((page, None, k, line))
                y -= leading
            continue
        if kind == "span":
            need = sum(1.8 * (16 if k == 0 else 12) for k in range(len(content))) + leading
            if y - need < bottom:
                page, y = page + 1, height - top
            for k, line in enumerate(content):
                size = 16 if k == 0 else 12
                y -= 0.6 * size if k == 0 else 0
                x = (width - pdfmetrics.stringWidth(line, font, size)) / 2
                placed.append((page, b, 0, k, x, y, line, size))
                y -= 1.8 * size
            y -= leading
            continue
        lines = list(content)
        while lines:
            cap = int((y - bottom) / leading)
            if cap <= 0:
                page, y = page + 1, height - top
                continue
            while lines and not lines[0][0]:  # no blank line at a column's top
                lines.pop(0)
            if len(lines) <= 2 * cap and balance:  # the end of the flow: balance the two columns
                k = (len(lines) + 1) // 2
                cols, lines = [lines[:k], lines[k:]], []
            else:
                cols, lines = [lines[:cap], lines[cap : 2 * cap]], lines[2 * cap :]
            if cols[1] and not cols[1][0][0]:
                cols[1] = cols[1][1:]
            for c, col in enumerate(cols):
                x0 = margin_x + c * (col_w + gutter)
                for r, (line, indent) in enumerate(col):
                    placed.append((page, b, c, r, x0 + indent, y - r * leading, line, font_size))
                    if layout is not None and b == body:
                        layout.append((page, c, r, line))
            if lines:
                page, y = page + 1, height - top
            else:
                y -= len(cols[0]) * leading + leading
    key = {
        "natural": lambda p: (p[0], p[1], p[2], p[3]),
        "right_first": lambda p: (p[0], p[1], -p[2], p[3]),
        "interleaved": lambda p: (p[0], p[1], p[3], p[2]),
    }[order]
    placed.sort(key=key)

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setTitle("policyparse test fixture")
    for n in range(placed[-1][0] + 1 if placed else 1):
        if header:
            c.setFont(font, 9)
            if isinstance(header, tuple):
                c.drawString(margin_x, height - 40, header[0])
                c.drawRightString(width - margin_x, height - 40, header[1])
            else:
                c.drawCentredString(width / 2, height - 40, header)
            c.line(margin_x, height - 46, width - margin_x, height - 46)
        for p in placed:
            if p[0] == n:
                c.setFont(font, p[7])
                c.drawString(p[4], p[5], p[6])
        if footer:
            c.setFont(font, 10)
            if not footer_outside:
                c.drawCentredString(width / 2, 36, footer.format(n=n + 1))
            elif n % 2 == 0:  # page n + 1 is odd
                c.drawRightString(width - margin_x, 36, footer.format(n=n + 1))
            else:
                c.drawString(margin_x, 36, footer.format(n=n + 1))
        c.showPage()
    c.save()
    return buf.getvalue()


def render_scanned_pdf(pages: int = 2) -> bytes:
    """A PDF of images only (what a scanner produces): no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for _ in range(pages):
        for k in range(30):  # grey bars standing in for scanned lines of text
            c.setFillGray(0.2 + 0.01 * k)
            c.rect(72, 760 - 22 * k, 450, 9, stroke=0, fill=1)
        c.showPage()
    c.save()
    return buf.getvalue()


def render_table_pdf(rows: list[list[str]], header: list[str], title: str,
                     repeat_header: bool = True, widths: list[float] | None = None, *,
                     split_in_row: bool = False, space_before: float = 0, valign: str = "TOP") -> bytes:
    """A PDF holding a ruled task table (for pdfplumber's table finder), over as many
    pages as it takes, the table lowered by ``space_before`` on the first page.  A row
    is not broken (see render_broken_rows_pdf) unless ``split_in_row``: then reportlab
    (``Table(splitInRow=1)``) breaks a row that does not fit at the page foot, and draws
    the cut open — the column rules run to the page foot and start again at the next
    page's top, with no rule across them on either page."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    tstyle = ParagraphStyle("title", fontName="STSong-Light", fontSize=14, leading=20)
    data = [[Paragraph(h, style) for h in header]]
    data += [[Paragraph(c, style) for c in r] for r in rows]
    widths = widths or [30, 200, 80, 80, 60][: len(header)]
    t = Table(data, colWidths=widths, repeatRows=1 if repeat_header else 0, splitInRow=1 if split_in_row else 0)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), valign)]))
    buf = io.BytesIO()
    story = [Paragraph(title, tstyle)] + ([Spacer(1, space_before)] if space_before else []) + [t]
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def render_broken_rows_pdf(rows: list[list[str]], header: list[str], title: str, *,
                           repeat_header: bool = True, widths: list[float] | None = None,
                           font_size: float = 9, rows_top: float = 0, breaks: list | None = None) -> bytes:
    """A ruled task table laid out as Word prints one: each cell's text wrapped in its
    column, every cell boxed, the table running over as many A4 pages as it needs, and
    a row that does not fit at the foot of a page **broken there** — the lines that fit
    stay (the row's cells closed by a rule at the page foot), the rest of each cell
    continues in the same column at the top of the next page (under the repeated header
    row when ``repeat_header``).  Short cells (number, units, deadline) end on the first
    page, so their continuation is empty.  ``rows_top`` lowers the table on the first
    page (a different place for the break).  Each row broken is appended to ``breaks``
    as ``(row index, [cell text left on the first page …], [cell text continued …])``."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    font = "STSong-Light"
    width, height = A4
    widths = widths or [30, 220, 80, 90, 70][: len(header)]
    left, top, bottom, pad = (width - sum(widths)) / 2, 60, 60, 4
    leading = font_size * 1.4

    def wrap(text: str, w: float) -> list[str]:
        out, cur = [], ""
        for ch in text:
            if cur and pdfmetrics.stringWidth(cur + ch, font, font_size) > w - 2 * pad:
                out.append(cur)
                cur = ch
            else:
                cur += ch
        return out + [cur] if cur else out

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    n = 1

    def new_page() -> float:
        nonlocal n
        c.setFont(font, 10)
        c.drawCentredString(width / 2, 30, f"— {n} —")
        c.showPage()
        n += 1
        return height - top

    def draw_row(cells: list[list[str]], y: float) -> float:
        h = max(1, max(len(ls) for ls in cells)) * leading + 2 * pad
        x = left
        c.setFont(font, font_size)
        for ls, w in zip(cells, widths):
            c.rect(x, y - h, w, h, stroke=1, fill=0)
            for k, line in enumerate(ls):
                c.drawString(x + pad, y - pad - font_size - k * leading, line)
            x += w
        return y - h

    y = height - top - rows_top
    c.setFont(font, 14)
    c.drawString(left, y, title)
    y -= 28
    head = [wrap(h, w) for h, w in zip(header, widths)]
    y = draw_row(head, y)
    for r, row in enumerate(rows):
        cells = [wrap(t, w) for t, w in zip(row, widths)]
        while cells:
            fit = int((y - bottom - 2 * pad) / leading)
            need = max(len(ls) for ls in cells)
            if need <= fit:
                y = draw_row(cells, y)
                break
            if fit < 2:  # not even two lines: the whole row goes to the next page
                y = new_page()
                if repeat_header:
                    y = draw_row(head, y)
                continue
            y = draw_row([ls[:fit] for ls in cells], y)
            if breaks is not None:
                breaks.append((r, ["".join(ls[:fit]) for ls in cells], ["".join(ls[fit:]) for ls in cells]))
            cells = [ls[fit:] for ls in cells]
            y = new_page()
            if repeat_header:
                y = draw_row(head, y)
    c.setFont(font, 10)
    c.drawCentredString(width / 2, 30, f"— {n} —")
    c.showPage()
    c.save()
    return buf.getvalue()


# ---------------------------------------------------------------- HTML

TASK_HEADER = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
TASK_ROWS = [
    # category, number, task, lead, cooperating, deadline
    ("企业开办", "1", "优化企业开办服务。推行企业开办全程网办，企业开办时间压缩至0.5个工作日以内。",
     "县市场监管局", "县税务局、县人力社保局、县公安局", "2024年6月底前"),
    ("企业开办", "2", "推进电子营业执照和电子印章同步发放应用。", "县市场监管局", "县大数据中心", "长期坚持"),
    ("工程建设", "3", "深化工程建设项目审批制度改革，一般社会投资项目审批时间控制在40个工作日以内。",
     "县住建局", "县自然资源局、县发改局等相关单位", "2024年9月底前"),
    ("工程建设", "4", "推行“拿地即开工”审批模式。", "县住建局", "县自然资源局", "持续推进"),
]


def _esc(s: str) -> str:
    import html

    return html.escape(s, quote=False)


def county_page(
    paragraphs: list[str],
    *,
    title: str = "龙游县人民政府办公室关于印发龙游县2024年优化营商环境实施方案的通知",
    charset: str = "utf-8",
    with_table: bool = True,
    table_title: str = "龙游县2024年优化营商环境重点任务清单",
    info_table: bool = True,
) -> str:
    """A notice page in the style of a county government site (TRS-like CMS): site
    header and navigation, breadcrumb, 信息公开 info table, title, meta line, the
    text in ``div#zoom``, an optional task table with a category column spanning
    rows, share/print tools, related links and a footer with 网站标识码 and ICP."""
    body = []
    rows: list[str] = []
    for k, p in enumerate(paragraphs + [""]):
        if "\t" in p:  # a run of tab-separated lines is a table, as a page shows one
            rows.append("<tr>" + "".join(f"<td>{_esc(c.strip())}</td>" for c in p.strip().split("\t")) + "</tr>")
            continue
        if rows:
            body.append('<table border="1">' + "".join(rows) + "</table>")
            rows = []
        if k == len(paragraphs):
            break
        p = _esc(p)
        if k == 5 and len(p) > 40:  # a <br> a web editor put in mid-sentence
            p = p[:20] + "<br/>\n" + p[20:]
        body.append(f'<p style="text-indent:2em">&nbsp;&nbsp;&nbsp;&nbsp;{p}</p>')
    table = ""
    if with_table:
        rows = []
        by_cat: dict[str, int] = {}
        for cat, *_ in TASK_ROWS:
            by_cat[cat] = by_cat.get(cat, 0) + 1
        seen: set[str] = set()
        for cat, num, task, lead, coop, due in TASK_ROWS:
            cat_cell = "" if cat in seen else f'<td rowspan="{by_cat[cat]}">{cat}</td>'
            seen.add(cat)
            rows.append(f"<tr>{cat_cell}<td>{num}</td><td><p>{_esc(task)}</p></td><td>{lead}</td>"
                        f"<td>{coop.replace('、', '<br/>', 1)}</td><td>{due}</td></tr>")
        head = "".join(f"<th>{h}</th>" for h in ["类别"] + TASK_HEADER)
        table = (
            "<p>附件</p>"
            f'<p style="text-align:center"><strong>{table_title}</strong></p>'
            '<table border="1" class="MsoNormalTable">'
            f'<tr><td colspan="6">{table_title}</td></tr>'
            f"<tr>{head}</tr>{''.join(rows)}</table>"
        )
    info = ""
    if info_table:
        info = (
            '<table class="xxgk-table"><tr><td>索引号：</td><td>11330825002620937X/2024-00012</td>'
            "<td>成文日期：</td><td>2024-01-03</td></tr>"
            "<tr><td>发文字号：</td><td>龙政办发〔2024〕2号</td><td>发布机构：</td><td>龙游县人民政府办公室</td></tr>"
            "</table>"
        )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{title}_龙游县人民政府</title>
<meta name="ArticleTitle" content="{title}" />
<meta name="PubDate" content="2024-01-05 09:30" />
<meta name="ContentSource" content="龙游县人民政府办公室" />
<style>.nav li {{ float:left }} body {{ font-family: SimSun }}</style>
<script>var _hmt = _hmt || []; document.write("1.不是正文。");</script>
</head>
<body>
<div class="top-bar"><a href="/">无障碍</a> | <a href="/">长者模式</a> | <a href="/">English</a></div>
<div class="header"><div class="logo"><img src="logo.png" alt="龙游县人民政府"/></div>
<form class="search" action="/search"><input type="text" name="q" value="请输入关键字"/><button>搜索</button></form></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/zcwj">政策文件</a></li><li><a href="/bsfw">办事服务</a></li><li><a href="/hdjl">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zcwj">政策文件</a></div>
<div class="main-wrap">
{info}
<div class="article">
<h1 class="article-title">{_esc(title)}</h1>
<div class="article-info">发布日期：2024-01-05&nbsp;&nbsp;&nbsp;&nbsp;来源：龙游县人民政府办公室&nbsp;&nbsp;浏览次数：<span id="hits">1024</span>
<span class="fontsize">【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div id="zoom" class="TRS_Editor">
{''.join(body)}
{table}
</div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a></div>
<div class="print-close"><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul>
<li><a href="/a1">1.龙游县2023年优化营商环境工作总结</a></li><li><a href="/a2">2.关于进一步优化营商环境的若干意见</a></li></ul></div>
</div>
<div class="footer"><p>主办单位：龙游县人民政府办公室　承办单位：龙游县大数据发展中心</p>
<p>网站标识码：3308250001　浙ICP备05000000号-1　浙公网安备 33082502000123号</p></div>
</body></html>
"""


def quzhou_paragraphs() -> list[str]:
    """The quzhou notice's lines, without its info-table lines."""
    return [ln for ln in corpus_text("quzhou_2024.txt").splitlines() if ln.strip() and "|" not in ln]


# ---------------------------------------------------------------- Word .docx

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Word's Chinese outline list: 一、 at level 0, （一） at level 1 (ECMA-376 numbering)
_CN_LIST = f"""<w:abstractNum xmlns:w="{_W_NS}" w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>"""
_CN_NUM = f"""<w:num xmlns:w="{_W_NS}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>"""


def render_docx(paras: list[str], *, auto_numbering: bool = False) -> bytes:
    """A Word file of ``paras``: one paragraph each, runs of tab-separated rows as a Word
    table.  With ``auto_numbering``, typed 一、 and （一） numbers become Word list numbering
    (the number is no longer in the paragraph's text) where Word would draw the same
    number — a level whose typed numbers do not run 1, 2, 3 under their parent stays typed."""
    import re

    import docx
    from lxml import etree

    levels = [re.compile(r"^([一二三四五六七八九十]+)、"), re.compile(r"^（([一二三四五六七八九十]+)）")]
    from policyparse.numbering import numeral_value

    def level_of(p: str):
        for k, pat in enumerate(levels):
            m = pat.match(p)
            if m:
                return k, numeral_value(m.group(1)), m.end()
        return None

    convert = set()
    if auto_numbering:  # the levels whose typed numbers Word would draw the same
        ok = {0: True, 1: True}
        count = {}
        for p in paras:
            lv = level_of(p)
            if lv is None:
                continue
            k, v, _ = lv
            count[k] = count.get(k, 0) + 1
            for deeper in [d for d in count if d > k]:
                del count[deeper]
            ok[k] = ok[k] and v == count[k]
        convert = {k for k, good in ok.items() if good}
        convert = {k for k in convert if all(j in convert for j in range(k))}
    d = docx.Document()
    if convert:
        numbering = d.part.numbering_part.element
        numbering.insert(0, etree.fromstring(_CN_LIST))
        numbering.append(etree.fromstring(_CN_NUM))
    i = 0
    while i < len(paras):
        if "\t" in paras[i]:
            rows = []
            while i < len(paras) and "\t" in paras[i]:
                rows.append(paras[i].split("\t"))
                i += 1
            width = max(len(r) for r in rows)
            table = d.add_table(rows=len(rows), cols=width)
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            continue
        p = paras[i]
        lv = level_of(p)
        if lv is not None and lv[0] in convert:
            par = d.add_paragraph(p[lv[2]:])
            ppr = par._p.get_or_add_pPr()
            ppr.insert(0, etree.fromstring(
                f'<w:numPr xmlns:w="{_W_NS}"><w:ilvl w:val="{lv[0]}"/><w:numId w:val="90"/></w:numPr>'))
        else:
            d.add_paragraph(p)
        i += 1
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()

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

    lines: list[str] = []
    for para in text.splitlines():
        para = para.rstrip()
        if not para.strip():
            continue
        lines.extend(wrap(para))
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
            c.drawString(margin_x, y, line)
            y -= leading
        if footer:
            c.setFont(font, 10)
            c.drawCentredString(width / 2, 40, footer.format(n=n))
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


def render_table_pdf(rows: list[list[str]], header: list[str], title: str) -> bytes:
    """A one-page PDF holding a ruled task table (for pdfplumber's table finder)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=9, leading=12, wordWrap="CJK")
    tstyle = ParagraphStyle("title", fontName="STSong-Light", fontSize=14, leading=20)
    data = [[Paragraph(h, style) for h in header]]
    data += [[Paragraph(c, style) for c in r] for r in rows]
    widths = [30, 200, 80, 80, 60][: len(header)]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build([Paragraph(title, tstyle), t])
    return buf.getvalue()

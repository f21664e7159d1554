"""The PDF reader on PDFs rendered from the bundled notices (reportlab, STSong-Light)."""

from __future__ import annotations

import re

import pytest

import policyparse
from policyparse.read import read_bytes
from policyparse.read.pdf import furniture, is_page_number

from fixtures_build import corpus_text, render_broken_rows_pdf, render_columns_pdf, render_pdf, render_table_pdf

QUZHOU = corpus_text("quzhou_2024.txt")
HEADER = "衢州市人民政府办公室文件"
CROSS_PAREN = re.compile(r"[(（][^()（）]*\f[^()（）]*[)）]")


@pytest.fixture(scope="module")
def quzhou_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "quzhou.pdf"
    path.write_bytes(render_pdf(QUZHOU, lines_per_page=23, footer="— {n} —"))
    return path


@pytest.fixture(scope="module")
def parsed(quzhou_pdf):
    return policyparse.parse(quzhou_pdf), policyparse.parse_text(QUZHOU)


def test_fixture_breaks_sentences_and_parentheses_across_pages(parsed):
    pdf, _ = parsed
    st = pdf.source_text
    assert st.count("\f") >= 5  # several pages
    assert CROSS_PAREN.search(st), "the fixture must break a unit parenthesis across a page"


def test_running_header_and_page_numbers_are_removed(parsed):
    st = parsed[0].source_text
    assert HEADER not in st
    assert not re.search(r"—\s*\d+\s*—", st)
    # the text itself is all there
    assert "现制定如下实施" in st and "合力打造最优营商环境" in st


def test_pdf_finds_the_same_29_measures_as_the_text(parsed):
    pdf, txt = parsed
    a = [(m.number, m.title) for m in pdf.documents[0].measures]
    b = [(m.number, m.title) for m in txt.documents[0].measures]
    assert len(a) == 29
    assert a == b


def test_measure_text_is_rejoined_across_lines_and_pages(parsed):
    pdf, txt = parsed
    strip = lambda s: re.sub(r"\s+", "", s)  # noqa: E731 - a line end may eat a space
    crossing = 0
    for m, t in zip(pdf.documents[0].measures, txt.documents[0].measures):
        assert "\n" not in m.text and "\f" not in m.text
        assert strip(m.text) == strip(t.text)
        if "\f" in pdf.source_text[m.span[0] : m.span[1]]:
            crossing += 1
    assert crossing >= 3


def test_unit_parenthesis_broken_across_a_page_is_whole(parsed):
    pdf, txt = parsed
    st = pdf.source_text
    hits = [m for m in pdf.documents[0].measures if CROSS_PAREN.search(st[m.span[0] : m.span[1]])]
    assert hits
    by_number = {t.number: t for t in txt.documents[0].measures}
    for m in hits:
        paren = re.search(r"[(（][^()（）]*[)）]$", m.text)
        assert paren, m.text[-60:]
        assert [u.name for u in m.units] == [u.name for u in by_number[m.number].units]


def test_spans_point_into_source_text(parsed):
    pdf, _ = parsed
    st = pdf.source_text
    for m in pdf.documents[0].measures:
        s, e = m.span
        assert 0 <= s < e <= len(st)
        piece = re.sub(r"\s+", "", st[s:e])
        assert re.sub(r"\s+", "", m.title) in piece
        for u in m.units:
            assert re.sub(r"\s", "", st[u.span[0] : u.span[1]]) == re.sub(r"\s", "", u.name)


def test_pdf_source_is_reported(parsed, quzhou_pdf):
    pdf, _ = parsed
    assert pdf.source.format == "pdf"
    import hashlib

    assert pdf.source.sha256 == hashlib.sha256(quzhou_pdf.read_bytes()).hexdigest()


@pytest.mark.parametrize("footer", ["第 {n} 页", "- {n} -", "第{n}页 共9页", "{n}"])
def test_page_number_styles_are_dropped(footer):
    text = "\n".join(QUZHOU.splitlines()[:12])
    doc = read_bytes(render_pdf(text, header=None, footer=footer, lines_per_page=8))
    assert doc.text.count("\f") >= 2
    for line in doc.text.replace("\f", "\n").splitlines():
        assert not is_page_number(line), line


def test_header_that_is_not_repeated_is_kept():
    pages = [["太原市万柏林区人民政府文件", "一、总体要求", "— 1 —"], ["二、重点任务", "1.优化企业开办服务。", "— 2 —"]]
    drops = furniture(pages)
    assert drops == [{2}, {2}]


def test_repeated_header_with_page_number_inside_is_dropped():
    body = QUZHOU.splitlines()[4:]
    pages = [[f"衢州市营商环境实施方案 第{n}页", *body[4 * n : 4 * n + 4]] for n in range(1, 5)]
    assert furniture(pages) == [{0}] * 4


def test_pdf_task_table_becomes_measures(tmp_path):
    rows = [
        ["1", "优化企业开办服务。推行企业开办全程网办，实现0.5个工作日办结。", "县市场监管局", "县税务局、县人社局", "2024年6月底前"],
        ["2", "深化工程建设项目审批制度改革。", "县住建局", "县自然资源局", "长期坚持"],
    ]
    path = tmp_path / "table.pdf"
    path.write_bytes(render_table_pdf(rows, ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
                                      "附件：某县2024年优化营商环境重点任务清单"))
    r = policyparse.parse(path)
    ms = [m for d in r.documents for m in d.measures]
    assert [m.number for m in ms] == ["1", "2"]
    assert ms[0].title == "优化企业开办服务"
    assert [(u.name, u.role) for u in ms[0].units] == [
        ("县市场监管局", "lead"), ("县税务局", "cooperating"), ("县人社局", "cooperating")]
    assert [d.date for d in ms[0].deadlines] == ["2024-06-30"]
    assert ms[1].deadlines == []
    st = r.source_text
    for m in ms:
        for u in m.units:
            assert st[u.span[0] : u.span[1]] == u.name


@pytest.mark.parametrize("width", [30, 34, 38, 44])
def test_a_number_the_cell_wrapped_is_whole(tmp_path, width):
    """A narrow 配合单位 column wraps 市12345热线中心 inside its number (市12 / 345热线…):
    the unit's name is whole, and its span still cuts the name out of source_text."""
    rows = [["1", "畅通政企沟通渠道，企业诉求办结率达到95%以上。", "市工商联", "市政务办、市12345热线中心", "2024年12月底前"],
            ["2", "优化营商环境评价。", "市营商办", "市发改委", "2024年11月底前"]]
    data = render_table_pdf(rows, ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], "附件：任务清单",
                            widths=[30, 200, 80, width, 60])
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        cell = pdf.pages[0].extract_tables()[0][1][3]
    assert re.search(r"\d\n\d", cell)  # the fixture wrapped the number
    path = tmp_path / "t.pdf"
    path.write_bytes(data)
    r = policyparse.parse(path)
    m = r.documents[0].measures[0]
    assert [(u.name, u.role) for u in m.units] == [
        ("市工商联", "lead"), ("市政务办", "cooperating"), ("市12345热线中心", "cooperating")]
    assert all(re.sub(r"\s", "", r.source_text[u.span[0]:u.span[1]]) == u.name for u in m.units)


def test_hyphen_at_a_line_end_is_kept():
    # PDFium reports a line-end hyphen as U+FFFE; in Chinese it is a real character
    text = "在高铁站-机场及太榆路沿线布局一批现代服务业集聚区，推动产业链上下游协同发展。"
    doc = read_bytes(render_pdf(text, chars_per_line=5, header=None, footer=None))
    assert "高铁站-机场" in doc.text.replace("\n", "")
    assert "\ufffe" not in doc.text


@pytest.mark.parametrize("repeat_header", [True, False])
def test_pdf_task_table_over_several_pages(repeat_header):
    task = "推进重点改革事项落地见效，持续优化营商环境，确保各项措施落实到位，形成可复制可推广的经验做法。"
    rows = [[str(i), f"第{i}项任务。{task * 2}", "县发改局", "县财政局、县税务局", f"2024年{i % 12 + 1}月底前"]
            for i in range(1, 31)]
    data = render_table_pdf(rows, ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"], "附件：重点任务清单",
                            repeat_header=repeat_header)
    from policyparse.pipeline import parse_source

    src = read_bytes(data, "table.pdf")
    assert src.text.count("\f") >= 2
    r = parse_source(src)
    ms = [m for d in r.documents for m in d.measures]
    assert [m.number for m in ms] == [str(i) for i in range(1, 31)]
    assert all(m.title == f"第{m.number}项任务" for m in ms)
    assert [m.deadlines[0].date[5:7] for m in ms] == [f"{i % 12 + 1:02d}" for i in range(1, 31)]
    assert all([u.role for u in m.units] == ["lead", "cooperating", "cooperating"] for m in ms)



def test_unnumbered_task_table_under_repeated_headers_is_one_table():
    # without a 序号 column rows are numbered by position: a header repeated on each page
    # continues the table, it does not restart the count
    task = "推进重点改革事项落地见效，持续优化营商环境，确保各项措施落实到位，形成可复制可推广的经验做法。"
    rows = [[f"第{i}项任务。{task * 2}", "县发改局", "县财政局、县税务局", f"2024年{i % 12 + 1}月底前"]
            for i in range(1, 31)]
    data = render_table_pdf(rows, ["重点任务", "牵头单位", "配合单位", "完成时限"], "附件：重点任务清单",
                            repeat_header=True, widths=[230, 80, 80, 60])
    from policyparse.pipeline import parse_source

    src = read_bytes(data, "table.pdf")
    assert src.text.count("重点任务 | 牵头单位") >= 3  # the header on every page
    ms = [m for d in parse_source(src).documents for m in d.measures]
    assert [m.title for m in ms] == [f"第{i}项任务" for i in range(1, 31)]
    assert [m.number for m in ms] == [str(i) for i in range(1, 31)]
    assert len(src.tables) == 1

# ---------------------------------------------------------------- two-column gazette pages

GAZETTE_HEADER = ("衢州市人民政府公报", "2024年第1期")  # over the left and the right column


def _strip(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _same_as_the_table_as_text(src, title: str, header: list[str], rows: list[list[str]]) -> None:
    """The PDF's measures equal those of the same table pasted as tab-separated text, and
    every cell, unit, deadline and quantity span cuts its text out of source_text."""
    from policyparse.pipeline import parse_source

    pdf = parse_source(src)
    txt = policyparse.parse_text("\n".join([title, "\t".join(header)] + ["\t".join(r) for r in rows]))
    a = [_fields(m) for d in pdf.documents for m in d.measures]
    b = [_fields(m) for d in txt.documents for m in d.measures]
    assert len(b) == len(rows)
    assert a == b
    st = src.text
    for t in src.tables:
        for row in t.rows:
            for c in row:
                assert st[c.start : c.end] == c.text
    for m in (m for d in pdf.documents for m in d.measures):
        for u in m.units:
            assert st[u.span[0] : u.span[1]] == u.name
        for x in m.deadlines + m.quantities:
            assert st[x.span[0] : x.span[1]] == x.text


def _fields(m):
    return (m.number, m.title, m.path, [(u.name, u.role) for u in m.units], [(d.text, d.date) for d in m.deadlines],
            [(q.text, q.value, q.unit, q.comparator, q.kind) for q in m.quantities], _strip(m.text))


def _assert_reads_like_text(data: bytes, text: str):
    """The PDF gives the measures of the same notice parsed as text, its source_text
    holds the text's characters in the text's order (page furniture dropped), lines
    wrapped inside a paragraph are joined, and every span points into source_text."""
    from policyparse.pipeline import parse_source

    src = read_bytes(data, "gazette.pdf")
    st = src.text
    assert st.count("\f") >= 2
    assert _strip(st) == _strip(text)
    paragraphs = {_strip(p) for p in text.splitlines() if p.strip()}
    for page in st.split("\f"):
        lines = [ln for ln in page.split("\n") if ln.strip()]
        for ln in lines[1:-1]:  # the first and last line of a page may hold part of one
            assert _strip(ln) in paragraphs, ln
    pdf, txt = parse_source(src), policyparse.parse_text(text)
    a = [_fields(m) for d in pdf.documents for m in d.measures]
    b = [_fields(m) for d in txt.documents for m in d.measures]
    assert len(a) >= 20
    assert a == b
    for m in (m for d in pdf.documents for m in d.measures):
        assert _strip(m.title) in _strip(st[m.span[0] : m.span[1]])
        for u in m.units:
            assert _strip(st[u.span[0] : u.span[1]]) == _strip(u.name)
        for x in m.deadlines + m.quantities:
            assert _strip(st[x.span[0] : x.span[1]]) == _strip(x.text)


@pytest.mark.parametrize("name, order", [
    ("quzhou_2024.txt", "natural"),
    ("quzhou_2024.txt", "right_first"),
    ("quzhou_2024.txt", "interleaved"),
    ("taiyuan_xiaodian_2022.txt", "natural"),  # headings wrap in a narrow column
    ("taiyuan_xiaodian_2022.txt", "interleaved"),
])
def test_two_column_pages_read_like_the_text(name, order):
    text = corpus_text(name)
    _assert_reads_like_text(render_columns_pdf(text, order=order, header=GAZETTE_HEADER, footer_outside=True), text)


QUZHOU_BODY = "\n".join(ln for ln in QUZHOU.splitlines() if "|" not in ln)
QUZHOU_TITLE = ["衢州市人民政府办公室关于印发", "衢州市2024年优化营商环境实施方案的通知", "衢政办发〔2024〕1号"]


@pytest.mark.parametrize("layout", ["title", "after another notice", "before another notice"])
def test_gazette_issue_with_title_block_and_other_notices(layout):
    # a one-column title block over the two columns; the end of another notice above it
    # (balanced over the two columns) or the start of another one below it
    other = [ln for ln in corpus_text("taiyuan_xiaodian_2022.txt").splitlines() if ln.strip()]
    kw: dict = {"title": QUZHOU_TITLE}
    parts = ["\n".join(QUZHOU_TITLE), QUZHOU_BODY]
    if layout == "after another notice":
        kw["before"] = "\n".join(other[-5:-1])  # 四、工作保障 and its items
        parts.insert(0, kw["before"])
    elif layout == "before another notice":
        kw["after_title"] = ["太原市小店区人民政府", "关于印发小店区行动方案的通知"]
        kw["after"] = "\n".join(other[:8])
        parts += kw["after_title"] + [kw["after"]]
    data = render_columns_pdf(QUZHOU_BODY, order="interleaved", header=GAZETTE_HEADER, footer_outside=True, **kw)
    _assert_reads_like_text(data, "\n".join(parts))


def test_one_column_pages_show_no_columns(quzhou_pdf):
    import pypdfium2 as pdfium

    from policyparse.read.pdfcolumns import find_gutters

    doc = pdfium.PdfDocument(quzhou_pdf.read_bytes())
    for i in range(len(doc)):
        tp = doc[i].get_textpage()
        assert find_gutters([tp.get_rect(k) for k in range(tp.count_rects())]) == []


def _line_boxes(x0: float, x1: float, rows: int, top: float = 800, short_every: int = 5):
    """Boxes of ``rows`` lines of body text between x0 and x1, every fifth line short."""
    out = []
    for r in range(rows):
        y = top - 17 * r
        end = x0 + (x1 - x0) * 0.4 if r % short_every == short_every - 1 else x1
        out.append((x0 + (21 if r % short_every == 0 else 0), y - 10.5, end, y))
    return out


def test_gutters_are_found_between_text_columns_only():
    from policyparse.read.pdfcolumns import find_gutters

    one = _line_boxes(56, 540, 40)
    two = _line_boxes(56, 286, 40) + _line_boxes(310, 540, 40)
    [(a, b)] = find_gutters(two)
    assert 286 <= a < b <= 310
    assert find_gutters(one) == []
    # a title across both columns and a centred page number do not hide the gutter
    [(a, b)] = find_gutters(two + [(180, 830, 420, 846), (284, 30, 312, 40)])
    assert 286 <= a < b <= 310
    # a table: one wide column of text, narrow columns of short cells beside it
    table = _line_boxes(56, 300, 30) + [(x, y0, x + 40, y1) for x in (330, 420, 500)
                                        for (_, y0, _, y1) in _line_boxes(0, 1, 30)]
    assert find_gutters(table) == []
    # one column with a right-aligned signature and date under it
    signed = one + [(400, 60, 540, 70.5), (430, 43, 540, 53.5), (56, 60, 200, 70.5), (56, 43, 150, 53.5)]
    assert find_gutters(signed) == []


# ---------------------------------------------------------------- a table row cut by a page break

_UNIT_POOL = ["县人力资源和社会保障局", "县市场监督管理局", "县住房和城乡建设局", "县自然资源局", "县财政局", "县税务局",
              "县文化和旅游局", "县农业农村局"]


def _broken_table(numbered: bool):
    task = "推进重点改革事项落地见效，持续优化营商环境，确保各项措施落实到位，形成可复制可推广的经验做法。"
    header = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    rows = [[str(i), f"第{i}项任务。{task * (i % 3)}到2025年新增市场主体{i}00户以上。",
             "县发展和改革局" if i % 2 else "县行政审批服务管理局", "、".join(_UNIT_POOL[(i + k) % 8] for k in range(3)),
             f"2024年{i % 12 + 1}月底前"] for i in range(1, 25)]
    if not numbered:
        header, rows = header[1:], [r[1:] for r in rows]
    return header, rows


@pytest.mark.parametrize("repeat_header", [True, False])
@pytest.mark.parametrize("numbered, rows_top, cut", [
    (True, 40, "重点任务"),
    (True, 88, "配合单位"),  # the unit list runs longer than the task: only it is cut
    (True, 0, "完成时限"),  # a narrow deadline column: 2024年12 | 月底前
    (False, 96, "重点任务"),
])
def test_table_row_cut_by_a_page_break_is_one_measure(repeat_header, numbered, rows_top, cut):
    header, rows = _broken_table(numbered)
    title = "附件：重点任务清单"
    breaks: list = []
    # without a 序号 column only a cut task text is joined (see tables.continues_row): the
    # unit column is wide enough there for the cut to fall in the task text alone
    widths = {"重点任务": [30, 220, 60, 70, 45], "配合单位": [30, 220, 60, 70, 45],
              "完成时限": [30, 230, 60, 80, 28]}[cut] if numbered else [230, 60, 110, 60]
    data = render_broken_rows_pdf(rows, header, title, repeat_header=repeat_header, widths=widths,
                                  rows_top=rows_top, breaks=breaks)
    col = header.index(cut)
    assert any(first[col] and cont[col] for _, first, cont in breaks), "the fixture must cut that cell"
    src = read_bytes(data, "table.pdf")
    assert src.text.count("\f") >= 1
    _same_as_the_table_as_text(src, title, header, rows)


def test_which_row_continues_the_row_a_page_break_cut():
    from policyparse.read.tables import continues_row, find_header

    header = ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"]
    roles = find_header([header])[1]
    last = ["7", "第7项任务。推进重点改革事项落地见效，持续优化", "县发改局", "县财政局、县人力资源和", "2024年7月底前"]
    assert continues_row(roles, last, ["", "营商环境。", "", "", ""])
    assert continues_row(roles, last, ["", "营商环境。", "", "社会保障局", ""])
    assert continues_row(roles, last, ["", "", "", "社会保障局", ""])  # only the unit list was cut
    assert not continues_row(roles, last, ["8", "第8项任务。优化服务。", "县住建局", "", "长期坚持"])  # a new row
    assert not continues_row(roles, header, ["", "营商环境。", "", "", ""])  # the header is no row to continue
    # a sub-heading across the table: its text in the first cell
    assert not continues_row(roles, last, ["二、优化政务服务", "", "", "", ""])
    # a row under a merged 牵头单位 cell, not printed again on the new page: it has a number
    assert not continues_row(roles, last, ["8", "第8项任务。", "", "县住建局", "2024年8月底前"])
    # it fills a cell the cut row left empty: a row of its own
    assert not continues_row(roles, last[:3] + ["", last[4]], ["", "营商环境。", "", "县住建局", ""])
    no_number = roles[1:]
    assert continues_row(no_number, last[1:], ["营商环境。", "", "", ""])
    # without numbers a cut unit list cannot be told from a new row under merged unit cells
    assert not continues_row(no_number, last[1:], ["营商环境。", "", "社会保障局", ""])


# ---------------------------------------------------------------- a table row drawn open over a page break

_SPLIT_UNITS = ["市政务办", "市政务服务热线中心", "市发改委", "市工信局", "市商务局", "市财政局", "市人社局", "市住建局"]


@pytest.mark.parametrize("repeat_header, valign, space_before", [
    (False, "MIDDLE", 0),  # the short cells (序号, units, deadline) sit in the part on the next page
    (False, "TOP", 40),
    (True, "TOP", 0),  # the rest under the repeated header, no rule between them
    (True, "MIDDLE", 150),
])
def test_table_row_split_open_by_reportlab_is_one_measure(repeat_header, valign, space_before):
    # reportlab's Table(splitInRow=1) breaks a row at the page foot and draws it open:
    # no rule closes the part on the first page nor opens the rest on the next
    import pypdfium2 as pdfium

    detail = "建立企业诉求“接诉即办”闭环机制，对企业反映的问题实行台账管理、限时办结、跟踪回访，"
    header = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"]
    rows = [[str(i), f"第{i}项重点任务", f"{detail * (i % 3 + 1)}企业诉求办结率达到9{i % 10}%以上。",
             "市工商联" if i % 2 else "市市场监管局", "、".join(_SPLIT_UNITS[(i + k) % 8] for k in range(2 + i % 4)),
             f"2024年{i % 12 + 1}月底前"] for i in range(1, 21)]
    title = "附件：重点任务清单"
    data = render_table_pdf(rows, header, title, repeat_header, [30, 85, 170, 80, 80, 60], split_in_row=True,
                            space_before=space_before, valign=valign)
    doc = pdfium.PdfDocument(data)
    pages = [_strip(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    assert any(not any(_strip(r[2]) in p for p in pages) for r in rows), "the fixture must cut a row"
    _same_as_the_table_as_text(read_bytes(data, "table.pdf"), title, header, rows)


# ---------------------------------------------------------------- lines under the columns, white across them

def _body_and_rest(heading: str) -> tuple[str, list[str]]:
    body, _, rest = QUZHOU_BODY.partition(heading)
    return body.strip(), [p for p in rest.splitlines() if p.strip()]


@pytest.mark.parametrize("order", ["natural", "interleaved"])
@pytest.mark.parametrize("closing", ["full", "left"])
def test_lines_under_the_columns_are_read_after_both(order, closing):
    # under the last page's columns, after a blank line: a short heading over the left
    # column only, a closing paragraph (across the page, or a short line over the left
    # column) and a signature over the right column — after the right column, not
    # inside the left one (before: the heading was read as the left column's last line,
    # so the measures of the right column fell under it)
    body, rest = _body_and_rest("三、工作保障")
    below = [("left", "三、工作保障")]
    below += [("full", rest[0])] if closing == "full" else [("left", "请认真贯彻执行。")]
    below += [("right", "衢州市人民政府办公室"), ("right", "2024年1月10日")]
    layout: list = []
    data = render_columns_pdf(body, order=order, header=GAZETTE_HEADER, footer_outside=True, below=below,
                              layout=layout)
    last = max(p for p, c, _, _ in layout if c is not None)
    assert {p for p, c, _, _ in layout if c is None} == {last}, "the lines must sit under the columns"
    assert any(p == last and c == 1 for p, c, _, _ in layout), "the columns must end on that page"
    _assert_reads_like_text(data, "\n".join([body] + [t for _, t in below]))


@pytest.mark.parametrize("name, balance", [
    ("quzhou_2024.txt", True),
    ("taiyuan_xiaodian_2022.txt", True),
    ("taiyuan_xiaodian_2022.txt", False),  # the left column runs on under the right one's end
])
def test_columns_flow_on_past_white_across_them(name, balance):
    # a blank line after every paragraph: where both columns have one at the same height
    # (or the right column has ended above the left one's), the white crosses the page
    # but the columns go on: they are not cut there
    text = corpus_text(name)
    if name == "quzhou_2024.txt":
        text = QUZHOU_BODY
    layout: list = []
    data = render_columns_pdf(text, order="interleaved", header=GAZETTE_HEADER, footer_outside=True,
                              para_gap=True, balance=balance, layout=layout)
    at = {(p, c, r): t for p, c, r, t in layout if c is not None}
    if balance:
        both = [(p, r) for (p, c, r), t in at.items() if c == 0 and not t and at.get((p, 1, r)) == ""
                and at.get((p, 0, r + 1)) and at.get((p, 1, r + 1))]
        assert both, "the fixture must leave a blank line in both columns at one height"
    else:
        last = max(p for p, _, _ in at)
        end = max(r for p, c, r in at if p == last and c == 1)
        assert any(p == last and c == 0 and r > end + 1 and not t and at.get((p, 0, r + 1))
                   for (p, c, r), t in at.items()), "the left column must run on past a blank line under the right one"
    _assert_reads_like_text(data, text)


def _page_chars(lines: list[tuple[float, float, str]], size: float = 10.5):
    """Characters ``(index, x0, y0, x1, y1)`` of lines ``(x, baseline, text)`` set in a
    fixed-width font, and the page's text (the lines joined by line ends)."""
    chars, text = [], ""
    for x, y, line in lines:
        for k, ch in enumerate(line):
            chars.append((len(text) + k, x + k * size, y - 0.2 * size, x + (k + 1) * size, y + 0.9 * size))
        text += line + "\n"
    return chars, text


def test_white_across_the_columns_cuts_a_band_only_above_what_is_no_column_text():
    from policyparse.read.pdf import wrapped
    from policyparse.read.pdfcolumns import read_columns

    lead, left, right, width = 16.8, 56.0, 310.0, 21  # 21 characters a column line
    full = lambda tag, k: f"{tag}{k:02d}" + "文" * (width - 3)  # noqa: E731
    rows = [(left, 800 - r * lead, full("左", r)) for r in range(12)]
    rows += [(right, 800 - r * lead, full("右", r)) for r in range(12)]
    below = 800 - 13.5 * lead  # under the columns, after a blank line and a half

    def order(extra):
        chars, text = _page_chars(rows + extra + [(280, 40, "— 1 —")])
        return [t for t, _ in read_columns(chars, text)][:-1]

    # a short heading over the left column only, a line across the page under it: after
    # the right column
    closing = "各责任单位要于每月5日前报送工作进展，" * 2
    got = order([(left + 21, below, "二、保障措施"), (left + 21, below - lead, closing)])
    assert got[-3].startswith("右11") and got[-2:] == ["二、保障措施", closing]
    # a short line over the left column, a signature over the right one: in that order
    got = order([(left + 21, below, "特此通知。"), (right + 100, below - 2 * lead, "某某县人民政府"),
                 (right + 100, below - 3 * lead, "2023年4月10日")])
    assert got[-4].startswith("右11") and got[-3:] == ["特此通知。", "某某县人民政府", "2023年4月10日"]
    # a line under the columns at the left column's edge does not run on from the right
    # column's last line (full as it is)
    chars, text = _page_chars(rows + [(left, below, "附件：任务清单"), (left + 21, below - lead, closing),
                                      (280, 40, "— 1 —")])
    lines = read_columns(chars, text)
    k = [t for t, _ in lines].index("附件：任务清单")
    assert lines[k - 1][0].startswith("右11") and not wrapped(lines)[k - 1]
    # white at the same height in both columns, and both go on (with full lines or only
    # short ones): still one band, each column read to its end
    for tail in ([full("左", 13), full("左", 14)], ["左尾一，", "左尾二。"]):
        extra = [(left, below - k * lead, t) for k, t in enumerate(tail)]
        extra += [(right, below - k * lead, t.replace("左", "右")) for k, t in enumerate(tail)]
        got = order(extra)
        assert got == [t for _, _, t in rows[:12] + extra[: len(tail)] + rows[12:] + extra[len(tail):]]


def _chunked_pdf(lines: list[str], gap: float, size: float = 14) -> bytes:
    """Each line drawn as strings of 2-4 characters set ``gap`` pt apart (a typesetter
    justifying a line by placing its characters in runs: the white is the slack)."""
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", size)
    y = 780
    for ln in lines:
        x, i, k = 40, 0, 0
        while i < len(ln):
            n = 2 + k % 3
            k += 1
            c.drawString(x, y, ln[i:i + n])
            x += pdfmetrics.stringWidth(ln[i:i + n], "STSong-Light", size) + gap
            i += n
        y -= 26
    c.save()
    return buf.getvalue()


CHUNKED = ["江澄市支持中小企业发展若干措施",
           "第一条　支持企业技术创新。对年研发投入超过500万元的企业给予补助。（责任单位：市科技局）",
           "第二条　降低融资担保费率。担保费率不高于1%。（责任单位：市财政局）",
           "第十一条　提升兑现效率。兑现时限不超过15个工作日。（责任单位：市发展改革委）",
           "第十二条　强化服务保障。企业诉求办结率达到95%以上。（责任单位：市工业和信息化局）",
           "江澄市人民政府", "2024年3月15日"]


@pytest.mark.parametrize("gap", [2.0, 4.0])
def test_text_drawn_in_runs_set_apart_reads_like_the_text(gap, tmp_path):
    # PDFium reads the slack between two runs as a space (超过50 0万元, 第十 一条, 不 高于1%):
    # the reader drops it, so source_text prints what the page prints
    path = tmp_path / "chunked.pdf"
    path.write_bytes(_chunked_pdf(CHUNKED, gap))
    r = policyparse.parse(path)
    for ln in CHUNKED[1:6]:
        assert ln.split("。")[0] in r.source_text
    assert "超过500万元" in r.source_text and "不超过15个工作日" in r.source_text
    d = r.documents[0]
    assert (d.title, d.date) == ("江澄市支持中小企业发展若干措施", "2024-03-15")
    assert [m.number for m in d.measures] == ["第一条", "第二条", "第十一条", "第十二条"]
    assert [[(q.value, q.unit, q.comparator) for q in m.quantities] for m in d.measures] == [
        [(5000000, "元", ">")], [(1, "%", "<=")], [(15, "个工作日", "<=")], [(95, "%", ">=")]]
    assert [[u.name for u in m.units] for m in d.measures] == [["市科技局"], ["市财政局"], ["市发展改革委"], ["市工业和信息化局"]]


def test_spaces_the_page_prints_or_wide_white_stay():
    # a space glyph (2023年 100家), white of a table's columns (1      改造) and Latin words stay
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 14)
    c.drawString(40, 780, "到2023年 100家企业完成改造，资金 200 万元。")
    c.drawString(40, 750, "1")
    c.drawString(70, 750, "改造老旧小区")
    c.drawString(40, 720, "12")
    c.drawString(60, 720, "34")
    c.drawString(40, 690, "Open Data Portal")
    c.drawString(40, 660, "推进营商环境改革，优化企业开办服务，完善政务服务体系建设。")
    c.save()
    text = read_bytes(buf.getvalue()).text
    assert "2023年 100家" in text and "资金 200 万元" in text
    assert re.search(r"^1 +改造老旧小区$", text, re.M) and re.search(r"^12 +34$", text, re.M)
    assert "Open Data Portal" in text


@pytest.mark.parametrize("title", [["江澄市支持中小企业", "高质量发展若干措施"], ["江澄市2024年优化营商环境", "实施方案"]])
def test_a_title_set_over_two_lines_under_a_red_wentou(title, tmp_path):
    import io

    from reportlab.lib import colors
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    f = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(f))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFillColor(colors.red)
    c.setFont(f, 36)
    c.drawCentredString(297, 760, "江澄市人民政府文件")
    c.setFillColor(colors.black)
    c.setFont(f, 14)
    c.drawCentredString(297, 725, "江政发〔2024〕5号")
    c.setStrokeColor(colors.red)
    c.line(60, 712, 535, 712)
    y = 670
    for part in title:
        c.setFont(f, 22)
        c.drawCentredString(297, y, part)
        y -= 34
    c.setFont(f, 14)
    for ln in ["第一条　加大首贷支持。对首次获得银行贷款的中小企业给予贴息。（责任单位：市财政局）",
               "第二条　支持企业上市挂牌。对上市企业给予奖励。（牵头单位：市地方金融监管局）",
               "江澄市人民政府", "2024年3月15日"]:
        y -= 26
        c.drawString(60, y, ln)
    c.save()
    path = tmp_path / "wentou.pdf"
    path.write_bytes(buf.getvalue())
    d = policyparse.parse(path).documents[0]
    assert (d.title, d.doc_number, d.region) == ("".join(title), "江政发〔2024〕5号", "江澄市")
    assert [m.number for m in d.measures] == ["第一条", "第二条"]

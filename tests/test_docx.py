"""Word .docx notices (read/docx.py): the body in order, Word's list numbering drawn as the
number Word shows, tables as task tables with merged cells repeated, bad and hostile
files as one-line errors.  The unseen notices rendered as .docx are scored in
test_formats_unseen.py."""

from __future__ import annotations

import io
import zipfile

import pytest

from fixtures_build import ROOT, corpus_text, render_docx
from policyparse.cli import main
from policyparse.pipeline import parse_source
from policyparse.read import detect_format, read_bytes
from policyparse.read.docx import format_number

UNSEEN = ROOT / "tests" / "data" / "unseen"


@pytest.mark.parametrize("n, fmt, want", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (35, "chineseCountingThousand", "三十五"),
    (105, "chineseCounting", "一百零五"), (3, "chineseLegalSimplified", "叁"),
    (12, "chineseLegalSimplified", "壹拾贰"), (3, "ideographTraditional", "丙"),
    (3, "decimalEnclosedCircleChinese", "③"), (12, "decimal", "12"), (4, "decimalFullWidth", "４"),
    (2, "lowerLetter", "b"), (27, "upperLetter", "AA"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"),
    (3, "taiwaneseCountingThousand", "三"), (11, "ideographLegalTraditional", "壹拾壹"),
    (3, "ideographLegalTraditional", "參"),
])
def test_word_number_formats(n, fmt, want):
    assert format_number(n, fmt) == want


def _paras(name: str) -> list[str]:
    return [x.strip() for x in (UNSEEN / name).read_text(encoding="utf-8").split("\n") if x.strip()]


def _outline(r):
    return [(m.number, m.title, m.path) for d in r.documents for m in d.measures]


def test_word_list_numbering_reads_like_typed_numbers():
    """一、 and （一） drawn by Word's list numbering (not in the paragraphs' text) give the
    same outline, measures and paths as the typed numbers."""
    paras = _paras("03_wuzhong.txt")
    auto = render_docx(paras, auto_numbering=True)
    with zipfile.ZipFile(io.BytesIO(auto)) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "<w:numPr>" in body and ">一、工作目标<" not in body and ">工作目标<" in body
    typed = parse_source(read_bytes(render_docx(paras), "typed.docx"))
    drawn = parse_source(read_bytes(auto, "auto.docx"))
    assert drawn.source.format == "docx"
    assert "\n一、工作目标\n" in drawn.source_text and "\n（一）优化市场准入环境\n" in drawn.source_text
    assert _outline(drawn) == _outline(typed)
    assert drawn.documents[0].measures[0].path == ["重点任务", "优化市场准入环境"]


def _table_docx(rows: list[list[str]], merges: list[tuple[int, int, int, int]], before: str) -> bytes:
    import docx

    d = docx.Document()
    for line in before.split("\n"):
        d.add_paragraph(line)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                t.cell(r, c).text = text
    for r0, c0, r1, c1 in merges:
        t.cell(r0, c0).merge(t.cell(r1, c1))
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_word_task_table_with_merged_cells():
    """A 任务分解表 in Word: a sub-heading row merged across the table, a 牵头单位 cell
    merged down two rows — both rows get the lead, the sub-heading is their path."""
    rows = [
        ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
        ["一、提升政务服务效能", "", "", "", ""],
        ["1", "推行企业开办“一件事”集成办理，开办时间压缩至1个工作日。", "县市场监管局", "县税务局", "2024年6月底前"],
        ["2", "推行简易注销，公告时间压缩至20天。", "", "县人社局、县医保局", "2024年9月底前"],
    ]
    data = _table_docx(rows, [(1, 0, 1, 4), (2, 2, 3, 2)],
                       "某某县2024年优化营商环境重点任务清单\n为持续优化营商环境，制定本清单。")
    r = parse_source(read_bytes(data, "tasks.docx"))
    ms = [m for d in r.documents for m in d.measures]
    assert [m.number for m in ms] == ["1", "2"]
    assert all(m.path == ["提升政务服务效能"] for m in ms)
    assert [[(u.name, u.role) for u in m.units] for m in ms] == [
        [("县市场监管局", "lead"), ("县税务局", "cooperating")],
        [("县市场监管局", "lead"), ("县人社局", "cooperating"), ("县医保局", "cooperating")],
    ]
    assert [[x.date for x in m.deadlines] for m in ms] == [["2024-06-30"], ["2024-09-30"]]
    st = r.source_text
    for m in ms:
        for u in m.units:
            assert st[u.span[0]:u.span[1]] == u.name


def test_detect_format_of_office_files():
    docx_bytes = render_docx(["某县实施方案", "一、总体要求"])
    assert detect_format(docx_bytes, "x.bin") == "docx"
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("data.csv", "a,b\n")
    assert detect_format(z.getvalue(), "x.zip") == "zip"
    assert detect_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "x.doc") == "ole2"


def _bad(tmp_path, capsys, name: str, data: bytes, *words: str) -> None:
    p = tmp_path / name
    p.write_bytes(data)
    code = main(["parse", str(p)])
    err = capsys.readouterr().err
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(p) in lines[0] and "Traceback" not in err, err
    for w in words:
        assert w in lines[0], lines[0]


def test_word_97_doc_is_named(tmp_path, capsys):
    _bad(tmp_path, capsys, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000),
         "Word 97-2003 .doc", "save it as .docx")


def test_zip_that_is_no_docx(tmp_path, capsys):
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as f:
        f.writestr("notice.txt", "一、总体要求")
    _bad(tmp_path, capsys, "notices.zip", z.getvalue(), "zip archive", "unpack it")


@pytest.mark.parametrize("name, part, words", [
    ("notice.ofd", "OFD.xml", ("OFD document", "export it as PDF")),
    ("tasks.xlsx", "xl/workbook.xml", ("Excel .xlsx workbook",)),
    ("slides.pptx", "ppt/presentation.xml", ("PowerPoint .pptx",)),
])
def test_other_zip_formats_are_named(tmp_path, capsys, name, part, words):
    z = io.BytesIO()
    with zipfile.ZipFile(z, "w") as f:
        f.writestr(part, "<x/>")
        f.writestr("Doc_0/Content.xml", "<x/>")
    _bad(tmp_path, capsys, name, z.getvalue(), *words)


def test_truncated_docx(tmp_path, capsys):
    data = render_docx(_paras("02_dayi.txt"))
    _bad(tmp_path, capsys, "cut.docx", data[: len(data) // 2], "truncated or corrupt .docx")


def test_docx_without_text(tmp_path, capsys):
    _bad(tmp_path, capsys, "blank.docx", render_docx([]), "empty .docx file")


def test_docx_that_declares_entities_is_refused(tmp_path, capsys):
    data = render_docx(["某县实施方案", "一、总体要求"])
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for i in src.infolist():
            part = src.read(i)
            if i.filename == "word/document.xml":
                part = part.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1)
            z.writestr(i, part)
    _bad(tmp_path, capsys, "xxe.docx", out.getvalue(), "refused", "DTD")


def test_docx_zip_bomb_is_refused(tmp_path, capsys, monkeypatch):
    from policyparse.read import docx as docx_reader

    monkeypatch.setattr(docx_reader, "MAX_UNPACKED", 20_000)
    _bad(tmp_path, capsys, "bomb.docx", render_docx(_paras("02_dayi.txt")), "refused", "zip bomb")


def test_cli_parses_a_docx(tmp_path, capsys):
    import json

    p = tmp_path / "通知 2023.docx"
    p.write_bytes(render_docx(corpus_text("taiyuan_xiaodian_2022.txt").split("\n"), auto_numbering=True))
    out = tmp_path / "x.json"
    assert main(["parse", str(p), "-o", str(out)]) == 0
    r = json.loads(out.read_text(encoding="utf-8"))
    assert r["source"]["format"] == "docx"
    assert sum(len(d["measures"]) for d in r["documents"]) >= 80


def test_tracked_changes_and_text_boxes():
    """Text inserted with tracked changes or inside a content control is read; deleted
    text and text boxes (a floating stamp, a note) are not."""
    import docx
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    d = docx.Document()
    d.add_paragraph("某县优化营商环境实施方案")
    p = d.add_paragraph("1.推行企业开办")
    for xml in (f'<w:ins xmlns:w="{w}" w:id="1" w:author="a"><w:r><w:t>“一件事”改革</w:t></w:r></w:ins>',
                f'<w:del xmlns:w="{w}" w:id="2" w:author="a"><w:r><w:delText>（已删除）</w:delText></w:r></w:del>',
                f'<w:sdt xmlns:w="{w}"><w:sdtContent><w:r><w:t>，压缩至1个工作日。</w:t></w:r></w:sdtContent></w:sdt>',
                f'<w:r xmlns:w="{w}"><w:pict><w:txbxContent><w:p><w:r><w:t>印章</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>'):
        p._p.append(etree.fromstring(xml))
    out = io.BytesIO()
    d.save(out)
    text = read_bytes(out.getvalue(), "t.docx").text
    assert text == "某县优化营商环境实施方案\n1.推行企业开办“一件事”改革，压缩至1个工作日。"


def _body_docx(xml_paras: list[str], numbering: str = "") -> bytes:
    """A .docx whose body is the given raw ``w:p`` / ``w:sdt`` XML, with an optional
    abstractNum + num added to numbering.xml."""
    import docx
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    d = docx.Document()
    body = d.element.body
    sect = body[-1]
    for x in xml_paras:
        sect.addprevious(etree.fromstring(f'<w:root xmlns:w="{w}">{x}</w:root>')[0])
    if numbering:
        root = d.part.numbering_part.element
        abstract, num = etree.fromstring(f'<w:root xmlns:w="{w}">{numbering}</w:root>')
        root.insert(0, abstract)
        root.append(num)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def test_word_article_numbers_keep_their_separator():
    """第%1条 drawn by Word is followed by its tab (w:suff default): 第一条 支持… is an
    article, not 第一条支持…"""
    num = ('<w:abstractNum w:abstractNumId="97"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
           '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/></w:lvl></w:abstractNum>'
           '<w:num w:numId="97"><w:abstractNumId w:val="97"/></w:num>')
    para = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="97"/></w:numPr></w:pPr>'
            '<w:r><w:t>{}</w:t></w:r></w:p>')
    data = _body_docx(["<w:p><w:r><w:t>某市支持工业企业发展若干措施</w:t></w:r></w:p>",
                       para.format("支持企业扩大产能。对新增设备投资1000万元以上的企业给予补助。（市工信局负责）"),
                       para.format("鼓励企业做大做强。对首次突破10亿元的企业给予奖励50万元。（市工信局负责）")], num)
    r = parse_source(read_bytes(data, "articles.docx"))
    assert "\n第一条 支持企业扩大产能。" in r.source_text and "\n第二条 鼓励企业做大做强。" in r.source_text
    assert [m.number for d in r.documents for m in d.measures] == ["第一条", "第二条"]


def test_content_controls_symbols_and_hidden_text():
    """A paragraph inside a block-level content control is read; ① stored as w:sym is
    ①; text formatted hidden (w:vanish) is not read."""
    data = _body_docx([
        "<w:p><w:r><w:t>某县实施方案</w:t></w:r></w:p>",
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>一、重点任务</w:t></w:r></w:p></w:sdtContent></w:sdt>",
        '<w:p><w:r><w:sym w:font="宋体" w:char="2460"/><w:t>推行企业开办一件事。</w:t></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部备注：6月底前报送2000万元）</w:t></w:r></w:p>',
    ])
    text = read_bytes(data, "t.docx").text
    assert text == "某县实施方案\n一、重点任务\n①推行企业开办一件事。"


def test_encrypted_office_file_is_named(tmp_path, capsys):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptedPackage".encode("utf-16-le") + bytes(500)
    _bad(tmp_path, capsys, "locked.docx", data, "encrypted Office file", "password")


def test_batch_skips_office_lock_files(tmp_path):
    from policyparse.batch.inputs import discover

    (tmp_path / "notice.docx").write_bytes(render_docx(["某县实施方案", "一、总体要求"]))
    (tmp_path / "~$notice.docx").write_bytes(b"\x05user" + bytes(157))
    assert [p.rsplit("/", 1)[-1] for p in discover([str(tmp_path)])] == ["notice.docx"]


def test_an_attached_division_table_gives_the_body_measures_their_units():
    # p44's h4: the body's measures (（一）… under 二、三、四、) name no units; the 附件
    # 重点任务责任分工表 restates them row by row, its rows starting over at （一） under each
    # category row — one attachment, no document per category, and its rows are the body's
    parsed = parse_source(read_bytes((ROOT / "tests/data/probes/p44/in/h4_hongzhou.docx").read_bytes()))
    body, table = parsed.documents
    assert table.title == "泓州市构建以信用为基础的新型监管机制重点任务责任分工表" and table.measures == []
    m = next(x for x in body.measures if x.title == "推行包容审慎监管")
    assert [(u.name, u.role) for u in m.units] == [
        ("市司法局", "lead"), ("市市场监管局", "cooperating"), ("市生态环境局", "cooperating"), ("市城市管理局", "cooperating")]
    first = body.measures[0]
    assert first.title == "扩大信用信息归集范围" and [d.date for d in first.deadlines] == ["2024-06-30"]
    for x in body.measures:
        for u in x.units:
            assert parsed.source_text[u.span[0] : u.span[1]] == u.name
    assert sum(1 for x in body.measures if x.units) == 10  # nine from the table, 加强组织领导 its own

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
    (12, "chineseLegalSimplified", "拾贰"), (3, "ideographTraditional", "丙"),
    (3, "decimalEnclosedCircleChinese", "③"), (12, "decimal", "12"), (4, "decimalFullWidth", "４"),
    (2, "lowerLetter", "b"), (27, "upperLetter", "AA"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"),
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

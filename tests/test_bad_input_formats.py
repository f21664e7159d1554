"""Bad and hostile PDF / HTML / XML input: one line naming the file and the problem,
exit status 2, no traceback, nothing read from disk or network.  docs/bad-input.md
lists these cases with the test that proves each."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from policyparse.cli import main
from policyparse.errors import InputError
from policyparse.read import pdf as pdf_reader
from policyparse.read import read_bytes
from policyparse.read.html import parse_html

from fixtures_build import ROOT, corpus_text, county_page, quzhou_paragraphs, render_pdf, render_scanned_pdf

TEXT = "\n".join(corpus_text("quzhou_2024.txt").splitlines()[:20])


@pytest.fixture(scope="module")
def good_pdf() -> bytes:
    return render_pdf(TEXT, lines_per_page=15)


def run_cli(capsys, path, *extra) -> tuple[int, str]:
    code = main(["parse", str(path), *extra])
    err = capsys.readouterr().err
    return code, err


def assert_one_line(code: int, err: str, path, *words: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert str(path) in lines[0]
    assert "Traceback" not in err
    for w in words:
        assert w in lines[0], lines[0]


def test_truncated_pdf(tmp_path, capsys, good_pdf):
    p = tmp_path / "cut.pdf"
    p.write_bytes(good_pdf[: len(good_pdf) // 2])
    assert_one_line(*run_cli(capsys, p), p, "truncated or corrupt PDF")


def test_corrupt_pdf(tmp_path, capsys):
    p = tmp_path / "corrupt.pdf"
    p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    assert_one_line(*run_cli(capsys, p), p, "corrupt PDF")


def test_encrypted_pdf(tmp_path, capsys):
    p = tmp_path / "locked.pdf"
    p.write_bytes(render_pdf(TEXT, encrypt="secret"))
    assert_one_line(*run_cli(capsys, p), p, "encrypted PDF")


def test_scanned_pdf_without_text_layer(tmp_path, capsys):
    p = tmp_path / "scan.pdf"
    p.write_bytes(render_scanned_pdf())
    assert_one_line(*run_cli(capsys, p), p, "no text layer: scanned PDF? run OCR first")


def test_pdf_that_is_really_html(tmp_path, capsys):
    p = tmp_path / "download.pdf"
    p.write_text("<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
                 "<body><h1>404 Not Found</h1><p>nginx</p></body></html>", encoding="utf-8")
    assert_one_line(*run_cli(capsys, p), p, "not a PDF", "HTML page")


def test_binary_junk(tmp_path, capsys):
    p = tmp_path / "junk.bin"
    p.write_bytes(os.urandom(4096))
    assert_one_line(*run_cli(capsys, p), p, "binary file")


def test_binary_junk_named_pdf(tmp_path, capsys):
    p = tmp_path / "junk.pdf"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    assert_one_line(*run_cli(capsys, p), p, "not a PDF", "no %PDF- header")


@pytest.mark.parametrize("page", [
    "<html><head><title>x</title></head><body></body></html>",
    "<html><body><script>var a = '1.优化营商环境。';</script><style>p{}</style>\n</body></html>",
    "<!DOCTYPE html><html><body><div class='nav'><a href='/'>首页</a></div>&nbsp;</body></html>",
])
def test_empty_html_page(tmp_path, capsys, page):
    p = tmp_path / "empty.html"
    p.write_text(page, encoding="utf-8")
    assert_one_line(*run_cli(capsys, p), p, "empty HTML page")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><p>一、工作任务</p><p>1.优化服务。&lol9;</p></body></html>
"""


def _xxe(target: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html [ <!ENTITY xxe SYSTEM "file://{target}"> <!ENTITY net SYSTEM "http://127.0.0.1:9/x"> ]>
<html><body><p>一、工作任务</p><p>1.优化服务。&xxe;&net;</p></body></html>
"""


def test_entity_expansion_is_refused(tmp_path, capsys):
    p = tmp_path / "lolz.html"
    p.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert_one_line(*run_cli(capsys, p), p, "refused", "entities")
    p2 = tmp_path / "lolz.xml"  # an .xml file is recognised by its content too
    p2.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert_one_line(*run_cli(capsys, p2), p2, "refused")


def test_external_entity_is_refused(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    p = tmp_path / "xxe.html"
    p.write_text(_xxe(str(secret)), encoding="utf-8")
    code, err = run_cli(capsys, p)
    assert_one_line(code, err, p, "refused")
    assert "TOP-SECRET-MARKER" not in err


def test_entity_tricks_are_inert_even_past_the_refusal(tmp_path):
    """Defence in depth: the parser itself expands nothing and reads no file."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER", encoding="utf-8")
    for doc in (_xxe(str(secret)), BILLION_LAUGHS):
        root = parse_html(doc)
        text = root.text_content() if root is not None else ""
        assert "TOP-SECRET-MARKER" not in text
        assert text.count("lol") < 100
        assert len(text) < 5000


def test_file_over_the_size_limit(tmp_path, capsys):
    p = tmp_path / "big.html"
    p.write_text(county_page(quzhou_paragraphs()), encoding="utf-8")
    code, err = run_cli(capsys, p, "--max-bytes", "1000")
    assert_one_line(code, err, p, "over the limit of 1000", "--max-bytes")


def test_default_size_limit_is_documented():
    from policyparse.cli import build_parser
    from policyparse.read import DEFAULT_MAX_BYTES

    help_text = build_parser()._subparsers._group_actions[0].choices["parse"].format_help()
    assert str(DEFAULT_MAX_BYTES) in help_text
    docs = (ROOT / "docs" / "readers.md").read_text(encoding="utf-8")
    assert f"{DEFAULT_MAX_BYTES}" in docs and "--max-bytes" in docs


def _loop_forever(data):
    while True:
        pass


def _segfault(data):
    os.kill(os.getpid(), signal.SIGSEGV)


def test_pdf_reader_that_loops_forever_is_stopped(monkeypatch, good_pdf):
    monkeypatch.setattr(pdf_reader, "_extract", _loop_forever)
    with pytest.raises(InputError, match="did not finish within 1 s"):
        pdf_reader.read_pdf(good_pdf, timeout=1)


def test_pdf_reader_timeout_comes_from_the_environment(monkeypatch, tmp_path, capsys, good_pdf):
    monkeypatch.setattr(pdf_reader, "_extract", _loop_forever)
    monkeypatch.setenv("POLICYPARSE_PDF_TIMEOUT", "0.5")
    p = tmp_path / "loop.pdf"
    p.write_bytes(good_pdf)
    assert_one_line(*run_cli(capsys, p), p, "did not finish within 0.5 s")


def test_pdf_reader_crash_is_one_line(monkeypatch, good_pdf):
    monkeypatch.setattr(pdf_reader, "_extract", _segfault)
    with pytest.raises(InputError, match="killed by signal"):
        pdf_reader.read_pdf(good_pdf, timeout=30)


def test_good_pdf_still_reads(good_pdf):
    doc = read_bytes(good_pdf, "ok.pdf")
    assert doc.format == "pdf" and "完善项目招引落地服务" in doc.text


def test_real_cli_process_bad_pdf(tmp_path):
    """The installed command, in its own process: one line on stderr, status 2."""
    p = tmp_path / "cut.pdf"
    p.write_bytes(b"%PDF-1.4\n1 0 obj <<")
    r = subprocess.run([sys.executable, "-m", "policyparse", "parse", str(p)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr.count("\n") == 1 and str(p) in r.stderr and "Traceback" not in r.stderr

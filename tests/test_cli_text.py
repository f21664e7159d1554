"""The CLI on text notices: JSON out, schema, and bad input (one line, exit 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpus import FILES

CLI = [sys.executable, "-m", "policyparse"]


def run(*args, **kw):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=120, **kw)


def test_parse_prints_one_json_object_with_the_contract_fields():
    p = run("parse", FILES["quzhou"])
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert data["schema_version"] and data["source"]["encoding"] == "utf-8"
    assert set(data["source"]) >= {"path", "format", "encoding", "sha256"}
    doc = data["documents"][0]
    assert set(doc) >= {"title", "issuer", "doc_number", "date", "effective", "region", "plan_year",
                        "script", "span", "outline", "goals", "measures"}
    m = doc["measures"][0]
    assert set(m) >= {"id", "number", "path", "title", "text", "span", "units", "deadlines", "quantities"}
    assert data["source_text"][m["span"][0] : m["span"][1]].startswith("1.完善项目招引落地服务")


def test_parse_output_validates_against_the_schema(tmp_path):
    import jsonschema

    out = tmp_path / "w.json"
    assert run("parse", FILES["wanbailin"], "-o", out).returncode == 0
    schema = json.loads(run("schema").stdout)
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), schema)


def test_python_api_equals_cli(tmp_path):
    import policyparse

    out = tmp_path / "q.json"
    run("parse", FILES["quzhou"], "-o", out)
    api = policyparse.parse(FILES["quzhou"]).model_dump(mode="json")
    cli = json.loads(out.read_text(encoding="utf-8"))
    api["source"]["path"] = cli["source"]["path"]
    assert api == cli
    text = FILES["quzhou"].read_text(encoding="utf-8")
    assert policyparse.parse_text(text).documents[0].measures == policyparse.parse(FILES["quzhou"]).documents[0].measures


_BAD_FILES = [
    ("missing", lambda d: d / "missing.txt", "no such file"),
    ("directory", lambda d: d, "is a directory"),
    ("empty", lambda d: _write(d / "empty.txt", b""), "empty file"),
    ("bom-only", lambda d: _write(d / "bom.txt", b"\xef\xbb\xbf"), "empty file: only a byte-order mark"),
    ("utf16-bom-only", lambda d: _write(d / "bom16.txt", b"\xff\xfe"), "empty file: only a byte-order mark"),
    ("blank", lambda d: _write(d / "blank.txt", "  \n\u3000\n".encode()), "empty file: no text"),
    ("binary", lambda d: _write(d / "junk.bin", bytes(range(256)) * 64), "binary file"),
    ("undecodable", lambda d: _write(d / "bad.txt", b"\xb8\xc4\xb8\xef" * 3 + b"\xff\xfe\xfd\x80\x81" * 50),
     "cannot decode"),
    ("fifo", lambda d: _fifo(d / "pipe.txt"), "not a regular file"),  # reading it would block
    ("broken-link", lambda d: _symlink(d / "link.txt", d / "gone.txt"), "broken symbolic link"),
]
_BAD_JSON = [  # parse reads a .json as a text notice; the commands that take parse output check it
    ("foreign-json", lambda d: _write(d / "other.json", b'{"schema_version": "1.0"}'),
     "does not match the policyparse output schema"),
    ("not-json", lambda d: _write(d / "words.json", "不是JSON".encode()), "not a JSON file written by policyparse parse"),
]


@pytest.mark.parametrize(
    "command, make, problem",
    [pytest.param(c, mk, pr, id=f"{c}-{i}") for c in ("parse", "summary") for i, mk, pr in _BAD_FILES]
    + [pytest.param("summary", mk, pr, id=f"summary-{i}") for i, mk, pr in _BAD_JSON],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, problem, command):
    path = make(tmp_path)
    p = run(command, path)
    assert p.returncode == 2
    assert p.stdout == ""
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in p.stderr
    assert str(path) in lines[0] and problem in lines[0]


def test_size_limit(tmp_path):
    p = run("parse", FILES["quzhou"], "--max-bytes", 1000)
    assert p.returncode == 2 and "over the limit" in p.stderr


def test_text_without_numbered_items_is_zero_measures_not_an_error(tmp_path):
    f = _write(tmp_path / "plain.txt", "各单位要高度重视，认真组织实施。\n".encode())
    p = run("parse", f)
    assert p.returncode == 0
    assert [len(d["measures"]) for d in json.loads(p.stdout)["documents"]] == [0]
    # …and says so on stderr, in one line, so that a page without its notice is not lost silently
    assert p.stderr.count("\n") == 1 and "no measures found" in p.stderr and str(f) in p.stderr
    assert "no measures found" not in run("parse", FILES["quzhou"]).stderr


@pytest.mark.parametrize("enc", ["gb18030", "big5", "utf-16", "utf-8-sig"])
def test_encodings_are_detected_and_reported(tmp_path, enc):
    import policyparse

    text = FILES["sufabiao"].read_text(encoding="utf-8") if enc == "big5" else FILES["quzhou"].read_text(encoding="utf-8")
    data = text.encode(enc, errors="ignore" if enc == "big5" else "strict")
    f = _write(tmp_path / f"n.{enc}.txt", data)
    r = policyparse.parse(f)
    assert r.source.encoding == {"utf-16": "utf-16", "utf-8-sig": "utf-8-sig", "big5": "cp950"}.get(enc, enc)
    assert r.source_text == data.decode(enc)
    assert len(r.documents[0].measures) >= 15


def test_big5_with_windows_extensions_is_not_read_as_gb18030(tmp_path):
    """Traditional text saved by Windows as Big5 (CP950) may hold characters outside strict
    Big5 (裏 in 浙裏辦): it decodes as CP950, not as GB18030 mojibake with no measures."""
    import policyparse

    text = FILES["sufabiao"].read_text(encoding="utf-8").replace("政務服務", "浙裏辦政務服務", 3)
    data = text.encode("cp950", errors="ignore")
    assert "裏".encode("cp950") in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("big5")
    r = policyparse.parse(_write(tmp_path / "trad.txt", data))
    assert r.source.encoding == "cp950"
    assert "浙裏辦" in r.source_text
    assert len(r.documents[0].measures) >= 15


def test_help_is_instant_no_heavy_imports():
    code = ("import sys; from policyparse.cli import build_parser; build_parser(); "
            "heavy={'opencc','lxml','pdfplumber','pypdfium2','jieba','rjieba','pydantic','rapidfuzz','cn2an','spacy','spacy_pkuseg'}; "
            "print(sorted(heavy & set(sys.modules)))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.stdout.strip() == "[]", p.stdout + p.stderr


def _fifo(path):
    import os

    os.mkfifo(path)
    return path


def _symlink(path, target):
    path.symlink_to(target)
    return path


def test_summary_counts_every_readable_file_and_reports_the_rest(tmp_path):
    good = tmp_path / "quzhou.json"
    assert run("parse", FILES["quzhou"], "-o", good).returncode == 0
    p = run("summary", good, FILES["xiaodian"], tmp_path / "missing.json")
    assert p.returncode == 1
    assert p.stderr.strip() == f"policyparse: error: {tmp_path / 'missing.json'}: no such file"
    rows = [line for line in p.stdout.splitlines() if "quzhou.json" in line or "taiyuan_xiaodian" in line]
    assert len(rows) == 3  # Quzhou's one document and Xiaodian's plan and attachment
    assert "衢州市" in rows[0] and " 29 " in rows[0]  # its 29 measures


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_output_through_a_link_replaces_its_target_and_a_device_is_written_to(tmp_path):
    target, link = tmp_path / "real.json", tmp_path / "link.json"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    assert run("schema", "-o", link).returncode == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["title"]
    p = run("schema", "-o", "/dev/full")  # a device stays a device; its error is one line
    assert p.returncode == 2 and p.stderr.strip() == "policyparse: error: /dev/full: cannot write: No space left on device"
    assert Path("/dev/full").is_char_device()

"""policyparse batch: every input accounted for, resumable, deterministic, atomic."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_corpus import (NOTICES, broken_inputs, good_corpus, manifest_without_seconds,
                          read_jsonl)
from policyparse.batch import BatchOptions, UsageError, run_batch
from policyparse.cli import main
from policyparse.pipeline import parse

TESTS = Path(__file__).resolve().parent
DATA = ("measures.jsonl", "documents.jsonl", "errors.jsonl")


def batch(inputs, out, **kw) -> object:
    kw.setdefault("jobs", 2)
    kw.setdefault("progress", "none")
    return run_batch(BatchOptions(inputs=[str(i) for i in inputs], out_dir=str(out), **kw))


def same_output(a: Path, b: Path, files=DATA) -> None:
    for name in files:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    assert manifest_without_seconds(a / "manifest.jsonl") == manifest_without_seconds(b / "manifest.jsonl")


def test_corpus_with_5_percent_broken_files(tmp_path, capsys):
    good = good_corpus(tmp_path / "in", 38)
    broken = {p: w for p, w in broken_inputs(tmp_path / "in" / "bad").items()
              if p.name in ("empty.txt", "mojibake.txt")}  # 2 of 40: 5 %
    for p in set((tmp_path / "in" / "bad").iterdir()) - set(broken):
        p.unlink()
    out = tmp_path / "out"
    rc = main(["batch", str(tmp_path / "in"), "-o", str(out), "--jobs", "2", "--progress", "log"])
    err = capsys.readouterr().err
    assert rc == 1  # some inputs failed
    assert "Traceback" not in err

    errors = {r["path"]: r for r in read_jsonl(out / "errors.jsonl")}
    assert set(errors) == {str(p) for p in broken}
    for p, word in broken.items():
        e = errors[str(p)]
        assert e["error_class"] == "InputError" and word.lower() in e["message"].lower()
        assert f"{p}: InputError: {e['message']}" in err  # one clear line each

    manifest = {r["path"]: r for r in read_jsonl(out / "manifest.jsonl")}
    assert len(manifest) == 40
    measures = read_jsonl(out / "measures.jsonl")
    documents = read_jsonl(out / "documents.jsonl")
    by_path: dict[str, list[dict]] = {}
    for m in measures:
        by_path.setdefault(m["source_path"], []).append(m)
    for k, p in enumerate(good):
        row = manifest[str(p)]
        assert row["status"] == "ok" and row["sha256"] is not None and row["measures"] > 0
        assert len(by_path[str(p)]) == row["measures"]
        if k >= 10:  # the first 10: every notice, in UTF-8 and GB18030
            continue
        expected = parse(p)  # the batch passes the pipeline's output through unchanged
        want = [m.model_dump(mode="json") for d in expected.documents for m in d.measures]
        got = by_path[str(p)]
        assert [{k: m[k] for k in want[0]} for m in got] == want
        assert all(m["source_sha256"] == expected.source.sha256 for m in got)
        assert row["measures"] == len(want)
        assert row["units"] == sum(len(m["units"]) for m in want)
        assert row["deadlines"] == sum(len(m["deadlines"]) for m in want)
        assert row["quantities"] == sum(len(m["quantities"]) for m in want)
        assert row["documents"] == len(expected.documents)
        assert row["encoding"] == expected.source.encoding
    assert {manifest[str(p)]["encoding"] for p in good} >= {"utf-8", "gb18030", "utf-16"}
    assert [m["source_path"] for m in measures] == sorted(m["source_path"] for m in measures)
    assert len(documents) == sum(manifest[str(p)]["documents"] for p in good)
    summary = json.loads((out / "summary.json").read_text())
    assert summary["ok"] == 38 and summary["failed"] == 2 and summary["measures"] == len(measures)


def test_every_kind_of_broken_input_gets_a_clear_reason(tmp_path):
    broken = broken_inputs(tmp_path / "in")
    good = good_corpus(tmp_path / "in", 1)
    (tmp_path / "in" / "fifo").mkdir()
    os.mkfifo(tmp_path / "in" / "fifo" / "pipe.txt")  # reading it would block forever
    os.symlink(tmp_path / "gone.txt", tmp_path / "in" / "dangling.txt")
    report = batch([tmp_path / "in"], tmp_path / "out")
    assert report.ok == 1 and report.failed == len(broken) + 2
    errors = {Path(e["path"]).name: e for e in read_jsonl(tmp_path / "out" / "errors.jsonl")}
    for p, word in broken.items():
        assert word.lower() in errors[p.name]["message"].lower()
    assert errors["pipe.txt"]["message"] == "not a regular file"
    assert errors["dangling.txt"]["message"] == "broken symbolic link"
    assert Path(good[0]).name not in errors


def _shards(out: Path) -> list[Path]:
    return list((out / ".policyparse" / "shards").glob("**/*.json.gz"))


def test_sigkill_halfway_then_rerun_equals_uninterrupted_run(tmp_path):
    good_corpus(tmp_path / "in", 24)
    broken_inputs(tmp_path / "in" / "bad")
    killed = tmp_path / "killed"
    cmd = [sys.executable, "-m", "policyparse", "batch", str(tmp_path / "in"), "-o", str(killed),
           "--jobs", "1", "--progress", "none", "--max-tasks-per-worker", "7"]
    proc = subprocess.Popen(cmd, start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while len(_shards(killed)) < 6 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.killpg(proc.pid, signal.SIGKILL)  # the batch, its fork server and its workers
    proc.wait()
    proc.stderr.close()
    committed = _shards(killed)
    assert 6 <= len(committed) < 28, "the batch must be killed halfway"
    assert not (killed / "manifest.jsonl").exists()
    for s in committed:  # every committed shard is whole
        json.loads(gzip.decompress(s.read_bytes()))

    report = batch([tmp_path / "in"], killed, jobs=2)  # rerun: continues where it stopped
    assert report.resumed == len(committed) and report.parsed == 28 - len(committed)
    assert report.exit_code == 1 and report.failed == 4

    clean = tmp_path / "clean"
    batch([tmp_path / "in"], clean, jobs=1)
    same_output(killed, clean)
    assert not [p for p in killed.rglob("*") if ".tmp-" in p.name]


def test_rerun_resumes_and_no_resume_redoes(tmp_path):
    files = good_corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    first = batch([tmp_path / "in"], out)
    before = {n: (out / n).read_bytes() for n in DATA}
    again = batch([tmp_path / "in"], out)
    assert (first.parsed, again.parsed, again.resumed) == (6, 0, 6)
    assert {n: (out / n).read_bytes() for n in DATA} == before

    files[0].write_bytes(files[0].read_bytes()[:-4])  # a changed file: new sha256
    changed = batch([tmp_path / "in"], out)
    assert (changed.parsed, changed.resumed) == (1, 5)
    redo = batch([tmp_path / "in"], out, resume=False)
    assert redo.parsed == 6 and redo.resumed == 0


def test_results_of_another_parser_version_are_not_reused(tmp_path, monkeypatch):
    from policyparse import fingerprint

    good_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    assert batch([tmp_path / "in"], out).parsed == 3
    monkeypatch.setattr(fingerprint, "parser_fingerprint", lambda: "f" * 64)  # code or grammars changed
    upgraded = batch([tmp_path / "in"], out)
    assert (upgraded.parsed, upgraded.resumed) == (3, 0)
    # the workers commit under the batch's fingerprint, whatever they would compute
    assert (upgraded.ok, upgraded.failed) == (3, 0)


def test_identical_inputs_are_parsed_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    src = NOTICES[0]
    shutil.copy(src, tmp_path / "a" / "one.txt")
    shutil.copy(src, tmp_path / "b" / "same.txt")
    (tmp_path / "a" / "empty.txt").write_bytes(b"")
    (tmp_path / "b" / "empty_too.txt").write_bytes(b"")
    out = tmp_path / "out"
    report = batch([tmp_path / "b", tmp_path / "a", tmp_path / "a" / "one.txt"], out)
    assert report.parsed == 2 and report.duplicates == 2 and report.inputs == 4
    manifest = read_jsonl(out / "manifest.jsonl")
    assert [(Path(r["path"]).name, r["status"]) for r in manifest] == [
        ("empty.txt", "error"), ("one.txt", "ok"), ("empty_too.txt", "duplicate"), ("same.txt", "duplicate")]
    assert manifest[3]["duplicate_of"] == str(tmp_path / "a" / "one.txt")
    measures = read_jsonl(out / "measures.jsonl")
    assert {m["source_path"] for m in measures} == {str(tmp_path / "a" / "one.txt")}
    assert len(measures) == sum(len(d.measures) for d in parse(src).documents)
    errors = read_jsonl(out / "errors.jsonl")  # every broken path is listed, duplicate or not
    assert [Path(e["path"]).name for e in errors] == ["empty.txt", "empty_too.txt"]


def test_output_does_not_depend_on_jobs(tmp_path):
    good_corpus(tmp_path / "in", 12)
    broken_inputs(tmp_path / "in")
    batch([tmp_path / "in"], tmp_path / "j1", jobs=1, formats=("jsonl", "parquet"))
    batch([tmp_path / "in"], tmp_path / "j2", jobs=2, formats=("jsonl", "parquet"))
    same_output(tmp_path / "j1", tmp_path / "j2", DATA + ("measures.parquet", "documents.parquet"))


def test_parquet_tables_hold_the_jsonl_rows(tmp_path):
    import pyarrow.parquet as pq

    good_corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    batch([tmp_path / "in"], out, formats=("jsonl", "parquet"))
    for kind in ("measures", "documents"):
        rows = read_jsonl(out / f"{kind}.jsonl")
        table = pq.read_table(out / f"{kind}.parquet").to_pylist()
        assert len(table) == len(rows) > 0
        for r, t in zip(rows, table):
            if kind == "documents":
                assert json.loads(t.pop("outline")) == r.pop("outline")
            # Arrow fills absent optional struct fields with None; compare what JSON has
            assert _prune(t) == _prune(r)
    # an optional int stays an int column (only a quantity's int | float value is a double)
    schema = pq.read_schema(out / "documents.parquet")
    assert str(schema.field("plan_year").type) == "int64"
    assert str(pq.read_schema(out / "measures.parquet").field("quantities").type.value_type.field("value").type) == "double"


def _prune(v):
    if isinstance(v, dict):
        return {k: _prune(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [_prune(x) for x in v]
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def test_sources_jsonl_grounds_the_spans(tmp_path):
    files = good_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    batch([tmp_path / "in"], out, with_text=True)
    texts = {r["source_path"]: r["source_text"] for r in read_jsonl(out / "sources.jsonl")}
    assert texts == {str(p): parse(p).source_text for p in files}
    measures = read_jsonl(out / "measures.jsonl")
    assert measures
    for m in measures:
        s, e = m["span"]
        assert 0 <= s < e <= len(texts[m["source_path"]])
    batch([tmp_path / "in"], out)  # without --with-text the stale file goes
    assert not (out / "sources.jsonl").exists()


def test_list_files_and_missing_entries(tmp_path, monkeypatch):
    files = good_corpus(tmp_path / "in", 3)
    monkeypatch.chdir(tmp_path)
    Path("list.txt").write_text(f"# corpus\n{files[0]}\n\nin/batch1/{files[1].name}\nnowhere.txt\n", encoding="utf-8")
    Path("more.txt").write_text(f"{files[2]}\n", encoding="utf-8")
    out = tmp_path / "out"
    rc = main(["batch", "@list.txt", "--list", "more.txt", "-o", str(out), "-q", "-j", "1"])
    assert rc == 1
    manifest = read_jsonl(out / "manifest.jsonl")
    assert sorted(r["path"] for r in manifest) == sorted(
        [str(files[0]), f"in/batch1/{files[1].name}", "nowhere.txt", str(files[2])])
    assert read_jsonl(out / "errors.jsonl") == [
        {"path": "nowhere.txt", "sha256": None, "error_class": "InputError", "message": "no such file"}]


def test_usage_errors_exit_2_with_one_line(tmp_path, capsys):
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "afile").write_text("x")
    cases = [
        ["batch", "-o", str(tmp_path / "o")],
        ["batch", str(tmp_path / "empty_dir"), "-o", str(tmp_path / "o")],
        ["batch", str(NOTICES[0]), "-o", str(tmp_path / "afile")],
        ["batch", "@" + str(tmp_path / "no_list.txt"), "-o", str(tmp_path / "o")],
        ["batch", str(NOTICES[0]), "-o", str(tmp_path / "o"), "--format", "xml"],
    ]
    for argv in cases:
        assert main(argv) == 2, argv
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith("policyparse batch: error: "), err


def test_all_good_exits_0(tmp_path):
    good_corpus(tmp_path / "in", 2)
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q"]) == 0


def test_crashing_hanging_and_exiting_workers_do_not_stop_the_batch(tmp_path):
    good = good_corpus(tmp_path / "in", 4)
    for name in ("crash.txt", "hang.txt", "exit.txt"):
        (tmp_path / "in" / name).write_text(f"{name} 关于印发实施方案的通知", encoding="utf-8")
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONPATH=str(TESTS) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    r = subprocess.run([sys.executable, "-m", "policyparse", "batch", str(tmp_path / "in"), "-o", str(out),
                        "--jobs", "2", "--timeout", "8", "--converter", "batch_corpus:convert_one"],
                       env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    errors = {Path(e["path"]).name: (e["error_class"], e["message"]) for e in read_jsonl(out / "errors.jsonl")}
    assert errors == {
        "crash.txt": ("WorkerCrashed", "the worker process died while parsing (killed by signal SIGSEGV)"),
        "exit.txt": ("WorkerCrashed", "the worker process died while parsing (exited with status 3)"),
        "hang.txt": ("Timeout", "parsing took longer than 8 s (--timeout)"),
    }
    ok = [r for r in read_jsonl(out / "manifest.jsonl") if r["status"] == "ok"]
    assert sorted(r["path"] for r in ok) == sorted(map(str, good))


def test_a_genuinely_slow_input_times_out(tmp_path):
    good = good_corpus(tmp_path / "in", 2)
    big = "\n".join(p.read_text(encoding="utf-8") for p in NOTICES) * 40  # ~10 MB: tens of seconds to parse
    (tmp_path / "in" / "huge.txt").write_text(big, encoding="utf-8")
    out = tmp_path / "out"
    # a timeout far above a good notice's parse time (~0.05 s) even on a loaded machine
    report = batch([tmp_path / "in"], out, timeout=4)
    assert report.failed == 1 and report.ok == len(good)
    assert read_jsonl(out / "errors.jsonl") == [{
        "path": str(tmp_path / "in" / "huge.txt"), "sha256": read_jsonl(out / "errors.jsonl")[0]["sha256"],
        "error_class": "Timeout", "message": "parsing took longer than 4 s (--timeout)"}]


def test_failed_assembly_leaves_previous_outputs_whole(tmp_path, monkeypatch):
    from policyparse.batch import store as store_mod

    good_corpus(tmp_path / "in", 4)
    out = tmp_path / "out"
    batch([tmp_path / "in"], out)
    before = {n: (out / n).read_bytes() for n in DATA + ("manifest.jsonl", "summary.json")}
    (tmp_path / "in" / "batch0" / "extra.txt").write_text(NOTICES[0].read_text(encoding="utf-8") + "补充")
    calls = {"n": 0}
    real = store_mod.Store.read

    def failing_read(self, sha):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # as if interrupted while the final files are written
        return real(self, sha)

    monkeypatch.setattr(store_mod.Store, "read", failing_read)
    with pytest.raises(KeyboardInterrupt):
        batch([tmp_path / "in"], out)
    assert {n: (out / n).read_bytes() for n in before} == before
    assert not [p for p in out.iterdir() if ".tmp-" in p.name]


def test_second_batch_on_same_out_dir_is_refused(tmp_path):
    from policyparse.batch.store import Store

    good_corpus(tmp_path / "in", 1)
    holder = Store(str(tmp_path / "out"))
    holder.open()
    try:
        with pytest.raises(UsageError, match="another batch"):
            batch([tmp_path / "in"], tmp_path / "out")
    finally:
        holder.close()


def test_parquet_without_pyarrow_stops_before_any_work(tmp_path, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a, **k: None if name == "pyarrow" else real(name, *a, **k))
    good_corpus(tmp_path / "in", 2)
    with pytest.raises(UsageError, match=r"--format parquet needs pyarrow: pip install 'policyparse\[batch\]'"):
        batch([tmp_path / "in"], tmp_path / "out", formats=("jsonl", "parquet"))
    assert not (tmp_path / "out").exists()


def test_a_closed_progress_stream_does_not_stop_the_batch(tmp_path):
    """stderr piped into `head` and closed: the log is lost, the outputs are not."""
    class Closed:
        def write(self, s):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

        def isatty(self):
            return False

    good_corpus(tmp_path / "in", 2)
    opts = BatchOptions(inputs=[str(tmp_path / "in")], out_dir=str(tmp_path / "out"), jobs=2, progress="log")
    report = run_batch(opts, stream=Closed())
    assert report.exit_code == 0
    ref = batch([tmp_path / "in"], tmp_path / "ref")
    assert ref.exit_code == 0
    same_output(tmp_path / "out", tmp_path / "ref")


def test_batch_options_refuse_one_path_as_a_string(tmp_path):
    with pytest.raises(TypeError, match="a list of paths, not one path"):
        BatchOptions(inputs=str(tmp_path), out_dir=str(tmp_path / "out"))

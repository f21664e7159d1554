"""The Dask engine writes what the local engine writes, byte for byte."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from batch_corpus import broken_inputs, good_corpus, manifest_without_seconds, read_jsonl
from policyparse.batch import BatchOptions, run_batch

distributed = pytest.importorskip("distributed")
TESTS = Path(__file__).resolve().parent
FILES = ("measures.jsonl", "documents.jsonl", "errors.jsonl", "sources.jsonl", "measures.parquet",
         "documents.parquet")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None, silence_logs=logging.ERROR) as c:
        yield c


def _opts(inputs, out, **kw) -> BatchOptions:
    return BatchOptions(inputs=[str(i) for i in inputs], out_dir=str(out), progress="none",
                        formats=("jsonl", "parquet"), with_text=True, **kw)


def test_dask_output_equals_local_output(tmp_path, cluster):
    good_corpus(tmp_path / "in", 8)
    broken_inputs(tmp_path / "in" / "bad")
    (tmp_path / "in" / "copy.txt").write_bytes(next((tmp_path / "in").rglob("quzhou*")).read_bytes())
    local = run_batch(_opts([tmp_path / "in"], tmp_path / "local", jobs=2))
    dask = run_batch(_opts([tmp_path / "in"], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address))
    assert (dask.ok, dask.failed, dask.duplicates, dask.parsed) == (local.ok, local.failed, local.duplicates, 12)
    assert dask.failed == 4 and dask.duplicates == 1 and dask.measures > 0
    for name in FILES:
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes(), name
    assert manifest_without_seconds(tmp_path / "dask" / "manifest.jsonl") == \
        manifest_without_seconds(tmp_path / "local" / "manifest.jsonl")

    again = run_batch(_opts([tmp_path / "in"], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address))
    assert again.parsed == 0 and again.resumed == 12  # resume works the same on Dask


def test_dask_task_timeout_is_recorded_and_the_batch_goes_on(tmp_path, cluster, monkeypatch):
    monkeypatch.syspath_prepend(str(TESTS))
    good = good_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "hang.txt").write_text("hang 关于印发实施方案的通知", encoding="utf-8")
    report = run_batch(_opts([tmp_path / "in"], tmp_path / "out", engine="dask", scheduler=cluster.scheduler_address,
                             timeout=4, converter="batch_corpus:convert_one"))
    assert report.failed == 1 and report.ok == 2
    assert read_jsonl(tmp_path / "out" / "errors.jsonl") == [{
        "path": str(tmp_path / "in" / "hang.txt"), "sha256": read_jsonl(tmp_path / "out" / "errors.jsonl")[0]["sha256"],
        "error_class": "Timeout", "message": "parsing took longer than 4 s (--timeout)"}]
    assert {r["source_path"] for r in read_jsonl(tmp_path / "out" / "measures.jsonl")} == set(map(str, good))

"""policyparse compare: the many-region report's data, CSV, and the HTML page in a real
headless Chromium (charts rendered, tables hold the four regions, a screenshot saved)."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from policyparse.compare.report import report_csv, report_data
from policyparse.compare.report_html import report_html

from _compare_corpus import ROOT, plan

REGIONS = {"小店区", "万柏林区", "忻府区", "衢州市"}
# a plan that never states its year (6月底前 → --06-30), with one far deadline (2035) and
# measures no topic is tagged on
NOYEAR = """某某市某某区爱国卫生和垃圾分类工作方案

为深入开展爱国卫生运动，推进生活垃圾分类，制定本方案。

一、主要任务

1.开展城乡环境卫生整治。组织各街道社区开展房前屋后卫生清理，清除卫生死角，整治乱堆乱放。6月底前完成老旧小区环境卫生集中整治。（区卫健委、区住建局按职责分工负责）

2.推进生活垃圾分类。在全区居民小区设置分类投放点，居民小区垃圾分类覆盖率达到90%以上。9月底前实现机关单位垃圾分类全覆盖。（区城管局牵头，各街道负责）

3.开展病媒生物防制。春秋两季集中开展灭鼠、灭蚊、灭蝇、灭蟑活动，病媒生物密度控制水平达到国家C级标准。（区疾控中心负责）

4.加强健康知识普及。利用社区宣传栏开展健康教育活动，到2035年前开展健康讲座不少于20场。（区卫健委负责）

5.开展植树绿化行动。组织全民义务植树，全年新增绿地面积5万平方米。12月底前完成河道两侧绿化提升。（区园林局负责）

二、保障措施

6.加强宣传动员。通过多种形式宣传爱国卫生运动。（区委宣传部负责）
"""
CHARTS = {"topic-coverage", "overlap-matrix", "deadline-timeline", "top-units", "quantities-by-topic"}


@pytest.fixture(scope="module")
def data():
    return report_data([plan(n) for n in ("quzhou", "xiaodian", "wanbailin", "xinfu")])


def test_report_data_covers_four_regions(data):
    assert {r["region"] for r in data["regions"]} == REGIONS
    assert set(data["topic_coverage"]) == REGIONS
    pairs = {frozenset((o["a"], o["b"])): o for o in data["overlap"]}
    assert len(pairs) == 6
    taiyuan = pairs[frozenset(("小店区", "万柏林区"))]
    assert taiyuan["same"] >= 12
    for k, o in pairs.items():  # other cities share topics, not text
        if k != frozenset(("小店区", "万柏林区")):
            assert o["same"] == 0 and o["related"] > 0, o
    assert data["topic_coverage"]["衢州市"]["跨境贸易"] >= 1
    assert data["topic_coverage"]["忻府区"]["办理破产"] >= 1


def test_a_plans_headline_goals_are_in_the_report_beside_its_measures(data):
    goals = [q for q in data["quantities"] if q["measure"] == "目标"]
    xiaodian = {(q["metric"], q["shown"]) for q in goals if q["region"] == "小店区"}
    # 小店区's goals: 市场主体总量达到26万户以上, 工业增加值达到17.5亿元 (printed as a notice prints it)
    assert {("市场主体总量", "≥26万户"), ("工业增加值", "≥17.5亿元")} <= xiaodian
    assert {q["id"] for q in goals} <= {"d1-goals", "d2-goals"}
    timeline = [(d["region"], d["date"]) for d in data["deadlines"] if d["measure"] == "目标"]
    assert ("忻府区", "2025-12-31") in timeline and ("小店区", "2025-12-31") in timeline


def test_roles_are_listed_in_one_order(data):
    order = {r: i for i, r in enumerate(("lead", "responsible", "cooperating"))}
    assert any(len(u["roles"]) > 1 for us in data["units"].values() for u in us)
    for us in data["units"].values():
        for u in us:
            assert list(u["roles"]) == sorted(u["roles"], key=order.__getitem__)


def test_the_unit_table_counts_one_body_spelled_two_ways_once(tmp_path):
    """A plan that names its market regulator 区市场监管局 in two measures and 太谷区市场监督管理局
    in a third, its tax bureau 区税务局 and 国家税务总局太谷区税务局: one row each, shown as the
    plan prints it most often, counting every measure and role."""
    from policyparse.compare.load import load_plan

    path = tmp_path / "taigu.txt"
    path.write_text(
        "晋中市太谷区2023年优化营商环境工作要点\n一、重点任务\n"
        "1.优化企业开办服务。全面推行企业开办“一网通办”，将企业开办时间压缩至1个工作日以内。"
        "（牵头单位：区市场监管局；责任单位：区税务局）\n"
        "2.推行个体工商户“智能审批”。实现个体工商户登记全程电子化、智能化审批。（责任单位：区市场监管局）\n"
        "3.全面推行“双随机、一公开”监管。年内实现部门联合抽查常态化。"
        "（牵头单位：太谷区市场监督管理局；责任单位：国家税务总局太谷区税务局、区司法局）\n",
        encoding="utf-8")
    units = report_data([load_plan(str(path))])["units"]["太谷区"]
    assert [(u["unit"], u["measures"], u["roles"]) for u in units] == [
        ("区市场监管局", 3, {"lead": 2, "responsible": 1}),
        ("区税务局", 2, {"responsible": 2}),
        ("区司法局", 1, {"responsible": 1})]


def test_report_csv_has_every_section(data):
    rows = list(csv.DictReader(io.StringIO(report_csv(data))))
    assert {r["section"] for r in rows} >= {"region", "topic_coverage", "overlap"}
    assert {r["region"] for r in rows if r["section"] == "region"} == REGIONS
    # a region row per count the JSON has (measures and documents)
    assert {(r["region"], r["key"], int(r["value"])) for r in rows if r["section"] == "region"} == {
        (x["region"], k, x[k]) for x in data["regions"] for k in ("measures", "documents")}
    # the overlap: one row per pair and relation, the pair in region_a, region_b (no region)
    ov = [r for r in rows if r["section"] == "overlap"]
    assert all(r["region"] == "" for r in ov)
    assert sorted((r["region_a"], r["region_b"], r["key"], int(r["value"])) for r in ov) == sorted(
        (o["a"], o["b"], rel, o[rel]) for o in data["overlap"] for rel in ("same", "related"))
    same = [r for r in ov if r["key"] == "same" and {r["region_a"], r["region_b"]} == {"小店区", "万柏林区"}]
    assert int(same[0]["value"]) >= 12
    assert all(r["region_a"] == r["region_b"] == "" for r in rows if r["section"] != "overlap")
    # a quantity row carries its figure as numbers, as the JSON does
    qrows = [r for r in rows if r["section"] == "quantity"]
    assert len(qrows) == len(data["quantities"])
    for r, q in zip(qrows, data["quantities"]):
        assert (float(r["number"]), r["unit"], r["comparator"], r["kind"]) == (q["value"], q["unit"], q["comparator"], q["kind"])
    assert all(r["number"] == "" for r in rows if r["section"] != "quantity")
    # the measures without a topic and the number of units named, also when 0
    assert {(r["region"], int(r["value"])) for r in rows if r["section"] == "topic_coverage" and r["key"] == "(no topic)"} \
        == set(data["no_topic"].items())
    assert {(r["region"], int(r["value"])) for r in rows if r["section"] == "units_named"} == set(data["units_named"].items())
    assert data["units_named"]["忻府区"] == 0 and data["units"]["忻府区"] == []


def test_a_region_name_with_a_bar_stays_one_cell_in_the_csv(tmp_path):
    from policyparse.compare.load import load_plan

    path = tmp_path / "p.txt"
    path.write_text(NOYEAR, encoding="utf-8")
    a, b = load_plan(str(path), label="海南省|保亭黎族苗族自治县"), load_plan(str(path), label="A|B")
    d = report_data([a, b])
    ov = [r for r in csv.DictReader(io.StringIO(report_csv(d))) if r["section"] == "overlap"]
    assert {(r["region_a"], r["region_b"]) for r in ov} == {("海南省|保亭黎族苗族自治县", "A|B")}


def _cli(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policyparse.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_one_plan_warns_and_the_page_says_so(tmp_path):
    out = tmp_path / "one.html"
    r = _cli("compare", str(plan("xinfu").path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "policyparse: warning: only one plan to compare (忻府区)" in r.stderr


def test_an_output_directory_is_refused_before_any_input_is_read(tmp_path):
    # the input does not exist: had it been read first, its error would come first
    r = _cli("compare", str(tmp_path / "missing.txt"), "-o", str(tmp_path) + "/")
    assert r.returncode == 2
    assert r.stderr.strip() == f"policyparse: error: {tmp_path}/: cannot write: is a directory"
    r = _cli("compare", str(tmp_path / "missing.txt"), "-o", str(tmp_path))
    assert r.returncode == 2 and "missing.txt" not in r.stderr and "is a directory" in r.stderr
    (tmp_path / "f").write_text("x")
    r = _cli("diff", str(tmp_path / "missing.txt"), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "f" / "x.html"))
    assert r.returncode == 2 and "missing.txt" not in r.stderr and "is not a directory" in r.stderr
    r = _cli("compare", "--help")
    assert "TF-IDF" in " ".join(r.stdout.split()) and "policyparse diff" in r.stdout


def test_report_html_is_self_contained(data):
    html = report_html(data)
    assert set(re.findall(r'data-chart="([^"]+)"', html)) == CHARTS
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing fetched: works offline


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def _run_chromium(exe: str, *args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
             f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=180)


@pytest.mark.browser
def test_report_in_headless_chromium(tmp_path):
    exe = _chromium()
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is required in CI (.ci/run installs it)")
        pytest.skip("chromium not installed (apt-get install chromium); required in CI")
    out = tmp_path / "report.html"
    r = subprocess.run([sys.executable, "-m", "policyparse.cli", "compare",
                        *(str(plan(n).path) for n in ("quzhou", "xiaodian", "wanbailin", "xinfu")),
                        "-o", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    dom = _run_chromium(exe, "--virtual-time-budget=5000", "--dump-dom", out.as_uri()).stdout
    body = re.search(r"<body[^>]*>", dom)
    assert body, dom[:500]
    rendered = re.search(r'data-charts-rendered="(\d+)"', body.group(0))
    expected = re.search(r'data-charts-expected="(\d+)"', body.group(0))
    assert rendered and expected, body.group(0)
    assert int(expected.group(1)) == len(CHARTS) and int(rendered.group(1)) == len(CHARTS)
    assert dom.count('data-rendered="1"') == len(CHARTS)
    for table in ("regions", "coverage", "overlap"):
        m = re.search(rf'<table class="{table}">(.*?)</table>', dom, re.S)
        assert m, table
        assert all(reg in m.group(1) for reg in REGIONS), table
    art = ROOT / "tests" / "_artifacts"
    art.mkdir(exist_ok=True)
    shot = art / "report.png"
    if shot.exists():
        shot.unlink()
    _run_chromium(exe, "--window-size=1280,2400", "--hide-scrollbars", f"--screenshot={shot}", out.as_uri())
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    shutil.copy(shot, tmp_path / "report.png")

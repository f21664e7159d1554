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
from collections import Counter
from dataclasses import replace
from html import escape, unescape
from itertools import combinations
from pathlib import Path

import pytest

from policyparse.compare import charts
from policyparse.compare.charts import delta_e
from policyparse.compare.report import report_csv, report_data
from policyparse.compare.report_html import report_html

from _compare_corpus import ROOT, plan

REGIONS = {"小店区", "万柏林区", "忻府区", "衢州市"}
# names that do not fit a chart's margin, one with markup, one with the CSV's old separator
LONG = ["内蒙古自治区呼伦贝尔市莫力达瓦达斡尔族自治旗", "伊犁哈萨克自治州察布查尔锡伯自治县",
        "海南省|保亭黎族苗族自治县", "湖南省湘西土家族苗族自治州<b>吉首市</b>"]
SHORT = ["潞州区", "上党区", "平城区", "湖州市", "晋城市", "金华市", "榆次区", "尧都区", "丽水市", "离石区",
         "朔城区", "尖草坪区", "台州市", "五台县", "郊区"]
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


def _relabel(p, label: str):
    """A plan under another region's name (new items: the index keys items by identity)."""
    from policyparse.compare.load import Plan

    return Plan(path=p.path, label=label, result=p.result, items=[replace(it, plan=label) for it in p.items])


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """A 20-region report: the four plans under 19 names (four too long for a margin; 忻府区's
    copies name no units), and a plan without a year, with a 2035 deadline."""
    from policyparse.compare.load import load_plan

    base = [plan(n) for n in ("quzhou", "xiaodian", "wanbailin", "xinfu")]
    plans = [_relabel(base[i % 4], name) for i, name in enumerate(LONG + SHORT)]
    path = tmp_path_factory.mktemp("noyear") / "noyear.txt"
    path.write_text(NOYEAR, encoding="utf-8")
    plans.append(load_plan(str(path), label="某某区"))
    d = report_data(plans)
    return d, report_html(d)


def _svg(html: str, name: str) -> str:
    return re.search(rf'<svg class="chart" data-chart="{name}".*?</svg>', html, re.S).group(0)


def _titles(fragment: str) -> list[str]:
    return [unescape(t) for t in re.findall(r"<title>(.*?)</title>", fragment, re.S)]


def test_every_region_has_a_colour_of_its_own(many):
    d, html = many
    regions = [r["region"] for r in d["regions"]]
    assert len(regions) == 20
    legend = re.search(r'<div class="legend">(.*?)</div>', html).group(1)
    colour = {unescape(r): c for r, c in re.findall(r'data-region="([^"]*)" data-colour="([^"]*)"', legend)}
    assert list(colour) == regions
    assert len(set(colour.values())) == 20
    # far enough apart to tell (CIE76 ΔE; about 2.3 is just noticeable)
    assert min(delta_e(a, b) for a, b in combinations(colour.values(), 2)) > 15
    # each unit bar: its region's colour, its region in its label (tooltip when the label is cut)
    units = _svg(html, "top-units")
    bars_ = re.findall(r'<rect [^>]*fill="([^"]+)"><title>(.*?)</title>', units)
    assert bars_
    seen = set()
    for fill, title in bars_:
        region = unescape(title).rsplit(": ", 1)[0].rsplit(" · ", 1)[1]
        assert fill == colour[region], title
        seen.add(region)
    assert seen == set(regions)  # also the regions that name no units: (no units named)
    # each timeline dot: its row's colour
    for region, fill in re.findall(r'<g data-region="([^"]*)" data-date="[^"]*" data-count="\d+"><title>.*?</title>'
                                   r'<circle [^>]*fill="([^"]+)"', _svg(html, "deadline-timeline"), re.S):
        assert fill == colour[unescape(region)]


def test_palette_is_distinct_at_any_count_and_colour_blind_tolerant_for_eight():
    for n in (1, 8, 9, 20, 40, 300):
        p = charts.palette(n)
        assert len(p) == n and len(set(p)) == n
        assert p[: min(n, 8)] == charts.palette(8)[: min(n, 8)]  # the first colours never change
    # the first eight stay apart for a protan, deutan or tritan viewer (Machado et al. 2009,
    # severity 1, in linear RGB)
    sims = {"protan": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
            "deutan": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
            "tritan": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]]}

    def simulate(h: str, m) -> str:
        lin = [(c / 255) / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4
               for c in (int(h[i:i + 2], 16) for i in (1, 3, 5))]
        out = [min(1.0, max(0.0, sum(m[i][k] * lin[k] for k in range(3)))) for i in range(3)]
        srgb = [12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055 for v in out]
        return "#" + "".join(f"{round(v * 255):02x}" for v in srgb)

    for name, m in sims.items():
        seen = [simulate(c, m) for c in charts.palette(8)]
        assert min(delta_e(a, b) for a, b in combinations(seen, 2)) > 12, name


def test_the_timeline_keeps_year_unknown_dates_off_the_axis_and_a_far_date_at_its_edge(many):
    d, html = many
    tl = _svg(html, "deadline-timeline")
    dots = [(unescape(r), dt, int(n)) for r, dt, n in re.findall(r'<g data-region="([^"]*)" data-date="([^"]*)" data-count="(\d+)"', tl)]
    assert dots and all(re.fullmatch(r"\d{4}-\d\d-\d\d", dt) for _, dt, _ in dots)
    # year unknown: counted apart, per region
    undated = Counter(x["region"] for x in d["deadlines"] if x["date"].startswith("--"))
    assert undated["某某区"] >= 3
    assert {unescape(r): int(n) for r, n in re.findall(r'<g data-region="([^"]*)" data-undated="(\d+)"', tl)} == dict(undated)
    assert "year not stated" in tl
    # the axis spans the bulk: 2035 is beyond its edge, marked with its year
    ticks = [int(t[:4]) for t in re.findall(r'data-tick="([^"]+)"', tl)]
    years = sorted(int(x["date"][:4]) for x in d["deadlines"] if not x["date"].startswith("--"))
    assert years[-1] == 2035 and max(ticks) < 2035 and max(ticks) >= years[-2]
    beyond = re.findall(r'data-region="([^"]*)" data-beyond="([^"]*)"><title>.*?</title>([^<]*)</text>', tl, re.S)
    assert [(unescape(r), b, unescape(t)) for r, b, t in beyond] == [("某某区", "2035-12-31", "▸ 2035")]
    # every dated deadline is a dot on the axis or a mark beyond it, one dot per region
    # and date, whose number is the count of deadlines that day
    on_axis = Counter((x["region"], x["date"]) for x in d["deadlines"]
                      if not x["date"].startswith("--") and x["date"] != "2035-12-31")
    assert {(r, dt): n for r, dt, n in dots} == dict(on_axis)
    assert max(on_axis.values()) >= 9
    for r, dt, n in dots:
        if n > 1:
            assert re.search(rf'data-date="{dt}" data-count="{n}">.*?<text [^>]*>{n}</text></g>', tl, re.S)
    # the table: a month per dated deadline, the year-unknown ones in their own column
    table = re.search(r'<table class="deadlines">(.*?)</table>', html, re.S).group(1)
    assert "--06" not in re.sub(r"\(--\d\d-\d\d\)", "", table)
    assert "6月底前 (--06-30)" in table


def test_the_axis_leaves_out_only_a_few_far_dates():
    def span(*dates: tuple[int, int]) -> tuple[int, int]:  # (year, how many deadlines at its end)
        lo, hi = charts.axis_range([y * 12 + 11 for y, k in dates for _ in range(k)])
        return lo // 12, hi // 12

    assert span((2024, 30), (2035, 1)) == (2024, 2025)                      # one far date: at the edge
    assert span((2015, 1), (2024, 30), (2040, 1)) == (2024, 2025)           # at either end
    assert span((2022, 20), (2025, 20), (2027, 3), (2030, 4), (2035, 1)) == (2022, 2031)  # a 2030 plan stays
    assert span((2024, 5), (2030, 5)) == (2024, 2031)                       # half the dates: not a tail
    assert span((2024, 1), (2035, 1)) == (2024, 2036)                       # too few dates to tell


def test_long_names_are_cut_with_the_whole_name_in_a_tooltip(many):
    d, html = many
    for name in ("topic-coverage", "overlap-matrix", "deadline-timeline"):
        svg = _svg(html, name)
        titles = _titles(svg)
        for r in LONG:  # printed whole, or cut with … and whole in its tooltip
            whole = f">{escape(r)}</text>" in svg
            assert whole or (r in titles and re.search(rf"</title>{re.escape(escape(charts.fit(r)))}</text>", svg)), (name, r)
        assert charts.fit(LONG[0]) != LONG[0] and f">{escape(LONG[0])}</text>" not in svg
    units = _svg(html, "top-units")
    assert any(t.endswith(" · " + LONG[0]) or t.endswith(" · " + LONG[0] + ": 0") for t in _titles(units))


def test_the_page_states_its_caps_and_shows_what_is_missing(many):
    d, html = many
    regions = [r["region"] for r in d["regions"]]
    # topic coverage: a (no topic) row
    cov = re.search(r'<table class="coverage">(.*?)</table>', html, re.S).group(1)
    row = re.search(r"<tr><td>\(no topic\)</td>(.*?)</tr>", cov).group(1)
    assert [int(x) for x in re.findall(r"<td>(\d+)</td>", row)] == [d["no_topic"][r] for r in regions]
    assert d["no_topic"]["某某区"] >= 1
    # units: every region's rows (or "(no units named)"), as many as the JSON, "k of N named"
    units = re.search(r'<table class="units">(.*?)</table>', html, re.S).group(1)
    for r in regions:
        cells = re.findall(rf"<tr><td>{re.escape(escape(r))}( \(\d+ of \d+\))?</td><td>([^<]*)</td>", units)
        if d["units"][r]:
            assert len(cells) == len(d["units"][r]) and cells[0][0] == f" ({len(d['units'][r])} of {d['units_named'][r]})"
        else:
            assert [c[1] for c in cells] == ["(no units named)"]
    per = re.search(r"The chart shows each region's (\d+) units", html)
    assert per and f"the table and the JSON each region's {d['top_units']}" in html
    # figures: each with its kind, none left out of the table; the chart's topics stated
    q = re.search(r'<table class="quantities">(.*?)</table>', html, re.S).group(1)
    head = re.findall(r"<th>(.*?)</th>", q)[1:]
    rows = {unescape(t): re.findall(r"<td>(.*?)</td>", cells) for t, cells in
            re.findall(r"<tr><td>([^<]*)</td>(.*?)</tr>", q)}
    assert len(rows) == len({x["topic"] for x in d["quantities"]})
    for x in d["quantities"]:
        cell = rows[x["topic"]][head.index(escape(x["region"]))]
        kind = next(k for k in cell.split("<b>")[1:] if k.startswith(x["kind"] + "</b>"))
        assert escape(x["shown"]) in kind.split("<br>")[0]
    m = re.search(r"The chart shows the (\d+) topics with most figures, of (\d+)", html)
    shown_topics = {t.split(" · ")[0] for t in _titles(_svg(html, "quantities-by-topic"))[1:]}
    assert m and int(m.group(1)) == len(shown_topics) and int(m.group(2)) == len(rows)
    assert "figures named (targets, limits, incentives, thresholds)" in _svg(html, "quantities-by-topic")
    assert "measures naming the unit" in _svg(html, "top-units")
    assert " …" not in q


def test_roles_in_one_order_and_measure_numbers_in_one_width(data):
    html = report_html(data)
    order = {r: i for i, r in enumerate(("lead", "responsible", "cooperating"))}
    roles = re.findall(r"<td>((?:lead|responsible|cooperating) \d+(?:, (?:lead|responsible|cooperating) \d+)*)</td>", html)
    assert any("," in r for r in roles)
    for r in roles:
        names = re.findall(r"[a-z]+", r)
        assert names == sorted(names, key=order.__getitem__), r
    # the same pairs: （一） whether the plan prints （一） or (一)
    printed = [e[k].split(" ")[0] for o in data["overlap"] for e in o["examples"] if e["relation"] == "same" for k in "ab"]
    assert any("(" in n for n in printed)  # the plans do print both
    pairs = re.search(r'<table class="pairs">(.*?)</table>', html, re.S).group(1)
    numbers = [c.split(" ")[0] for c in re.findall(r"<td>([^<]*)</td>", pairs)[3::6] + re.findall(r"<td>([^<]*)</td>", pairs)[4::6]]
    assert numbers and not any("(" in n or ")" in n for n in numbers)
    assert any("（" in n for n in numbers)


def test_the_overlap_note_explains_the_cells_and_the_shared_index(data):
    html = report_html(data)
    note = re.search(r"<h2>Measure overlap</h2>(.*?)<svg", html, re.S).group(1)
    assert "On the diagonal: the region's number of measures" in note
    assert "2 × same + related" in note
    assert "TF-IDF" in note and "policyparse diff" in note
    # the diagonal does print the measures
    for r in data["regions"]:
        assert f">{r['measures']}</text>" in _svg(html, "overlap-matrix")


def _cli(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policyparse.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_one_plan_warns_and_the_page_says_so(tmp_path):
    out = tmp_path / "one.html"
    r = _cli("compare", str(plan("xinfu").path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert "policyparse: warning: only one plan to compare (忻府区)" in r.stderr
    assert "Only one plan was given" in out.read_text(encoding="utf-8")


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
    n, overflow = _overflow(exe, out.read_text(encoding="utf-8"), tmp_path)
    assert n > 100 and overflow == []
    art = ROOT / "tests" / "_artifacts"
    art.mkdir(exist_ok=True)
    shot = art / "report.png"
    if shot.exists():
        shot.unlink()
    _run_chromium(exe, "--window-size=1280,2400", "--hide-scrollbars", f"--screenshot={shot}", out.as_uri())
    assert shot.exists() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    shutil.copy(shot, tmp_path / "report.png")


# Every <text> of every chart, measured where Chromium draws it, against its <svg>'s box
# (the viewBox; the charts keep its aspect ratio, so a scaled chart scales both).
MEASURE = """<script>
(function(){
  var out=[], n=0;
  document.querySelectorAll('svg.chart').forEach(function(svg){
    var s=svg.getBoundingClientRect();
    svg.querySelectorAll('text').forEach(function(t){
      var r=t.getBoundingClientRect(); n++;
      if(r.width===0&&r.height===0) return;
      if(r.left<s.left-0.5||r.right>s.right+0.5||r.top<s.top-0.5||r.bottom>s.bottom+0.5)
        out.push(svg.getAttribute('data-chart')+': '+t.textContent+' ['+[r.left-s.left,s.right-r.right,r.top-s.top,s.bottom-r.bottom].map(Math.round)+']');
    });
  });
  document.body.setAttribute('data-texts', String(n));
  document.body.setAttribute('data-overflow', JSON.stringify(out));
})();
</script></body>"""


def _overflow(exe: str, html: str, tmp_path: Path) -> tuple[int, list[str]]:
    """(texts measured, those reaching beyond their chart) in headless Chromium."""
    import json

    page = tmp_path / "measure.html"
    page.write_text(html.replace("</body>", MEASURE), encoding="utf-8")
    dom = _run_chromium(exe, "--window-size=1400,2000", "--virtual-time-budget=5000", "--dump-dom", page.as_uri()).stdout
    body = re.search(r"<body[^>]*>", dom).group(0)
    n = int(re.search(r'data-texts="(\d+)"', body).group(1))
    return n, json.loads(unescape(re.search(r'data-overflow="([^"]*)"', body).group(1)))


@pytest.mark.browser
def test_twenty_regions_and_long_names_stay_inside_the_charts_in_chromium(many, tmp_path):
    exe = _chromium()
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is required in CI (.ci/run installs it)")
        pytest.skip("chromium not installed (apt-get install chromium); required in CI")
    d, html = many
    n, out = _overflow(exe, html, tmp_path)
    assert n > 1000  # every chart's labels were measured
    assert out == []

"""`make bench`: policyparse batch on a synthetic corpus of 2,000 notices.

The corpus (bench/_work/corpus, built once and reused) is made from the bundled
notices in corpora/: each document is an excerpt (the heading lines and a run
of about a third of the body, so sizes vary like real notices), perturbed
(sentences shuffled inside paragraphs, numbers changed), reformatted (lines
re-wrapped at a random width, indentation and trailing blanks, CRLF) and
encoded as UTF-8, GB18030, UTF-16 or Big5 (Big5 only where the text fits it).
A few are rendered to PDF (reportlab, as the tests do); HTML variants are
written only if the HTML reader is there (it is a placeholder at the time of
writing, so the bench says it skipped them).

Reported: documents/s and MB/s for --jobs 1 and --jobs 2 and their ratio, the
CPU seconds of the whole process tree (sampled with psutil) and of the main process, and peak memory (the largest single process and
the sum over the batch's process tree, sampled with psutil) at 500 and 2,000
documents, to show that memory does not grow with the corpus.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "_work"
CORPUS = WORK / "corpus"
RECIPE = "v2"  # bump when the corpus recipe changes
N_DOCS = 2000
N_SMALL = 500
N_PDF = 16
NOTICES = sorted((ROOT / "corpora").glob("*.txt"))


# ------------------------------------------------------------------------ corpus


def _perturb(text: str, rng: random.Random) -> str:
    lines = text.splitlines()
    head, body = lines[:6], lines[6:]
    n = len(body)
    k = max(20, int(n * rng.uniform(0.25, 0.45)))
    start = rng.randrange(0, max(1, n - k))
    body = body[start:start + k]
    out = []
    for line in body:
        if rng.random() < 0.3 and line.count("。") >= 3:  # shuffle sentences inside a paragraph
            first, *rest = line.split("。")
            tail = rest.pop() if rest and not rest[-1] else None
            rng.shuffle(rest)
            line = "。".join([first, *rest]) + ("。" if tail is not None else "")
        line = re.sub(r"\d+", lambda m: str(max(1, int(m.group()) + rng.randint(-3, 9)))
                      if len(m.group()) < 4 else m.group(), line) if rng.random() < 0.5 else line
        out.append(line)
    return "\n".join(head + out) + "\n"


def _reformat(text: str, rng: random.Random) -> str:
    style = rng.randrange(4)
    if style == 1:  # hard-wrapped at a random width, as a PDF-to-text dump would be
        width = rng.randint(28, 60)
        text = "\n".join(line[i:i + width] for line in text.splitlines() for i in range(0, max(1, len(line)), width))
    elif style == 2:  # indentation and trailing blanks
        text = "\n".join(("\u3000\u3000" if rng.random() < 0.5 else "  ") + line + " " * rng.randint(0, 3)
                         for line in text.splitlines())
    elif style == 3:
        text = text.replace("\n", "\r\n")
    return text


def _encode(text: str, rng: random.Random, traditional: bool) -> tuple[bytes, str]:
    encs = ["utf-8", "gb18030", "utf-16"] + (["big5"] * 2 if traditional else [])
    enc = rng.choice(encs)
    try:
        return text.encode(enc), enc
    except UnicodeEncodeError:
        return text.encode("gb18030"), "gb18030"


def _html_reader_ready() -> bool:
    from policyparse.errors import InputError
    from policyparse.read import read_bytes

    try:
        read_bytes("<html><body><p>关于印发实施方案的通知</p></body></html>".encode(), "x.html")
        return True
    except InputError:
        return False
    except Exception:
        return False


def build_corpus() -> dict:
    stamp = CORPUS / "RECIPE.json"
    if stamp.exists():
        info = json.loads(stamp.read_text())
        if info.get("recipe") == RECIPE:
            return info
    shutil.rmtree(CORPUS, ignore_errors=True)
    CORPUS.mkdir(parents=True)
    html = _html_reader_ready()
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from fixtures_build import render_pdf
    except Exception:
        render_pdf = None
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in NOTICES]
    counts: dict[str, int] = {}
    paths = []
    for i in range(N_DOCS):
        rng = random.Random(i)
        stem, text = texts[i % len(texts)]
        doc = _perturb(text, rng) + f"\n（样本 {i:05d}）\n"
        sub = CORPUS / f"{i // 250:02d}"
        sub.mkdir(exist_ok=True)
        if render_pdf is not None and i % (N_DOCS // N_PDF) == 7:
            data, kind, ext = render_pdf(doc), "pdf", "pdf"
        elif html and i % 25 == 11:
            body = "".join(f"<p>{line}</p>\n" for line in doc.splitlines())
            data, kind, ext = (f"<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>{body}</body></html>"
                               .encode()), "html", "html"
        else:
            data, kind = _encode(_reformat(doc, rng), rng, "traditional" in stem)
            ext = "txt"
        p = sub / f"{stem}_{i:05d}.{ext}"
        p.write_bytes(data)
        paths.append(str(p))
        counts[kind] = counts.get(kind, 0) + 1
    info = {"recipe": RECIPE, "documents": N_DOCS, "kinds": counts, "html_reader": html,
            "bytes": sum(os.path.getsize(p) for p in paths), "paths": paths}
    stamp.write_text(json.dumps(info, ensure_ascii=False))
    return info


# ------------------------------------------------------------------------ runs


class _Sampler(threading.Thread):
    """Peak RSS of the batch's process tree (the main process, fork server, workers)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        import psutil

        self.root = psutil.Process(pid)
        self.psutil = psutil
        self.peak_sum = self.peak_main = self.peak_one = 0
        self.cpu: dict[int, float] = {}  # pid -> last seen user+system seconds
        self.stop = False

    def run(self) -> None:
        while not self.stop:
            try:
                procs = [self.root] + self.root.children(recursive=True)
                rss = []
                for p in procs:
                    try:
                        rss.append(p.memory_info().rss)
                        c = p.cpu_times()
                        self.cpu[p.pid] = c.user + c.system
                    except self.psutil.Error:
                        pass
                self.peak_main = max(self.peak_main, self.root.memory_info().rss)
                self.peak_sum = max(self.peak_sum, sum(rss))
                self.peak_one = max(self.peak_one, max(rss, default=0))
            except self.psutil.Error:
                pass
            time.sleep(0.05)


def run_batch(paths: list[str], jobs: int, out: Path) -> dict:
    lst = out.with_suffix(".list")
    lst.write_text("\n".join(paths) + "\n", encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "policyparse", "batch", "--list", str(lst), "-o", str(out), "--jobs", str(jobs),
           "--no-resume", "--progress", "none"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    sampler = _Sampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.stop = True
    sampler.join()
    if not (out / "summary.json").exists():
        raise SystemExit(f"batch --jobs {jobs} on {len(paths)} inputs failed (exit {proc.returncode}): {err.strip()}")
    summary = json.loads((out / "summary.json").read_text())
    nbytes = sum(os.path.getsize(p) for p in paths)
    return {"jobs": jobs, "docs": len(paths), "wall": wall, "rc": proc.returncode, "stderr": err.strip(),
            "docs_s": len(paths) / wall, "mb_s": nbytes / wall / 1e6, "ok": summary["ok"], "failed": summary["failed"],
            "measures": summary["measures"],
            "cpu": sum(sampler.cpu.values()), "cpu_main": sampler.cpu.get(proc.pid, 0.0),
            "peak_main_mb": sampler.peak_main / 2**20, "peak_one_mb": sampler.peak_one / 2**20,
            "peak_tree_mb": sampler.peak_sum / 2**20}


def _show(r: dict) -> None:
    print(f"  --jobs {r['jobs']}  {r['docs']:5d} docs  {r['wall']:6.1f} s  {r['docs_s']:6.1f} docs/s  "
          f"{r['mb_s']:5.2f} MB/s  cpu {r['cpu']:6.1f} s (main {r['cpu_main']:.1f} s)  ok {r['ok']} failed {r['failed']}  "
          f"peak RSS: main {r['peak_main_mb']:.0f} MB, largest process {r['peak_one_mb']:.0f} MB, "
          f"tree {r['peak_tree_mb']:.0f} MB")
    if r["rc"] not in (0, 1):
        print("    batch failed:", r["stderr"][-500:])


def main() -> None:
    t = time.perf_counter()
    info = build_corpus()
    paths = info["paths"]
    print(f"corpus: {len(paths)} documents, {info['bytes'] / 1e6:.1f} MB, {info['kinds']} "
          f"(built or reused in {time.perf_counter() - t:.1f} s; cores: {os.cpu_count()})")
    if not info["html_reader"]:
        print("  HTML variants skipped: the HTML reader is still a placeholder")
    out = WORK / "out"
    small2 = run_batch(paths[:N_SMALL], 2, out)
    j1 = run_batch(paths, 1, out)
    j2 = run_batch(paths, 2, out)
    for r in (j1, j2, small2):
        _show(r)
    print(f"scaling --jobs 2 / --jobs 1: {j2['docs_s'] / j1['docs_s']:.2f}x  (target >= 1.7x; "
          f"the two cores are shared with whatever else runs on this machine)")
    print(f"peak memory {N_SMALL} -> {N_DOCS} docs (--jobs 2): main process {small2['peak_main_mb']:.0f} -> "
          f"{j2['peak_main_mb']:.0f} MB, largest process {small2['peak_one_mb']:.0f} -> {j2['peak_one_mb']:.0f} MB, "
          f"process tree {small2['peak_tree_mb']:.0f} -> {j2['peak_tree_mb']:.0f} MB")
    try:
        load = os.getloadavg()
        print(f"load average after the runs: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    except OSError:
        pass


if __name__ == "__main__":
    main()

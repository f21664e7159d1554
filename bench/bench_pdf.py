"""PDF reading speed: policyparse's reader against pdfplumber's own ``extract_text``
on the same generated file, measured in the same run.

The PDF is rendered at run time from a bundled notice with reportlab's built-in
STSong-Light font (A4, running header and footer); nothing binary is committed.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def main() -> None:
    from fixtures_build import corpus_text, render_pdf

    text = corpus_text("taiyuan_xiaodian_2022.txt") + "\n" + corpus_text("quzhou_2024.txt")
    data = render_pdf(text)

    import pdfplumber
    import pypdfium2 as pdfium

    from policyparse.pipeline import parse_source
    from policyparse.read import read_bytes

    pages = len(pdfium.PdfDocument(data))

    def plumber():
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return [p.extract_text() for p in pdf.pages]

    def pdfium_raw():
        doc = pdfium.PdfDocument(data)
        out = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
        doc.close()
        return out

    def reader():
        return read_bytes(data, "bench.pdf")

    def full():
        return parse_source(read_bytes(data, "bench.pdf"), include_text=False)

    reader()  # warm up imports and grammars
    full()
    rows = [
        ("pdfplumber extract_text (baseline)", _best(plumber, 3)),
        ("pypdfium2 get_text_range (raw)", _best(pdfium_raw, 5)),
        ("policyparse PDF reader (text, furniture, time limit)", _best(reader, 5)),
        ("policyparse parse (reader + outline + fields)", _best(full, 3)),
    ]
    base = rows[0][1][0]
    print(f"generated PDF: {pages} A4 pages, {len(data) / 1024:.0f} KiB, {len(text)} characters of text")
    print(f"{'':54} {'pages/s':>9} {'median s':>9} {'vs pdfplumber':>14}")
    for name, (best, med) in rows:
        print(f"{name:54} {pages / best:9.0f} {med:9.3f} {base / best:13.1f}x")
    import re

    from fixtures_build import render_pdf as _r  # noqa: F401 - the header text below is its default

    def body(s: str) -> str:
        s = s.replace("衢州市人民政府办公室文件", "")
        return re.sub(r"\s|—\s*\d+\s*—", "", s)

    theirs = body("".join(plumber()))
    ours = body(read_bytes(data, "bench.pdf").text)
    print(f"same characters as pdfplumber once its running header and page numbers are removed: "
          f"{ours == theirs} ({len(ours)} vs {len(theirs)})")


if __name__ == "__main__":
    main()

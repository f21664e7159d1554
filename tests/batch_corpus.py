"""Corpora for the batch tests, generated from the bundled notices into a tmp dir,
and a converter with faults (crash, hang, bug) to prove the batch survives them."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTICES = sorted((ROOT / "corpora").glob("*.txt"))
ENCODINGS = ("utf-8", "gb18030", "utf-16")


def good_corpus(root: Path, n: int) -> list[Path]:
    """``n`` distinct good inputs: the notices, each copy marked and re-encoded, in subfolders."""
    out = []
    for k in range(n):
        src = NOTICES[k % len(NOTICES)]
        text = src.read_text(encoding="utf-8") + f"\n（本批次测试副本 第{k + 1}号）\n"
        enc = ENCODINGS[(k // len(NOTICES)) % len(ENCODINGS)]
        try:
            data = text.encode(enc)
        except UnicodeEncodeError:
            data, enc = text.encode("utf-8"), "utf-8"
        p = root / f"batch{k % 3}" / f"{src.stem}_{k:03d}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
        out.append(p)
    return out


def broken_inputs(root: Path) -> dict[Path, str]:
    """Bad inputs and a word their error message must contain."""
    root.mkdir(parents=True, exist_ok=True)
    cases = {
        "empty.txt": (b"", "empty"),
        "image.txt": (bytes(range(256)) * 40, "binary"),
        "mojibake.txt": (b"\x81\x20\xfe\xff\x80" * 400, "decode"),
        "fake.pdf": (b"%PDF-1.7\n" + b"\x00garbage" * 100, "PDF"),
    }
    out = {}
    for name, (data, word) in cases.items():
        p = root / name
        p.write_bytes(data)
        out[p] = word
    return out


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def manifest_without_seconds(path: Path) -> list[dict]:
    rows = read_jsonl(path)
    for r in rows:
        r.pop("seconds")
    return rows


# --------------------------------------------------------------- a converter with faults


def convert_one(path: str, sha256: str, options: dict) -> dict:
    """The real converter, except on inputs whose name asks for a fault."""
    from policyparse.batch.convert import convert_one as real

    name = os.path.basename(path)
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if name.startswith("hang"):
        time.sleep(60)
    if name.startswith("exit"):
        os._exit(3)
    return real(path, sha256, options)

"""Files that appear whole or not at all: write to a temporary name beside the
target, flush and fsync, then ``os.replace`` it onto the target (atomic on POSIX
and Windows).  A process killed at any moment leaves either the old file or the
new one, plus at worst a temporary file that the next run removes."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import IO

TMP_MARK = ".tmp-"


def fsync_dir(path: str) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # not possible everywhere (Windows); the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def tmp_name(target: str, tmp_dir: str | None = None) -> str:
    d, base = os.path.split(target)
    return os.path.join(tmp_dir or d, f".{base}{TMP_MARK}{os.getpid()}")


def write_bytes(target: str, data: bytes, *, tmp_dir: str | None = None, sync_dir: bool = False) -> None:
    tmp = tmp_name(target, tmp_dir)
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync_dir:
        fsync_dir(os.path.dirname(target) or ".")


@contextlib.contextmanager
def open_atomic(target: str, mode: str = "w") -> Iterator[IO]:
    """``with open_atomic(path) as f: …`` — the target is replaced only if the block succeeds."""
    tmp = tmp_name(target)
    kw = {"encoding": "utf-8", "newline": "\n"} if "b" not in mode else {}
    f = open(tmp, mode, **kw)
    try:
        yield f
        f.flush()
        os.fsync(f.fileno())
        f.close()
        os.replace(tmp, target)
    except BaseException:
        f.close()
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(os.path.dirname(target) or ".")


def remove_leftovers(directory: str) -> int:
    """Delete temporary files a killed run left in ``directory``; returns how many."""
    n = 0
    with contextlib.suppress(FileNotFoundError):
        for name in os.listdir(directory):
            if name.startswith(".") and TMP_MARK in name:
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(directory, name))
                    n += 1
    return n

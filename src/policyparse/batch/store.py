"""The committed state of a batch: one shard per distinct input content.

``OUT_DIR/.policyparse/shards/ab/<sha256>.json.gz`` holds everything the batch
learned about the input whose bytes hash to ``<sha256>``: its rows, counts,
timing, or its error.  A shard is written to ``.policyparse/tmp/`` and renamed
into place after an fsync, so it exists whole or not at all; its existence is
the commit of that input.  Resuming means skipping the inputs whose shard
exists; the final files are assembled from the shards (see writer.py).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
from typing import Any

from . import atomic
from .inputs import UsageError

STATE = ".policyparse"


def encode(shard: dict[str, Any]) -> bytes:
    raw = json.dumps(shard, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return gzip.compress(raw, compresslevel=1, mtime=0)


def decode(data: bytes) -> dict[str, Any]:
    return json.loads(gzip.decompress(data).decode("utf-8", "surrogatepass"))


class Store:
    def __init__(self, out_dir: str, fingerprint: str | None = None):
        """``fingerprint``: the parser's (computed once by the batch and handed to its
        workers, so that all of them commit to the same place)."""
        self.out_dir = out_dir
        self.root = os.path.join(out_dir, STATE)
        # results of another parser version (code or grammars) are never reused
        if fingerprint is None:
            from ..fingerprint import parser_fingerprint

            fingerprint = parser_fingerprint()
        self.fingerprint = fingerprint
        self.shards = os.path.join(self.root, "shards", fingerprint[:16])
        self.tmp = os.path.join(self.root, "tmp")
        self._lock_fd: int | None = None

    # -- lifecycle -------------------------------------------------------------------
    def open(self) -> None:
        """Create the directories, take the lock, remove what a killed run left behind."""
        try:
            os.makedirs(self.shards, exist_ok=True)
            os.makedirs(self.tmp, exist_ok=True)
        except OSError as e:
            raise UsageError(f"cannot create output directory {self.out_dir}: {e.strerror or e}") from None
        self._lock()
        shutil.rmtree(self.tmp, ignore_errors=True)
        os.makedirs(self.tmp, exist_ok=True)
        atomic.remove_leftovers(self.out_dir)

    def close(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    def _lock(self) -> None:
        self._lock_fd = os.open(os.path.join(self.root, "lock"), os.O_RDWR | os.O_CREAT, 0o644)
        try:
            import fcntl
        except ImportError:  # Windows: no advisory lock
            return
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock_fd)
            self._lock_fd = None
            raise UsageError(f"another batch is writing to {self.out_dir}") from None

    def reset(self) -> None:
        """Forget every committed input (``--no-resume``)."""
        old = os.path.join(self.root, "shards.old")
        shutil.rmtree(old, ignore_errors=True)
        with contextlib.suppress(FileNotFoundError):
            os.replace(self.shards, old)
        os.makedirs(self.shards, exist_ok=True)
        shutil.rmtree(old, ignore_errors=True)

    # -- shards ----------------------------------------------------------------------
    def path(self, sha256: str) -> str:
        return os.path.join(self.shards, sha256[:2], sha256 + ".json.gz")

    def has(self, sha256: str) -> bool:
        return os.path.exists(self.path(sha256))

    def write(self, shard: dict[str, Any]) -> None:
        self.write_encoded(shard["sha256"], encode(shard))

    def write_encoded(self, sha256: str, data: bytes) -> None:
        target = self.path(sha256)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        atomic.write_bytes(target, data, tmp_dir=self.tmp)

    def read(self, sha256: str) -> dict[str, Any]:
        with open(self.path(sha256), "rb") as f:
            return decode(f.read())

    def status(self, sha256: str) -> str | None:
        try:
            return self.read(sha256).get("status")
        except (OSError, ValueError, EOFError):
            return None

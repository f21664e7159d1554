"""What the batch tells the user while it runs, on stderr.

On a terminal: a rich progress bar with rate and ETA.  Otherwise (a log, CI, a pipe):
a line every ``every`` seconds and one at the end.  Either way each failed input
gets one line ``PATH: ErrorClass: message`` (never a traceback).
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any

from .inputs import InputItem


def _fmt_eta(s: float) -> str:
    s = int(s)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


class SafeStream:
    """A progress stream that a closed reader cannot stop: once a write fails (stderr piped
    into ``head``, a closed terminal) later lines are dropped and the batch goes on writing
    its outputs — losing the log is better than losing the work."""

    def __init__(self, stream: IO[str]):
        self._stream = stream
        self.broken = False

    def write(self, s: str) -> int:
        if not self.broken:
            try:
                self._stream.write(s)
            except (BrokenPipeError, OSError, ValueError):
                self.broken = True
        return len(s)

    def flush(self) -> None:
        if not self.broken:
            try:
                self._stream.flush()
            except (BrokenPipeError, OSError, ValueError):
                self.broken = True

    def isatty(self) -> bool:
        try:
            return not self.broken and self._stream.isatty()
        except (OSError, ValueError, AttributeError):
            return False

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


class Progress:
    def __init__(self, total: int, mode: str = "auto", stream: IO[str] | None = None, every: float = 10.0):
        self.stream = stream or sys.stderr
        if mode == "auto":
            mode = "bar" if getattr(self.stream, "isatty", lambda: False)() else "log"
        self.mode = mode
        self.total = total
        self.done = self.failed = 0
        self.bytes = 0
        self.t0 = self.last = time.monotonic()
        self.every = every
        self.bar = None
        if mode == "bar" and total:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as Bar, TaskProgressColumn,
                                       TextColumn, TimeElapsedColumn, TimeRemainingColumn)

            self.bar = Bar(TextColumn("policyparse batch"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                           TextColumn("{task.fields[info]}"), TimeElapsedColumn(), TextColumn("ETA"),
                           TimeRemainingColumn(), console=Console(file=self.stream), refresh_per_second=4)
            self.task = self.bar.add_task("convert", total=total, info="")
            self.bar.start()

    def say(self, line: str) -> None:
        if self.mode == "none":
            return
        if self.bar is not None:
            self.bar.console.print(line, markup=False, highlight=False, soft_wrap=True)
        else:
            print(line, file=self.stream, flush=True)

    def update(self, item: InputItem, summary: dict[str, Any]) -> None:
        self.done += 1
        self.bytes += item.size or 0
        if summary.get("status") != "ok":
            self.failed += 1
            self.say(f"{item.path}: {summary.get('error_class')}: {summary.get('message')}")
        elif summary.get("message"):  # converted, with a warning from the reader
            self.say(f"{item.path}: warning: {summary.get('message')}")
        if self.bar is not None:
            el = max(time.monotonic() - self.t0, 1e-9)
            self.bar.update(self.task, advance=1, info=f"{self.done / el:.1f} docs/s {self.bytes / el / 1e6:.2f} MB/s"
                            + (f", {self.failed} failed" if self.failed else ""))
        elif self.mode == "log" and time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            self.say(self.line())

    def line(self) -> str:
        el = max(time.monotonic() - self.t0, 1e-9)
        rate = self.done / el
        eta = (self.total - self.done) / rate if rate else 0
        return (f"policyparse batch: {self.done}/{self.total} done ({self.failed} failed), "
                f"{rate:.1f} docs/s, {self.bytes / el / 1e6:.2f} MB/s, "
                f"elapsed {_fmt_eta(el)}, ETA {_fmt_eta(eta)}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

"""The settings of one batch run (what the ``batch`` command's flags become)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_TIMEOUT = 120.0  # seconds per input
DEFAULT_CONVERTER = "policyparse.batch.convert:convert_one"
FORMATS = ("jsonl", "parquet")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass
class BatchOptions:
    inputs: list[str]
    out_dir: str
    list_files: list[str] = field(default_factory=list)
    jobs: int = field(default_factory=default_jobs)
    timeout: float = DEFAULT_TIMEOUT  # 0: none
    formats: tuple[str, ...] = ("jsonl",)
    with_text: bool = False  # also write sources.jsonl (the decoded source_text of every input)
    resume: bool = True
    retry_errors: bool = False
    engine: str = "local"  # "local" | "dask"
    scheduler: str | None = None  # dask scheduler address; None: a LocalCluster with `jobs` workers
    max_bytes: int | None = None  # None: the pipeline's default
    max_tasks_per_worker: int = 500  # local engine: a worker process is replaced after this many inputs
    max_memory_mb: int = 0  # local engine: address-space limit per worker process (0: none)
    progress: str = "auto"  # "auto" (a bar on a terminal, log lines otherwise) | "bar" | "log" | "none"
    converter: str = DEFAULT_CONVERTER  # "module:function" run on every input (tests swap it)

    def __post_init__(self) -> None:
        # a single path given as a string would be iterated character by character ("/")
        for name in ("inputs", "list_files"):
            if isinstance(getattr(self, name), (str, bytes, os.PathLike)):
                raise TypeError(f"BatchOptions.{name} is a list of paths, not one path: "
                                f"use [{getattr(self, name)!r}]")
        if isinstance(self.formats, str):
            self.formats = (self.formats,)

    def parse_options(self) -> dict:
        """What a worker needs to convert one input (plain data: it crosses processes)."""
        return {"max_bytes": self.max_bytes}

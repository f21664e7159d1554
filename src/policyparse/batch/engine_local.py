"""The local engine: worker processes on this machine, each one killable.

The parent keeps one pipe per worker and hands it one input at a time.  A worker
parses the input, writes its shard (see store.py) and reports a small summary.
The parent waits on the pipes and on the processes' sentinels at once, so it
notices at the moment a worker dies (a crash on a hostile input) and can kill a
worker whose input runs past ``--timeout``; either way the input is committed as
failed and a fresh worker takes the slot.  Nothing a single input does can stop
the batch.

Workers come from a fork server that has imported and warmed up the pipeline
(warm.py), so replacing one costs milliseconds.  A worker is also replaced after
``max_tasks_per_worker`` inputs, which bounds any slow growth of its memory.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import time
from collections import deque
from collections.abc import Callable
from importlib import import_module
from multiprocessing.connection import wait
from typing import Any

from .convert import error_shard
from .inputs import InputItem
from .options import BatchOptions
from .store import Store


class BatchFatal(Exception):
    """The batch itself cannot go on (the output directory cannot be written)."""


def resolve(spec: str) -> Callable[..., dict[str, Any]]:
    mod, _, name = spec.partition(":")
    return getattr(import_module(mod), name)


def summary(shard: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in shard.items() if k not in ("documents", "measures", "source_text")}


def _worker(conn, converter: str, options: dict[str, Any], out_dir: str, fingerprint: str,
            max_memory_mb: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    if max_memory_mb:
        import resource

        limit = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    fn = resolve(converter)
    store = Store(out_dir, fingerprint)
    conn.send(("ready", None))  # the timeout clock starts only when a worker can work
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        path, sha = msg
        try:
            shard = fn(path, sha, options)
        except BaseException as e:  # noqa: BLE001 - the converter should not raise; record it anyway
            from .convert import one_line

            shard = error_shard(sha, type(e).__name__, one_line(e))
        try:
            store.write(shard)
        except OSError as e:
            conn.send(("fatal", f"cannot write {store.path(sha)}: {e.strerror or e}"))
            return
        conn.send(("done", summary(shard)))


def _context():
    methods = mp.get_all_start_methods()
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["policyparse.batch.warm"])
        return ctx
    return mp.get_context("spawn")


class _Slot:
    __slots__ = ("proc", "conn", "item", "started", "done", "ready")

    def __init__(self, ctx, opts: BatchOptions, store: Store):
        parent, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, daemon=True, name="policyparse-batch-worker",
                                args=(child, opts.converter, opts.parse_options(), store.out_dir,
                                      store.fingerprint, opts.max_memory_mb))
        self.proc.start()
        child.close()
        self.conn = parent
        self.item: InputItem | None = None
        self.started = 0.0
        self.done = 0
        self.ready = False

    def give(self, item: InputItem) -> None:
        self.item = item
        self.started = time.monotonic()
        self.conn.send((item.path, item.sha256))

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                kill = True
        if not kill:
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()
        self.proc.close()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by signal {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exited with status {exitcode}"


def run(tasks: list[InputItem], store: Store, opts: BatchOptions,
        on_done: Callable[[InputItem, dict[str, Any]], None]) -> None:
    if not tasks:
        return
    ctx = _context()
    queue = deque(tasks)
    limit = opts.timeout if opts.timeout and opts.timeout > 0 else None
    slots = [_Slot(ctx, opts, store) for _ in range(max(1, min(opts.jobs, len(tasks))))]

    def fail(slot: _Slot, error_class: str, message: str, seconds: float) -> None:
        item = slot.item
        assert item is not None and item.sha256 is not None
        shard = error_shard(item.sha256, error_class, message, round(seconds, 3))
        store.write(shard)
        slot.item = None
        on_done(item, summary(shard))

    def replace(i: int, kill: bool) -> None:
        slots[i].stop(kill=kill)
        slots[i] = _Slot(ctx, opts, store)

    try:
        while True:
            for i, s in enumerate(slots):
                if s.ready and s.item is None and queue:
                    if not s.proc.is_alive():  # died while idle (e.g. the OOM killer)
                        replace(i, kill=True)
                        continue
                    s.give(queue.popleft())
            starting = [s for s in slots if not s.ready]
            busy = [(i, s) for i, s in enumerate(slots) if s.item is not None]
            if not busy and not (starting and queue):
                break
            wait_for = None
            if limit and busy:
                wait_for = max(0.0, min(s.started for _, s in busy) + limit - time.monotonic())
            ready = set(wait([s.conn for _, s in busy] + [s.proc.sentinel for _, s in busy]
                             + [s.conn for s in starting] + [s.proc.sentinel for s in starting], wait_for))
            for s in starting:
                if s.conn in ready or s.proc.sentinel in ready:
                    try:
                        kind, _ = s.conn.recv() if s.conn.poll() else (None, None)
                    except (EOFError, OSError):
                        kind = None
                    if kind != "ready":
                        raise BatchFatal(f"a worker process could not start ({_death(s.proc.exitcode)}); "
                                         f"is {opts.converter} importable?")
                    s.ready = True
            now = time.monotonic()
            for i, s in busy:
                if s.conn in ready or s.proc.sentinel in ready:
                    try:
                        kind, payload = s.conn.recv() if s.conn.poll() else (None, None)
                    except (EOFError, OSError):
                        kind, payload = None, None
                    if kind == "fatal":
                        raise BatchFatal(payload)
                    if kind == "done":
                        item, s.item = s.item, None
                        s.done += 1
                        on_done(item, payload)
                        if opts.max_tasks_per_worker and s.done >= opts.max_tasks_per_worker:
                            replace(i, kill=False)
                        continue
                    s.proc.join(1)
                    fail(s, "WorkerCrashed", f"the worker process died while parsing ({_death(s.proc.exitcode)})",
                         now - s.started)
                    replace(i, kill=True)
                elif limit and now - s.started >= limit:
                    s.proc.kill()
                    s.proc.join()
                    fail(s, "Timeout", f"parsing took longer than {limit:g} s (--timeout)", limit)
                    replace(i, kill=True)
    finally:
        for s in slots:
            s.stop(kill=s.item is not None)

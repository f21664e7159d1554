"""The Dask engine: the same conversion on a dask.distributed cluster.

The client (this process) discovers and hashes the inputs, skips the committed
ones and submits one task per distinct content, keeping about two tasks per
worker thread in flight so that neither the client nor the scheduler holds the
whole corpus.  A task runs the same converter as the local engine on the worker,
which reads the input by its path (so workers must see the inputs at the same
paths: a shared filesystem) and returns the compressed shard; the client commits
it to OUT_DIR (so only the client needs the output directory).  The final files
are assembled by the same writer, which is why the output equals the local
engine's byte for byte.

``--timeout`` inside a Dask task: a Python thread cannot be killed, so the task
runs the parse in a helper thread and gives up waiting after the timeout; the
input is committed as failed and the worker thread is freed, while the abandoned
parse finishes (or not) in the background.  A worker that dies is restarted by
its nanny and the scheduler retries the task elsewhere; after
``distributed.scheduler.allowed-failures`` deaths the input is committed as
failed with ``KilledWorker``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from .convert import error_shard, one_line
from .engine_local import resolve, summary
from .inputs import InputItem
from .options import BatchOptions
from .store import Store, encode


def convert_task(path: str, sha256: str, options: dict[str, Any], converter: str,
                 timeout: float | None) -> tuple[dict[str, Any], bytes]:
    """Runs on a Dask worker: one input → (summary, encoded shard)."""
    fn = resolve(converter)
    if not timeout:
        shard = _call(fn, path, sha256, options)
    else:
        box: list[dict[str, Any]] = []
        t = threading.Thread(target=lambda: box.append(_call(fn, path, sha256, options)),
                             name="policyparse-parse", daemon=True)
        t.start()
        t.join(timeout)
        shard = box[0] if box else error_shard(sha256, "Timeout", f"parsing took longer than {timeout:g} s (--timeout)",
                                               round(timeout, 3))
    return summary(shard), encode(shard)


def _call(fn, path: str, sha256: str, options: dict[str, Any]) -> dict[str, Any]:
    try:
        return fn(path, sha256, options)
    except BaseException as e:  # noqa: BLE001
        return error_shard(sha256, type(e).__name__, one_line(e))


def run(tasks: list[InputItem], store: Store, opts: BatchOptions,
        on_done: Callable[[InputItem, dict[str, Any]], None]) -> None:
    if not tasks:
        return
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if opts.scheduler:
        client = Client(opts.scheduler, timeout="60s")
    else:
        cluster = LocalCluster(n_workers=max(1, opts.jobs), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        threads = sum(client.nthreads().values()) or 1
        window = max(2, 2 * threads)
        options = opts.parse_options()
        timeout = opts.timeout if opts.timeout and opts.timeout > 0 else None
        pending = iter(tasks)
        by_key: dict[str, InputItem] = {}
        ac = as_completed()

        def submit() -> bool:
            item = next(pending, None)
            if item is None:
                return False
            f = client.submit(convert_task, item.path, item.sha256, options, opts.converter, timeout,
                              key=f"policyparse-{item.sha256}", retries=0)
            by_key[f.key] = item
            ac.add(f)
            return True

        for _ in range(window):
            if not submit():
                break
        for f in ac:
            item = by_key.pop(f.key)
            if f.status == "finished":
                summ, data = f.result()
                store.write_encoded(item.sha256, data)
            else:
                exc = f.exception() if f.status == "error" else None
                shard = error_shard(item.sha256, type(exc).__name__ if exc else "Cancelled",
                                    one_line(exc) if exc else "the task was cancelled")
                store.write(shard)
                summ = summary(shard)
            f.release()
            on_done(item, summ)
            submit()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

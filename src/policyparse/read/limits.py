"""Running a reader under a time limit.

A hostile or broken PDF can send a PDF library into an endless loop inside C code,
where no Python-level timeout reaches.  :func:`run_limited` therefore runs the work
in a forked child process and kills it when the time is up.  The child shares the
parent's memory at the fork (the input bytes are not copied through a pipe); only
the result comes back, pickled, through a pipe.

Where ``os.fork`` does not exist (Windows) the work runs in-process without a limit.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from typing import Any, Callable

from ..errors import InputError


def run_limited(fn: Callable[..., Any], args: tuple, timeout: float | None, what: str) -> Any:
    """``fn(*args)`` in a child process; :class:`InputError` if it takes longer than
    ``timeout`` seconds, crashes, or raises.  An InputError raised by ``fn`` comes
    back as itself; any other exception becomes an InputError naming ``what``."""
    if not hasattr(os, "fork") or not timeout or timeout <= 0:
        return _call(fn, args, what)
    r, w = os.pipe()
    import warnings

    with warnings.catch_warnings():  # 3.12+ warns about forking a threaded process
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:  # child: never return into the caller's code
        code = 0
        try:
            os.close(r)
            try:
                import faulthandler

                faulthandler.disable()  # a crash is reported by the parent, in one line
            except Exception:  # noqa: BLE001
                pass
            try:
                payload = pickle.dumps(("ok", fn(*args)), protocol=pickle.HIGHEST_PROTOCOL)
            except InputError as e:
                payload = pickle.dumps(("error", e.message))
            except MemoryError:
                payload = pickle.dumps(("error", f"{what} ran out of memory"))
            except BaseException as e:  # noqa: BLE001 - reported as one line
                payload = pickle.dumps(("error", f"{what} failed: {type(e).__name__}: {e}"[:300]))
            view = memoryview(payload)
            while view:
                n = os.write(w, view)
                view = view[n:]
            os.close(w)
        except BaseException:  # noqa: BLE001
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    timed_out = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([r], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(r, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(r)
        if timed_out:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        _, status = os.waitpid(pid, 0)
    if timed_out:
        raise InputError(f"{what} did not finish within {timeout:g} s (a PDF that loops the reader?); "
                         "stopped")
    if not chunks:
        sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
        how = f"was killed by signal {sig}" if sig else "crashed"
        raise InputError(f"{what} {how} on this file (corrupt input?)")
    status_, payload = pickle.loads(b"".join(chunks))
    if status_ == "error":
        raise InputError(payload)
    return payload


def _call(fn: Callable[..., Any], args: tuple, what: str) -> Any:
    try:
        return fn(*args)
    except InputError:
        raise
    except MemoryError:
        raise InputError(f"{what} ran out of memory") from None
    except Exception as e:  # noqa: BLE001
        raise InputError(f"{what} failed: {type(e).__name__}: {e}"[:300]) from None

"""Which files a batch converts: discovery, order, hashing.

INPUTs are files, directories (walked recursively; hidden names, Office lock files
``~$…`` and the output directory are skipped; symbolic links to files are followed, links to
directories are not) and list files (``@FILE`` or ``--list FILE``: one path per
line, blank lines and ``#`` comments ignored, relative paths taken from the
current directory, ``-`` reads the list from stdin).

Every input is identified by its path as given (normalised with
``os.path.normpath``) and by the sha256 of its bytes.  Inputs are sorted by path,
which fixes the order of every output whatever the number of jobs.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..read import DEFAULT_MAX_BYTES, check_input


class UsageError(Exception):
    """A mistake in the command line itself (exit status 2), not a bad input."""


@dataclass(slots=True)
class InputItem:
    path: str
    sha256: str | None = None
    size: int | None = None
    error_class: str | None = None  # set when the file cannot even be read
    message: str | None = None


def read_list_file(name: str) -> list[str]:
    try:
        if name == "-":
            text = sys.stdin.read()
        else:
            with open(name, encoding="utf-8-sig") as f:
                text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise UsageError(f"cannot read list file {name}: {getattr(e, 'strerror', None) or e}") from None
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _walk(top: str, skip_real: set[str]) -> Iterator[str]:
    unreadable: list[str] = []  # a directory that cannot be listed becomes a failed input

    for dirpath, dirnames, filenames in os.walk(top, onerror=lambda e: unreadable.append(e.filename)):
        keep = []
        for d in dirnames:
            full = os.path.join(dirpath, d)
            if d.startswith(".") or os.path.realpath(full) in skip_real:
                continue
            keep.append(d)
        dirnames[:] = sorted(keep)
        for f in sorted(filenames):
            if not f.startswith((".", "~$")):  # hidden files, Office lock files (~$notice.docx)
                yield os.path.join(dirpath, f)
    yield from (u for u in unreadable if u)


def discover(inputs: Iterable[str], list_files: Iterable[str] = (), *,
             skip_dirs: Iterable[str] = ()) -> list[str]:
    """Every input path, normalised, unique and sorted."""
    skip_real = {os.path.realpath(d) for d in skip_dirs}
    named: list[str] = []
    for arg in inputs:
        if arg.startswith("@") and len(arg) > 1:
            named.extend(read_list_file(arg[1:]))
        else:
            named.append(arg)
    for lf in list_files:
        named.extend(read_list_file(lf))
    found: set[str] = set()
    for arg in named:
        p = os.path.normpath(arg)
        if os.path.isdir(p):
            found.update(os.path.normpath(f) for f in _walk(p, skip_real))
        else:
            found.add(p)  # missing or unreadable: reported when hashed
    return sorted(found)


def hash_input(path: str, max_bytes: int | None = DEFAULT_MAX_BYTES) -> InputItem:
    """Stat and hash one input; a file that cannot be read comes back with an error."""
    item = InputItem(path)
    try:
        item.size = check_input(path, max_bytes)
        h = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                h.update(chunk)
        item.sha256 = h.hexdigest()
    except InputError as e:
        return _fail(item, e.message)
    except FileNotFoundError:
        return _fail(item, "no such file")  # gone since it was checked
    except PermissionError:
        return _fail(item, "permission denied")
    except OSError as e:
        return _fail(item, f"cannot read: {e.strerror or e}")
    return item


def _fail(item: InputItem, message: str) -> InputItem:
    item.error_class = "InputError"
    item.message = message
    return item

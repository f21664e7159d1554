"""Reading an input file: bytes → :class:`SourceDoc` (``source_text`` and facts about it).

The format is detected from the content (``%PDF-``, an HTML tag near the start),
not only from the file name; each reader lives in its own module and is imported
only when needed.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # 50 MiB

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|table)\b",
    re.I | re.S,
)


@dataclass(slots=True)
class SourceDoc:
    text: str
    format: str  # "text" | "pdf" | "html" | "docx"
    encoding: str | None
    sha256: str
    path: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # facts a reader found (HTML meta lines …)
    tables: list[Any] = field(default_factory=list)  # task tables a reader found
    warnings: list[str] = field(default_factory=list)  # what the reader doubts (a page cut short …)


def text_source(text: str, encoding: str | None, digest: str, path: str | None = None) -> SourceDoc:
    """A plain-text notice, with the task tables pasted into it (tab-, pipe- or
    gap-separated rows under a 重点任务 | 责任单位 | 完成时限 header: read/tables.py)."""
    from .tables import text_tables

    return SourceDoc(text, "text", encoding, digest, path, tables=text_tables(text))


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc, WPS .wps, Excel .xls


def _zip_names(data: bytes) -> set[str] | None:
    """The names of a zip archive's parts (None: a damaged archive)."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _zip_is_docx(data: bytes) -> bool:
    names = _zip_names(data)
    if names is None:
        return b"word/" in data[:65536]  # a damaged archive: its local headers name the parts
    return "word/document.xml" in names


# zip-based formats other than .docx, told by a part every one of them holds (OFD: GB/T 33190,
# the national format of electronic official documents, which government sites publish too)
_ZIP_KINDS = (
    ("OFD.xml", "an OFD document (GB/T 33190), which is not read: export it as PDF first"),
    ("xl/workbook.xml", "an Excel .xlsx workbook, which is not read: save the notice as .docx, PDF or text"),
    ("ppt/presentation.xml", "a PowerPoint .pptx file, which is not read: save the notice as .docx, PDF or text"),
)


def _zip_error(data: bytes) -> str:
    """What a zip archive that is no .docx is, for its one-line error."""
    names = _zip_names(data) or set()
    for part, what in _ZIP_KINDS:
        if part in names:
            return what
    return "a zip archive (not a Word .docx): unpack it and give its files"


def detect_format(data: bytes, name: str = "") -> str:
    """``pdf``, ``html``, ``docx``, ``text`` — or ``zip`` / ``ole2`` for office files
    that are not read (an error names them)."""
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        return "docx" if _zip_is_docx(data) or name.lower().endswith(".docx") else "zip"
    if head[:8] == _OLE2:
        return "ole2"
    if name.lower().endswith(".pdf"):
        return "pdf"  # no %PDF- header (an HTML error page, junk): the PDF reader says what is wrong
    if _HTML_START.match(head) or re.search(rb"<html\b|<body\b", head, re.I) \
            or re.match(rb"(?:\xef\xbb\xbf)?\s*<(?:\?xml|!doctype)\b", head, re.I):
        return "html"
    return "text"


def read_bytes(data: bytes, path: str | None = None, fmt: str | None = None) -> SourceDoc:
    fmt = fmt or detect_format(data, path or "")
    digest = hashlib.sha256(data).hexdigest()
    try:
        if fmt == "pdf":
            from .pdf import read_pdf

            doc = read_pdf(data)
        elif fmt == "html":
            from .html import read_html

            doc = read_html(data)
        elif fmt == "docx":
            from .docx import read_docx

            doc = read_docx(data)
        elif fmt == "ole2":
            if "EncryptedPackage".encode("utf-16-le") in data:
                raise InputError("encrypted Office file: it needs a password to open; save it without one")
            raise InputError("a Word 97-2003 .doc, WPS or Excel file: save it as .docx, PDF or text first")
        elif fmt == "zip":
            raise InputError(_zip_error(data))
        else:
            from .text import decode

            text, enc = decode(data)
            if not text.strip(" \t\r\n\f\v\u3000\ufeff"):
                raise InputError("empty file: no text, only white space" if text.strip("\ufeff")
                                 else "empty file: only a byte-order mark")
            doc = text_source(text, enc, digest)
    except InputError as e:
        e.path = path
        raise
    doc.sha256 = digest
    doc.path = path
    return doc


def check_input(path: str | os.PathLike[str], max_bytes: int | None = DEFAULT_MAX_BYTES,
                flag: str | None = "--max-bytes") -> int:
    """The size of an input file that can be read; :class:`InputError` naming what is
    wrong otherwise (missing, a broken link, a directory, a FIFO or device, too large)."""
    name = str(path)
    if not name:
        raise InputError("no file name given (an empty path)")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError("broken symbolic link" if os.path.islink(path) else "no such file", name) from None
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", name) from None
    if stat.S_ISDIR(st.st_mode):
        if not os.access(path, os.R_OK | os.X_OK):
            raise InputError("directory cannot be read: permission denied", name)
        raise InputError("is a directory, not a file", name)
    if not stat.S_ISREG(st.st_mode):
        raise InputError("not a regular file", name)  # a FIFO would block, a device never end
    if max_bytes and st.st_size > max_bytes:
        hint = f" ({flag})" if flag else ""
        raise InputError(f"file is {st.st_size} bytes, over the limit of {max_bytes}{hint}", name)
    return st.st_size


def read_path(path: str | os.PathLike[str], max_bytes: int = DEFAULT_MAX_BYTES,
              flag: str | None = "--max-bytes") -> SourceDoc:
    """``flag``: how the size limit is named in its error (the CLI flag, an API argument;
    None: not named)."""
    name = str(path)
    check_input(path, max_bytes, flag)
    try:
        data = Path(path).read_bytes()
    except PermissionError:
        raise InputError("permission denied", name) from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", name) from None
    return read_bytes(data, name)

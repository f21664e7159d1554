"""Bytes of a text file → ``source_text``, with the encoding detected and reported.

UTF-8 (with or without BOM) and UTF-16/32 with a BOM are recognised exactly; other
bytes are tried as GB18030 and Big5 (as CP950, its Microsoft superset: 裏, 碁 and the
other Big5 extensions that Windows writes), the two legacy encodings of Chinese
notices, and charset-normalizer chooses between them where both decode.  Bytes that decode
as none of these are an error, never mojibake.
"""

from __future__ import annotations

import codecs

from ..errors import InputError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_LEGACY = ["gb18030", "cp950"]


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return ctrl > len(sample) * 0.02


def _cjk_share(text: str) -> float:
    if not text:
        return 0.0
    return sum(1 for c in text if "\u4e00" <= c <= "\u9fff") / len(text)


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` or raise :class:`InputError`."""
    if not data:
        raise InputError("empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                raise InputError(f"cannot decode as {enc} despite its byte-order mark: {e.reason}") from None
    if _looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates: dict[str, str] = {}
    for enc in _LEGACY:
        try:
            candidates[enc] = data.decode(enc)
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise InputError("cannot decode: not UTF-8, UTF-16, GB18030 or Big5")
    if len(candidates) == 1:
        (enc, text), = candidates.items()
        return text, enc
    return _choose(data, candidates)


def _choose(data: bytes, candidates: dict[str, str]) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(candidates)).best()
    if best is not None and best.encoding in candidates:
        return candidates[best.encoding], best.encoding
    enc = max(candidates, key=lambda e: _cjk_share(candidates[e]))
    return candidates[enc], enc

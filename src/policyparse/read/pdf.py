"""PDF reading (placeholder until the PDF reader lands)."""

from __future__ import annotations

from ..errors import InputError


def read_pdf(data: bytes):
    raise InputError("PDF input is not supported yet")

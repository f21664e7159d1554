"""HTML reading (placeholder until the HTML reader lands)."""

from __future__ import annotations

from ..errors import InputError


def read_html(data: bytes):
    raise InputError("HTML input is not supported yet")

"""The one error a user sees for bad input: a file and what is wrong with it."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: printed as one line ``FILE: message``; the CLI exits with status 2."""

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

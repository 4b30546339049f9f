"""Spreadsheet-safe CSV cells, for every CSV the app writes (and the importer that reads them back).

A text cell that starts with ``=``, ``+``, ``-`` or ``@`` (also after leading spaces, tabs or line
breaks) is run as a formula by Excel and LibreOffice: formula injection. As OWASP advises, such a cell
is written with a single quote in front (``'=1+1``), which spreadsheet users know as "this is text".
Numbers are left alone: a number cell, and text that is just a number such as ``-3``, stay numbers.
``unescape_cell`` undoes the escape exactly; a text that itself starts with quotes before such a
character gets one quote more, so every text round-trips.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

FORMULA_START = ("=", "+", "-", "@")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def _formula_like(text: str) -> bool:
    body = text.lstrip()
    return body.startswith(FORMULA_START) and _NUMBER.fullmatch(body.rstrip()) is None


def _escaped(text: str) -> bool:
    """Quotes in front of a formula-like text: an escaped cell (or a text that needs one quote more)."""
    bare = text.lstrip("'")
    return len(bare) < len(text) and _formula_like(bare)


def escape_cell(value: Any) -> Any:
    """The cell as it is safe to write: formula-like text gets a leading ``'``; anything else unchanged."""
    if isinstance(value, str) and (_formula_like(value) or _escaped(value)):
        return "'" + value
    return value


def unescape_cell(text: str) -> str:
    """The text ``escape_cell`` was given (for cells read back from a CSV the app wrote)."""
    return text[1:] if _escaped(text) else text


class SafeWriter:
    """A ``csv.writer`` that escapes every cell: the one way the app writes CSV rows."""

    def __init__(self, writer: Any) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([escape_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def safe_writer(handle: Any, **options: Any) -> SafeWriter:
    """``csv.writer(handle, **options)`` whose cells are escaped with ``escape_cell``."""
    import csv

    return SafeWriter(csv.writer(handle, **options))

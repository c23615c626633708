"""CSV cells that a spreadsheet will not run: OWASP's advice against CSV (formula) injection.

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is taken as a formula by
Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)`, `+cmd|' /C calc'!A0`, `@SUM(...)`).
Such a cell is written with a single quote in front, which the spreadsheet shows as text.
A plain number (`-0.5`) is left alone: it is a value, not a formula, and stays summable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def neutralize_cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) and not _NUMBER.match(text):
        return "'" + text
    return text


def neutralize_row(values: Iterable[object]) -> list[str]:
    return [neutralize_cell(value) for value in values]

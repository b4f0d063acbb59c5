"""The CSV writer: a table as RFC 4180 CSV bytes, one function to write a cell."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

Cell = str | int | float | bool | dt.date | None
"""A value of a CSV cell: None is an empty cell, a date is written in ISO 8601."""


@dataclass(frozen=True)
class Table:
    """A CSV table: its column names and one row an item, keyed by those names in that order."""

    columns: list[str]
    rows: list[dict[str, Cell]]


def csv_bytes(table: Table) -> bytes:
    """Return a table as RFC 4180 CSV in UTF-8 with a byte-order mark (without it, Excel on
    Windows reads the file in the system's code page and garbles every Chinese text): a
    header row, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        if list(row) != table.columns:  # a table function out of step with its own columns
            raise ValueError(f"row {list(row)} does not match the columns {table.columns}")
        writer.writerow([cell_text(value) for value in row.values()])
    return out.getvalue().encode("utf-8-sig")


def cell_text(value: Cell) -> str:
    """Return a cell as text: `true`/`false`, a plain decimal, an ISO date, empty for None, or
    the text made inert for spreadsheets."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # 12 significant digits: 95.0 is `95`, and 84.5 - 70.2 is `14.3`, not 14.299999999999997.
        text = f"{value:.12g}"
        return "0" if text == "-0" else text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return inert(value)


# A text cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV Injection"),
# also after white space (some spreadsheets trim it) and in their full-width forms.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def inert(text: str) -> str:
    """Return a text cell that no spreadsheet reads as a formula: one that starts like a
    formula gets a leading `'` (OWASP's rule); numbers are never passed here."""
    starts_like_formula = text.startswith(_FORMULA_START) or text.lstrip().startswith(
        _FORMULA_START
    )
    return f"'{text}" if starts_like_formula else text

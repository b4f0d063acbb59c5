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
    """Return a table as RFC 4180 CSV in UTF-8 (no BOM): a header row, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        if list(row) != table.columns:  # a table function out of step with its own columns
            raise ValueError(f"row {list(row)} does not match the columns {table.columns}")
        writer.writerow([cell_text(value) for value in row.values()])
    return out.getvalue().encode("utf-8")


def cell_text(value: Cell) -> str:
    """Return a cell as text: `true`/`false`, a plain decimal, an ISO date, or empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # 12 significant digits: 95.0 is `95`, and 84.5 - 70.2 is `14.3`, not 14.299999999999997.
        text = f"{value:.12g}"
        return "0" if text == "-0" else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)

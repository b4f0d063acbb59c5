"""Data to reuse: the dataset as JSON, CSV tables and iCalendar plans, as file bytes.

`build_exports` returns relative path -> bytes and does no I/O:

- `api/v1/<family>.json`: one file a family of plandocs.registry, its data in an envelope
  (schema version, time, schema URL, licence), and `api/v1/index.json` listing every file with
  its size and SHA-256;
- `csv/<table>.csv`: the tables of the pages, one row an item, one column a language for each
  text, with the values the pages compute (gaps, dates, weeks, changes);
- `calendar/plan.<code>.ics`: the plan's phases and tasks as all-day events and the checkpoints
  as recurring events, one calendar a language.

The same dataset and arguments always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from plandocs.exports.api import API, api_file, base_url, index_file, utc
from plandocs.exports.calendar import calendar
from plandocs.exports.csvfile import csv_bytes
from plandocs.exports.tables import TABLES
from plandocs.model import Dataset
from plandocs.registry import FAMILIES

__all__ = ["build_exports"]


def build_exports(data: Dataset, *, generated_at: dt.datetime, site_url: str) -> dict[str, bytes]:
    """Return every export as relative path -> file bytes: JSON with its index, CSV, iCalendar.

    `generated_at` must be timezone-aware (it is written in UTC, to the second); `site_url` is
    the site's address, where `schema/<family>.schema.json` is published.
    """
    stamp = utc(generated_at)
    base = base_url(site_url)
    families = {f"{API}/{family.name}.json": family for family in FAMILIES}
    files = {
        path: api_file(data, family, stamp=stamp, base=base) for path, family in families.items()
    }
    files |= {f"csv/{table.file}.csv": csv_bytes(table.table(data)) for table in TABLES}
    host = urlsplit(base).hostname or ""
    files |= {
        f"calendar/plan.{language.code}.ics": calendar(data, language, stamp=stamp, host=host)
        for language in data.languages.languages
    }
    files[f"{API}/index.json"] = index_file(files, families, stamp=stamp, base=base)
    return files

"""The dataset as JSON: one envelope a family under `api/v1/`, and the index of every file."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import PurePosixPath
from types import MappingProxyType
from urllib.parse import urlsplit

from plandocs.model import Dataset
from plandocs.registry import Family

SCHEMA_VERSION = 1
"""The version of the envelope and of the index; raised when either changes incompatibly."""
LICENCE = "CC BY 4.0"
API = "api/v1"


def utc(moment: dt.datetime) -> dt.datetime:
    """Return an aware datetime in UTC, to the second; refuse a naive one (which zone?)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("generated_at must be timezone-aware, e.g. datetime.now(UTC)")
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def base_url(site_url: str) -> str:
    """Return the site's address ending in `/`; refuse anything but an http(s) URL with a host
    (and no query or fragment)."""
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ValueError(f"site_url must be an http(s) URL with a host, not {site_url!r}")
    return site_url if site_url.endswith("/") else f"{site_url}/"


def json_bytes(value: object) -> bytes:
    """Return `value` as UTF-8 JSON: 2-space indent, keys in the order given, a final newline."""
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def schema_url(family: Family, base: str) -> str:
    """Return where the family's JSON Schema is published on the site."""
    return f"{base}schema/{family.schema}"


def api_file(data: Dataset, family: Family, *, stamp: dt.datetime, base: str) -> bytes:
    """Return a family's data in its envelope, as JSON (the data validates against its schema)."""
    return json_bytes(
        {
            "schema_version": SCHEMA_VERSION,
            "generated_at": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "schema": schema_url(family, base),
            "licence": LICENCE,
            "data": getattr(data, family.name).model_dump(mode="json"),
        }
    )


MEDIA_TYPES = MappingProxyType(
    {
        ".json": "application/json",
        ".csv": "text/csv; charset=utf-8; header=present",
        ".ics": "text/calendar; charset=utf-8",
    }
)


def index_file(
    files: dict[str, bytes], families: dict[str, Family], *, stamp: dt.datetime, base: str
) -> bytes:
    """Return the index of `files`: path, URL, media type, family and schema (JSON files only),
    size in bytes and SHA-256 of each."""
    entries = [
        {
            "path": path,
            "url": f"{base}{path}",
            "media_type": MEDIA_TYPES[PurePosixPath(path).suffix],
            "family": families[path].name if path in families else None,
            "schema": schema_url(families[path], base) if path in families else None,
            "size": len(body),
            "sha256": hashlib.sha256(body).hexdigest(),
        }
        for path, body in files.items()
    ]
    return json_bytes(
        {
            "schema_version": SCHEMA_VERSION,
            "generated_at": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "licence": LICENCE,
            "files": entries,
        }
    )

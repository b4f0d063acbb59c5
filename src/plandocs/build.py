"""The one assembler: what a build of the site needs from data/ and docs/, loaded and rendered
once: the dataset, every generated page, the downloads, the translations' state and the files'
last changes. The site build (plandocs.sitebuild), `plandocs generate` and the benchmark all
take their pages from `generate`."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from plandocs.exports import build_exports
from plandocs.history import last_changes, latest
from plandocs.loader import load, read_capped
from plandocs.model import Dataset
from plandocs.problems import DataError
from plandocs.site import anchor_problems, build_pages, not_found
from plandocs.translations import Tracked, tracked_in_data, tracked_in_docs


@dataclass(frozen=True)
class Generated:
    """What one load of data/ gives a build."""

    data: Dataset
    pages: dict[str, str]
    not_found: list[dict[str, str]]
    tracked: list[Tracked]
    downloads: dict[str, bytes]
    changes: dict[str, dt.datetime]
    """Each file of data/ and docs/ -> its last commit (empty outside git)."""


def fingerprint(folder: Path, *, pattern: str = "*") -> str:
    """Return a digest of the files under `folder` (names and bytes), read safely.

    A link or a special file makes the digest unique, so the load that follows reports it.
    """
    digest = hashlib.sha256()
    for path in sorted(folder.rglob(pattern)) if folder.is_dir() else []:
        if "report" in path.relative_to(folder).parts:
            continue  # the generated pages themselves
        digest.update(
            path.relative_to(folder).as_posix().encode("utf-8", "surrogateescape") + b"\0"
        )
        if path.is_dir() and not path.is_symlink():
            continue  # a folder: its name is in its files' names
        read = read_capped(path) if path.is_file() and not path.is_symlink() else None
        digest.update(read[0] if read else os.urandom(16))
    return digest.hexdigest()


def generated_at(changes: dict[str, dt.datetime]) -> dt.datetime:
    """Return the date of the data: SOURCE_DATE_EPOCH if set (reproducible builds), else the
    last commit that changed data/, else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return latest(changes, "data/") or dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def content_fingerprint(data_dir: Path, docs_dir: Path) -> str:
    """Return a digest of everything a build's pages are made from: data/ and docs/*.md."""
    return fingerprint(data_dir) + fingerprint(docs_dir, pattern="*.md")


def generate(
    data_dir: Path,
    *,
    docs_dir: Path | None = None,
    site_url: str = "https://example.org/",
    pdf: bool = False,
    label: str = "data",
) -> Generated:
    """Return what a build needs from `data_dir` and the hand-written pages in `docs_dir`
    (default: the docs/ beside data/): `site_url` is the site's address, `pdf` whether this
    build prints the PDFs (which the downloads page lists).

    Raise DataError as load does (`label` names the data folder in its messages), and for an
    anchor made twice on a page.
    """
    docs_dir = data_dir.parent / "docs" if docs_dir is None else docs_dir
    loaded = load(data_dir, label=label)
    data = loaded.dataset
    tracked = tracked_in_data(loaded.families(), data.languages.codes)
    tracked += tracked_in_docs(docs_dir, data.languages.codes)
    changes = last_changes(data_dir.parent)
    downloads = build_exports(data, generated_at=generated_at(changes), site_url=site_url)
    pages = build_pages(data, tracked, loaded.source_text, downloads, pdf=pdf)
    problems = anchor_problems(loaded, pages)
    if problems:
        raise DataError(problems)
    return Generated(data, pages, not_found(data), tracked, downloads, changes)

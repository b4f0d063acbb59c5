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

from plandocs.changelog import History, history
from plandocs.exports import build_exports
from plandocs.feeds import atom
from plandocs.history import last_changes, latest
from plandocs.languagecheck import language_problems
from plandocs.loader import load, read_capped
from plandocs.model import Dataset
from plandocs.pages.changes import feed_path
from plandocs.problems import DataError
from plandocs.site import anchor_problems, build_pages, languages, not_found
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
    history: History
    """The recent commits of data/ and docs/ and what they changed (the changes page)."""
    feeds: dict[str, bytes]
    """`feed-<code>.atom` -> the Atom feed of the changes in that language."""


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
    config_file: Path | None = None,
) -> Generated:
    """Return what a build needs from `data_dir` and the hand-written pages in `docs_dir`
    (default: the docs/ beside data/): `site_url` is the site's address, `pdf` whether this
    build prints the PDFs (which the downloads page lists).

    Raise DataError as load does (`label` names the data folder in its messages), for an
    anchor made twice on a page, and, given the engine's `config_file`, for a language of data/
    it does not build (or one it builds without data).
    """
    docs_dir = data_dir.parent / "docs" if docs_dir is None else docs_dir
    loaded = load(data_dir, label=label)
    data = loaded.dataset
    if config_file is not None:
        unbuilt = language_problems(
            config_file, config_file.name, data.languages, loaded.sources["languages"]
        )
        if unbuilt:
            raise DataError(unbuilt)
    tracked = tracked_in_data(loaded.families(), data.languages.codes)
    tracked += tracked_in_docs(docs_dir, data.languages.codes)
    changes = last_changes(data_dir.parent)
    when = generated_at(changes)
    downloads = build_exports(data, generated_at=when, site_url=site_url)
    recent = history(data_dir.parent)
    pages = build_pages(data, tracked, loaded.source_text, downloads, pdf=pdf, history=recent)
    problems = anchor_problems(loaded, pages)
    if problems:
        raise DataError(problems)
    feeds = {
        feed_path(lang.code): atom(data, lang, recent, site_url, when) for lang in languages(data)
    }
    return Generated(
        data, pages, not_found(data, site_url), tracked, downloads, changes, recent, feeds
    )

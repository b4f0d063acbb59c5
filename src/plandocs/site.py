"""The generator: every page family in every language, as files under `report/`.

The families and their order come from plandocs.registry. `build_pages` is pure;
`write_pages` touches the disk, only where content changed.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from plandocs.loader import load_dataset, read_capped
from plandocs.model import Dataset
from plandocs.registry import PAGES
from plandocs.render.locale import Lang


def languages(data: Dataset) -> list[Lang]:
    """Return the site's languages, ready to write pages; the first is the source language."""
    return [
        Lang(settings, source=index == 0) for index, settings in enumerate(data.languages.languages)
    ]


# The comment sits in the front matter: before the title it would hide the page's H1 from MkDocs.
FRONT_MATTER = (
    "---\n# Generated from data/{source} by plandocs: edit that file, not this one.\n"
    "edit_data: {source}\n---\n"
)


def build_pages(data: Dataset) -> dict[str, str]:
    """Return every generated page as `report/<slug>.<lang>.md` -> Markdown text."""
    pages: dict[str, str] = {}
    for family in PAGES:
        assert family.render is not None  # PAGES holds only the families with a page
        for lang in languages(data):
            front = FRONT_MATTER.format(source=family.file)
            pages[f"report/{family.name}.{lang.code}.md"] = front + family.render(data, lang)
    return pages


def write_pages(target: Path, pages: dict[str, str]) -> list[str]:
    """Write `pages` under `target`, only files whose text changed; delete pages not produced.

    Return the relative paths written or deleted (empty when nothing changed, so that a
    watching server settles after one rebuild).
    """
    changed: list[str] = []
    for relative, text in sorted(pages.items()):
        path = target / relative
        if path.is_file() and path.read_text(encoding="utf-8") == text:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
        changed.append(relative)
    report = target / "report"
    for stale in sorted(report.rglob("*.md")) if report.is_dir() else []:
        relative = stale.relative_to(target).as_posix()
        if relative not in pages:
            stale.unlink()
            changed.append(relative)
    return changed


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` whole or not at all: a failed write never leaves a page empty or
    cut short (the text goes to a temporary file beside it, renamed over it when complete)."""
    data = text.encode("utf-8")  # fails before anything is written if the text cannot be saved
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def home_path(lang: Lang) -> str:
    """Return where a language's pages live under the site root: `` or `en/`."""
    return "" if lang.source else f"{lang.code}/"


def not_found(data: Dataset) -> list[dict[str, str]]:
    """Return the words of the page-not-found page in every language, with its home's path."""
    words = data.labels.site
    return [
        {
            "lang": lang.code,
            "title": words.not_found(lang),
            "text": words.not_found_text(lang),
            "home": words.home_link(lang),
            "path": home_path(lang),
        }
        for lang in languages(data)
    ]


@dataclass(frozen=True)
class Generated:
    """What one load of data/ gives a build: the dataset, its pages and its 404 words."""

    data: Dataset
    pages: dict[str, str]
    not_found: list[dict[str, str]]


_LAST: dict[str, Generated] = {}


def data_fingerprint(data_dir: Path) -> str:
    """Return a digest of every file under `data_dir` (names and bytes), read safely.

    A link or a special file makes the digest unique, so the load that follows reports it.
    """
    digest = hashlib.sha256()
    for path in sorted(data_dir.rglob("*")):
        relative = path.relative_to(data_dir).as_posix()
        digest.update(relative.encode("utf-8", "surrogateescape") + b"\0")
        read = read_capped(path) if path.is_file() and not path.is_symlink() else None
        digest.update(read[0] if read else os.urandom(16))
    return digest.hexdigest()


def generate(data_dir: Path) -> Generated:
    """Return the dataset and pages of `data_dir`, loading and rendering only when its content
    changed since the last call (static-i18n builds each language in turn in one process).

    Raise DataError as load_dataset does.
    """
    key = data_fingerprint(data_dir)
    if key not in _LAST:
        data = load_dataset(data_dir)
        _LAST.clear()
        _LAST[key] = Generated(data, build_pages(data), not_found(data))
    return _LAST[key]

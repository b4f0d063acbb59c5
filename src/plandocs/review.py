"""What `make check` reports as warnings (exit 0): translations that are stale or not pinned,
and translations that leave out a glossary term's rendering."""

from __future__ import annotations

from pathlib import Path

from plandocs.glossary import term_warnings
from plandocs.loader import Loaded
from plandocs.problems import Problem
from plandocs.translations import Tracked, tracked_in_data, tracked_in_docs


def tracked(loaded: Loaded, docs_dir: Path | None) -> list[Tracked]:
    """Return every translation of data/ and of the hand-written pages in `docs_dir`."""
    languages = loaded.dataset.languages.codes
    items = tracked_in_data(loaded.families(), languages)
    if docs_dir is not None and docs_dir.is_dir():
        items += tracked_in_docs(docs_dir, languages)
    return items


def warnings(loaded: Loaded, docs_dir: Path | None) -> list[Problem]:
    """Return every warning, sorted by file and line."""
    items = tracked(loaded, docs_dir)
    out = [item.warning() for item in items if item.state != "current"]
    data_items = [item for item in items if item.file.endswith(".yml")]
    source_code = loaded.dataset.languages.codes[0]
    out += term_warnings(loaded.dataset.glossary, data_items, source_code)
    return sorted(out)

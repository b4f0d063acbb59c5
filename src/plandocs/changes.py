"""What a pull request changes, for the preview's job summary: the generated pages whose text
differs, the data records (items with an id) added, changed or removed, and the translations
whose state changed, between two checkouts (main's and the pull request's).

Both sides are loaded and rendered with this checkout's code, so a difference is a difference
of data/ and docs/, never of the code that renders them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from plandocs.loader import Loaded, load
from plandocs.problems import DataError
from plandocs.registry import FAMILIES
from plandocs.render.markdown import Md, esc, table
from plandocs.review import tracked
from plandocs.rules import items_with_ids
from plandocs.site import build_pages

Kind = Literal["added", "changed", "removed"]


@dataclass(frozen=True, order=True)
class Change:
    """One thing that differs: a page, a record (`file` and `key`) or a translation."""

    file: str
    key: str
    kind: Kind


@dataclass(frozen=True)
class Comparison:
    """The differences between two checkouts."""

    pages: list[Change]
    records: list[Change]
    translations: list[tuple[str, str, str, str]]
    """(file, field, state before, state after) of each translation whose state changed."""


def records(loaded: Loaded) -> dict[tuple[str, str], str]:
    """Return (data file, list path:id) -> a digest of the record, for every item with an id."""
    out: dict[tuple[str, str], str] = {}
    for family in FAMILIES:
        model = getattr(loaded.dataset, family.name)
        for loc, item in items_with_ids(model):
            path = ".".join(str(part) for part in loc[:-2] if isinstance(part, str))
            key = f"{path}:{item.id}" if path else str(item.id)  # type: ignore[attr-defined]
            body = json.dumps(item.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
            out[f"data/{family.file}", key] = hashlib.sha256(body.encode()).hexdigest()
    return out


def differences(
    before: dict[tuple[str, str], str], after: dict[tuple[str, str], str]
) -> list[Change]:
    """Return what was added, changed or removed between two mappings of digests."""
    out = [Change(*key, "added") for key in after.keys() - before.keys()]
    out += [Change(*key, "removed") for key in before.keys() - after.keys()]
    out += [
        Change(*key, "changed") for key in before.keys() & after.keys() if before[key] != after[key]
    ]
    return sorted(out)


def _pages(loaded: Loaded) -> dict[tuple[str, str], str]:
    pages = build_pages(loaded.dataset)
    return {(name, ""): hashlib.sha256(text.encode()).hexdigest() for name, text in pages.items()}


def _translation_states(loaded: Loaded, docs: Path) -> dict[tuple[str, str], str]:
    return {(item.file, item.path): item.state for item in tracked(loaded, docs)}


def compare(base_data: Path, head_data: Path) -> Comparison:
    """Return the differences between two data folders (each with its docs/ beside it).

    Raise DataError when either does not load (the check reports it on its own).
    """
    base, head = load(base_data), load(head_data)
    pages = [
        Change(change.file, "", change.kind) for change in differences(_pages(base), _pages(head))
    ]
    before = _translation_states(base, base_data.parent / "docs")
    after = _translation_states(head, head_data.parent / "docs")
    translations = sorted(
        (file, field, before.get((file, field), "—"), state)
        for (file, field), state in after.items()
        if before.get((file, field)) != state
    )
    return Comparison(pages, differences(records(base), records(head)), translations)


def page_address(name: str, source_language: str) -> str:
    """Return the site path of a generated page, e.g. `report/risks.en.md` -> `en/report/risks/`."""
    stem, language = name.rsplit(".", 2)[0], name.rsplit(".", 2)[1]
    prefix = "" if language == source_language else f"{language}/"
    return f"{prefix}{stem}/"


def summary(comparison: Comparison, *, source_language: str = "zh") -> str:
    """Return the comparison as Markdown for a job summary."""
    parts = ["## What this pull request changes / 本次改动"]
    pages = [
        [c.kind, Md(f"`{esc(page_address(c.file, source_language))}`")] for c in comparison.pages
    ]
    records_rows = [[c.kind, c.file, c.key] for c in comparison.records]
    translation_rows = [list(row) for row in comparison.translations]
    parts.append(f"### Pages / 页面 ({len(pages)})")
    parts.append(
        table(["", "page / 页面"], pages) if pages else "No page changes. / 页面没有变化。"
    )
    parts.append(f"### Data records / 数据条目 ({len(records_rows)})")
    parts.append(
        table(["", "file / 文件", "record / 条目"], records_rows)
        if records_rows
        else "No record changes. / 数据条目没有变化。"
    )
    parts.append(f"### Translations / 译文 ({len(translation_rows)})")
    parts.append(
        table(["file / 文件", "field / 字段", "before / 之前", "now / 现在"], translation_rows)
        if translation_rows
        else "No translation changed state. / 译文状态没有变化。"
    )
    return "\n\n".join(str(part).rstrip("\n") for part in parts) + "\n"


def summary_or_problem(base_data: Path, head_data: Path) -> str:
    """Return the summary, or a line saying which side does not load."""
    try:
        return summary(compare(base_data, head_data))
    except DataError as error:
        count = len(error.problems)
        return (
            "## What this pull request changes / 本次改动\n\n"
            f"The data does not load ({count} problem(s)): see the CI check's summary. / "
            "数据无法加载：请看 CI 检查的摘要。\n"
        )

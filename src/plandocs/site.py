"""The generator: every page family in every language, as files under `report/`.

`PAGES` lists the families in site order with the data file each is made from (its edit
link). `build_pages` is pure; `write_pages` touches the disk, only where content changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from plandocs.model import Dataset
from plandocs.model.common import LANGS, Lang
from plandocs.pages import (
    budget,
    cncf,
    execution,
    gaps,
    improvement,
    metrics,
    plan,
    references,
    risks,
    team,
    trends,
    universities,
    wikipedia,
)


@dataclass(frozen=True)
class PageFamily:
    """A generated page: its slug under report/, its data file and its renderer."""

    slug: str
    source: str
    render: Callable[[Dataset, Lang], str]


PAGES: tuple[PageFamily, ...] = (
    PageFamily("wikipedia", "benchmarks/wikipedia.yml", wikipedia.render),
    PageFamily("universities", "benchmarks/universities.yml", universities.render),
    PageFamily("trends", "benchmarks/trends.yml", trends.render),
    PageFamily("cncf", "benchmarks/cncf.yml", cncf.render),
    PageFamily("gaps", "gaps.yml", gaps.render),
    PageFamily("plan", "plan.yml", plan.render),
    PageFamily("execution", "execution.yml", execution.render),
    PageFamily("metrics", "metrics.yml", metrics.render),
    PageFamily("improvement", "improvement.yml", improvement.render),
    PageFamily("risks", "risks.yml", risks.render),
    PageFamily("budget", "budget.yml", budget.render),
    PageFamily("team", "team.yml", team.render),
    PageFamily("references", "references.yml", references.render),
)


# The comment sits in the front matter: before the title it would hide the page's H1 from MkDocs.
FRONT_MATTER = (
    "---\n# Generated from data/{source} by plandocs: edit that file, not this one.\n"
    "edit_data: {source}\n---\n"
)


def build_pages(data: Dataset) -> dict[str, str]:
    """Return every generated page as `report/<slug>.<lang>.md` -> Markdown text."""
    pages: dict[str, str] = {}
    for family in PAGES:
        for lang in LANGS:
            front = FRONT_MATTER.format(source=family.source)
            pages[f"report/{family.slug}.{lang}.md"] = front + family.render(data, lang)
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
        path.write_text(text, encoding="utf-8")
        changed.append(relative)
    report = target / "report"
    for stale in sorted(report.rglob("*.md")) if report.is_dir() else []:
        relative = stale.relative_to(target).as_posix()
        if relative not in pages:
            stale.unlink()
            changed.append(relative)
    return changed

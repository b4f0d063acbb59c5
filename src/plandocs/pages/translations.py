"""The translation status page (`report/translations`): per data file and per hand-written
page, how many translations are up to date, stale or not pinned, and a link to each one to
review."""

from __future__ import annotations

from types import MappingProxyType

from plandocs.model import Dataset
from plandocs.registry import FAMILIES
from plandocs.render import anchors, blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md
from plandocs.translations import Tracked, counts

_PAGE_OF = MappingProxyType(
    {f"data/{family.file}": family.name for family in FAMILIES if family.page}
)


def where(item: Tracked) -> str | Md:
    """Return a link to where a translation shows: its page (and section), or its file."""
    if item.file.startswith("docs/"):
        stem = item.file.removeprefix("docs/").split(".")[0]
        return md.link(f"{item.file} {item.path}", f"../{stem}.md{item.path}")
    page = _PAGE_OF.get(item.file)
    label = f"{item.file} {item.path}"
    return md.link(label, anchors.on(page, page)) if page else label


def render(data: Dataset, lang: Lang, tracked: list[Tracked]) -> str:
    """Return the translation status page in `lang`."""
    words = data.labels.translations
    states = {"current": words.current, "stale": words.stale, "missing": words.missing}
    columns = [words.file, words.current, words.stale, words.missing]
    sections = []
    for title, anchor, prefix in (
        (words.data_files, "translation-data", "data/"),
        (words.pages, "translation-pages", "docs/"),
    ):
        rows = [
            [row.file, str(row.current), str(row.stale), str(row.missing)]
            for row in counts([item for item in tracked if item.file.startswith(prefix)])
        ]
        sections += [
            md.heading(2, title(lang), anchor),
            blocks.columns_table(columns, rows, lang, align="lrrr"),
        ]
    pending = [item for item in tracked if item.state != "current"]
    review = (
        blocks.columns_table(
            [words.field, words.state],
            [[where(item), states[item.state](lang)] for item in pending],
            lang,
        )
        if pending
        else md.inline(words.none_to_review(lang))
    )
    return md.join(
        md.heading(1, words.title(lang), "translations"),
        md.inline(words.intro(lang)),
        *sections,
        md.heading(2, words.to_review(lang), "to-review"),
        review,
    )

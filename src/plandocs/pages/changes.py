"""The changes page (`report/changes`): the data records and pages that recent commits added,
changed or removed (plandocs.changelog), newest first, each with its date and a link to the
page that shows it; and a link to the language's Atom feed (plandocs.feeds)."""

from __future__ import annotations

from types import MappingProxyType

from plandocs.changelog import Entry, History, record_id
from plandocs.model import Dataset
from plandocs.registry import FAMILIES
from plandocs.render import anchors, blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md

_PAGE_OF = MappingProxyType(
    {f"data/{family.file}": family.name for family in FAMILIES if family.page}
)


def where(entry: Entry) -> str | Md:
    """Return the entry's file, linked to the page that shows it (when it has one and exists)."""
    if not entry.exists:
        return entry.file
    if entry.file.startswith("docs/"):
        stem = entry.file.removeprefix("docs/").split(".")[0]
        return md.link(entry.file, f"../{stem}.md") if "/" not in stem else entry.file
    page = _PAGE_OF.get(entry.file)
    return md.link(entry.file, anchors.on(page, page)) if page else entry.file


def feed_path(code: str) -> str:
    """Return the site path of the Atom feed of a language.

    At the site's root, beside sitemap.xml: Material's JavaScript fetches `sitemap.xml` next to
    every `<link rel="alternate">` of a page, and this one must not answer 404. No `.<code>.`
    in the name: static-i18n would take it for a translated file.
    """
    return f"feed-{code}.atom"


def render(data: Dataset, lang: Lang, history: History) -> str:
    """Return the changes page in `lang`."""
    words = data.labels.changes
    feed = md.link(words.feed(lang), f"../{feed_path(lang.code)}")
    parts: list[str | Md] = [
        md.heading(1, words.title(lang), "changes"),
        md.inline(words.intro(lang)),
        feed,
    ]
    if not history.available:
        return md.join(*parts, md.inline(words.no_history(lang)))
    if history.shallow:
        parts.append(md.inline(words.shallow(lang)))
    rows = [
        [
            lang.date(commit.when.date()),
            where(entry),
            record_id(entry) or words.whole_file(lang),
            words.kinds[entry.kind](lang),
            md.literal(commit.sha[:8]),
        ]
        for commit in history.commits
        for entry in commit.entries
    ]
    columns = [words.date, words.file, words.record, words.change, words.commit]
    parts.append(blocks.columns_table(columns, rows, lang))
    return md.join(*parts)

"""The glossary page (`report/glossary`): each term as the page's language writes it, with
its rendering in the other languages, its definition and, for an abbreviation, what it stands
for."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.glossary import Term
from plandocs.render import anchors, blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def renderings(term: Term, data: Dataset, lang: Lang) -> str:
    """Return the term in the other languages a reader of `lang` can read: the source
    language's readers see every rendering; the others see the term as they write it only
    (a page shows no other script than its own)."""
    if not lang.source:
        return blocks.NONE
    others = [term.term(code) for code in data.languages.codes if code != lang.code]
    return lang.listing(others)


def render_term(term: Term, data: Dataset, lang: Lang) -> list[str | Md]:
    """Return one row: the term (anchored), its other renderings, its meaning."""
    meaning = [text(lang) for text in (term.expansion, term.definition) if text is not None]
    return [
        md.span(term.term(lang), anchors.term(term.id)),
        renderings(term, data, lang),
        md.Md(" — ".join(md.inline(part) for part in meaning)) if meaning else blocks.NONE,
    ]


def render(data: Dataset, lang: Lang) -> str:
    """Return the glossary page in `lang`."""
    words = data.labels.glossary
    terms = sorted(data.glossary.terms, key=lambda term: term.term(lang).casefold())
    rows = [render_term(term, data, lang) for term in terms]
    columns = [words.term, words.renderings, words.meaning]
    if not lang.source:
        columns = [words.term, words.meaning]
        rows = [[row[0], row[2]] for row in rows]
    return md.join(
        md.heading(1, words.title(lang), "glossary"),
        md.inline(words.intro(lang)),
        blocks.columns_table(columns, rows, lang),
    )

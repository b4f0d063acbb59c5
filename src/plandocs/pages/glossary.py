"""The glossary page (`report/glossary`): an index by initial letter, then each term with a
meaning, in the alphabetical order of its English: the term as the page's language writes it,
its rendering in the other languages, its definition and, for an abbreviation, what it stands
for. A term without a meaning has no entry (its rendering is still enforced)."""

from __future__ import annotations

import html
from itertools import groupby

from plandocs.model import Dataset
from plandocs.model.glossary import Term
from plandocs.render import anchors
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md

OTHER = "#"
"""The group of terms whose English does not start with a letter A–Z."""


def initial(term: Term, data: Dataset) -> str:
    """Return the letter a term is filed under: the first letter of its English (the site's
    second language), or `#`."""
    code = data.languages.codes[1] if len(data.languages.codes) > 1 else data.languages.codes[0]
    first = term.term(code).strip()[:1].upper()
    return first if "A" <= first <= "Z" else OTHER


def letter_anchor(letter: str) -> str:
    """Return the anchor of a letter's group: `letter-a`, or `letter-other`."""
    return f"letter-{letter.lower()}" if letter != OTHER else "letter-other"


def renderings(term: Term, data: Dataset, lang: Lang) -> Md:
    """Return the term in the other languages, each marked with its language."""
    return Md(
        " ".join(
            f'<span lang="{html.escape(code)}">{md.inline(term.term(code))}</span>'
            for code in data.languages.codes
            if code != lang.code and term.term(code) != term.term(lang)
        )
    )


def render_term(term: Term, data: Dataset, lang: Lang) -> Md:
    """Return one entry of the definition list: the term (anchored) and its other renderings,
    then its meaning."""
    meaning = [text(lang) for text in (term.expansion, term.definition) if text is not None]
    head = md.concat(
        md.span(md.strong(term.term(lang)), anchors.term(term.id)),
        " ",
        renderings(term, data, lang),
    )
    return Md(f"{head}\n:   {Md(' — '.join(md.inline(part) for part in meaning))}\n")


def with_meaning(data: Dataset) -> list[Term]:
    """Return the terms that have a meaning, in the order of their English."""
    code = data.languages.codes[1] if len(data.languages.codes) > 1 else data.languages.codes[0]
    terms = [t for t in data.glossary.terms if t.definition is not None or t.expansion is not None]
    return sorted(terms, key=lambda term: (initial(term, data), term.term(code).casefold()))


def render(data: Dataset, lang: Lang) -> str:
    """Return the glossary page in `lang`."""
    words = data.labels.glossary
    groups = [
        (letter, list(terms))
        for letter, terms in groupby(with_meaning(data), lambda t: initial(t, data))
    ]
    index = Md(" · ".join(md.link(letter, f"#{letter_anchor(letter)}") for letter, _ in groups))
    return md.join(
        md.heading(1, words.title(lang), "glossary"),
        md.inline(words.intro(lang)),
        md.heading(2, words.index(lang), "glossary-index"),
        Md(f'<p class="glossary-index" markdown>{index}</p>\n') if groups else "",
        *(
            md.join(
                md.heading(2, letter, letter_anchor(letter)),
                *(render_term(term, data, lang) for term in terms),
            )
            for letter, terms in groups
        ),
    )

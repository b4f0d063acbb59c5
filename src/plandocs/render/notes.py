"""Notes on the seed document (where it contradicts itself, or where the site had to assume)."""

from __future__ import annotations

import re

from plandocs.model.common import Lang, Note, Text
from plandocs.render import markdown as md
from plandocs.render.labels import word

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def seed_note(note: Note, lang: Lang) -> str:
    """Return a note as an admonition: the seed's words (unless Chinese on an English page),
    then the explanation."""
    paragraphs = []
    if lang == "zh" or not _CJK.search(note.seed_says):
        open_quote, close_quote = ("“", "”") if lang == "zh" else ('"', '"')
        quote = f"{open_quote}{md.inline(note.seed_says)}{close_quote}"
        paragraphs.append(md.fact(word("seed_says", lang), quote, lang))
    paragraphs.append(md.inline(note.explanation(lang)))
    return md.admonition(word("seed_note", lang), paragraphs)


def text_note(text: Text, lang: Lang) -> str:
    """Return a note that is only an explanation, as an admonition."""
    return md.admonition(word("seed_note", lang), [md.inline(text(lang))])

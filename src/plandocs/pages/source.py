"""The source document's page (`report/source`): what the source is and where it comes from,
then, on the page of its own language, its text exactly as committed, with an anchor at each
part, section and appendix (the other pages link there)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from plandocs.model import Dataset
from plandocs.render import blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md

_HEADING = re.compile(r"^(#{2,3}) (.*)$")
HALF_LANGUAGE = "en"
"""The source writes its headings `中文 / English`: the language of their second half."""
_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Section:
    """A part, section or appendix of the source: its anchor and its headings' two halves."""

    anchor: str
    line: int
    """0-based line of the heading in the source text."""
    original: str
    english: str
    """The English half of a heading written `中文 / English`, or empty."""


def anchor_of(heading: str) -> str:
    """Return the anchor of a heading: `part-1`, `section-1-2`, `appendix-a`, or a slug of its
    English half (e.g. `executive-summary`)."""
    original, _, english = heading.partition(" / ")
    if part := re.search(r"第([一二三四五六七八九十])部分", original):
        return f"part-{_NUMERALS.index(part[1]) + 1}"
    words = re.sub(r"^[^\w(]*", "", original)  # an emoji and spaces at the start
    if number := re.match(r"(\d+)\.(\d+)\b", words):
        return f"section-{number[1]}-{number[2]}"
    if letter := re.match(r"([A-Z])\.\s", words):
        return f"appendix-{letter[1].lower()}"
    slug = re.sub(r"[^a-z0-9]+", "-", (english or words).lower()).strip("-")
    return slug or "section"


def sections(text: str) -> list[Section]:
    """Return the parts, sections and appendices of the source (level 2 and 3 headings outside
    code fences), each with a unique anchor."""
    out: list[Section] = []
    seen: set[str] = set()
    fenced = False
    for index, line in enumerate(text.split("\n")):
        if line.startswith("```"):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading is None or index < 2:  # the first two lines are the document's title
            continue
        anchor = anchor_of(heading[2])
        while anchor in seen:
            anchor += "-2"
        seen.add(anchor)
        original, _, english = heading[2].partition(" / ")
        out.append(Section(anchor, index, original.strip(), english.strip()))
    return out


def _verbatim(line: str) -> str:
    """Return a line as HTML that Markdown leaves alone: fences (``` and ~~~) and trailing
    spaces become character references (superfences would draw a fence; Markdown trims a line
    of spaces)."""
    body = line.rstrip(" ")
    escaped = html.escape(body, quote=False).replace("`", "&#96;").replace("~", "&#126;")
    return escaped + "&#32;" * (len(line) - len(body))


def render_text(text: str, code: str) -> Md:
    """Return the source's text (in language `code`) in one preformatted block, an anchor
    before each section."""
    lines = text.split("\n")
    starts = {section.line: section.anchor for section in sections(text)}
    escaped = [
        (f'<span id="{starts[i]}"></span>' if i in starts else "") + _verbatim(line)
        for i, line in enumerate(lines)
    ]
    return Md(f'<pre class="source-text" lang="{code}">' + "\n".join(escaped) + "</pre>\n")


def render(data: Dataset, lang: Lang, text: str) -> str:
    """Return the source document's page in `lang`: the text itself on the page of the source's
    language; on the others, what it is and its sections, linked to the text."""
    words, source = data.labels.source, data.source
    facts = [
        lang.fact(words.date(lang), lang.date(source.date)),
        lang.fact(words.scope(lang), source.scope(lang)),
        lang.fact(words.provenance(lang), source.provenance(lang)),
        lang.fact(
            words.fingerprint(lang), md.concat(md.literal("SHA-256 "), Md(f"`{source.sha256}`"))
        ),
    ]
    head = [
        md.heading(1, words.title(lang), "source"),
        md.strong(source.title(lang)),
        md.bullets(facts),
    ]
    if lang.code == source.language:
        return md.join(
            *head,
            md.heading(2, words.text(lang), "source-text"),
            render_text(text, lang.source_code),
        )
    # Each item carries its section's anchor too: a link to "Appendix A of the source" on an
    # English page lands here, beside the link to the Chinese text.
    # A language with no half of its own shows the original heading, marked as what it is.
    own = lang.code == HALF_LANGUAGE
    marked = "" if own else f' lang="{html.escape(source.language)}"'
    links = [
        Md(
            f'<span id="{s.anchor}"></span><a class="source-page" data-anchor="{s.anchor}"'
            f"{marked}>{html.escape((s.english or s.anchor) if own else s.original)}</a>"
        )
        for s in sections(text)
    ]
    return md.join(
        *head,
        md.fill(words.elsewhere(lang), source=Md(md.SOURCE_LINK)),
        md.heading(2, words.sections(lang), "source-text"),  # where the text is in zh
        md.bullets(links) if links else blocks.NONE,
    )

"""The source document's page (`report/source`): what the source is and where it comes from,
then, on the page of its own language, its text exactly as committed, as a document: its
headings rendered (each with the anchor other pages link to), a table of contents, its running
text and code as written. Nothing in the text can become a link or HTML: every heading is
escaped and given its anchor here, every other line is escaped HTML."""

from __future__ import annotations

import html
import re

from plandocs import sourcedoc
from plandocs.model import Dataset
from plandocs.render import blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md
from plandocs.sourcedoc import Block, Section, anchor_of, sections

__all__ = ["Section", "anchor_of", "render", "render_text", "sections"]

_BOLD = re.compile(r"\*\*([^*\n]+?)\*\*")

HALF_LANGUAGE = "en"
"""The source writes its headings `中文 / English`: the language of their second half."""

# The source's `#` is the page's `##` (the page has its own title), down to `######`.
_LEVEL_SHIFT = 1


def _verbatim(line: str) -> str:
    """Return a line as HTML that Markdown leaves alone: fences (``` and ~~~) and trailing
    spaces become character references (superfences would draw a fence; Markdown trims a line
    of spaces)."""
    body = line.rstrip(" ")
    escaped = html.escape(body, quote=False).replace("`", "&#96;").replace("~", "&#126;")
    return escaped + "&#32;" * (len(line) - len(body))


def render_block(block: Block, code: str) -> Md:
    """Return one block of the source (written in language `code`): a heading (escaped, with
    its anchor), the title, or its running text or code as escaped HTML."""
    if block.kind == "heading":
        level = min(block.level + _LEVEL_SHIFT, 6)
        return md.heading(level, block.text, block.anchor)
    if block.kind == "title":
        title = block.text.lstrip("#").strip()
        if block.line == 0:
            return md.heading(2, title, "source-text")
        return Md(f'<p class="source-title">{_verbatim(title)}</p>\n')
    lines = list(block.lines)
    language = ""
    if block.kind == "code" and sourcedoc.is_fence(lines[0]):
        # A fenced block is shown as code, without its fence lines (as its headings are shown
        # without their `#`): its language becomes an attribute.
        language = lines[0].strip().strip("`~").strip()
        lines = lines[1:-1] if len(lines) > 1 and sourcedoc.is_fence(lines[-1]) else lines[1:]
    body = "\n".join(_verbatim(line) for line in lines)
    if language:
        attribute = html.escape(language, quote=True)
        return Md(
            f'<pre class="source-code" lang="{code}" data-language="{attribute}">{body}</pre>\n'
        )
    if block.kind == "text":
        # The source's bold (`**…**`, within a line) is shown bold, as its headings are shown as
        # headings: the only markup taken from the text, and it cannot make a link or a tag.
        body = _BOLD.sub(r"<strong>\1</strong>", body)
    element = "pre" if block.kind == "code" else "div"
    return Md(f'<{element} class="source-{block.kind}" lang="{code}">{body}</{element}>\n')


def render_contents(text: str) -> Md:
    """Return the table of contents: each part and appendix, its sections under it."""
    lines = []
    for section in sections(text):
        indent = "    " * (section.level - 2)
        title = section.original + (f" / {section.english}" if section.english else "")
        lines.append(f"{indent}- {md.link(title, f'#{section.anchor}')}\n")
    return Md("".join(lines))


def render_text(text: str, code: str) -> Md:
    """Return the source's text (in language `code`) as a document, its headings anchored."""
    return md.join(*(render_block(block, code) for block in sourcedoc.blocks(text)))


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
            md.heading(2, words.contents(lang), "source-contents"),
            render_contents(text),
            render_text(text, lang.source_code),
        )
    return md.join(
        *head,
        md.fill(words.elsewhere(lang), source=Md(md.SOURCE_LINK)),
        Md('<span id="source-contents"></span>'),
        md.heading(2, words.sections(lang), "source-text"),  # where the text is in zh
        render_section_links(text, lang, source.language),
    )


def render_section_links(text: str, lang: Lang, source_language: str) -> Md:
    """Return the list of the source's parts, sections and appendices on a page in another
    language, each linked to the text. Each item carries its section's anchor, and those of
    the headings under it: a link to "Appendix A of the source", or to any heading of the
    text, lands here in every language, beside the link to the text. A language with no half
    of its own in the headings shows the original heading, marked as what it is."""
    own = lang.code == HALF_LANGUAGE
    marked = "" if own else f' lang="{html.escape(source_language)}"'
    items: list[tuple[Section, list[str]]] = []
    for block in sourcedoc.blocks(text):
        if block.kind != "heading":
            continue
        if block.level <= 3:
            original, _, english = block.text.partition(" / ")
            section = Section(block.anchor, block.line, block.level, original, english.strip())
            items.append((section, []))
        elif items:
            items[-1][1].append(block.anchor)
    links = [
        Md(
            "".join(f'<span id="{html.escape(a)}"></span>' for a in [s.anchor, *deeper])
            + f'<a class="source-page" data-anchor="{html.escape(s.anchor)}"{marked}>'
            f"{html.escape((s.english or s.anchor) if own else s.original)}</a>"
        )
        for s, deeper in items
    ]
    return md.bullets(links) if links else Md(blocks.NONE)

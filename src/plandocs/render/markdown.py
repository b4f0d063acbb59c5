"""Markdown building blocks. All escaping of data text for Markdown and HTML happens here.

`Md` marks text that is already Markdown. Every builder takes `str | Md`: a plain `str` is
escaped on the way in, an `Md` is inserted as it is, so nothing is escaped twice or forgotten.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable, Sequence

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|!#])")
# Runs of ASCII white space fold to one space; no-break spaces (French, CLDR) are kept.
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
# What would start a block (a list, a rule, a fence, a definition, a collapsible note) when a
# text begins a line: the first character becomes a character reference, shown as typed.
_BLOCK_START = re.compile(
    r"^(?:[-+:](?=\s|$)|-(?=-)|=(?=[=\s]|$)|~(?=~)|\?(?=\?\?)|[0-9]+[.)](?=\s|$))"
)

# Anything that `inline` would change: most texts hold none of it and are returned as they are.
_NEEDS_ESCAPING = re.compile(r"[\\`*_\[\]{}|!#&<>\t\r\n\f\v]|  |^ | $")


class Md(str):
    """Markdown that is safe to insert as it is."""

    __slots__ = ()


def literal(text: str) -> Md:
    """Return `text` escaped for Markdown and HTML, its spaces kept (for punctuation)."""
    escaped = html.escape(text.replace("\n", " "), quote=False)
    return Md(_MARKDOWN_SPECIAL.sub(r"\\\1", escaped))


def inline(text: str) -> Md:
    """Return `text` as literal inline Markdown on one line: HTML and Markdown are escaped."""
    if not _NEEDS_ESCAPING.search(text) and not _BLOCK_START.match(text):
        return Md(text)
    return escaped_inline(text)


def escaped_inline(text: str) -> Md:
    """Return what `inline` returns, always by escaping (`inline` skips texts it would not
    change; a test holds the two equal)."""
    one_line = _SPACES.sub(" ", literal(text)).strip(" ")
    return Md(_BLOCK_START.sub(_inert, one_line, count=1))


def _inert(match: re.Match[str]) -> str:
    """Return the start of a text so that Markdown cannot read it as block syntax."""
    start = match[0]  # one marker character, or a number and its `.` or `)`
    return f"{start[:-1]}&#{ord(start[-1])};"


STALE_MARK = '<span class="stale-translation"></span>'
"""Where a translation may be out of date; the build links it to the source-language page."""

SOURCE_LINK = '<a class="source-page"></a>'
"""A link to the same page in the source language; the build fills in its address and name."""


def esc(text: str | Md) -> Md:
    """Return `text` as Markdown: escaped unless it already is Markdown."""
    return text if isinstance(text, Md) else inline(text)


def concat(*parts: str | Md) -> Md:
    """Return the parts side by side, each escaped unless it already is Markdown."""
    return Md("".join(esc(part) for part in parts))


def fill(template: str, **values: str | Md) -> Md:
    """Return `template` with `{name}` placeholders replaced by `values`, all escaped.

    Templates come from data/labels.yml, whose model guarantees the placeholders match.
    """
    out = []
    for text, name, _, _ in string.Formatter().parse(template):
        out.append(literal(text))
        if name is not None:
            out.append(esc(values[name]))
    return Md("".join(out))


def strong(text: str | Md) -> Md:
    """Return `text` in bold."""
    return Md(f"**{esc(text)}**")


def link(text: str | Md, href: str) -> Md:
    """Return a link; `href` is built from ids (see anchors), never from free text."""
    return Md(f"[{esc(text)}]({href})")


def heading(level: int, text: str | Md, anchor: str) -> Md:
    """Return an ATX heading with an explicit id, identical in every language."""
    return Md(f"{'#' * level} {esc(text)} {{#{anchor}}}\n")


def table(
    headers: Sequence[str | Md], rows: Iterable[Sequence[str | Md]], *, align: str = ""
) -> Md:
    """Return a table; plain-text cells are escaped so that no `|` or newline breaks a row.

    `align` holds one letter a column: `l`, `r` or `c` (default left).
    """
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    rule = [marks[align[i]] if i < len(align) else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(esc(h) for h in headers) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(esc(cell) for cell in row) + " |" for row in rows]
    return Md("\n".join(lines) + "\n")


def bullets(items: Iterable[str | Md], *, numbered: bool = False) -> Md:
    """Return a list of items."""
    marker = "1." if numbered else "-"
    return Md("".join(f"{marker} {esc(item)}\n" for item in items))


def span(text: str | Md, anchor: str) -> Md:
    """Return `text` carrying an id, for entities that are not headings."""
    return Md(f'<span id="{html.escape(anchor)}">{esc(text)}</span>')


def join(*blocks: str) -> Md:
    """Return blocks (already Markdown) separated by one blank line; empty blocks are skipped."""
    return Md("\n".join(block.rstrip("\n") + "\n" for block in blocks if block))


def admonition(title: str, paragraphs: Iterable[str | Md], *, kind: str = "note") -> Md:
    """Return a `!!! note` (or another kind's) block titled `title`."""
    body = "\n\n".join(f"    {esc(paragraph)}" for paragraph in paragraphs)
    return Md(f'!!! {kind} "{html.escape(title)}"\n\n{body}\n')

"""Markdown building blocks. All escaping of data text for Markdown and HTML happens here."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|!#])")


def inline(text: str) -> str:
    """Return `text` as literal inline Markdown: HTML and Markdown syntax are escaped."""
    escaped = html.escape(text, quote=False)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    return " ".join(escaped.split())


def cell(text: str) -> str:
    """Return `text` escaped for a table cell: no `|` or newline can break the row."""
    return inline(text)


def heading(level: int, text: str, anchor: str) -> str:
    """Return an ATX heading with an explicit id, identical in both languages."""
    return f"{'#' * level} {inline(text)} {{#{anchor}}}\n"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, align: str = "") -> str:
    """Return a table; `headers` and `rows` are already-escaped cells.

    `align` holds one letter a column: `l`, `r` or `c` (default left).
    """
    marks = {"l": ":--", "r": "--:", "c": ":-:"}
    rule = [marks[align[i]] if i < len(align) else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def bullets(items: Iterable[str], *, numbered: bool = False) -> str:
    """Return a list of already-escaped items."""
    marker = "1." if numbered else "-"
    return "".join(f"{marker} {item}\n" for item in items)


def span(text: str, anchor: str) -> str:
    """Return escaped `text` carrying an id, for entities that are not headings."""
    return f'<span id="{html.escape(anchor)}">{inline(text)}</span>'


def join(*blocks: str) -> str:
    """Return blocks separated by one blank line."""
    return "\n".join(block.rstrip("\n") + "\n" for block in blocks if block)


def fact(name: str, value: str, lang: str) -> str:
    """Return `**name**: value` with the colon of `lang`; `value` is already escaped."""
    colon = "：" if lang == "zh" else ": "
    return f"**{inline(name)}**{colon}{value}"


def listing(items: Iterable[str], lang: str) -> str:
    """Return already-escaped items joined into one line, `A、B` (zh) or `A; B` (en)."""
    return ("、" if lang == "zh" else "; ").join(items)


def admonition(title: str, paragraphs: Iterable[str]) -> str:
    """Return a `!!! note` block titled `title` (escaped here); paragraphs are already escaped."""
    body = "\n\n".join(f"    {paragraph}" for paragraph in paragraphs)
    return f'!!! note "{html.escape(title)}"\n\n{body}\n'

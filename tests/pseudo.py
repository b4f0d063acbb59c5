"""Pseudo-localisation: a third language whose every text is the English one, machine-marked.

Every ASCII letter becomes an accented look-alike and every data text is bracketed
(`Lower quality` -> `[Łöŵéŕ ǫûåłîţý]`); placeholders (`{date}`), anchors, link targets, code and
HTML are kept. The language is Greek (`el`): Material and CLDR both speak it, and its script is
neither Latin nor Chinese, so a Latin word or a Chinese character left on its pages is a text
that the project did not take from the language's data: a leak.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

CODE = "el"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
MARKED = "åƀçđéƒĝĥîĵķłɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶŁṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"
ACCENTS = str.maketrans(LATIN, MARKED)
PLACEHOLDER = re.compile(r"(\{[a-z_]+\})")
# What a Markdown page keeps as it is: anchors, link targets, code, HTML, addresses.
KEPT = re.compile(r"(\{#[^}]*\}|\]\([^)]*\)|`[^`]*`|<[^>]*>|https?://\S+)")
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]")


def accented(text: str) -> str:
    """Return `text` with every ASCII letter accented, placeholders kept."""
    parts = PLACEHOLDER.split(text)
    return "".join(
        part if PLACEHOLDER.fullmatch(part) else part.translate(ACCENTS) for part in parts
    )


def marked(text: str) -> str:
    """Return a data text machine-marked: accented and bracketed."""
    return f"[{accented(text)}]"


# A file, a path, an address or a field's place (`data/plan.yml`, `phases[0].title.el`): names
# of things, not words of a language.
NAME = re.compile(r"\S*[/._\[\]@]\S*")


def leaks(text: str, allowed: frozenset[str]) -> list[str]:
    """Return the Latin words (not in `allowed`, not part of a name) and the Chinese characters
    of `text`."""
    words = WORD.findall(NAME.sub(" ", text))
    return [word for word in words if word not in allowed] + CJK.findall(text)


def with_pseudo_texts(yaml_text: str) -> str:
    """Return a data file's YAML where every `en:` text (plain or block) is followed by its
    marked twin under `el:`."""
    lines = yaml_text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        match = re.match(r"^(\s*)en: ?(.*)$", line)
        if not match:
            continue
        indent, value = len(match[1]), match[2]
        block = [f"v: {value}"]
        if value[:1] in ">|":
            while index < len(lines) and (
                not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent
            ):
                block.append(lines[index])
                out.append(lines[index])
                index += 1
        english = yaml.safe_load("\n".join(block))["v"]
        twin = json.dumps(marked(str(english)), ensure_ascii=False)
        out.append(f"{match[1]}{CODE}: {twin}")
    return "\n".join(out)


def pseudo_page(markdown: str) -> str:
    """Return a hand-written English page accented, its structure kept (front matter, anchors,
    links, code, HTML)."""
    head, body = "", markdown
    if markdown.startswith("---\n"):
        end = markdown.index("\n---\n", 4) + 5
        head, body = markdown[:end], markdown[end:]
    parts = KEPT.split(body)
    return head + "".join(part if KEPT.fullmatch(part) else accented(part) for part in parts)


def pseudo_language_entry(english: dict[str, Any]) -> dict[str, Any]:
    """Return the i18n plugin's entry of the pseudo-language, made from the English one: every
    string the project sets for the theme marked (site name, copyright, toggles, navigation)."""

    def mark(value: Any) -> Any:
        if isinstance(value, str):
            return marked(value)
        if isinstance(value, list):
            return [mark(item) for item in value]
        if isinstance(value, dict):
            return {
                k: v if k in ("media", "scheme", "primary", "accent", "icon") else mark(v)
                for k, v in value.items()
            }
        return value

    entry = {key: mark(value) for key, value in english.items() if key not in ("locale", "build")}
    return {"locale": CODE, **entry, "name": "Pseudo", "build": True}


class VisibleText(HTMLParser):
    """Collects what a reader of a page sees in its language: text and the attributes that
    speak (title, aria-label, alt, placeholder), leaving out code, scripts, styles, Mermaid
    sources, text marked as another language (`lang`) and the language switcher's names."""

    SKIPPED = frozenset({"script", "style", "code", "pre", "noscript"})
    # Material's own notice in the footer, which it does not translate: not the project's.
    THEME = frozenset({"Made with", "Material for MkDocs"})
    SPOKEN = ("title", "aria-label", "alt", "placeholder")
    VOID = frozenset({"br", "hr", "img", "input", "link", "meta", "source", "path", "rect"})

    def __init__(self, code: str) -> None:
        super().__init__(convert_charrefs=True)
        self.code = code
        self.stack: list[bool] = []  # for each open element: is its text left out?
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        lang = found.get("lang")
        classes = (found.get("class") or "").split()
        skipped = (
            (bool(self.stack) and self.stack[-1])
            or tag in self.SKIPPED
            or (lang is not None and lang != self.code)
            or "md-select" in classes
        )
        if not skipped:
            self.texts += [str(found[name]) for name in self.SPOKEN if found.get(name)]
        if tag not in self.VOID:
            self.stack.append(skipped)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not (self.stack and self.stack[-1]):
            found = dict(attrs)
            self.texts += [str(found[name]) for name in self.SPOKEN if found.get(name)]

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]) and data.strip() not in {"", *self.THEME}:
            self.texts.append(data)


def visible_texts(page: Path, code: str) -> list[str]:
    """Return the texts a reader sees on a built page in language `code`."""
    reader = VisibleText(code)
    reader.feed(page.read_text(encoding="utf-8"))
    return reader.texts


def plain_strings(value: Any) -> Iterator[str]:
    """Yield every string of a dumped model that is not part of a text in several languages
    (names, versions, ids): what no translation changes."""
    if isinstance(value, dict):
        if {"zh", "en"} <= set(value):
            return
        for item in value.values():
            yield from plain_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from plain_strings(item)
    elif isinstance(value, str):
        yield value

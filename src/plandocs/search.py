"""Search in the reader's language: one index a language, each configured for its language.

static-i18n writes one search index for every language together, so a search on an English
page lists Chinese pages (and every reader downloads both languages). After the build, the
index is split by the language prefix of each entry's location; each language's pages point
Material at their own index by a base address that ends at their language's root.
"""

from __future__ import annotations

import json
import re
from typing import Any

# Every language's index keeps the site's separator (mkdocs.yml, plugin `search`): it splits
# at the spaces and hyphens of every language and at the marks of those that need more
# (Chinese: U+200B from jieba's segmentation, its punctuation). No stemmer: Material searches
# prefixes, and stemmed whole words were not found.
DEFAULT_SEPARATOR = r"[\s\-]+"


def split_index(index: dict[str, Any], codes: tuple[str, ...]) -> dict[str, dict[str, Any]]:
    """Return language code -> the index of that language's pages alone.

    The source language's pages live at the site root; every other language's under
    `<code>/`, and its entries' locations are made relative to that folder.
    """
    source, others = codes[0], codes[1:]
    parts: dict[str, list[dict[str, Any]]] = {code: [] for code in codes}
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        code = next((c for c in others if location.startswith(f"{c}/")), source)
        entry = dict(doc)
        if code != source:
            entry["location"] = location.removeprefix(f"{code}/")
        parts[code].append(entry)
    config = index.get("config", {})
    return {
        code: {
            "config": {
                **config,
                "lang": [code],
                "separator": config.get("separator", DEFAULT_SEPARATOR),
                "pipeline": ["trimmer"],
            },
            "docs": docs,
        }
        for code, docs in parts.items()
    }


_BASE = re.compile(r'("base":\s*")([^"]*)(")')


def point_at_language_root(page: str, url: str, code: str, source_code: str) -> str:
    """Return a page whose Material config's `base` ends at its language's root, so that its
    search loads (and links from) that language's index."""
    if code == source_code or not url.startswith(f"{code}/"):
        return page
    depth = url.removeprefix(f"{code}/").count("/")
    base = "/".join([".."] * depth) or "."
    return _BASE.sub(lambda m: f"{m[1]}{base}{m[3]}", page, count=1)


def dumps(index: dict[str, Any]) -> str:
    """Return an index as compact JSON, as Material writes it."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def with_base(page: str, base: str) -> str:
    """Return a page whose Material config's `base` is `base` (the page-not-found page of a
    language: served at any depth, it finds its language's index from the host's root)."""
    return _BASE.sub(lambda m: f"{m[1]}{base}{m[3]}", page, count=1)


def not_found_pages(pages: dict[str, str], codes: tuple[str, ...], root: str) -> dict[str, str]:
    """Return where each language's page-not-found page goes (`404.html` for the source
    language, `<code>/404.html` for the others), its search pointed at its own index; `pages`
    holds each language's page as its build rendered it, `root` the site's path (`/site/`)."""
    out = {}
    for code in codes:
        if code in pages:
            where = "" if code == codes[0] else f"{code}/"
            out[f"{where}404.html"] = with_base(pages[code], root + where)
    return out

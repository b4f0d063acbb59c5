"""The texts of mkdocs.yml that the theme prints as HTML are plain text.

Material writes the site's name and description, the copyright, the navigation's section
titles, the language selector's names and the colour-scheme toggle's names into pages without
escaping them (MkDocs renders templates without autoescaping), some of them inside attributes.
So each of them, in every language's settings, may not hold `<`, `>`, `&` or `"`: text stays
text in every slot.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

_MARKUP = re.compile(r"[<>&\"]")
_PLAIN_KEYS = ("site_name", "site_description", "copyright")


def markup_in_config(config: Mapping[str, Any]) -> list[str]:
    """Return a message for every text of the settings (and of each language's settings of
    the `i18n` plugin) that holds markup characters."""
    return [
        f'mkdocs.yml: {where}: `<`, `>`, `&` and `"` are not allowed: the theme prints this '
        "text as HTML, so it must be plain text"
        for where, text in _texts(config)
        if _MARKUP.search(text)
    ]


def _texts(config: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Yield (where, text) for every text of the settings the theme prints."""
    yield from _settings_texts(config, "")
    i18n = (config.get("plugins") or {}).get("i18n")
    languages = getattr(getattr(i18n, "config", None), "get", lambda _: None)("languages") or []
    for index, language in enumerate(languages):
        settings = dict(language) if isinstance(language, Mapping) else {}
        where = f"plugins.i18n.languages[{index}]."
        for key in ("name", "locale"):  # the language selector's entry and its hreflang
            if isinstance(settings.get(key), str):
                yield f"{where}{key}", settings[key]
        yield from _settings_texts(settings, where)


def _settings_texts(settings: Mapping[str, Any], prefix: str) -> Iterator[tuple[str, str]]:
    for key in _PLAIN_KEYS:
        if isinstance(settings.get(key), str):
            yield f"{prefix}{key}", settings[key]
    yield from _nav_titles(settings.get("nav") or [], f"{prefix}nav")
    translations = settings.get("nav_translations") or {}
    if isinstance(translations, Mapping):
        for original, translated in translations.items():
            yield f"{prefix}nav_translations.{original}", str(translated)
    theme = settings.get("theme") or {}
    palette = theme.get("palette") if isinstance(theme, Mapping) else None
    for index, scheme in enumerate(palette if isinstance(palette, list) else []):
        toggle = scheme.get("toggle") if isinstance(scheme, Mapping) else None
        if isinstance(toggle, Mapping) and isinstance(toggle.get("name"), str):
            yield f"{prefix}theme.palette[{index}].toggle.name", toggle["name"]


def _nav_titles(items: object, where: str) -> Iterator[tuple[str, str]]:
    """Yield the titles the navigation gives its sections and pages."""
    if not isinstance(items, list):
        return
    for index, item in enumerate(items):
        if isinstance(item, Mapping):
            for title, child in item.items():
                yield f"{where}[{index}]", str(title)
                yield from _nav_titles(child, f"{where}[{index}]")

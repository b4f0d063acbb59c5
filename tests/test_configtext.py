"""Texts of mkdocs.yml that the theme prints as HTML are plain text, in every language."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from plandocs.configtext import markup_in_config

MESSAGE = (
    'mkdocs.yml: {}: `<`, `>`, `&` and `"` are not allowed: the theme prints this text as HTML, '
    "so it must be plain text"
)


def _config(**settings: Any) -> dict[str, Any]:
    language = {"locale": "en", "name": "English", "site_name": "Plan", "nav_translations": {}}
    language.update(settings.pop("language", {}))
    i18n = SimpleNamespace(config={"languages": [{"locale": "zh", "name": "中文"}, language]})
    return {"site_name": "计划", "plugins": {"i18n": i18n}, **settings}


def test_plain_settings_pass() -> None:
    config = _config(
        site_description="A plan's site: benchmarks, gaps and a plan.",
        copyright="Code under MIT, content under CC BY 4.0",
        nav=[{"首页": "index.md"}, {"计划": ["plan.md", {"Team's page": "team.md"}]}],
        theme={"palette": [{"toggle": {"name": "Switch to dark mode"}}]},
    )
    assert markup_in_config(config) == []


def test_markup_is_refused_wherever_the_theme_prints_a_text() -> None:
    config = _config(
        site_name="<b>计划</b>",
        site_description="A & B",
        copyright='<a href="javascript:x">c</a>',
        nav=[{"首页": "index.md"}, {"计划": ["plan.md", {'Team" onclick="x': "team.md"}]}],
        theme={"palette": [{}, {"toggle": {"name": "dark<"}}]},
        language={
            "name": "English<script>",
            "locale": 'en" x="',
            "site_description": "a > b",
            "nav_translations": {"首页": "Home&amp;"},
        },
    )
    assert markup_in_config(config) == [
        MESSAGE.format(where)
        for where in [
            "site_name",
            "site_description",
            "copyright",
            "nav[1][1]",
            "theme.palette[1].toggle.name",
            "plugins.i18n.languages[1].name",
            "plugins.i18n.languages[1].locale",
            "plugins.i18n.languages[1].site_description",
            "plugins.i18n.languages[1].nav_translations.首页",
        ]
    ]

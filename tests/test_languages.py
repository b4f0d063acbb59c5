"""Languages come from one list: data/languages.yml, mirrored by the i18n plugin in mkdocs.yml.

Adding a language touches the language list, mkdocs.yml and content only; the generator and the
build then produce every page in it (tests/test_pseudo.py builds a third language).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from plandocs.schema import configured_languages
from tests.conftest import ROOT


class _TagTolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV` and `!!python` tags do not matter here."""


_TagTolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TagTolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def i18n_languages(mkdocs_yml: Path) -> list[dict[str, Any]]:
    """Return the languages of the i18n plugin in a mkdocs.yml."""
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_TagTolerantLoader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if "i18n" in plugin)
    languages: list[dict[str, Any]] = i18n["languages"]
    return languages


def test_mkdocs_builds_the_languages_of_the_data() -> None:
    languages = i18n_languages(ROOT / "mkdocs.yml")
    assert [language["locale"] for language in languages] == list(
        configured_languages(ROOT / "data")
    )
    assert languages[0].get("default") is True

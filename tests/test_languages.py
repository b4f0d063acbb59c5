"""Languages come from one list: data/languages.yml, mirrored by the i18n plugin in mkdocs.yml.

Adding a language touches the language list, mkdocs.yml and content only; the generator and the
build then produce every page in it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from plandocs.loader import load_dataset
from plandocs.registry import PAGES
from plandocs.schema import configured_languages, write_schemas
from plandocs.site import build_pages
from tests.conftest import ROOT, copy_project, run_mkdocs_build


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


FRENCH = """\
  - code: fr
    name: Français
    locale: fr_FR
    formats:
      date: medium
      weekday: wide
      money: "#,##0 ¤"
    punctuation:
      colon: "\u202f: "
      comma: ", "
      list_separator: " ; "
      open_paren: " ("
      close_paren: ")"
      open_quote: "«\u202f"
      close_quote: "\u202f»"
      range_dash: " – "
"""
MKDOCS_FRENCH = """\
        - locale: fr
          name: Français
          build: true
          site_name: Plan d'analyse comparative des microservices conteneurisés
"""
# What a contributor adding a language writes by hand outside the content (texts and pages).
NOT_CONTENT = {"data/languages.yml", "mkdocs.yml"}


def with_french(text: str) -> str:
    """Return YAML text where every `en:` value (plain or block scalar) is followed by `fr:`."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        out.append(line)
        index += 1
        match = re.match(r"^(\s*)en: (.*)$", line)
        if not match:
            continue
        indent = len(match[1])
        block = [line.replace("en: ", "fr: ", 1)]
        while index < len(lines) and (
            not lines[index].strip() or len(lines[index]) - len(lines[index].lstrip()) > indent
        ):
            if match[2][:1] not in ">|":
                break
            block.append(lines[index])
            out.append(lines[index])
            index += 1
        out += block
    return "\n".join(out)


def add_french(project: Path) -> set[str]:
    """Add French to a copy of the project; return the files written by hand, relative."""
    touched: set[str] = set()

    def write(relative: str, text: str) -> None:
        (project / relative).write_text(text, encoding="utf-8")
        touched.add(relative)

    languages = (project / "data/languages.yml").read_text(encoding="utf-8")
    write("data/languages.yml", languages + FRENCH)
    # Content: every text gets its French (here a copy of the English), labels included.
    for path in sorted((project / "data").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        french = with_french(text)
        if french != text:
            write(path.relative_to(project).as_posix(), french)
    for page in sorted((project / "docs").glob("*.en.md")):
        target = page.with_name(page.name.replace(".en.md", ".fr.md"))
        write(target.relative_to(project).as_posix(), page.read_text(encoding="utf-8"))
    mkdocs = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n# Hooks" in mkdocs  # the i18n plugin's language list ends the plugins
    write("mkdocs.yml", mkdocs.replace("\n# Hooks", "\n" + MKDOCS_FRENCH + "\n# Hooks", 1))
    write_schemas(project / "data" / "schema", configured_languages(project / "data"))
    return touched


@pytest.mark.build
def test_a_third_language_needs_only_its_list_entry_mkdocs_and_content(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    touched = add_french(project)
    outside_content = {
        path
        for path in touched
        if path in NOT_CONTENT or not re.match(r"^(data/.*\.yml|docs/.*\.md)$", path)
    }
    assert outside_content == NOT_CONTENT  # at most 6 files allowed; 2 needed

    data = load_dataset(project / "data")
    assert data.languages.codes == ("zh", "en", "fr")
    pages = build_pages(data)
    assert {f"report/{family.name}.fr.md" for family in PAGES} <= set(pages)
    plan = pages["report/plan.fr.md"]
    assert "6 janv. 2025" in plan  # dates in CLDR's French, from Babel
    assert "12\u00a0semaines" in plan  # durations and their plurals too

    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "site" / "fr" / "report" / "plan" / "index.html").is_file()
    not_found = (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in not_found

"""A third language, pseudo-localised (tests/pseudo.py), built for real: every text its pages
show comes from its own data, so not one Latin word or Chinese character of the other languages
is left on them (navigation, titles, theme strings the project sets, diagrams, 404, exports).

Adding the language touches the language list, mkdocs.yml and content only.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from babel.units import format_unit

from plandocs.loader import load_dataset
from plandocs.registry import FAMILIES
from tests.conftest import copy_project, run_mkdocs_build
from tests.pseudo import (
    CODE,
    leaks,
    marked,
    plain_strings,
    pseudo_language_entry,
    pseudo_page,
    visible_texts,
    with_pseudo_texts,
)
from tests.sitepages import ROUTES

pytestmark = pytest.mark.build

NOT_CONTENT = {"data/languages.yml", "mkdocs.yml"}
"""What a contributor adding a language writes by hand outside the content."""
LANGUAGE = f"""\
  - code: {CODE}
    name: Pseudo
    locale: el_GR
    formats:
      date: medium
      weekday: wide
      money: "¤#,##0"
    punctuation:
      colon: ": "
      comma: ", "
      list_separator: "; "
      open_paren: " ("
      close_paren: ")"
      open_quote: '"'
      close_quote: '"'
      range_dash: "–"
"""


class _TagTolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!ENV` and `!!python` tags do not matter here."""


_TagTolerantLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_TagTolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def _with_language(mkdocs: str) -> str:
    """Return mkdocs.yml's text with the pseudo-language after the i18n plugin's last one."""
    config = yaml.load(mkdocs, Loader=_TagTolerantLoader)
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if "i18n" in plugin)
    english = next(language for language in i18n["languages"] if language["locale"] == "en")
    entry = yaml.safe_dump([pseudo_language_entry(english)], allow_unicode=True, sort_keys=False)
    start = mkdocs.index("\n  - i18n:\n")
    end = re.compile(r"\n  [-#]").search(mkdocs, start + 1)
    assert end is not None, "the i18n plugin must be followed by another plugin"
    block = "".join(f"        {line}\n" for line in entry.splitlines())
    return mkdocs[: end.start() + 1] + block + mkdocs[end.start() + 1 :]


def add_pseudo_language(project: Path) -> set[str]:
    """Add the pseudo-language to a copy of the project; return the files written, relative."""
    touched: set[str] = set()

    def write(relative: str, text: str) -> None:
        (project / relative).write_text(text, encoding="utf-8")
        touched.add(relative)

    languages = (project / "data/languages.yml").read_text(encoding="utf-8")
    write("data/languages.yml", languages.rstrip("\n") + "\n" + LANGUAGE)
    for path in sorted((project / "data").rglob("*.yml")):
        text = path.read_text(encoding="utf-8")
        pseudo = with_pseudo_texts(text)
        if pseudo != text:
            write(path.relative_to(project).as_posix(), pseudo)
    for page in sorted((project / "docs").glob("*.en.md")):
        target = page.with_name(page.name.replace(".en.md", f".{CODE}.md"))
        write(target.relative_to(project).as_posix(), pseudo_page(page.read_text("utf-8")))
    write("mkdocs.yml", _with_language((project / "mkdocs.yml").read_text(encoding="utf-8")))
    return touched


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, set[str]]:
    """The project with the pseudo-language, built with `mkdocs build --strict`."""
    root = tmp_path_factory.mktemp("pseudo")
    project = copy_project(root / "project")
    touched = add_pseudo_language(project)
    result = run_mkdocs_build(project, root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return project, root / "site", touched


def _allowed(project: Path) -> frozenset[str]:
    """Return the Latin words no translation changes: names, versions and ids in the data, and
    the unit symbols CLDR writes in Latin letters for the language (`kB`)."""
    data = load_dataset(project / "data")
    locale = next(lang.locale for lang in data.languages.languages if lang.code == CODE)
    symbol = format_unit(1, "digital-kilobyte", length="short", locale=locale)
    words = {*re.findall(r"[A-Za-z]+", symbol), "SHA"}  # SHA-256: an algorithm's name
    for family in FAMILIES:
        dumped: Any = getattr(data, family.name).model_dump(mode="json")
        for text in plain_strings(dumped):
            words.update(re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]", text))
    return frozenset(words)


def test_adding_a_language_touches_its_list_entry_mkdocs_and_content_only(
    pseudo_site: tuple[Path, Path, set[str]],
) -> None:
    _, _, touched = pseudo_site
    outside = {p for p in touched if not re.match(r"^(data/.*\.yml|docs/.*\.md)$", p)}
    assert outside | (touched & NOT_CONTENT) == NOT_CONTENT


def test_every_page_is_built_in_the_pseudo_language(
    pseudo_site: tuple[Path, Path, set[str]],
) -> None:
    _, site, _ = pseudo_site
    for route in ROUTES:
        assert (site / CODE / route / "index.html").is_file(), route
    source_pages = {p.relative_to(site) for p in site.rglob("index.html")}
    source_pages = {p for p in source_pages if p.parts[0] not in ("en", CODE)}
    pseudo_pages = {p.relative_to(site / CODE) for p in (site / CODE).rglob("index.html")}
    assert len(source_pages) == len(ROUTES)
    assert pseudo_pages == source_pages


def test_no_text_of_another_language_on_the_pseudo_pages(
    pseudo_site: tuple[Path, Path, set[str]],
) -> None:
    project, site, _ = pseudo_site
    allowed = _allowed(project)
    found: dict[str, list[str]] = {}
    for page in sorted((site / CODE).rglob("*.html")):
        left = [word for text in visible_texts(page, CODE) for word in leaks(text, allowed)]
        if left:
            found[page.relative_to(site).as_posix()] = sorted(set(left))[:8]
    assert found == {}


def test_the_pseudo_pages_show_their_marked_words(
    pseudo_site: tuple[Path, Path, set[str]],
) -> None:
    project, site, _ = pseudo_site
    data = load_dataset(project / "data")
    home = " ".join(visible_texts(site / CODE / "index.html", CODE))
    assert "[" in home and "Ƥ" not in home  # marked texts, not the language's name
    risks = " ".join(visible_texts(site / CODE / "report" / "risks" / "index.html", CODE))
    assert marked(data.risks.risks[0].title("en")) in risks
    not_found = " ".join(visible_texts(site / CODE / "404.html", CODE))  # its own 404 page
    assert marked(data.labels.site.not_found("en")) in not_found


def test_the_pseudo_exports_are_marked(pseudo_site: tuple[Path, Path, set[str]]) -> None:
    project, site, _ = pseudo_site
    allowed = _allowed(project)
    checked = 0
    for table in sorted((site / "csv").glob("*.csv")):
        rows = list(csv.DictReader(io.StringIO(table.read_text(encoding="utf-8"))))
        for row in rows:
            for column, value in row.items():
                if column.endswith(f"_{CODE}") and value:
                    assert leaks(value, allowed) == [], f"{table.name} {column}: {value}"
                    checked += 1
    assert checked > 100
    calendar = (site / "calendar" / f"plan.{CODE}.ics").read_text(encoding="utf-8")
    unfolded = calendar.replace("\r\n ", "")
    values = re.findall(rf"^(?:SUMMARY|DESCRIPTION);LANGUAGE={CODE}:(.*)$", unfolded, re.M)
    assert len(values) > 10
    for value in values:
        assert leaks(value.replace("\\n", " "), allowed) == [], value

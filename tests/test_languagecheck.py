"""Every language of data/ is built (plandocs.languagecheck): `check` names a language that
mkdocs.yml does not build, and one that mkdocs.yml builds without data, with file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plandocs.cli import main
from tests.conftest import FIXTURE, ROOT

EN = "        - locale: en\n          name: English\n          build: true\n"


class Project:
    """mkdocs.yml and the fixture data in a temporary folder (the current directory)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
        shutil.copytree(FIXTURE, folder / "data")

    def edit(self, old: str, new: str, file: str = "mkdocs.yml") -> None:
        path = self.folder / file
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def line_of(self, needle: str, file: str = "mkdocs.yml") -> int:
        text = (self.folder / file).read_text(encoding="utf-8")
        return text[: text.index(needle)].count("\n") + 1

    def check(self, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
        status = main(["--data", "data", "check"])
        err = capsys.readouterr().err
        return status, [line for line in err.splitlines() if "warning:" not in line]


def told(where: str, item: int, message: str) -> list[str]:
    """Return the two lines `check` prints for a problem (its English not yet in Chinese)."""
    return [f"{where}: 条目 {item}：（此消息暂无中文）{message}", f"    item {item}: {message}"]


COUNT = "1 problem in data/ / data/ 中有 1 个问题"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.chdir(tmp_path)
    return Project(tmp_path)


def test_the_fixture_languages_are_all_built(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert project.check(capsys) == (0, [])


def test_a_language_missing_from_mkdocs_yml_is_named(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.edit(EN, "")
    line = project.line_of("  - code: en", "data/languages.yml")
    assert project.check(capsys) == (
        1,
        [
            *told(
                f"data/languages.yml:{line}:11: languages[1].code",
                2,
                "language `en` is not built: add it to the `languages` of the i18n plugin in "
                'mkdocs.yml (CONTRIBUTING, "Adding a language")',
            ),
            COUNT,
        ],
    )


def test_a_language_only_in_mkdocs_yml_is_named(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.edit(EN, EN + "        - locale: fr\n          name: Français\n          build: true\n")
    line = project.line_of("- locale: fr")
    assert project.check(capsys) == (
        1,
        [
            *told(
                f"mkdocs.yml:{line}:19: plugins.i18n.languages[2].locale",
                3,
                "language `fr` is not in data/languages.yml: its pages would have no generated "
                "content; add it there, or remove it here",
            ),
            COUNT,
        ],
    )


def test_a_language_left_unbuilt_is_named(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.edit(EN, EN.replace("build: true", "build: false"))
    line = project.line_of("- locale: en")
    status, lines = project.check(capsys)
    assert (status, lines) == (
        1,
        [
            *told(
                f"mkdocs.yml:{line}:19: plugins.i18n.languages[1].locale",
                2,
                "language `en` of data/languages.yml is not built (`build: false`)",
            ),
            COUNT,
        ],
    )


def test_the_default_language_is_the_source_language(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    project.edit("          default: true\n", "")
    project.edit(EN, EN + "          default: true\n")
    status, lines = project.check(capsys)
    zh, en = project.line_of("- locale: zh"), project.line_of("- locale: en")
    message = (
        "the default language must be the source language `zh` (the first of "
        "data/languages.yml), and only it"
    )
    assert (status, lines) == (
        1,
        [
            *told(f"mkdocs.yml:{zh}:19: plugins.i18n.languages[0].locale", 1, message),
            *told(f"mkdocs.yml:{en}:19: plugins.i18n.languages[1].locale", 2, message),
            "2 problems in data/ / data/ 中有 2 个问题",
        ],
    )

"""Strict builds fail, with a clear message, on a broken link, a broken anchor or bad data.

A broken page of one language is checked in a build of that language alone (half the time)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURE, copy_project, run_mkdocs_build

pytestmark = pytest.mark.build


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_broken_link_in_chinese_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _append(project / "docs" / "about.zh.md", "\n[坏链接](missing-page.md)\n")
    result = run_mkdocs_build(project, tmp_path / "site", BUILD_ONLY_LOCALE="zh")
    assert result.returncode == 1
    assert "'about.zh.md' contains a link 'missing-page.md'" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_anchor_in_english_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    _append(project / "docs" / "about.en.md", "\n[Bad anchor](report/risks.md#risk-r99)\n")
    result = run_mkdocs_build(project, tmp_path / "site", BUILD_ONLY_LOCALE="en")
    assert result.returncode == 1
    assert "#risk-r99" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_data_stops_the_build_with_the_check_message(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", data=FIXTURE)
    risks = project / "data" / "risks.yml"
    text = risks.read_text(encoding="utf-8")
    line = text[: text.index("probability: low")].count("\n") + 1
    risks.write_text(text.replace("probability: low", "probability: rare", 1), encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert (
        f"data/risks.yml:{line}:18: risks[1].probability: 风险 2 (r2)："
        "只能是 'high', 'medium' or 'low' 之一（现在是 'rare'）\n"
        "    risk 2 (r2): must be one of 'high', 'medium' or 'low' (got 'rare')"
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_language_of_the_data_that_mkdocs_yml_does_not_build_stops_the_build(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project", data=FIXTURE)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "        - locale: en\n          name: English\n          build: true\n"
    assert marker in text
    line = text[: text.index(marker)].count("\n") + 1  # the entry's `locale`
    config.write_text(text.replace(marker, marker.replace("true", "false")), encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}:" in result.stderr
    assert "language `en` of data/languages.yml is not built (`build: false`)" in result.stderr
    assert "Traceback" not in result.stderr

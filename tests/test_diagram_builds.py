"""Real builds and their diagrams: the cache across builds, and the paths without a browser."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plandocs.loader import load_dataset
from tests.conftest import copy_project, run_mkdocs_build
from tests.sitepages import site_pages

pytestmark = pytest.mark.build

SUMMARY = re.compile(r"plandocs: diagrams: (\d+) rendered, (\d+) from cache")
MISSING = "/nonexistent/chromium"


def _summaries(stderr: str) -> list[tuple[int, int]]:
    return [(int(rendered), int(cached)) for rendered, cached in SUMMARY.findall(stderr)]


def _diagrams(project: Path) -> int:
    """How many diagrams the generated pages of a built project hold (both languages)."""
    pages = (project / "docs" / "report").glob("*.md")
    return sum(page.read_text(encoding="utf-8").count("```mermaid") for page in pages)


def test_a_second_build_draws_nothing_and_an_edit_only_what_it_changed(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", diagram_cache=False)
    first = run_mkdocs_build(project, tmp_path / "site", PLANDOCS_DIAGRAMS="svg")
    assert first.returncode == 0, first.stderr
    # One line for the whole build: the second language finds every diagram drawn.
    [(drawn, cached)] = _summaries(first.stderr)
    assert drawn == _diagrams(project) >= 20 and cached == 0  # ten a language at least

    second = run_mkdocs_build(project, tmp_path / "site", PLANDOCS_DIAGRAMS="svg")
    assert second.returncode == 0, second.stderr
    assert _summaries(second.stderr) == [(0, drawn)]

    # The English title of the first budget category: a label of the English pie chart only.
    title = load_dataset(project / "data").budget.categories[0].title("en")
    budget = project / "data" / "budget.yml"
    text = budget.read_text(encoding="utf-8")
    assert text.count(f"en: {title}\n") == 1
    budget.write_text(text.replace(f"en: {title}\n", "en: Staff costs\n"), encoding="utf-8")
    third = run_mkdocs_build(project, tmp_path / "site", PLANDOCS_DIAGRAMS="svg")
    assert third.returncode == 0, third.stderr
    assert _summaries(third.stderr) == [(1, drawn - 1)]  # the English budget pie only
    assert "Staff costs" in (
        tmp_path / "site" / "en" / "report" / "budget" / "index.html"
    ).read_text(encoding="utf-8")


def test_svg_mode_without_a_browser_stops_the_build_with_what_to_do(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", diagram_cache=False)
    result = run_mkdocs_build(
        project, tmp_path / "site", PLANDOCS_DIAGRAMS="svg", PLANDOCS_CHROMIUM=MISSING
    )
    assert result.returncode == 1
    assert (
        "plandocs: diagrams: PLANDOCS_DIAGRAMS=svg draws every diagram at build time, but "
        f"{_diagrams(project)} "
        f"diagram(s) are not in .cache/diagrams/ and there is no browser at {MISSING}. Install "
        "Chromium (`make browser-deps`), point PLANDOCS_CHROMIUM at one, or build with "
        "PLANDOCS_DIAGRAMS=client."
    ) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_auto_mode_without_a_browser_falls_back_to_mermaid_in_the_browser(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", diagram_cache=False)
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site, PLANDOCS_DIAGRAMS="auto", PLANDOCS_CHROMIUM=MISSING)
    assert result.returncode == 0, result.stderr
    notices = [line for line in result.stderr.splitlines() if "plandocs: diagrams" in line]
    assert len(notices) == 1 and "not pre-rendered (there is no browser at" in notices[0]
    # As before build-time SVG: the pinned Mermaid, served by the site, only where it draws.
    with_diagrams = set()
    for relative, facts in site_pages(site).items():
        mermaid = [src for src in facts.scripts if "mermaid" in src]
        assert bool(mermaid) == facts.has_mermaid_block, relative
        assert facts.inline_diagrams == 0, relative
        for src in mermaid:
            assert ((site / relative).parent / src).resolve().is_file(), f"{relative}: {src}"
            with_diagrams.add(relative)
    assert "index.html" not in with_diagrams and "about/index.html" not in with_diagrams
    assert {"report/plan/index.html", "en/report/budget/index.html"} <= with_diagrams
    assert (site / "assets" / "diagrams" / "layout.js").is_file()
    assert (site / "assets" / "diagrams" / "theme.css").is_file()

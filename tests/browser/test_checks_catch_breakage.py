"""Each reader-facing check fails on a deliberately broken copy of the built site.

The copy breaks a link, a diagram, a translation, two accessible names and the diagram theme;
the same functions that pass on the real site must report each of them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext

from tests.browser.checks import reader_problems, visit
from tests.browser.conftest import serve
from tests.browser.contrast import OPEN_SHADOW_ROOTS
from tests.sitepages import broken_links, chinese_on_english_pages, site_pages


def _edit(site: Path, relative: str, old: str, new: str) -> None:
    path = site / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def broken_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(built_site, site)
    _edit(site, "en/report/team/index.html", 'href="../plan/#task-', 'href="../plan/#task-gone-')
    _edit(site, "report/risks/index.html", "quadrantChart", "quadrantChart\n    ]] not mermaid [[")
    _edit(site, "en/report/risks/index.html", ">Risks and mitigation<", ">风险识别与缓解<")
    _edit(site, "report/budget/index.html", "<figcaption>预算构成</figcaption>", "")
    _edit(site, "report/budget/index.html", 'role="dialog" aria-label="查找"', 'role="dialog"')
    _edit(site, "en/report/plan/index.html", "javascripts/mermaid-theme.js", "javascripts/none.js")
    return site


@pytest.fixture
def context(light_context: BrowserContext) -> BrowserContext:
    light_context.add_init_script(OPEN_SHADOW_ROOTS)
    return light_context


@pytest.fixture(scope="module")
def broken_url(broken_site: Path) -> Iterator[str]:
    with serve(broken_site) as url:
        yield url


def test_link_crawl_reports_the_broken_anchor(broken_site: Path) -> None:
    broken = broken_links(broken_site, site_pages(broken_site))
    assert len(broken) == 1
    assert broken[0].startswith("en/report/team/index.html -> ../plan/#task-gone-")


def test_translation_check_reports_chinese_on_an_english_page(broken_site: Path) -> None:
    characters = "".join(sorted(set("风险识别与缓解")))
    assert chinese_on_english_pages(site_pages(broken_site)) == [
        f"en/report/risks/index.html: {characters}"
    ]


def test_diagram_check_reports_the_broken_diagram(
    context: BrowserContext, broken_site: Path, broken_url: str
) -> None:
    sources = site_pages(broken_site)["report/risks/index.html"].mermaid_sources
    seen = visit(context, broken_url + "report/risks/")
    problems = reader_problems(seen, sources, urlparse(broken_url).netloc)
    assert any(p.startswith("diagram does not parse: ") for p in problems), problems


def test_accessibility_checks_report_missing_names(
    context: BrowserContext, broken_site: Path, broken_url: str
) -> None:
    sources = site_pages(broken_site)["report/budget/index.html"].mermaid_sources
    seen = visit(context, broken_url + "report/budget/")
    problems = reader_problems(seen, sources, urlparse(broken_url).netloc)
    assert "1 diagram(s) without a caption or a text equivalent" in problems
    assert any(p.startswith("axe aria-dialog-name (serious)") for p in problems), problems


def test_contrast_check_reports_unthemed_diagram_labels(
    context: BrowserContext, broken_site: Path, broken_url: str
) -> None:
    sources = site_pages(broken_site)["en/report/plan/index.html"].mermaid_sources
    seen = visit(context, broken_url + "en/report/plan/")
    problems = reader_problems(seen, sources, urlparse(broken_url).netloc)
    assert any(" contrast " in p and p.startswith("[") for p in problems), problems

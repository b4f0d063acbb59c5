"""Every diagram and every table of the built site fits the screen, on a phone, a tablet and a
desktop, in both colour schemes: one browser, one build, a context a width."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.checks import SCHEME, toggle_scheme
from tests.browser.fit import cells_beyond, unfit_diagrams
from tests.sitepages import ROUTES, site_pages

WIDTHS = [360, 768, 1280]


def _routes() -> list[str]:
    return [prefix + route for prefix in ("", "en/") for route in ROUTES]


@pytest.mark.parametrize("width", WIDTHS)
def test_diagrams_and_tables_fit_the_screen(
    browser: Browser, site_url: str, built_site: Path, width: int
) -> None:
    """Each page is loaded once a width and checked in the scheme it opens in, then again
    after the palette toggle has switched scheme (a page's layout is the same in both; this
    proves it)."""
    facts = site_pages(built_site)
    context = browser.new_context(color_scheme="light", viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = []
    try:
        for route in _routes():
            if not facts[route + "index.html"].figures and "report/" not in route:
                continue
            page.goto(site_url + route, wait_until="load")
            problems += _unfit(page, f"{route} [{page.evaluate(SCHEME)}]")
            problems += _unfit(page, f"{route} [{toggle_scheme(page)}]")
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def _unfit(page: Page, where: str) -> list[str]:
    return [f"{where}: {p}" for p in unfit_diagrams(page)] + [
        f"{where}: cell beyond the window: {c}" for c in cells_beyond(page)
    ]


def test_timelines_span_the_plan_not_the_build_date(built_site: Path) -> None:
    """No gantt chart draws Mermaid's "today" line (at the build's date, after the plan)."""
    pages = [path.read_text(encoding="utf-8") for path in sorted(built_site.glob("**/index.html"))]
    gantts = [page for page in pages if 'data-diagram-type="gantt"' in page]
    assert gantts, "no gantt chart drawn at build time"
    assert not [page for page in gantts if 'class="today"' in page]

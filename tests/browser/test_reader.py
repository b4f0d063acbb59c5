"""The built site as a reader meets it in Chromium: diagrams, console, privacy, switcher, search."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser.checks import reader_problems, visit
from tests.sitepages import ROUTES, site_pages


def _all_routes() -> list[str]:
    return [prefix + route for prefix in ("", "en/") for route in ROUTES]


def test_every_page_is_clean_in_both_schemes(
    context: BrowserContext, site_url: str, built_site: Path
) -> None:
    """Each page once per colour scheme: diagrams drawn, parsed, named and explained; no Mermaid
    error graphic, no console error, no request to another host, no serious axe violation."""
    facts = site_pages(built_site)
    own_host = urlparse(site_url).netloc
    failures: list[str] = []
    for route in _all_routes():
        seen = visit(context, site_url + route)
        sources = facts[route + "index.html"].mermaid_sources
        failures += [f"{route}: {p}" for p in reader_problems(seen, sources, own_host)]
        if failures:
            break  # this page stays open for the failure screenshot
        seen.page.close()
    assert failures == [], "\n".join(failures)
    assert sum(len(f.mermaid_sources) for f in facts.values()) >= 24  # 12 a language


def _switch(page: Page, lang: str) -> None:
    """Follow the language selector's link to `lang`, as a click on it does."""
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.locator(f".md-select__link[hreflang={lang}]").dispatch_event("click")


def test_switcher_leads_to_the_same_page_and_back(
    light_context: BrowserContext, site_url: str
) -> None:
    """From every zh page to its en twin and back: every page's switcher is followed once."""
    # Diagrams are not what this test looks at: a stub spares 32 parses of 3.5 MB of Mermaid.
    light_context.route("**/mermaid.min.js", lambda route: route.fulfill(body="/* stub */"))
    page = light_context.new_page()
    for route in ROUTES:
        page.goto(site_url + route, wait_until="domcontentloaded")
        _switch(page, "en")
        assert page.url == site_url + "en/" + route, f"{route} -> {page.url}"
        _switch(page, "zh")
        assert page.url == site_url + route, f"en/{route} -> {page.url}"


SEARCHES = [
    ("", "预算", {"report/budget/"}),
    ("", "风险", {"report/risks/"}),
    ("", "量子计算", {"report/plan/", "report/gaps/", "report/trends/"}),
    ("", "边缘计算", {"report/plan/", "report/gaps/", "report/trends/"}),
    ("en/", "budget", {"en/report/budget/"}),
    ("en/", "risk", {"en/report/risks/"}),
    ("en/", "quantum", {"en/report/plan/", "en/report/gaps/", "en/report/trends/"}),
    ("en/", "edge", {"en/report/plan/", "en/report/gaps/", "en/report/trends/"}),
]


def search(page: Page, query: str) -> list[str]:
    """Type `query` into Material's search; return the result links, best first."""
    page.click(".md-search__input")
    page.fill(".md-search__input", query)
    page.press(".md-search__input", "End")  # CJK input fires no key events; search listens to them
    page.wait_for_selector(".md-search-result__item", timeout=20_000)
    hrefs: list[str] = page.eval_on_selector_all(
        ".md-search-result__item > a", "links => links.map(a => a.href)"
    )
    return hrefs


@pytest.mark.parametrize(("start", "query", "expected"), SEARCHES)
def test_search_puts_the_expected_page_first_in_its_own_language(
    light_context: BrowserContext, site_url: str, start: str, query: str, expected: set[str]
) -> None:
    page = light_context.new_page()
    page.goto(site_url + start, wait_until="load")
    first = urlparse(search(page, query)[0])
    assert first.path.lstrip("/") in expected, f"{query}: {first.geturl()}"

"""The built site as a reader meets it in Chromium: diagrams, console, privacy, switcher, search."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from itertools import repeat
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page, Route, sync_playwright

from tests.browser.checks import reader_problems, visit
from tests.browser.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS
from tests.browser.contrast import OPEN_SHADOW_ROOTS
from tests.sitepages import ROUTES, PageFacts, site_pages


def _all_routes() -> list[str]:
    return [prefix + route for prefix in ("", "en/") for route in ROUTES]


def check_routes(site_url: str, routes: list[str], facts: dict[str, PageFacts]) -> list[str]:
    """Check `routes` in a browser of this thread's own; screenshot the first failing page."""
    own_host = urlparse(site_url).netloc
    failures: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
        context.add_init_script(OPEN_SHADOW_ROOTS)
        for route in routes:
            seen = visit(context, site_url + route)
            sources = facts[route + "index.html"].mermaid_sources
            failures += [f"{route}: {p}" for p in reader_problems(seen, sources, own_host)]
            if failures:
                ARTIFACTS.mkdir(exist_ok=True)
                name = route.strip("/").replace("/", "_") or "home"
                seen.page.screenshot(path=str(ARTIFACTS / f"every-page-{name}.png"), full_page=True)
                break
            seen.page.close()
        browser.close()
    return failures


def test_every_page_is_clean_in_both_schemes(site_url: str, built_site: Path) -> None:
    """Every page, in both schemes: diagrams drawn, parsed, named, explained and readable; no
    Mermaid error graphic, no console error, no request to another host, no serious axe
    violation. Two browsers share the pages, one per core."""
    facts = site_pages(built_site)
    routes = _all_routes()
    with ThreadPoolExecutor(max_workers=2) as pool:
        shares = pool.map(
            check_routes, repeat(site_url), [routes[0::2], routes[1::2]], repeat(facts)
        )
        failures = [failure for share in shares for failure in share]
    assert failures == [], "\n".join(failures)
    assert sum(len(f.mermaid_sources) for f in facts.values()) >= 24  # 12 a language


def _html_only(route: Route) -> None:
    if route.request.resource_type == "document":
        route.continue_()
    else:
        route.abort()


def _switch(page: Page, lang: str) -> None:
    """Follow the language selector's link to `lang`, as a click on it does."""
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.locator(f".md-select__link[hreflang={lang}]").dispatch_event("click")


def test_switcher_leads_to_the_same_page_and_back(
    light_context: BrowserContext, site_url: str
) -> None:
    """From every zh page to its en twin and back: every page's switcher is followed once."""
    # Where the switcher leads is in the HTML: scripts, styles and images are not fetched.
    light_context.route("**/*", _html_only)
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

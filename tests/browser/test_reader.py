"""The built site as a reader meets it in Chromium: diagrams, console, privacy, switcher, search."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import BrowserContext, Page

from tests.browser.axe import axe_violations
from tests.sitepages import ROUTES, site_pages

# Wait until Material has replaced every <pre class="mermaid"> and each diagram has a size.
DIAGRAMS_DRAWN = """() => document.querySelectorAll("pre.mermaid").length === 0 &&
  [...document.querySelectorAll("div.mermaid")].every(d => d.getBoundingClientRect().height > 0)"""
PARSE_ALL = """async sources => {
  const errors = [];
  for (const source of sources) {
    try { await window.mermaid.parse(source); errors.push(null); }
    catch (error) { errors.push(String(error.message || error)); }
  }
  return errors;
}"""

NEXT_BLOCK_AFTER_LABEL = """f => {
  let next = f.nextElementSibling;
  while (next && next.tagName === "P") next = next.nextElementSibling;
  return next ? next.tagName : null;
}"""


def _all_routes() -> list[str]:
    return [prefix + route for prefix in ("", "en/") for route in ROUTES]


def open_page(
    context: BrowserContext, url: str, wait_until: str = "networkidle"
) -> tuple[Page, list[str], list[str]]:
    """Open `url`; return the page, its console/page errors, and every URL it requested."""
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until=wait_until)  # type: ignore[arg-type]
    return page, errors, requests


def test_every_page_is_clean_in_both_schemes(
    context: BrowserContext, site_url: str, built_site: Path
) -> None:
    """Each page once per colour scheme: diagrams drawn, no Mermaid error graphic, no console
    error, no request to another host, no critical or serious axe violation.

    Scheme-independent checks (parsing each diagram source, the switcher's targets, every axe
    rule) run in the light scheme; the dark pass runs axe's colour rules and waits less.
    """
    facts = site_pages(built_site)
    own_host = urlparse(site_url).netloc
    failures: list[str] = []
    drawn = 0
    for route in _all_routes():
        page, errors, requests = open_page(context, site_url + route)
        light = not page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
        sources = facts[route + "index.html"].mermaid_sources
        if sources:
            page.wait_for_function(DIAGRAMS_DRAWN, timeout=20_000)
            if page.locator("div.mermaid").count() != len(sources):
                failures.append(f"{route}: not every diagram was drawn")
            parsed = page.evaluate(PARSE_ALL, sources) if light else []
            failures += [f"{route}: diagram does not parse: {e}" for e in parsed if e]
            drawn += len(sources)
        if "Syntax error in text" in page.inner_text("body"):
            failures.append(f"{route}: Mermaid error graphic")
        failures += [f"{route}: console error: {error}" for error in errors]
        foreign = [url for url in requests if urlparse(url).netloc != own_host]
        failures += [f"{route}: requested {url}" for url in foreign]
        rules = None if light else ["color-contrast", "link-in-text-block"]
        failures += [f"{route}: axe {v}" for v in axe_violations(page, rules)]
        if failures:
            break  # keep this page open for the failure screenshot
        page.close()
    assert failures == [], "\n".join(failures)
    assert drawn >= 24  # 12 diagrams in each language


def test_diagrams_have_a_name_and_a_text_equivalent(
    light_context: BrowserContext, site_url: str
) -> None:
    page, _, _ = open_page(light_context, site_url + "en/report/budget/")
    page.wait_for_function(DIAGRAMS_DRAWN, timeout=20_000)
    figures = page.get_by_role("figure").all()
    assert figures
    for figure in figures:
        assert figure.locator("div.mermaid").count() == 1
        assert figure.locator("figcaption").inner_text().strip()
        # the text equivalent follows the figure: a label, then a table or a list
        following = figure.evaluate(NEXT_BLOCK_AFTER_LABEL)
        assert following in ("TABLE", "UL", "OL", "H3", "H4", "DIV"), following


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

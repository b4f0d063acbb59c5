"""The built site as a reader meets it in Chromium: diagrams, console, privacy, switcher, search."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

from plandocs.loader import load_dataset
from tests.browser.checks import Tab, reader_problems
from tests.browser.conftest import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS
from tests.browser.contrast import OPEN_SHADOW_ROOTS, unreadable_labels
from tests.conftest import ROOT
from tests.sitepages import ROUTES, PageFacts, site_pages


def _all_routes() -> list[str]:
    return [prefix + route for prefix in ("", "en/") for route in ROUTES]


def check_routes(
    site_url: str, routes: list[str], facts: dict[str, PageFacts], *, axe: bool = True
) -> list[str]:
    """Check `routes` in a browser of this thread's own; screenshot the first failing page."""
    own_host = urlparse(site_url).netloc
    failures: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
        context.add_init_script(OPEN_SHADOW_ROOTS)
        tab = Tab(context)
        for route in routes:
            seen = tab.visit(site_url + route)
            problems = reader_problems(seen, facts[route + "index.html"], own_host, axe=axe)
            failures += [f"{route}: {p}" for p in problems]
            if failures:
                ARTIFACTS.mkdir(exist_ok=True)
                name = route.strip("/").replace("/", "_") or "home"
                seen.page.screenshot(path=str(ARTIFACTS / f"every-page-{name}.png"), full_page=True)
                break
        browser.close()
    return failures


def _in_two_browsers(
    site_url: str, routes: list[str], facts: dict[str, PageFacts], *, axe: bool = True
) -> list[str]:
    """`check_routes` with the routes shared by two browsers, one per core."""

    def check(share: list[str]) -> list[str]:
        return check_routes(site_url, share, facts, axe=axe)

    with ThreadPoolExecutor(max_workers=2) as pool:
        shares = pool.map(check, [routes[0::2], routes[1::2]])
        return [failure for share in shares for failure in share]


def test_every_page_is_clean_in_both_schemes(site_url: str, built_site: Path) -> None:
    """Every page, in both schemes: diagrams drawn (inline SVG), named, explained and readable;
    no Mermaid error graphic, no console error, no request to another host, no serious axe
    violation. Two browsers share the pages, one per core."""
    facts = site_pages(built_site)
    failures = _in_two_browsers(site_url, _all_routes(), facts)
    assert failures == [], "\n".join(failures)
    assert sum(f.inline_diagrams for f in facts.values()) >= 20  # 10 a language


def test_client_side_fallback_draws_every_diagram(client_url: str, client_site: Path) -> None:
    """Built with PLANDOCS_DIAGRAMS=client, every diagram page loads Mermaid and draws each
    diagram in the browser, in both schemes: parsed, named, readable (axe ran on the same
    pages of the SVG build)."""
    facts = site_pages(client_site)
    routes = [r for r in _all_routes() if facts[r + "index.html"].mermaid_sources]
    assert sum(len(facts[r + "index.html"].mermaid_sources) for r in routes) >= 20
    failures = _in_two_browsers(client_url, routes, facts, axe=False)
    assert failures == [], "\n".join(failures)


def _diagram_routes(facts: dict[str, PageFacts]) -> list[str]:
    return [r for r in _all_routes() if facts[r + "index.html"].figures]


def test_no_diagram_label_is_cut_off_or_too_small_on_a_phone(
    browser: Browser, site_url: str, built_site: Path
) -> None:
    """On a phone (360x740): every label inside its SVG and its figure (a figure that scrolls
    is focusable), readable (>= 11px as drawn) or the figure links to a working full-size SVG.
    (On a desktop, 1280 px wide, the every-page test runs the same check in both schemes.)"""
    width = 360
    context = browser.new_context(color_scheme="light", viewport={"width": width, "height": 740})
    page = context.new_page()
    failures = []
    for route in _diagram_routes(site_pages(built_site)):
        page.goto(site_url + route, wait_until="load")
        failures += [f"{route} at {width}px: {p}" for p in unreadable_labels(page)]
    context.close()
    assert failures == [], "\n".join(failures)


def test_printed_diagrams_are_whole(light_context: BrowserContext, site_url: str) -> None:
    """Printed, every diagram fits the page width: nothing scrolls, nothing is cut."""
    page = light_context.new_page()
    page.emulate_media(media="print")
    for route in ("report/plan/", "en/report/execution/", "report/trends/"):
        page.goto(site_url + route, wait_until="load")
        overflowing = page.evaluate(
            """() => [...document.querySelectorAll("figure.diagram")].filter(f => {
                const svg = f.querySelector("svg").getBoundingClientRect();
                const box = f.getBoundingClientRect();
                return f.scrollWidth > f.clientWidth + 1 || svg.right > box.right + 1
                  || getComputedStyle(f).breakInside !== "avoid";
              }).length"""
        )
        assert overflowing == 0, route


FIND_IN_CHART = """text => {
  getSelection().removeAllRanges();
  while (window.find(text, true)) {
    const node = getSelection().anchorNode;
    const element = node && (node.nodeType === 1 ? node : node.parentElement);
    if (element && element.closest("figure.diagram svg")) return true;
  }
  return false;
}"""


def _chart_labels() -> list[tuple[str, str]]:
    """A label of three charts, read from the data (a content change moves them along)."""
    data = load_dataset(ROOT / "data")
    first = data.trends.branches[0].groups[0].items[0]
    return [
        ("en/report/plan/", data.plan.phases[-1].tasks[2].title("en")),  # a long bar
        ("report/budget/", data.budget.categories[0].title("zh")),
        ("en/report/trends/", f"{first.label('en')} {first.version or ''}".strip()),
    ]


@pytest.mark.parametrize(("route", "text"), _chart_labels())
def test_diagram_text_is_page_text(
    light_context: BrowserContext, site_url: str, route: str, text: str
) -> None:
    """Find-in-page finds a label inside its chart, and the chart's text is the page's text."""
    page = light_context.new_page()
    page.goto(site_url + route, wait_until="load")
    assert page.evaluate(FIND_IN_CHART, text), f"{text!r} not found in a chart of {route}"
    in_charts = page.eval_on_selector_all(
        "figure.diagram svg", "svgs => svgs.map(s => s.textContent).join(' ')"
    )
    assert text in " ".join(in_charts.split())


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


SEARCH_READY = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  return meta && !/初始化|Initializing/.test(meta.textContent);
}"""


def search(page: Page, query: str) -> list[str]:
    """Type `query` into Material's search; return the result links, best first."""
    page.click(".md-search__input")
    # Until its worker has loaded the index, the search says so and ignores what is typed.
    page.wait_for_function(SEARCH_READY, timeout=20_000)
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


# Names and words both languages use (or that each language's pages are likely to hold), and
# words of each language: every result must be a page of the language searched from.
SHARED = [
    "Kata",
    "WasmEdge",
    "Kubernetes",
    "CNCF",
    "Istio",
    "Paxos",
    "Raft",
    "MIT",
    "Stanford",
    "Wikipedia",
    "PDCA",
    "Serverless",
]
ONLY_ZH = ["预算", "风险", "边缘计算"]
ONLY_EN = ["budget", "risk", "edge computing"]


@pytest.mark.parametrize(("start", "queries"), [("", SHARED + ONLY_ZH), ("en/", SHARED + ONLY_EN)])
def test_search_answers_only_in_the_language_of_the_page(
    light_context: BrowserContext, site_url: str, start: str, queries: list[str]
) -> None:
    page = light_context.new_page()
    indexes: list[str] = []
    page.on("request", lambda r: indexes.append(r.url) if "search_index" in r.url else None)
    page.goto(site_url + start, wait_until="load")
    foreign = []
    for query in queries:
        # No result list left from the last query: an empty query empties it.
        page.fill(".md-search__input", "")
        page.press(".md-search__input", "End")
        page.wait_for_selector(".md-search-result__item", state="detached")
        for href in search(page, query):  # waits for at least one result
            path = urlparse(href).path.lstrip("/")
            if path.startswith("en/") != (start == "en/"):
                foreign.append(f"{query}: {path}")
    assert foreign == []
    # The pages downloaded their own language's index, and only that one.
    assert {urlparse(url).path for url in indexes} == {f"/{start}search/search_index.json"}

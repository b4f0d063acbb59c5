"""Pages that land, in Chromium on a phone: the front page's key figures in its first two
screens, short search results that land on sections, the switcher keeping the section, and
abbreviations that open on a tap."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, ViewportSize

from plandocs.model import Dataset
from plandocs.pages import home
from plandocs.site import languages
from tests.browser.test_reader import search

PHONE: ViewportSize = {"width": 360, "height": 640}


@pytest.fixture
def phone(browser: Browser) -> Iterator[BrowserContext]:
    """A phone-sized context in the light colour scheme."""
    made = browser.new_context(color_scheme="light", viewport=PHONE, has_touch=True)
    yield made
    made.close()


@pytest.mark.parametrize("start", ["", "en/"])
def test_the_first_two_phone_screens_show_the_plans_figures(
    phone: BrowserContext, site_url: str, dataset: Dataset, start: str
) -> None:
    lang = languages(dataset)[1 if start else 0]
    figures = home.figures(dataset)
    expected = [
        lang.money(figures.budget, figures.currency),
        lang.number(figures.phases),
        lang.dates(figures.start, figures.end),
    ]
    page = phone.new_page()
    page.goto(site_url + start, wait_until="load")
    for text in expected:
        box = page.locator(".glance li", has_text=text).first.bounding_box()
        assert box is not None, text
        assert box["y"] + box["height"] <= 2 * PHONE["height"], (text, box)


@pytest.mark.parametrize(("start", "query"), [("", "人力成本"), ("en/", "personnel costs")])
def test_search_results_are_short_and_land_on_sections(
    phone: BrowserContext, site_url: str, start: str, query: str
) -> None:
    page = phone.new_page()
    page.goto(site_url + start, wait_until="load")
    page.click("label.md-header__button[for=__search]")
    hrefs = search(page, query)
    assert any("#" in href for href in hrefs[:3]), hrefs[:3]
    height = page.evaluate("document.querySelector('.md-search-result__list').scrollHeight")
    assert height <= 4 * PHONE["height"], height
    tallest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.md-search-result__article')]"
        ".map(a => a.getBoundingClientRect().height))"
    )
    assert tallest <= PHONE["height"] / 3, tallest


@pytest.mark.parametrize("start", ["", "en/"])
def test_kubernetes_finds_the_cncf_page_before_the_glossary(
    phone: BrowserContext, site_url: str, start: str
) -> None:
    page = phone.new_page()
    page.goto(site_url + start, wait_until="load")
    page.click("label.md-header__button[for=__search]")
    pages = [urlparse(href).path for href in search(page, "Kubernetes")]
    cncf = next(i for i, path in enumerate(pages) if path.endswith("report/cncf/"))
    glossary = [i for i, path in enumerate(pages) if path.endswith("report/glossary/")]
    assert all(cncf < i for i in glossary), pages


def test_the_switcher_keeps_the_section(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "en/report/plan/#phase-overview", wait_until="load")
    link = page.locator('a.md-select__link[hreflang="zh"]')
    assert (link.get_attribute("href") or "").endswith("report/plan/#phase-overview")
    page.evaluate("location.hash = '#plan'")
    page.wait_for_function(
        "() => document.querySelector('a.md-select__link[hreflang=zh]').href.endsWith('#plan')"
    )


def test_an_abbreviation_opens_on_a_tap(phone: BrowserContext, site_url: str) -> None:
    page = phone.new_page()
    page.goto(site_url + "en/report/cncf/", wait_until="load")
    abbreviation = page.locator("article abbr[title]").first
    assert abbreviation.get_attribute("tabindex") == "0"
    before = abbreviation.bounding_box()
    abbreviation.tap()
    after = abbreviation.bounding_box()
    assert before is not None and after is not None
    # Focused, it shows its expansion after it (so it grows).
    assert after["width"] > before["width"] or after["height"] > before["height"]

"""Every internal link and #anchor of the built site resolves, found by crawling its HTML.

Links from templates, the nav, hand-written and generated pages all count. External links
are not fetched here: `make check-external-links` does that, on demand, with network.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from tests.sitepages import PageFacts, site_pages

pytestmark = pytest.mark.build

BASE = "http://site.test/"


def broken_links(site: Path, pages: dict[str, PageFacts]) -> list[str]:
    """Return `page -> href` for every internal link whose file or anchor is missing."""
    broken = []
    for relative, facts in pages.items():
        here = BASE + relative
        for href, _ in facts.links:
            target = urlparse(urljoin(here, href))
            if f"{target.scheme}://{target.netloc}/" != BASE or href.startswith("mailto:"):
                continue
            path = unquote(target.path).lstrip("/")
            if path == "" or path.endswith("/"):
                path += "index.html"
            if not (site / path).is_file():
                broken.append(f"{relative} -> {href} (no file)")
            elif target.fragment and path.endswith(".html"):
                ids = pages[path].ids if path in pages else set()
                if unquote(target.fragment) not in ids:
                    broken.append(f"{relative} -> {href} (no anchor)")
    return broken


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    pages = site_pages(built_site)
    links = sum(len(facts.links) for facts in pages.values())
    assert links > 1000
    assert broken_links(built_site, pages) == []


def test_the_crawl_finds_a_broken_anchor_and_a_missing_page(built_site: Path) -> None:
    pages = site_pages(built_site)
    page = pages["en/report/team/index.html"]
    page.links.append(("../plan/#task-does-not-exist", {}))
    page.links.append(("../nowhere/", {}))
    assert broken_links(built_site, pages) == [
        "en/report/team/index.html -> ../plan/#task-does-not-exist (no anchor)",
        "en/report/team/index.html -> ../nowhere/ (no file)",
    ]

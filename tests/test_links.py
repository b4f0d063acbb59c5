"""Every internal link and #anchor of the built site resolves, found by crawling its HTML.

Links from templates, the nav, hand-written and generated pages all count. External links
are not fetched here: `make check-external-links` does that, on demand, with network.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sitepages import broken_links, site_pages

pytestmark = pytest.mark.build


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

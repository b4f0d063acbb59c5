"""Pages that land, on the real built site (both languages): no sentence said more than three
times on a page, the source linked once a section, no literal Markdown in page text, social
meta on every page, a page-not-found page per language, the source page's headings and every
anchor other pages link to, the English glossary's Chinese terms, search by section."""

from __future__ import annotations

import json
import re
from collections import Counter
from html import unescape
from pathlib import Path

import pytest

from plandocs.loader import load
from plandocs.sourcedoc import sections
from tests.conftest import ROOT
from tests.sitepages import ROUTES, read_page

pytestmark = pytest.mark.build

MOST_REPEATS = 3
SENTENCE_END = re.compile(r"(?<=[.。!?！？；;])\s*")


def _pages(site: Path) -> list[tuple[str, Path]]:
    return [
        (prefix + route, site / prefix / route / "index.html")
        for prefix in ("", "en/")
        for route in ROUTES
    ]


def repeated_sentences(text: str) -> dict[str, int]:
    """Return each sentence (of a dozen characters or more) said more than three times."""
    sentences = [s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) >= 12]
    return {s: n for s, n in Counter(sentences).items() if n > MOST_REPEATS}


def test_no_sentence_is_said_more_than_three_times(built_site: Path) -> None:
    found = {
        route: repeated
        for route, path in _pages(built_site)
        if (repeated := repeated_sentences(read_page(path).content_text))
    }
    assert found == {}


def test_the_repetition_check_can_fail() -> None:
    assert repeated_sentences("Checked against the source. " * 4) == {
        "Checked against the source.": 4
    }


def test_the_source_is_linked_once_a_section(built_site: Path) -> None:
    for route, path in _pages(built_site):
        html = path.read_text(encoding="utf-8")
        article = html[html.find("<article") : html.find("</article>")]
        for section in re.split(r"<h[1-6]\b", article):
            hrefs = re.findall(r'class="source-mention" href="([^"]*)"', section)
            assert len(hrefs) == len(set(hrefs)), (route, hrefs)


def test_no_literal_markdown_in_page_text(built_site: Path) -> None:
    for route, path in _pages(built_site):
        text = read_page(path).content_text
        assert "`" not in text, route
        assert "**" not in text or route.endswith("report/source/"), route


def test_every_page_has_social_meta_in_its_language(built_site: Path) -> None:
    for route, path in _pages(built_site):
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        for name in ("og:title", "og:description", "og:site_name", "og:url", "og:locale"):
            assert f'<meta property="{name}" content="' in head, (route, name)
        assert '<meta name="twitter:card" content="summary">' in head, route
        locale = re.search(r'<meta property="og:locale" content="([^"]+)"', head)
        assert locale is not None
        assert locale[1].startswith("en" if route.startswith("en/") else "zh"), route


def test_each_language_has_its_page_not_found(built_site: Path) -> None:
    for where, lang, other in (("404.html", "zh", "en"), ("en/404.html", "en", "zh")):
        page = (built_site / where).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page
        title = re.search(r"<h1>(.*?)</h1>", page, re.DOTALL)
        assert title is not None and title[1].index(f'lang="{lang}"') < title[1].index(
            f'lang="{other}"'
        )
        homes = re.findall(r'<p lang="\w+">[^<]*<a href="([^"]+)"', page)
        assert homes and all(href.startswith("/") for href in homes), homes
        search_base = re.search(r'"base": "([^"]*)"', page)
        assert search_base is not None
        assert search_base[1].endswith("/en/") == (lang == "en")


def test_the_source_page_is_a_document_with_every_linked_anchor(built_site: Path) -> None:
    text = (ROOT / "data" / "source" / "plan.zh.md").read_text(encoding="utf-8")
    page = read_page(built_site / "report" / "source" / "index.html")
    expected = {section.anchor for section in sections(text)}
    html = (built_site / "report" / "source" / "index.html").read_text(encoding="utf-8")
    headed = set(re.findall(r'<h[2-6] id="([^"]+)"', html))
    assert expected <= headed
    start = html.index("</h2>", html.index('id="source-contents"'))
    contents = html[start : html.index('id="source-text"')]
    assert set(re.findall(r'href="#([^"]+)"', contents)) == expected
    # Every link to the source from any page lands on an anchor the source page has.
    for prefix in ("", "en/"):
        target = read_page(built_site / prefix / "report" / "source" / "index.html")
        for _, path in _pages(built_site):
            for href in re.findall(
                r'href="[^"]*report/source/#([^"]+)"', path.read_text(encoding="utf-8")
            ):
                assert href in target.ids, (path, href)
    assert page.ids


def test_the_english_glossary_shows_the_chinese_terms(built_site: Path) -> None:
    data = load(ROOT / "data").dataset
    html = (built_site / "en" / "report" / "glossary" / "index.html").read_text("utf-8")
    for term in data.glossary.terms:
        if term.definition is None and term.expansion is None:
            assert f'id="term-{term.id}"' not in html
        elif term.term("zh") != term.term("en"):
            entry = html[html.index(f'id="term-{term.id}"') :].split("</dt>", 1)[0]
            assert '<span lang="zh">' in entry, term.id


def test_search_lands_on_sections_of_long_pages(built_site: Path) -> None:
    index = json.loads((built_site / "search" / "search_index.json").read_text("utf-8"))
    source = [d for d in index["docs"] if d["location"].startswith("report/source/#")]
    assert {"report/source/#appendix-c", "report/source/#section-1-2"} <= {
        d["location"] for d in source
    }
    glossary = [d for d in index["docs"] if d["location"].startswith("report/glossary/")]
    assert len(glossary) > 3 and all(d.get("boost", 1) < 1 for d in glossary)
    cncf = [d for d in index["docs"] if d["location"].startswith("report/cncf/")]
    assert all(d.get("boost", 1) > 1 for d in cncf)


def test_link_previews_describe_each_page_by_its_takeaway(built_site: Path) -> None:
    data = load(ROOT / "data").dataset
    html = (built_site / "en" / "report" / "budget" / "index.html").read_text("utf-8")
    found = re.search(r'<meta property="og:description" content="([^"]*)"', html)
    assert found is not None
    assert unescape(found[1]) == data.labels.leads.budget("en")

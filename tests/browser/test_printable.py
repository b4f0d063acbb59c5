"""The printed plans of a build of the fixture dataset: one PDF a language that opens and holds
every page's title, in navigation order, in the outline and in the text."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from plandocs.loader import load_dataset
from plandocs.site import languages
from tests.conftest import FIXTURE
from tests.pdfpages import dark_regions, holds, last_column_cells, pdf_text, squashed
from tests.sitepages import ROUTES, read_page

LANGUAGES = [("zh", ""), ("en", "en")]


def _squash(text: str) -> str:
    """Text without spaces, NFKC-normalised: the CJK font's glyphs may read back as Kangxi
    radicals (⽂ U+2F42 for 文), and a line break may fall anywhere."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _pattern(title: str) -> re.Pattern[str]:
    """A title as it reads back from the PDF: some ideographs read back as radicals that NFKC
    does not map (⻛ U+2EDB for 风), so each may be one of those instead."""
    parts = [
        f"(?:{re.escape(c)}|[\u2e80-\u2eff])" if "\u4e00" <= c <= "\u9fff" else re.escape(c)
        for c in _squash(title)
    ]
    return re.compile("".join(parts))


def _title(site: Path, route: str) -> str:
    """The H1 of a built page, as text, without its permalink mark."""
    page = (site / route / "index.html").read_text(encoding="utf-8")
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
    assert found, route
    text = html.unescape(re.sub(r"<[^>]+>", "", found[1])).replace("¶", "")
    return " ".join(text.split())


def _titles(site: Path, prefix: str) -> list[str]:
    """The H1 of every page of a language."""
    return [_title(site, f"{prefix}/{route}".lstrip("/")) for route in ROUTES]


@pytest.mark.parametrize("code, prefix", [("zh", ""), ("en", "en")])
def test_each_pdf_opens_and_holds_every_page_title(
    printed_fixture_site: Path, code: str, prefix: str
) -> None:
    pdf = printed_fixture_site / "downloads" / f"plan.{code}.pdf"
    reader = PdfReader(pdf)
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    text = _squash("".join(page.extract_text() for page in reader.pages))
    titles = _titles(printed_fixture_site, prefix)
    assert len(reader.pages) > len(titles)
    for title in titles:
        assert title in outline, title
        assert _pattern(title).search(text), title
    downloads = read_page(printed_fixture_site / prefix / "report" / "downloads" / "index.html")
    assert any(href.endswith(f"downloads/plan.{code}.pdf") for href, _ in downloads.links)


def _navigation(site: Path, prefix: str) -> list[str]:
    """The routes of the home page's navigation links, in order, each once."""
    home = read_page(site / prefix / "index.html")
    routes: list[str] = []
    for href, attrs in home.links:
        if "md-nav__link" not in attrs.get("class", "") or "#" in href or "//" in href:
            continue
        route = urljoin(f"http://site.test/{prefix}/", href).removeprefix("http://site.test/")
        if route not in routes:
            routes.append(route)
    return routes


def test_the_pdf_follows_the_navigation(printed_fixture_site: Path) -> None:
    reader = PdfReader(printed_fixture_site / "downloads" / "plan.en.pdf")
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    order = _navigation(printed_fixture_site, "en")
    assert len(order) == len(ROUTES)
    assert outline == [_title(printed_fixture_site, route) for route in order]


@pytest.mark.parametrize("code, prefix", LANGUAGES)
def test_no_pdf_page_has_a_solid_dark_region(
    printed_fixture_site: Path, code: str, prefix: str
) -> None:
    # A diagram that lost its styles prints as black shapes (see tests/pdfpages.py).
    assert dark_regions(printed_fixture_site / "downloads" / f"plan.{code}.pdf") == []


@pytest.mark.parametrize("code, prefix", LANGUAGES)
def test_every_tables_last_column_is_printed(
    printed_fixture_site: Path, code: str, prefix: str
) -> None:
    text = squashed(pdf_text(printed_fixture_site / "downloads" / f"plan.{code}.pdf"))
    cells = [
        (route, cell)
        for route in ROUTES
        for cell in last_column_cells(
            (printed_fixture_site / prefix / route / "index.html").read_text(encoding="utf-8")
        )
    ]
    assert len(cells) > 20  # the fixture has tables on most pages
    assert [(route, cell) for route, cell in cells if not holds(text, cell)] == []


@pytest.mark.parametrize("code, prefix", LANGUAGES)
def test_the_pdf_has_a_title_sheet_page_numbers_and_only_web_links(
    printed_fixture_site: Path, code: str, prefix: str
) -> None:
    pdf = printed_fixture_site / "downloads" / f"plan.{code}.pdf"
    data = load_dataset(FIXTURE)
    lang = next(lang for lang in languages(data) if lang.code == code)
    reader = PdfReader(pdf)
    first = _squash(reader.pages[0].extract_text())
    assert _squash(lang.date(data.source.date)) in first
    assert _pattern(data.source.title(lang)).search(first)
    total = len(reader.pages)
    numbers = data.labels.site.print_page_numbers(lang).format(page=total, pages=total)
    assert _pattern(numbers).search(_squash(reader.pages[-1].extract_text()))
    uris = [
        str(annotation.get_object()["/A"].get("/URI", ""))
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    assert uris, "the PDF has no links at all"
    assert [uri for uri in uris if uri and not uri.startswith(("http://", "https://"))] == []

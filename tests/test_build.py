"""A real strict build of both languages: page trees, switcher, hreflang, privacy, Mermaid."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlparse

import material  # type: ignore[import-untyped]
import pytest

from plandocs.csp import inline_scripts, script_hash, shipped_scripts
from plandocs.model import Dataset
from plandocs.registry import PAGES
from plandocs.render import anchors
from plandocs.webpage import page_title
from tests.conftest import ROOT, configured_publication
from tests.sitepages import ROUTES, PageFacts, chinese_on_english_pages, read_page, site_pages

pytestmark = pytest.mark.build

MKDOCS_YML = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
PUBLISHED = configured_publication()
REPO_URL = PUBLISHED.repo_url
BASE = "http://site.test/"


def _route_of(relative_html: str) -> str:
    return relative_html.removesuffix("index.html")


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, PageFacts]:
    return site_pages(built_site)


def test_both_language_trees_have_every_page(built_site: Path) -> None:
    assert (built_site / "index.html").is_file()
    assert (built_site / "en" / "index.html").is_file()
    for route in ROUTES:
        assert (built_site / route / "index.html").is_file(), route
        assert (built_site / "en" / route / "index.html").is_file(), f"en/{route}"
    for code, prefix in (("zh", ""), ("en", "en/")):  # each home page shows its own title
        title = page_title((ROOT / "docs" / f"index.{code}.md").read_text(encoding="utf-8"))
        assert title and title in read_page(built_site / prefix / "index.html").text


def test_switcher_points_at_the_same_page_in_the_other_language(
    pages: dict[str, PageFacts],
) -> None:
    assert len(pages) == 2 * len(ROUTES)
    for relative, facts in pages.items():
        route = _route_of(relative)
        zh_route = route.removeprefix("en/")
        here = BASE + route
        assert set(facts.switcher) == {"zh", "en"}, relative
        assert urljoin(here, facts.switcher["zh"]) == BASE + zh_route, relative
        assert urljoin(here, facts.switcher["en"]) == BASE + "en/" + zh_route, relative


def test_sitemap_lists_absolute_hreflang_alternates_for_every_page(built_site: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(built_site / "sitemap.xml").getroot()
    site_url = PUBLISHED.site_url
    alternates: dict[str, dict[str, str]] = {}
    for url in root.findall("s:url", ns):
        loc = url.findtext("s:loc", namespaces=ns) or ""
        links = {
            link.get("hreflang", ""): link.get("href", "") for link in url.findall("x:link", ns)
        }
        alternates[loc] = links
    for route in ROUTES:
        assert alternates[site_url + route] == {
            "zh": site_url + route,
            "en": site_url + "en/" + route,
        }


def test_no_script_style_or_font_from_another_host(
    built_site: Path, pages: dict[str, PageFacts]
) -> None:
    for relative, facts in pages.items():
        for url in [*facts.scripts, *facts.resources]:
            if url.startswith(PUBLISHED.site_url):
                continue  # the site's own canonical address
            assert not urlparse(url).netloc, f"{relative} loads {url}"
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"(@import|url\()\s*['\"]?(https?:)?//", text), css
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for host in ("fonts.googleapis", "fonts.gstatic", "unpkg.com", "jsdelivr", "cdnjs"):
            assert host not in text, f"{html} mentions {host}"


def test_every_inline_script_is_one_the_theme_or_overrides_ship(built_site: Path) -> None:
    theme = Path(material.__file__).parent / "templates"
    shipped = set(shipped_scripts([ROOT / "overrides", theme]))
    allowed = {script_hash(text) for text in shipped}
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert set(inline_scripts(text)) <= shipped, page
        [policy] = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        script_src = re.search(r"script-src ([^;]+)", unescape(policy))
        assert script_src is not None
        assert set(script_src[1].split()) == {"'self'", *allowed}, page


def test_every_diagram_is_inline_svg_and_no_page_loads_mermaid(
    built_site: Path, pages: dict[str, PageFacts]
) -> None:
    with_diagrams = set()
    for relative, facts in pages.items():
        assert not facts.has_mermaid_block, relative
        assert [src for src in facts.scripts if "mermaid" in src] == [], relative
        assert facts.inline_diagrams == facts.figures, relative
        if facts.figures:
            with_diagrams.add(_route_of(relative))
        duplicates = sorted({i for i in facts.all_ids if facts.all_ids.count(i) > 1})
        assert duplicates == [], f"{relative}: {duplicates[:5]}"
    assert "" not in with_diagrams and "about/" not in with_diagrams
    assert {"report/plan/", "en/report/execution/", "report/budget/"} <= with_diagrams
    assert sum(facts.inline_diagrams for facts in pages.values()) >= 20  # 10 a language
    # Every diagram has its phone drawing (diagrams.css shows one of the two).
    assert sum(f.phone_drawings for f in pages.values()) == sum(f.figures for f in pages.values())
    for html in built_site.rglob("*.html"):
        assert "mermaid.min.js" not in html.read_text(encoding="utf-8"), html


def test_each_diagram_links_to_its_standalone_svg(
    built_site: Path, pages: dict[str, PageFacts]
) -> None:
    svg = "{http://www.w3.org/2000/svg}"
    checked = 0
    for relative, facts in pages.items():
        links = [href for href, a in facts.links if a.get("type") == "image/svg+xml"]
        assert len(links) == facts.inline_diagrams, relative
        for href in links:
            target = ((built_site / relative).parent / href).resolve()
            assert target.is_relative_to(built_site / "assets" / "diagrams"), href
            root = ET.parse(target).getroot()
            assert root.tag == f"{svg}svg" and root.findtext(f"{svg}title"), target
            checked += 1
    assert checked >= 20


def test_generated_pages_edit_their_data_file(pages: dict[str, PageFacts]) -> None:
    repo = REPO_URL.rstrip("/")
    for family in PAGES:
        for prefix in ("", "en/"):
            facts = pages[f"{prefix}report/{family.name}/index.html"]
            assert facts.edit_url == f"{repo}/edit/main/data/{family.file}"
    assert pages["en/about/index.html"].edit_url == f"{repo}/edit/main/docs/about.en.md"


def test_english_pages_have_no_chinese_text(pages: dict[str, PageFacts]) -> None:
    assert chinese_on_english_pages(pages) == []


def test_every_data_text_reaches_its_page(dataset: Dataset, pages: dict[str, PageFacts]) -> None:
    from tests.texts import texts_of

    checked = 0
    for family in PAGES:
        model = getattr(dataset, family.name)
        if family.name == "glossary":  # a term without a meaning has no entry (by design)
            terms = [t for t in model.terms if t.definition is not None or t.expansion is not None]
            model = model.model_copy(update={"terms": terms})
        for lang in dataset.languages.codes:
            prefix = "" if lang == "zh" else "en/"
            page = pages[f"{prefix}report/{family.name}/index.html"].content_text
            texts = list(texts_of(model, lang))
            checked += len(texts)
            missing = [text for text in texts if text not in page]
            assert missing == [], f"{lang} {family.name}"
    assert checked > 1000  # both languages of every data file were really looked at


def test_build_leaves_no_untracked_file(built_site: Path) -> None:
    # `built_site` builds the project itself (docs/report/ is written in place), whatever ran
    # before this test.
    untracked = subprocess.run(
        ["git", "ls-files", "--others", "--exclude-standard", "docs", "data", "site"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert untracked == ""


def test_every_page_has_the_same_anchors_in_both_languages(
    dataset: Dataset, pages: dict[str, PageFacts]
) -> None:
    for route in ROUTES:
        zh, en = pages[route + "index.html"].ids, pages["en/" + route + "index.html"].ids
        assert zh == en, f"{route}: only zh {sorted(zh - en)[:5]}, only en {sorted(en - zh)[:5]}"
    assert anchors.risk(dataset.risks.risks[-1].id) in pages["en/report/risks/index.html"].ids


def test_generate_writes_the_page_set_the_build_wrote(built_site: Path, tmp_path: Path) -> None:
    # `built_site` built the project itself: docs/report/ holds what the build wrote.
    from plandocs.cli import main

    assert main(["--data", str(ROOT / "data"), "generate", str(tmp_path)]) == 0
    built = sorted(p.name for p in (ROOT / "docs" / "report").glob("*.md"))
    assert len(built) > 30
    assert sorted(p.name for p in (tmp_path / "report").glob("*.md")) == built

"""Each reader-facing check fails on a deliberately broken copy of the built site.

The copy of the published build (diagrams drawn to SVG) breaks a link, a translation, two
accessible names, the colours and the view box of an inline diagram, a figure's focusability
and a full-size view; the copy of the client-side build breaks a diagram's source and the
diagram theme. The same functions that pass on the real site must report each of them.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright._impl._api_structures import PdfMargins
from playwright.sync_api import Browser, BrowserContext

from plandocs.loader import load_dataset
from plandocs.localserver import serve
from tests.browser.checks import reader_problems, visit
from tests.browser.contrast import OPEN_SHADOW_ROOTS, unreadable_labels
from tests.browser.fit import cells_beyond, unfit_diagrams
from tests.conftest import ROOT
from tests.pdfpages import dark_regions, holds, pdf_text, squashed
from tests.sitepages import broken_links, chinese_on_english_pages, site_pages


def _edit(site: Path, relative: str, old: str, new: str, *, count: int = 1) -> None:
    path = site / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _widen_first_diagram(site: Path, relative: str) -> None:
    """Make the first inline diagram of a page refuse to shrink below 3000 px, so that its
    figure scrolls (a rule in the site's stylesheet: an SVG's own style is held by its hash)."""
    found = re.search(r'<svg id="(diagram-[0-9a-f]+)"', (site / relative).read_text("utf-8"))
    assert found is not None, relative
    sheet = site / "assets" / "stylesheets" / "diagrams.css"
    rule = f"\n#{found[1]} {{ min-width: 3000px !important; }}\n"
    sheet.write_text(sheet.read_text(encoding="utf-8") + rule, encoding="utf-8")


def _drop_phone_drawings(site: Path, relative: str) -> None:
    """Remove every phone drawing of a page: its desktop drawings show on a phone too."""
    path = site / relative
    text = path.read_text(encoding="utf-8")
    changed = re.sub(r"(</svg>)<svg\b.*?</svg>", r"\1", text, flags=re.DOTALL)
    assert changed != text, relative
    path.write_text(changed, encoding="utf-8")


def _halve_first_view_box(site: Path, relative: str) -> None:
    """Cut the first inline diagram's view box to its left half: its right labels fall out."""
    path = site / relative
    text = path.read_text(encoding="utf-8")
    svg = re.search(r'<svg id="diagram-[^>]*>', text)
    view = re.search(r'viewBox="([^"]+)"', svg[0]) if svg else None
    assert svg is not None and view is not None, relative
    x, y, width, height = (float(n) for n in view[1].split())
    tag = svg[0].replace(view[0], f'viewBox="{x} {y} {width / 2} {height}"')
    tag = re.sub(r' width="[^"]+"', f' width="{width / 2}"', tag, count=1)
    path.write_text(text[: svg.start()] + tag + text[svg.end() :], encoding="utf-8")


@pytest.fixture(scope="module")
def broken_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("broken") / "site"
    shutil.copytree(built_site, site)
    _edit(site, "en/report/team/index.html", 'href="../plan/#task-', 'href="../plan/#task-gone-')
    _edit(site, "en/report/risks/index.html", ">Risks and mitigation<", ">风险识别与缓解<")
    budget_chart = load_dataset(ROOT / "data").labels.budget.overview("zh")
    _edit(site, "report/budget/index.html", f">{budget_chart}</figcaption>", "></figcaption>")
    _edit(site, "report/budget/index.html", 'role="dialog" aria-label="查找"', 'role="dialog"')
    # Labels as pale as the page, in the plan's gantt; the coverage chart cut in half.
    _edit(site, "en/report/plan/index.html", "--diagram-text:var(", "--diagram-text:#eee;--x:var(")
    _halve_first_view_box(site, "en/report/wikipedia/index.html")
    # A wide diagram (its minimum width made larger than the column) whose figure can no
    # longer be focused; a full-size view gone.
    _widen_first_diagram(site, "report/plan/index.html")
    _edit(
        site,
        "report/plan/index.html",
        '<figure class="diagram" tabindex="0">',
        '<figure class="diagram">',
    )
    # On a phone: a figure without its phone drawing; tables that no longer reflow.
    _drop_phone_drawings(site, "en/report/universities/index.html")
    _edit(site, "en/report/plan/index.html", "<table data-reflow", "<table data-gone", count=99)
    pie = re.search(
        r'href="\.\./\.\./\.\./assets/diagrams/(\w+)\.svg"',
        (site / "en/report/budget/index.html").read_text(encoding="utf-8"),
    )
    assert pie is not None
    (site / "assets" / "diagrams" / f"{pie[1]}.svg").unlink()
    return site


@pytest.fixture(scope="module")
def broken_client_site(client_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("broken-client") / "site"
    shutil.copytree(client_site, site)
    _edit(site, "report/trends/index.html", "flowchart LR", "flowchart LR\n    ]] not mermaid [[")
    _edit(site, "en/report/plan/index.html", "javascripts/mermaid-theme.js", "javascripts/none.js")
    return site


@pytest.fixture
def context(light_context: BrowserContext) -> BrowserContext:
    light_context.add_init_script(OPEN_SHADOW_ROOTS)
    return light_context


@pytest.fixture(scope="module")
def broken_url(broken_site: Path) -> Iterator[str]:
    with serve(broken_site) as url:
        yield url


@pytest.fixture(scope="module")
def broken_client_url(broken_client_site: Path) -> Iterator[str]:
    with serve(broken_client_site) as url:
        yield url


def test_link_crawl_reports_the_broken_anchor_and_the_missing_full_size_view(
    broken_site: Path,
) -> None:
    broken = broken_links(broken_site, site_pages(broken_site))
    assert len(broken) == 2, broken
    assert re.fullmatch(
        r"en/report/budget/index.html -> \.\./\.\./\.\./assets/diagrams/\w+\.svg \(no file\)",
        broken[0],
    )
    assert broken[1].startswith("en/report/team/index.html -> ../plan/#task-gone-")


def test_translation_check_reports_chinese_on_an_english_page(broken_site: Path) -> None:
    characters = "".join(sorted(set("风险识别与缓解")))
    assert chinese_on_english_pages(site_pages(broken_site)) == [
        f"en/report/risks/index.html: {characters}"
    ]


def test_diagram_check_reports_the_broken_diagram(
    context: BrowserContext, broken_client_site: Path, broken_client_url: str
) -> None:
    facts = site_pages(broken_client_site)["report/trends/index.html"]
    seen = visit(context, broken_client_url + "report/trends/")
    problems = reader_problems(seen, facts, urlparse(broken_client_url).netloc, axe=False)
    assert any(p.startswith("diagram does not parse: ") for p in problems), problems


def test_accessibility_checks_report_missing_names(
    context: BrowserContext, broken_site: Path, broken_url: str
) -> None:
    facts = site_pages(broken_site)["report/budget/index.html"]
    seen = visit(context, broken_url + "report/budget/")
    problems = reader_problems(seen, facts, urlparse(broken_url).netloc)
    assert "1 diagram(s) without a caption or a text equivalent" in problems
    assert any(p.startswith("axe aria-dialog-name (serious)") for p in problems), problems


def test_contrast_check_reports_unthemed_diagram_labels(
    context: BrowserContext, broken_client_site: Path, broken_client_url: str
) -> None:
    facts = site_pages(broken_client_site)["en/report/plan/index.html"]
    seen = visit(context, broken_client_url + "en/report/plan/")
    problems = reader_problems(seen, facts, urlparse(broken_client_url).netloc, axe=False)
    assert any(" contrast " in p and p.startswith("[") for p in problems), problems


def test_contrast_check_reports_pale_labels_in_an_inline_diagram(
    context: BrowserContext, broken_url: str
) -> None:
    page = context.new_page()
    page.goto(broken_url + "en/report/plan/", wait_until="load")
    problems = unreadable_labels(page)
    assert any(p.startswith("[default] gantt: ") and " contrast " in p for p in problems), problems


def test_clipping_check_reports_labels_cut_off_by_the_view_box(
    context: BrowserContext, broken_url: str
) -> None:
    page = context.new_page()
    page.goto(broken_url + "en/report/wikipedia/", wait_until="load")
    problems = unreadable_labels(page)
    assert any(p.endswith("is clipped by its figure") for p in problems), problems


def test_scrolling_figure_must_be_focusable_and_full_size_views_must_load(
    context: BrowserContext, broken_url: str
) -> None:
    page = context.new_page()
    page.goto(broken_url + "report/plan/", wait_until="load")
    assert "[default] gantt: its figure scrolls but cannot be focused" in unreadable_labels(page)
    page.goto(broken_url + "en/report/budget/", wait_until="load")
    problems = unreadable_labels(page)
    assert any(
        p.startswith("[default] pie: full-size view ") and p.endswith(" answers 404")
        for p in problems
    ), problems


def test_fit_checks_report_a_diagram_and_tables_that_do_not_fit_a_phone(
    browser: Browser, broken_url: str
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 800})
    try:
        page = context.new_page()
        page.goto(broken_url + "en/report/universities/", wait_until="load")
        problems = unfit_diagrams(page)
        assert any(p.endswith(": scrolls sideways") for p in problems), problems
        page.goto(broken_url + "en/report/plan/", wait_until="load")
        assert len(cells_beyond(page)) > 10
        page.goto(broken_url + "report/plan/", wait_until="load")
        assert unfit_diagrams(page) == []  # a phone drawing stands in for the widened one
    finally:
        context.close()


_TABLE = (
    "<table><tr><td>{first}</td><td>Owner</td><td>Deliverable: a tool for the reader's "
    "own checks</td></tr></table>"
)


def test_the_pdf_checks_catch_black_diagrams_and_clipped_columns(
    browser: Browser, tmp_path: Path
) -> None:
    page = browser.new_page()
    pdf = tmp_path / "broken.pdf"
    margins: PdfMargins = {"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}
    try:
        # A diagram whose fills fell back to black (its style no longer selects it).
        drawn = '<svg width="400" height="240"><rect width="400" height="240" {fill}/></svg>'
        page.set_content(drawn.format(fill="") + "<h1>Heading</h1><p>Text.</p>")
        pdf.write_bytes(page.pdf(format="A4", margin=margins))
        assert dark_regions(pdf)
        page.set_content(drawn.format(fill='fill="#e8eaf6"') + "<h1>Heading</h1><p>Text.</p>")
        pdf.write_bytes(page.pdf(format="A4", margin=margins))
        assert dark_regions(pdf) == []

        # A table wider than the page, clipped by its scrolling wrapper as the theme prints it.
        cell = "Deliverable: a tool for the reader's own checks"
        wide = "x " * 60
        page.set_content(
            '<div style="overflow:hidden"><div style="width:1600px">'
            + _TABLE.format(first=wide)
            + "</div></div>"
        )
        pdf.write_bytes(page.pdf(format="A4", margin=margins))
        assert not holds(squashed(pdf_text(pdf)), cell)
        page.set_content(_TABLE.format(first=wide))
        pdf.write_bytes(page.pdf(format="A4", margin=margins))
        assert holds(squashed(pdf_text(pdf)), cell)
    finally:
        page.close()

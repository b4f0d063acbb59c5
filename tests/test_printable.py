"""The printable plan's parts that need no browser: when a build prints, and how the pages of a
language become one print document (links kept working inside a PDF)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from plandocs.loader import load_dataset
from plandocs.printable import Cover, PrintError, compose, covers, decide, print_site, rooted
from tests.conftest import FIXTURE

CHROMIUM = {"PLANDOCS_CHROMIUM": "/bin/sh"}  # a file that exists: the browser is "there"
NO_CHROMIUM = {"PLANDOCS_CHROMIUM": "/nonexistent/chromium"}


def test_a_build_prints_only_when_asked_and_able() -> None:
    assert decide("build", CHROMIUM).prints
    assert not decide("serve", CHROMIUM).prints
    assert not decide("build", {**CHROMIUM, "PLANDOCS_PDF": "off"}).prints
    skipped = decide("build", NO_CHROMIUM)
    assert not skipped.prints
    assert "/nonexistent/chromium" in skipped.reason


def test_on_and_ci_require_the_browser() -> None:
    with pytest.raises(
        PrintError, match="PLANDOCS_PDF=on but there is no browser at /nonexistent/chromium"
    ):
        decide("build", {**NO_CHROMIUM, "PLANDOCS_PDF": "on"})
    with pytest.raises(
        PrintError, match="PLANDOCS_PDF=on but there is no browser at /nonexistent/chromium"
    ):
        decide("build", {**NO_CHROMIUM, "CI": "true"})
    with pytest.raises(PrintError, match="'sometimes' is not one of: auto, on, off"):
        decide("build", {"PLANDOCS_PDF": "sometimes"})


SITE = "https://example.org/plan/"
PLACES = {"": 1, "report/plan/": 2, "en/report/plan/": 3}


def test_links_to_pages_in_the_document_stay_inside_it() -> None:
    html = (
        '<h2 id="tasks">Tasks</h2>'
        '<a href="../team/#owner-1">owner</a>'  # a page not in this document
        '<a href="../../report/plan/#task-1">task</a>'
        '<a href="./">this page</a>'
        '<a href="#tasks">above</a>'
        '<a href="../../">home</a>'
    )
    out = rooted(html, "report/plan/", 2, PLACES, SITE)
    assert '<h2 id="p2-tasks">' in out
    assert 'href="https://example.org/plan/report/team/#owner-1"' in out
    assert 'href="#p2-task-1"' in out
    assert out.count('href="#p2"') == 1  # ./
    assert 'href="#p2-tasks"' in out
    assert 'href="#p1"' in out


def test_files_and_other_hosts_keep_working() -> None:
    html = (
        '<a href="../../csv/gaps.csv">csv</a>'
        '<a href="https://kubernetes.io/">k8s</a>'
        '<img src="../../assets/logo.svg">'
    )
    out = rooted(html, "report/plan/", 2, PLACES, SITE)
    assert 'href="https://example.org/plan/csv/gaps.csv"' in out
    assert 'href="https://kubernetes.io/"' in out
    assert 'src="assets/logo.svg"' in out


def _page(title: str, body: str) -> str:
    return (
        '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
        f"</head><body><nav>menu</nav>"
        f'<article class="md-content__inner md-typeset"><h1>{title}</h1>{body}</article>'
        "<footer>foot</footer></body></html>"
    )


def test_the_document_holds_every_page_in_order(tmp_path: Path) -> None:
    (tmp_path / "report" / "plan").mkdir(parents=True)
    (tmp_path / "index.html").write_text(_page("Home", "<p>one</p>"), encoding="utf-8")
    (tmp_path / "report/plan/index.html").write_text(_page("Plan", "<p>two</p>"), "utf-8")
    document = compose(tmp_path, ["", "report/plan/"], SITE)
    assert document.index("<h1>Home</h1>") < document.index("<h1>Plan</h1>")
    assert document.count("<nav>menu</nav>") == 1  # the shell's theme, once
    assert '<section class="plandocs-print-page" id="p2">' in document
    assert "Content-Security-Policy" not in document  # the pages' hashes would block the rest


def test_a_page_without_an_article_is_reported(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<html><body>no theme</body></html>", encoding="utf-8")
    with pytest.raises(PrintError, match="no article element"):
        compose(tmp_path, [""], SITE)


def test_a_diagram_keeps_its_styles_and_references_when_renamed() -> None:
    # A diagram's <style> selects its root by id, its markers are url(#…) references: the
    # print document renamed only the id attributes, and 8 of 10 diagrams printed black.
    svg = (
        '<svg id="mermaid-abc" viewBox="0 0 10 10"><style>#mermaid-abc .node rect{fill:#eee}'
        "#mermaid-abc{--diagram-min-width:300px}</style>"
        '<marker id="mermaid-abc_arrow"></marker>'
        '<path marker-end="url(#mermaid-abc_arrow)"></path></svg>'
    )
    out = rooted(f'<h2 id="a">A</h2><figure class="diagram">{svg}</figure>', "", 3, {}, SITE)
    assert '<h2 id="p3-a">' in out
    renamed = out[out.index("<svg") :]
    assert "mermaid-abc" not in renamed.replace("p3-mermaid-abc", "")
    assert renamed.count("p3-mermaid-abc") == 5
    assert "#p3-mermaid-abc .node rect" in renamed
    assert "url(#p3-mermaid-abc_arrow)" in renamed


@pytest.mark.parametrize(
    "link",
    [
        '<a href="javascript:alert(1)">x</a>',
        "<a href='JavaScript:alert(1)'>x</a>",
        "<a href=javascript:alert(1)>x</a>",
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href=" java\tscript:alert(1)">x</a>',
        '<a href="file:///etc/passwd">x</a>',
        '<a href="data:text/html,<b>x</b>">x</a>',
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    ],
)
def test_the_pdf_keeps_no_link_but_http_and_internal(link: str) -> None:
    out = rooted(f"<p>{link}</p>", "report/plan/", 2, PLACES, SITE)
    assert not re.search(r"href\s*=\s*[\"']?\s*(?:&#106;|java|file|data)", out, re.IGNORECASE)


def test_http_and_internal_links_stay_and_scripts_go() -> None:
    html = (
        '<a href="https://kubernetes.io/">k</a><a href="#tasks">t</a>'
        '<script>while (true) {}</script><a href="../team/">team</a>'
    )
    out = rooted(html, "report/plan/", 2, PLACES, SITE)
    assert 'href="https://kubernetes.io/"' in out
    assert 'href="#p2-tasks"' in out
    assert 'href="https://example.org/plan/report/team/"' in out
    assert "<script" not in out


def test_the_cover_says_what_when_and_where(tmp_path: Path) -> None:
    cover = Cover(
        "en", "A <plan>", ("Source dated 19 Dec 2024", "Online at x"), "Page {page} of {pages}"
    )
    (tmp_path / "index.html").write_text(_page("Home", "<p>one</p>"), encoding="utf-8")
    document = compose(tmp_path, [""], SITE, cover)
    assert document.index("plandocs-print-cover") < document.index("<h1>Home</h1>")
    assert "A &lt;plan&gt;" in document and "Source dated 19 Dec 2024" in document
    footer = cover.footer()
    assert 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>' in footer


def test_covers_come_from_the_data() -> None:
    data = load_dataset(FIXTURE)
    made = covers(data, "https://example.org/plan/", dt.date(2026, 12, 5))
    assert set(made) == set(data.languages.codes)
    for code, cover in made.items():
        assert cover.title == data.source.title(code)
        assert any("https://example.org/plan/" in line for line in cover.lines)
        assert "{" not in "".join(cover.lines) and "{page}" in cover.page_numbers


def test_a_broken_browser_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(_page("Home", "<p>one</p>"), encoding="utf-8")
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    broken.chmod(0o755)
    with pytest.raises(PrintError, match=r"printing downloads/plan\.en\.pdf .*did not start"):
        print_site(tmp_path, {"en": [""]}, SITE, {"PLANDOCS_CHROMIUM": str(broken)})
    with pytest.raises(PrintError, match="there is no browser at /nonexistent/chromium"):
        print_site(tmp_path, {"en": [""]}, SITE, NO_CHROMIUM)

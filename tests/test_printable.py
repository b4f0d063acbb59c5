"""The printable plan's parts that need no browser: when a build prints, and how the pages of a
language become one print document (links kept working inside a PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandocs.printable import PrintError, compose, decide, rooted

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
    with pytest.raises(PrintError, match="PLANDOCS_PDF=on but no browser"):
        decide("build", {**NO_CHROMIUM, "PLANDOCS_PDF": "on"})
    with pytest.raises(PrintError, match="PLANDOCS_PDF=on but no browser"):
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

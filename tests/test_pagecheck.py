"""Hand-written pages are checked as data is: script, event handlers, dangerous links, embedded
documents, markup in front matter texts and malformed front matter are refused with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from plandocs.cli import main
from plandocs.pagecheck import check_docs, check_page
from plandocs.yamlsource import MAX_BYTES
from tests.conftest import FIXTURE, ROOT

ELEMENT = (
    "a `<{}>` element is not allowed in a page: pages hold text, links and images, never code "
    "or embedded documents"
)
HANDLER = "an event-handler attribute (`{}=`) is not allowed in a page: it runs script"
LINK = (
    "a `{}` link or source is not allowed in a page: link to an `https:` address or to a page "
    "or file of the site"
)
STYLE = (
    "a `style` attribute is not allowed in a page: the site's stylesheets style it (and a "
    "page's own styles could dress it up as something else)"
)
MARKUP = (
    "`<`, `>` and `&` are not allowed in `{}`: the theme prints it as HTML, so it must be "
    "plain text"
)


def _problems(text: str) -> list[str]:
    return [str(problem) for problem in check_page(text, "docs/about.en.md")]


def test_the_project_pages_pass() -> None:
    assert check_docs(ROOT / "docs") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<script>alert(1)</script>", f"4:1: text: {ELEMENT.format('script')}"),
        ("x <SCRIPT type=module>go()", f"4:3: text: {ELEMENT.format('script')}"),
        ("<svg><script>alert(1)", f"4:6: text: {ELEMENT.format('script')}"),
        ('<iframe src="https://a.test">', f"4:1: text: {ELEMENT.format('iframe')}"),
        ("<object data=x>", f"4:1: text: {ELEMENT.format('object')}"),
        ("<embed src=x>", f"4:1: text: {ELEMENT.format('embed')}"),
        ('<meta http-equiv="refresh">', f"4:1: text: {ELEMENT.format('meta')}"),
        ("<img src=x onerror=alert(1)>", f"4:12: text: {HANDLER.format('onerror')}"),
        ("<svg/onload=alert(1)>", f"4:6: text: {HANDLER.format('onload')}"),
        ('Text {: onclick="go()" }', f"4:9: text: {HANDLER.format('onclick')}"),
        ('<div style="position:fixed">', f"4:6: text: {STYLE}"),
        ('Text {: style="top:0" }', f"4:9: text: {STYLE}"),
        ("[x](javascript:alert(1))", f"4:5: text: {LINK.format('javascript:')}"),
        ("[x]( JaVa&#x53;cript&colon;alert(1))", f"4:6: text: {LINK.format('javascript:')}"),
        ("[x](java\\script:alert(1))", f"4:5: text: {LINK.format('javascript:')}"),
        ("[x](<javascript:alert(1)>)", f"4:6: text: {LINK.format('javascript:')}"),
        ("<javascript:alert(1)>", f"4:2: text: {LINK.format('javascript:')}"),
        ("[x]: file:///etc/passwd", f"4:6: text: {LINK.format('file:')}"),
        ('<a href="data:text/html,x">x</a>', f"4:10: text: {LINK.format('data:')}"),
        ("<a href=vbscript:x>x</a>", f"4:9: text: {LINK.format('vbscript:')}"),
        ('<svg><a xlink:href="javascript:x">', f"4:21: text: {LINK.format('javascript:')}"),
    ],
)
def test_code_and_dangerous_links_in_a_page_are_refused(line: str, expected: str) -> None:
    text = f"# About {{#about}}\n\nIntro.\n{line}\n"
    assert _problems(text) == [f"docs/about.en.md:{expected}"]


def test_a_location_counts_the_front_matter_lines() -> None:
    text = '---\ntranslated_from:\n  about: "0a234567"\n---\n# About\n\n[x](javascript:go)\n'
    assert _problems(text) == [f"docs/about.en.md:7:5: text: {LINK.format('javascript:')}"]


def test_plain_words_and_safe_links_pass() -> None:
    text = (
        "# Data and files\n\nThe metadata: one file (data: CSV). Turn on = off. Upon=x.\n"
        "[site](https://example.org/a?on=1&b=2) [page](report/plan.md#x) `<b>` <b>bold</b>\n"
    )
    assert _problems(text) == []


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        (
            'title: "</title><script>alert(1)</script>"',
            f"2:1: title: {MARKUP.format('title')}",
        ),
        ("description: A &amp; B", f"2:1: description: {MARKUP.format('description')}"),
        ("title: [a, b]", "2:1: title: `title` is a text"),
        (
            "template: redirect.html",
            "2:1: template: unknown front matter key `template` (allowed: `title`, "
            "`description`, `translated_from`, `hide`)",
        ),
        (
            "- a list",
            "2:1: front matter: the front matter is not a mapping of keys: MkDocs "
            "would show it as text",
        ),
    ],
)
def test_front_matter_is_refused_where_the_theme_would_misread_it(
    front: str, expected: str
) -> None:
    assert _problems(f"---\n{front}\n---\n# About\n") == [f"docs/about.en.md:{expected}"]


def test_unclosed_front_matter_is_refused() -> None:
    assert _problems("---\ntitle: About\n# About\n") == [
        "docs/about.en.md:1:1: front matter: the front matter has no closing `---` line: "
        "MkDocs would show it as text"
    ]


@pytest.mark.parametrize(
    "text", ["Title: </title><script>x</script>\n\n# About\n", "template: redirect.html\n# About\n"]
)
def test_metadata_lines_without_front_matter_are_refused(text: str) -> None:
    # MkDocs reads MultiMarkdown-style `key: value` lines at the top of a page as its metadata.
    assert _problems(text)[0] == (
        "docs/about.en.md:1:1: front matter: a first line `key: value` is read by MkDocs as the "
        "page's metadata: start the page with its heading, or write front matter between `---` "
        "lines"
    )


def test_front_matter_closed_on_the_last_line_without_a_newline_is_refused() -> None:
    # MkDocs needs a line break after the closing `---`: without one, it shows the YAML as text.
    assert _problems("---\ntitle: About\n---") == [
        "docs/about.en.md:1:1: front matter: the front matter has no closing `---` line: "
        "MkDocs would show it as text"
    ]


def test_an_unclosed_front_matter_is_checked_as_the_page_text_it_becomes() -> None:
    assert _problems("---\ntitle: About\n<script>x</script>\n")[1:] == [
        f"docs/about.en.md:3:1: text: {ELEMENT.format('script')}"
    ]


def test_crlf_pages_are_read_as_mkdocs_reads_them() -> None:
    text = "\ufeff---\r\ntitle: About\r\n---\r\n# About\r\n\r\n[x](javascript:go)\r\n"
    assert _problems(text) == [f"docs/about.en.md:6:5: text: {LINK.format('javascript:')}"]


def test_svg_animation_is_refused() -> None:
    text = '# A\n\n<svg><a><animate attributeName=href values="#;javascript:x"/></a></svg>\n'
    assert _problems(text) == [f"docs/about.en.md:3:9: text: {ELEMENT.format('animate')}"]


def test_other_markdown_file_names_are_checked(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "evil.en.markdown").write_text("# E\n\n<script>x</script>\n", encoding="utf-8")
    assert [str(p) for p in check_docs(docs)] == [
        "docs/evil.en.markdown:1:1: a page's file name is lowercase letters, digits and "
        "hyphens, then `.<language>.md` (e.g. `about.en.md`), in folders named the same way",
        f"docs/evil.en.markdown:3:1: text: {ELEMENT.format('script')}",
    ]


def test_broken_yaml_in_front_matter_is_located_in_the_page() -> None:
    [problem] = _problems("---\ntitle: About\ntitle: Again\n---\n# About\n")
    assert problem.startswith("docs/about.en.md:3:1: ")
    assert "duplicate key" in problem


@pytest.mark.parametrize(
    "name", ["javascript:alert(1).en.md", "About.en.md", "about.md", "a b.en.md", "x).en.md"]
)
def test_a_page_name_must_be_plain(tmp_path: Path, name: str) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / name).write_text("# About\n", encoding="utf-8")
    assert [str(p) for p in check_docs(docs)] == [
        f"docs/{name}:1:1: a page's file name is lowercase letters, digits and hyphens, then "
        "`.<language>.md` (e.g. `about.en.md`), in folders named the same way"
    ]


@pytest.mark.parametrize("name", ["evil.html", "assets/x.xhtml", "feed.xml"])
def test_a_file_served_as_a_page_of_its_own_is_refused(tmp_path: Path, name: str) -> None:
    docs = tmp_path / "docs"
    (docs / name).parent.mkdir(parents=True)
    (docs / name).write_text("<script>alert(1)</script>", encoding="utf-8")
    suffix = Path(name).suffix
    assert [str(p) for p in check_docs(docs)] == [
        f"docs/{name}:1:1: a `{suffix}` file is served as a page of its own, without the site's "
        "Content-Security-Policy: write a Markdown page or use an image format"
    ]


def test_a_page_too_large_to_check_whole_is_refused(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    text = "# Big\n\n" + "x" * MAX_BYTES + "\n<script>x</script>\n"
    (docs / "big.en.md").write_text(text, encoding="utf-8")
    size = len(text.encode("utf-8"))
    assert [str(p) for p in check_docs(docs)] == [
        f"docs/big.en.md:1:1: the page is {size} bytes; pages are limited to {MAX_BYTES}"
    ]


def test_generated_pages_are_not_checked(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "report").mkdir(parents=True)
    (docs / "report" / "x.en.md").write_text("<script>1</script>", encoding="utf-8")
    assert check_docs(docs) == []


def test_check_refuses_a_page_with_script(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.en.md").write_text("# About\n\n<script>x</script>\n", "utf-8")
    code = main(["--data", str(FIXTURE), "--docs", "docs", "check"])
    assert code == 1
    err = capsys.readouterr().err
    # The report words each message in every language (data/messages.yml): the English is there.
    [line] = [line for line in err.splitlines() if line.startswith("docs/about.en.md:3:1: text: ")]
    assert ELEMENT.format("script") in line

"""Text is text in every template slot: script and markup in texts that pass the check (a page
title, a section heading, an abbreviation's expansion) come out inert in `<title>`, the header,
the navigation, the table of contents, the footer, the search index and the page; texts the
theme would decode or print raw (front matter, mkdocs.yml) are refused by the build."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import material  # type: ignore[import-untyped]
import pytest
import yaml

from plandocs.csp import shipped_scripts
from tests.conftest import FIXTURE, HOSTILE_LABELS, ROOT, copy_project, run_mkdocs_build

pytestmark = pytest.mark.build

THEME = Path(material.__file__).parent / "templates"


class _Page(HTMLParser):
    """What a page holds that could run, and the text of its <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.scripts: list[str] = []
        self.title = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if (found.get("id") or "").startswith("pwned"):
            self.live.append(f"<{tag} id={found['id']}>")
        self.live += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]
        executable = "src" not in found and found.get("type") in (None, "module")
        if tag == "script" and executable:
            self.scripts.append("")
            self._in = "script"
        elif tag == "title" and not self.title:
            self._in = "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "title":
            self.title += data


def _read(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _label(old: str) -> str:
    """Return the hostile label that replaced `old`, as the data holds it (YAML decoded)."""
    return str(yaml.safe_load(HOSTILE_LABELS[old].strip().split(": ", 1)[1]))


def test_no_page_holds_live_markup_from_data(hostile_site: Path) -> None:
    shipped = set(shipped_scripts([ROOT / "overrides", THEME]))
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        page = _read(path)
        assert page.live == [], path
        assert [s for s in page.scripts if s not in shipped] == [], path


@pytest.mark.parametrize(
    ("route", "old", "site_name"),
    [
        ("en/report/risks/index.html", "    en: Risks and mitigation\n", "en"),
        ("report/risks/index.html", "    zh: 风险识别与缓解\n", "zh"),
    ],
)
def test_a_page_title_is_shown_as_typed_in_the_title(
    hostile_site: Path, route: str, old: str, site_name: str
) -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    names = re.findall(r"^ *site_name: (.+)$", config, re.MULTILINE)
    name = names[0] if site_name == "zh" else names[1]
    assert _read(hostile_site / route).title == f"{_label(old)} - {name}"


def test_the_search_index_holds_no_markup_from_data(hostile_site: Path) -> None:
    for index in (hostile_site / "search", hostile_site / "en" / "search"):
        docs = json.loads((index / "search_index.json").read_text(encoding="utf-8"))["docs"]
        titles = [doc["title"] for doc in docs if "Risk" in doc["title"] or "风险" in doc["title"]]
        assert titles, index
        for doc in docs:
            for field in ("title", "text"):
                assert not re.search(r"<(script|img|b)\b", doc[field]), (doc["location"], field)


def _located(report: str, where: str, message: str) -> bool:
    """Return whether a line of `report` is located at `where` and says `message` (the report words
    each message in every language: data/messages.yml)."""
    return any(where in line and message in line for line in report.splitlines())


def _append_front_matter(path: Path, front: str) -> None:
    path.write_text(f"---\n{front}\n---\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


def test_markup_in_a_front_matter_title_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", data=FIXTURE, diagram_cache=False)
    _append_front_matter(project / "docs" / "summary.en.md", 'title: "</title><script>x</script>"')
    result = run_mkdocs_build(project, tmp_path / "site", PLANDOCS_DIAGRAMS="client")
    assert result.returncode == 1
    assert _located(
        result.stderr,
        "docs/summary.en.md:2:1: title: ",
        "`<`, `>` and `&` are not allowed in `title`: the theme prints it as HTML, so it must be "
        "plain text",
    )
    assert "Traceback" not in result.stderr


def test_script_in_a_hand_written_page_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", data=FIXTURE, diagram_cache=False)
    page = project / "docs" / "about.en.md"
    text = page.read_text(encoding="utf-8")
    line = text.count("\n") + 2
    page.write_text(text + "\n<svg><script>alert(1)</script></svg>\n", encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site", PLANDOCS_DIAGRAMS="client")
    assert result.returncode == 1
    assert _located(
        result.stderr,
        f"docs/about.en.md:{line}:6: text: ",
        "a `<script>` element is not allowed in a page: pages hold text, links and images, never "
        "code or embedded documents",
    )
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("site_name: 容器", "site_name: <script>x</script>容器", "site_name"),
        (
            "            首页: Home",
            '            首页: Home"><img src=x onerror=alert(1)>',
            "plugins.i18n.languages[1].nav_translations.首页",
        ),
        ("  - 首页: index.md", "  - 首页 &lt;b&gt;: index.md", "nav[0]"),
        ("          name: English", "          name: English<b>", "plugins.i18n.languages[1].name"),
        (
            "        name: 切换到深色模式",
            '        name: 切换到深色模式" autofocus onfocus="alert(1)',
            "theme.palette[0].toggle.name",
        ),
    ],
)
def test_markup_in_a_text_of_mkdocs_yml_stops_the_build(
    tmp_path: Path, old: str, new: str, where: str
) -> None:
    project = copy_project(tmp_path / "project", data=FIXTURE, diagram_cache=False)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site", PLANDOCS_DIAGRAMS="client")
    assert result.returncode == 1
    assert (
        f'mkdocs.yml: {where}: `<`, `>`, `&` and `"` are not allowed: the theme prints this '
        "text as HTML, so it must be plain text"
    ) in result.stderr
    assert "Traceback" not in result.stderr

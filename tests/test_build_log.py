"""A build of a copy of the project outside git (as from an archive): every line it prints is
MkDocs' own log format (no third-party library prints its own lines: jieba did, "Building prefix
dict from the default dictionary ...", once a build); each language still has its changes page,
saying that there is no history, and a valid Atom feed that every page links to."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, copy_project, run_mkdocs_build

pytestmark = pytest.mark.build

_MKDOCS_LINE = re.compile(r"^(INFO|WARNING|ERROR|DEBUG) +-  ")
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def archive_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("archive")
    project = copy_project(root / "project", data=FIXTURE)
    result = run_mkdocs_build(project, root / "site", PLANDOCS_DIAGRAMS="client")
    assert result.returncode == 0, result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    return root / "site", lines


def test_the_build_log_has_no_third_party_lines(archive_build: tuple[Path, list[str]]) -> None:
    _, lines = archive_build
    assert any("Documentation built" in line for line in lines)
    foreign = [line for line in lines if not _MKDOCS_LINE.match(line)]
    assert foreign == []
    assert not [line for line in lines if "jieba" in line.lower() or "prefix dict" in line]


def test_without_git_each_language_says_so_and_keeps_a_valid_feed(
    archive_build: tuple[Path, list[str]],
) -> None:
    site, _ = archive_build
    assert subprocess.run(["git", "-C", str(site), "rev-parse"], capture_output=True).returncode
    assert "这次构建没有 Git 历史" in (site / "report" / "changes" / "index.html").read_text(
        "utf-8"
    )
    english = (site / "en" / "report" / "changes" / "index.html").read_text("utf-8")
    assert "This build has no Git history" in english
    for code in ("zh", "en"):
        # Material's script fetches sitemap.xml beside every <link rel="alternate">: it is there.
        assert (site / f"feed-{code}.atom").with_name("sitemap.xml").is_file()
        feed = ET.parse(site / f"feed-{code}.atom").getroot()
        assert feed.tag == f"{ATOM}feed"
        assert feed.findtext(f"{ATOM}id") and feed.findtext(f"{ATOM}updated")
        assert len(feed.findall(f"{ATOM}entry")) == 1


@pytest.mark.parametrize(
    ("page", "feed"),
    [("index.html", "feed-zh.atom"), ("en/report/risks/index.html", "../../../feed-en.atom")],
)
def test_every_page_links_its_languages_feed(
    archive_build: tuple[Path, list[str]], page: str, feed: str
) -> None:
    site, _ = archive_build
    html = (site / page).read_text(encoding="utf-8")
    assert f'<link rel="alternate" type="application/atom+xml" href="{feed}"' in html
    pages = [p for p in site.rglob("index.html") if "assets" not in p.parts]
    assert all('type="application/atom+xml"' in p.read_text(encoding="utf-8") for p in pages)

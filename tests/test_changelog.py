"""What changed, for readers: records added, changed and removed from git history; the changes
page and the Atom feed of each language; a shallow clone and a build outside git."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from plandocs.changelog import History, history
from plandocs.feeds import atom
from plandocs.loader import load_dataset
from plandocs.pages import changes
from plandocs.site import languages
from tests.conftest import FIXTURE

ATOM = "{http://www.w3.org/2005/Atom}"
NOW = dt.datetime(2026, 12, 5, tzinfo=dt.UTC)


def git(root: Path, *args: str) -> None:
    base = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(root)]
    subprocess.run([*base, *args], check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """A git repository holding the fixture dataset, then three commits of changes."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root / "data")
    (root / "docs").mkdir()
    (root / "docs" / "about.zh.md").write_text("# 关于\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    risks = root / "data" / "risks.yml"
    risks.write_text(risks.read_text("utf-8").replace("zh: 质量下降", "zh: 质量明显下降"), "utf-8")
    git(root, "commit", "-qam", "a risk changes")
    risks.write_text(risks.read_text("utf-8").replace("- id: r3", "- id: r9"), "utf-8")
    (root / "docs" / "about.zh.md").write_text("# 关于本站\n", encoding="utf-8")
    git(root, "commit", "-qam", "a risk renamed, a page changed")
    return root


def test_records_added_changed_and_removed_per_commit(repository: Path) -> None:
    found = history(repository)
    assert found.available and not found.shallow
    newest, middle, first = found.commits
    assert {(e.file, e.record, e.kind) for e in newest.entries} == {
        ("data/risks.yml", "risks:r3", "removed"),
        ("data/risks.yml", "risks:r9", "added"),
        ("docs/about.zh.md", "", "changed"),
    }
    assert [(e.record, e.kind) for e in middle.entries] == [("risks:r2", "changed")]
    assert all(e.kind == "added" and e.record == "" for e in first.entries)


def test_the_changes_page_lists_each_record_with_its_date_and_page(repository: Path) -> None:
    data = load_dataset(FIXTURE)
    zh, en = languages(data)
    found = history(repository)
    english = changes.render(data, en, found)
    assert "| [data/risks.yml](risks.md#risks) | r9 | added |" in english
    assert "[docs/about.zh.md](../about.md)" in english
    assert "(../feed-en.atom)" in english
    assert "| 新增 |" in changes.render(data, zh, found)


def test_each_language_has_a_valid_feed_with_an_entry_a_commit(repository: Path) -> None:
    data = load_dataset(FIXTURE)
    found = history(repository)
    for lang in languages(data):
        feed = ET.fromstring(atom(data, lang, found, "https://example.org/site/", NOW))
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == 3
        for entry in entries:
            assert entry.findtext(f"{ATOM}id", "").startswith("tag:example.org,")
            assert entry.findtext(f"{ATOM}title") and entry.findtext(f"{ATOM}updated")
        links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
        assert links["self"] == f"https://example.org/site/feed-{lang.code}.atom"
        prefix = "" if lang.source else f"{lang.code}/"
        assert links["alternate"] == f"https://example.org/site/{prefix}report/changes/"


def test_a_shallow_clone_says_so(repository: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repository}", str(clone)], check=True
    )
    found = history(clone)
    assert found.shallow and len(found.commits) == 1
    data = load_dataset(FIXTURE)
    assert "shallow clone" in changes.render(data, languages(data)[1], found)


def test_outside_git_the_page_says_so_and_the_feed_keeps_one_entry(tmp_path: Path) -> None:
    found = history(tmp_path)
    assert found == History(available=False)
    data = load_dataset(FIXTURE)
    english = languages(data)[1]
    assert "no Git history" in changes.render(data, english, found)
    feed = ET.fromstring(atom(data, english, found, "https://example.org/", NOW))
    assert len(feed.findall(f"{ATOM}entry")) == 1

"""`plandocs changes BASE`: the pages, data records and translations a pull request changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from plandocs.changes import compare, page_address, summary, summary_or_problem
from tests.conftest import FIXTURE, ROOT


def checkout(folder: Path) -> Path:
    """Return a data folder of the fixture dataset with the project's docs/ beside it."""
    shutil.copytree(FIXTURE, folder / "data")
    shutil.copytree(ROOT / "docs", folder / "docs", ignore=shutil.ignore_patterns("report"))
    return folder / "data"


def test_no_change_gives_empty_lists(tmp_path: Path) -> None:
    base, head = checkout(tmp_path / "base"), checkout(tmp_path / "head")
    found = compare(base, head)
    assert (found.pages, found.records, found.translations) == ([], [], [])
    assert "No page changes" in summary(found)


def test_a_changed_record_its_pages_and_its_translation_are_listed(tmp_path: Path) -> None:
    base, head = checkout(tmp_path / "base"), checkout(tmp_path / "head")
    risks = head / "risks.yml"
    risks.write_text(
        risks.read_text(encoding="utf-8").replace("zh: 质量下降", "zh: 质量明显下降", 1), "utf-8"
    )
    found = compare(base, head)
    assert [(c.file, c.key, c.kind) for c in found.records] == [
        ("data/risks.yml", "risks:r2", "changed")
    ]
    assert {c.file for c in found.pages} >= {"report/risks.zh.md", "report/risks.en.md"}
    assert ("data/risks.yml", "risks[1].impacts[0].en", "current", "stale") in found.translations
    text = summary(found)
    assert "| changed | data/risks.yml | risks:r2 |" in text
    assert "`en/report/risks/`" in text and "`report/risks/`" in text


def test_added_and_removed_records(tmp_path: Path) -> None:
    base, head = checkout(tmp_path / "base"), checkout(tmp_path / "head")
    risks = head / "risks.yml"
    risks.write_text(risks.read_text(encoding="utf-8").replace("- id: r2", "- id: r9"), "utf-8")
    kinds = {(c.key, c.kind) for c in compare(base, head).records}
    assert {("risks:r2", "removed"), ("risks:r9", "added")} <= kinds


def test_bad_data_on_either_side_is_a_line_not_a_traceback(tmp_path: Path) -> None:
    base, head = checkout(tmp_path / "base"), checkout(tmp_path / "head")
    (head / "risks.yml").write_text("risks: [", encoding="utf-8")
    assert "does not load" in summary_or_problem(base, head)


def test_page_addresses() -> None:
    assert page_address("report/risks.zh.md", "zh") == "report/risks/"
    assert page_address("report/risks.en.md", "zh") == "en/report/risks/"

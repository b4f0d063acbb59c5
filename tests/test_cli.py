"""`python -m plandocs`: check, generate and schema, with exit codes and no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from plandocs.cli import main
from plandocs.registry import PAGES
from tests.conftest import ROOT, DataCopy

DERIVED_PAGES = ("source", "downloads", "translations", "changes")
"""The pages a build makes from more than one data file (tests/sitepages.py's DERIVED)."""


def test_check_passes_on_the_real_data() -> None:
    assert main(["--data", str(ROOT / "data"), "check"]) == 0


def test_check_fails_with_located_messages_and_no_traceback(data_copy: DataCopy) -> None:
    line = data_copy.replace("team.yml", "count: 2", "count: two")
    result = subprocess.run(
        [sys.executable, "-m", "plandocs", "--data", "data", "check"],
        cwd=data_copy.folder.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"data/team.yml:{line}:12: core[1].count: 条目 2 (developer)："
        "（此消息暂无中文）Input should be a valid integer (got 'two')",
        "    item 2 (developer): Input should be a valid integer (got 'two')",
        "1 problem in data/ / data/ 中有 1 个问题",
    ]
    assert "Traceback" not in result.stderr


def test_generate_writes_every_page_and_removes_stale_ones(tmp_path: Path) -> None:
    stale = tmp_path / "report" / "old.zh.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    assert main(["--data", str(ROOT / "data"), "generate", str(tmp_path)]) == 0
    written = sorted(p.name for p in (tmp_path / "report").iterdir())
    slugs = [*(family.name for family in PAGES), *DERIVED_PAGES]
    assert written == sorted(f"{slug}.{lang}.md" for slug in slugs for lang in ("zh", "en"))
    before = {p: p.stat().st_mtime_ns for p in (tmp_path / "report").iterdir()}
    assert main(["--data", str(ROOT / "data"), "generate", str(tmp_path)]) == 0
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "report").iterdir()} == before


def test_check_can_print_github_annotations(data_copy: DataCopy) -> None:
    count = data_copy.replace("team.yml", "count: 2", "count: two")
    amount = data_copy.replace("budget.yml", "amount: 30000", "amount: 30,000")
    result = subprocess.run(
        [sys.executable, "-m", "plandocs", "--data", "data", "check", "--format", "github"],
        cwd=data_copy.folder.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    budget_line = "预算类别 1 (personnel) › 预算分组 1 (core-team) › 预算行 2 (developer)"
    english_line = "budget category 1 (personnel) › budget group 1 (core-team) › budget line 2"
    assert result.stdout.splitlines() == [
        f"::error file=data/budget.yml,line={amount},col=21,"
        "title=categories[0].groups[0].lines[1].amount::"
        f"{budget_line}：（此消息暂无中文）Input should be a valid integer (got '30,000')%0A"
        f"{english_line} (developer): Input should be a valid integer (got '30,000')",
        f"::error file=data/team.yml,line={count},col=12,title=core[1].count::"
        "条目 2 (developer)：（此消息暂无中文）Input should be a valid integer (got 'two')%0A"
        "item 2 (developer): Input should be a valid integer (got 'two')",
    ]
    assert result.stderr.splitlines()[-1] == "2 problems in data/ / data/ 中有 2 个问题"


def test_an_annotation_cannot_be_forged_or_broken_by_data() -> None:
    from plandocs.problems import Problem

    problem = Problem("data/a.yml", 3, 4, "x,y:z", "bad%value\n::error file=README.md::pwned")
    assert problem.github() == (
        "::error file=data/a.yml,line=3,col=4,title=x%2Cy%3Az::"
        "bad%25value\\n::error file=README.md::pwned"
    )

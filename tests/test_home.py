"""The front page's plan at a glance comes from data: a contributor changes a budget line (and
the totals the source states) and both languages' front pages follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import copy_project, run_mkdocs_build
from tests.sitepages import read_page

pytestmark = pytest.mark.build


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_front_page_follows_a_budget_change(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    budget = project / "data" / "budget.yml"
    # The project manager's line, then the subtotal and totals the source states above it.
    _replace(
        budget,
        "amount: 15000\n            role: project-manager",
        "amount: 25000\n            role: project-manager",
    )
    _replace(budget, "stated_subtotal: 135000", "stated_subtotal: 145000")
    _replace(budget, "stated_total: 160000", "stated_total: 170000")
    _replace(budget, "stated_total: 176800", "stated_total: 186800")
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site, PLANDOCS_DIAGRAMS="client")
    assert result.returncode == 0, result.stderr
    zh = read_page(site / "index.html").content_text
    en = read_page(site / "en" / "index.html").content_text
    assert "预算总计 $186,800" in zh and "176,800" not in zh
    assert "Total budget US$186,800" in en and "176,800" not in en

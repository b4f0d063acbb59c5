"""The front page's plan at a glance comes from data: a contributor changes a budget line (and
the totals the source states) and both languages' front pages follow."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURE, copy_project, run_mkdocs_build
from tests.sitepages import read_page

pytestmark = pytest.mark.build


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_front_page_follows_a_budget_change(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", data=FIXTURE)  # no content change breaks it
    budget = project / "data" / "budget.yml"
    # The theorist's line, then the subtotal and totals stated above it.
    _replace(budget, "amount: 20000", "amount: 30000")
    _replace(budget, "stated_subtotal: 50000", "stated_subtotal: 60000")
    _replace(budget, "stated_total: 67500", "stated_total: 77500")
    _replace(budget, "stated_total: 71700", "stated_total: 81700")
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site, PLANDOCS_DIAGRAMS="client")
    assert result.returncode == 0, result.stderr
    zh = read_page(site / "index.html").content_text
    en = read_page(site / "en" / "index.html").content_text
    glance = zh[zh.find("$81,700") :][:40]
    assert "$81,700 预算总计" in zh and "71,700" not in zh, glance
    assert "US$81,700 Total budget" in en and "71,700" not in en

"""A quiet build: every line `mkdocs build` prints is MkDocs' own log format (the project's, its
plugins' and MkDocs' messages); no third-party library prints its own lines (jieba did: "Building
prefix dict from the default dictionary ...", once a build)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, copy_project, run_mkdocs_build

pytestmark = pytest.mark.build

_MKDOCS_LINE = re.compile(r"^(INFO|WARNING|ERROR|DEBUG) +-  ")


def test_the_build_log_has_no_third_party_lines(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", data=FIXTURE)
    result = run_mkdocs_build(project, tmp_path / "site", PLANDOCS_DIAGRAMS="client")
    assert result.returncode == 0, result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert any("Documentation built" in line for line in lines)
    foreign = [line for line in lines if not _MKDOCS_LINE.match(line)]
    assert foreign == []
    assert not [line for line in lines if "jieba" in line.lower() or "prefix dict" in line]

"""`make` checks the Python it builds .venv with, names the version it found when that one is too
old, and rebuilds .venv when the interpreter changes (tools/venv-python.sh)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def fake_python(folder: Path, version: tuple[int, int, int]) -> Path:
    """Return an interpreter that runs this Python but reports `version` (as Debian 12's 3.11.2
    would), the way the Makefile asks: `python -c CODE`."""
    script = folder / f"python{'.'.join(map(str, version))}"
    patch = f"import sys; sys.version_info = {(*version, 'final', 0)!r}; exec(sys.argv[2])"
    script.write_text(f'#!/bin/sh\nexec {sys.executable} -c "{patch}" -c "$2"\n')
    script.chmod(0o755)
    return script


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    shutil.copytree(ROOT / "tools", tmp_path / "tools")
    return tmp_path


def check(project: Path, python: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-s", "python-check", f"PYTHON={python}"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_a_python_too_old_is_named_with_the_version_needed(project: Path) -> None:
    result = check(project, fake_python(project, (3, 11, 2)))
    assert result.returncode != 0
    assert "found Python 3.11.2" in result.stdout
    assert "needs Python 3.11.5 or newer" in result.stdout
    assert "make PYTHON=python3.12 setup" in result.stdout
    assert not (project / ".venv").exists()


def test_an_interpreter_that_does_not_run_is_named(project: Path) -> None:
    result = check(project, "no-such-python3")
    assert result.returncode != 0
    assert "'no-such-python3' does not run" in result.stdout


def test_another_interpreter_rebuilds_the_environment(project: Path) -> None:
    first = fake_python(project, (3, 12, 1))
    assert check(project, first).returncode == 0
    stamp = project / ".venv" / ".interpreter"
    assert stamp.read_text().startswith("3.12.1 ")
    (project / ".venv" / "installed").touch()
    before = stamp.stat().st_mtime_ns
    assert check(project, first).stdout == ""  # the same interpreter: nothing is rebuilt
    assert stamp.stat().st_mtime_ns == before and (project / ".venv" / "installed").exists()
    second = check(project, fake_python(project, (3, 13, 0)))
    assert second.returncode == 0
    assert "rebuilding it with Python 3.13.0" in second.stdout
    assert not (project / ".venv" / "installed").exists()
    assert stamp.read_text().startswith("3.13.0 ")

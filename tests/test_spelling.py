"""The prose is spelt right, in British English (codespell with the project's settings in
pyproject.toml and its American-to-British dictionary)."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

from tests.conftest import ROOT

PROSE = shlex.split(
    next(
        line.split(":=", 1)[1]
        for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
        if line.startswith("PROSE :=")
    )
)


def codespell(*paths: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "codespell"), *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_prose_is_spelt_right() -> None:
    result = codespell(*PROSE)
    assert result.returncode == 0, result.stdout


def test_american_spellings_and_typos_are_found(tmp_path: Path) -> None:
    sample = tmp_path / "sample.yml"
    sample.write_text(
        "advisors:\n  - id: academic-advisor\n    title:\n"
        "      en: Our advisors organize the work; it's recieved {advisors}\n",
        encoding="utf-8",
    )
    found = [line.split(": ", 1)[1] for line in codespell(sample).stdout.splitlines()]
    assert found == ["advisors ==> advisers", "organize ==> organise", "recieved ==> received"]

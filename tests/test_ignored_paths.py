"""No file is tracked under a git-ignored path: the build reads those folders (the diagram cache,
the generated pages) as its own output, so a committed file there must fail the checks."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout


def test_this_checkout_tracks_nothing_under_an_ignored_path() -> None:
    assert _git(ROOT, "ls-files", "-ci", "--exclude-standard") == ""


def test_make_lint_ignored_fails_on_a_committed_cache_file(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    shutil.copy(ROOT / "Makefile", repo / "Makefile")
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    cached = repo / ".cache" / "diagrams" / "0123456789abcdef0123.svg"
    cached.parent.mkdir(parents=True)
    cached.write_text("<svg><script>alert(1)</script></svg>", encoding="utf-8")
    _git(repo, "add", "-f", ".gitignore", ".cache/diagrams/0123456789abcdef0123.svg")
    done = subprocess.run(
        ["make", "-s", "lint-ignored"], cwd=repo, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert done.stdout.splitlines() == [
        "Tracked files under git-ignored paths (the build would trust them as its own output);",
        "remove them with `git rm --cached`:",
        ".cache/diagrams/0123456789abcdef0123.svg",
    ]

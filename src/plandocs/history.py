"""When each file last changed, from git history: pages show it as their last update, and the
data downloads as their date. A build outside git (an archive) gets nothing and goes on."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_changes(root: Path, paths: tuple[str, ...] = ("data", "docs")) -> dict[str, dt.datetime]:
    """Return each file under `paths` (relative to `root`) -> the commit time of its last change.

    One `git log` for the whole history; empty when `root` is not a git checkout.
    """
    log = git_output(root, "log", "--format=@%ct", "--name-only", "--no-renames", "--", *paths)
    if log is None:
        return {}
    changes: dict[str, dt.datetime] = {}
    when: dt.datetime | None = None
    for line in log.splitlines():
        if line.startswith("@"):
            when = dt.datetime.fromtimestamp(int(line[1:]), tz=dt.UTC)
        elif line and when is not None:
            changes.setdefault(line, when)  # newest first: the first seen is the last change
    return changes


def latest(changes: dict[str, dt.datetime], prefix: str) -> dt.datetime | None:
    """Return the last change of any file under `prefix`, or None."""
    times = [when for path, when in changes.items() if path.startswith(prefix)]
    return max(times) if times else None


def git_output(root: Path, *args: str) -> str | None:
    """Return what `git ARGS` prints in `root`, or None where git or the history is not there."""
    try:
        return subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None

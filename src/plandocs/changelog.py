"""What changed, for readers: the records of data/ and the pages of docs/ that recent commits
added, changed or removed, from git history (the changes page and the Atom feeds).

A record is an item with an `id` in a list of a data file (a risk, a task, a budget line); a
commit that changes a data file outside its records changes "the whole file"; a hand-written
page (`docs/*.md`) is a record of its own. Assets under docs/ are the site's, not content. A
build outside git (an archive) or from a shallow clone still works: the history says so, and
the page with it.
The files of older commits were checked when they were merged; they are read with the safe
C loader, capped in size like any data file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml

from plandocs.yamlsource import MAX_BYTES

Kind = Literal["added", "changed", "removed"]
COMMITS = 40
"""How many commits that touched data/ or docs/ the page and the feeds go back."""
_SKIPPED = ("data/schema/", "data/source/", "docs/report/")
_KINDS: Mapping[str, Kind] = MappingProxyType({"A": "added", "D": "removed"})


@dataclass(frozen=True)
class Entry:
    """One record or page that one commit added, changed or removed (`record` "" = the file)."""

    file: str
    record: str
    kind: Kind
    exists: bool = True
    """Whether the file is still there (a page that is gone cannot be linked)."""


@dataclass(frozen=True)
class Commit:
    """A commit that changed data/ or docs/, with what it changed."""

    sha: str
    when: dt.datetime
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class History:
    """The recent history of data/ and docs/: `available` is False outside git."""

    available: bool
    shallow: bool = False
    commits: tuple[Commit, ...] = field(default_factory=tuple)


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes | None:
    try:
        return subprocess.run(
            ["git", *args], cwd=root, input=stdin, capture_output=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def history(root: Path, limit: int = COMMITS) -> History:
    """Return the last `limit` commits that changed data/ or docs/ under `root`, newest first."""
    log = _git(
        root,
        "log",
        f"-n{limit}",
        "--format=@%H %P|%ct",
        "--name-status",
        "--no-renames",
        "--",
        "data",
        "docs",
    )
    if log is None:
        return History(available=False)
    shallow = (_git(root, "rev-parse", "--is-shallow-repository") or b"").strip() == b"true"
    parsed: list[tuple[str, str, dt.datetime, list[tuple[str, str]]]] = []
    for line in log.decode("utf-8", "replace").splitlines():
        if line.startswith("@"):
            shas, seconds = line[1:].rsplit("|", 1)
            sha, *parents = shas.split()
            stamp = dt.datetime.fromtimestamp(int(seconds), tz=dt.UTC)
            parsed.append((sha, parents[0] if parents else "", stamp, []))
        elif "\t" in line and parsed:
            status, path = line.split("\t", 1)
            if path.endswith((".yml", ".md")) and not path.startswith(_SKIPPED):
                parsed[-1][3].append((status[:1], path))
    wanted = [
        f"{rev}:{path}"
        for sha, parent, _, files in parsed
        for status, path in files
        if path.endswith(".yml")
        for rev in ((parent, sha) if status == "M" and parent else ())
    ]
    blobs = _blobs(root, wanted)
    commits = []
    for sha, parent, when, files in parsed:
        entries: list[Entry] = []
        for status, path in files:
            kind = _KINDS.get(status, "changed")
            if status == "M" and path.endswith(".yml") and parent:
                before = records(blobs.get(f"{parent}:{path}"))
                after = records(blobs.get(f"{sha}:{path}"))
                found = _differences(path, before, after)
                entries += found or [Entry(path, "", "changed")]
            else:
                entries.append(Entry(path, "", kind))
        if entries:
            gone = {e.file for e in entries if not (root / e.file).is_file()}
            entries = [replace(e, exists=False) if e.file in gone else e for e in entries]
            commits.append(Commit(sha, when, tuple(entries)))
    return History(available=True, shallow=shallow, commits=tuple(commits))


def _blobs(root: Path, names: list[str]) -> dict[str, bytes]:
    """Return the content of each `rev:path` (one `git cat-file --batch` for all)."""
    if not names:
        return {}
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{n}\n" for n in names).encode())
    found: dict[str, bytes] = {}
    at = 0
    for name in names:
        if out is None:
            break
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[name] = out[at : at + size]
            at += size + 1
    return found


def records(raw: bytes | None) -> dict[str, str]:
    """Return `list path:id` -> a digest of the record, for every item with an id in a YAML
    file (empty when it does not parse)."""
    if raw is None or len(raw) > MAX_BYTES:
        return {}
    try:
        data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return {}
    out: dict[str, str] = {}
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, node = stack.pop()
        if isinstance(node, dict):
            stack += [(f"{path}.{k}" if path else str(k), v) for k, v in node.items()]
        elif isinstance(node, list):
            for item in node:
                if isinstance(item, dict) and isinstance(item.get("id"), str | int):
                    body = json.dumps(item, sort_keys=True, default=str, ensure_ascii=False)
                    out[f"{path}:{item['id']}"] = hashlib.sha256(body.encode()).hexdigest()
                stack.append((path, item))
    return out


def _differences(path: str, before: dict[str, str], after: dict[str, str]) -> list[Entry]:
    """Return the records added, changed or removed; a record whose inner record changed is
    left out (the inner one says it)."""
    out = [Entry(path, key, "added") for key in after.keys() - before.keys()]
    out += [Entry(path, key, "removed") for key in before.keys() - after.keys()]
    changed = [key for key in before.keys() & after.keys() if before[key] != after[key]]
    inner = {key.split(":", 1)[0] for key in changed}
    out += [
        Entry(path, key, "changed")
        for key in changed
        if not any(other.startswith(key.split(":", 1)[0] + ".") for other in inner)
    ]
    return sorted(out, key=lambda e: (e.record, e.kind))


def record_id(entry: Entry) -> str:
    """Return the id part of a record key (`risks:r6` -> `r6`), or "" for the whole file."""
    return entry.record.rsplit(":", 1)[-1] if entry.record else ""

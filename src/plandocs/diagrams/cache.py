"""Rendered diagrams on disk (`.cache/diagrams/<key>.svg`, git-ignored).

A key covers everything a drawing depends on: the diagram's source, the Mermaid version and
the theme fingerprint (colour rules, layout script, renderer settings). An unchanged diagram
is never drawn twice; a changed one gets a new key, and its old file is simply not read again.

The build trusts only what it made. The folder lies inside the repository, where a checkout
could put files (CI refuses a tracked file under an ignored path: `make lint`), so a file is
read only if every folder on its way from the repository root is a real folder, never a
symbolic link, and the file itself is a regular file opened without following a link, of a
sane size, whose first line names its key and the SHA-256 of the SVG after it. A file that
fails is not used (the diagram is drawn again and the file replaced); a linked folder is an
error, since writing through it would write outside the repository. Whatever is read is still
sanitised before a page holds it (`plandocs.diagrams.sanitise`).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tempfile
from pathlib import Path

from plandocs.diagrams.mode import DiagramError

# Bump when the way a cached SVG is made changes in a way no fingerprinted file shows.
KEY_FORMAT = "plandocs-diagram-1"
CACHE_FOLDER = Path(".cache") / "diagrams"
MAX_BYTES = 4 * 1024 * 1024
_HEADER = re.compile(r"\A<!--plandocs-diagram key=([0-9a-f]{20}) sha256=([0-9a-f]{64})-->\n")


def diagram_key(source: str, *, mermaid_version: str, theme: str) -> str:
    """Return the cache key (20 hex digits) of `source` drawn by that Mermaid and theme."""
    text = "\0".join([KEY_FORMAT, mermaid_version, theme, source])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def svg_id(key: str) -> str:
    """Return the id of the <svg> of the diagram with `key`: unique, and the same every build."""
    return f"diagram-{key[:12]}"


class UnsafeCacheError(DiagramError):
    """A folder of the cache is a symbolic link or not a folder."""


class DiagramCache:
    """A folder of `<key>.svg` files under a root (the repository), checked on every use."""

    def __init__(self, root: Path, folder: Path = CACHE_FOLDER) -> None:
        self.root = root
        self.folder = folder

    def path(self, key: str) -> Path:
        """Return where the SVG of `key` is kept."""
        return self.root / self.folder / f"{key}.svg"

    def get(self, key: str) -> str | None:
        """Return the cached SVG of `key`, or None when there is none that checks out."""
        if not re.fullmatch(r"[0-9a-f]{20}", key) or not self._folders(create=False):
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            handle = os.open(self.path(key), flags)
        except OSError:  # missing, or a symbolic link (ELOOP)
            return None
        with os.fdopen(handle, "rb") as file:
            if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return None
            raw = file.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
        header = _HEADER.match(text)
        svg = text[header.end() :] if header else ""
        if header is None or header[1] != key or header[2] != _digest(svg):
            return None
        return svg

    def put(self, key: str, svg: str) -> None:
        """Store the SVG of `key` (atomically: a concurrent build never reads half a file)."""
        self._folders(create=True)
        folder = self.root / self.folder
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as target:
                target.write(f"<!--plandocs-diagram key={key} sha256={_digest(svg)}-->\n{svg}")
            Path(temporary).replace(self.path(key))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def _folders(self, *, create: bool) -> bool:
        """Return whether every folder from the root to the cache exists as a real folder
        (made when `create`); raise UnsafeCacheError on a link or another kind of file."""
        here = self.root
        for part in self.folder.parts:
            here = here / part
            try:
                mode = here.lstat().st_mode
            except FileNotFoundError:
                if not create:
                    return False
                here.mkdir(exist_ok=True)
                mode = here.lstat().st_mode
            if not stat.S_ISDIR(mode):
                kind = "a symbolic link" if stat.S_ISLNK(mode) else "not a folder"
                raise UnsafeCacheError(
                    f"plandocs: diagrams: {here.relative_to(self.root).as_posix()} is {kind}: "
                    "the diagram cache must be a plain folder in the repository; remove it"
                )
        return True


def _digest(svg: str) -> str:
    return hashlib.sha256(svg.encode("utf-8")).hexdigest()

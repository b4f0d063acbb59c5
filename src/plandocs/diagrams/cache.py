"""Rendered diagrams on disk (`.cache/diagrams/<key>.svg`, git-ignored).

A key covers everything a drawing depends on: the diagram's source, the Mermaid version and
the theme fingerprint (colour rules, layout script, renderer settings). An unchanged diagram
is never drawn twice; a changed one gets a new key, and its old file is simply not read again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

# Bump when the way a cached SVG is made changes in a way no fingerprinted file shows.
KEY_FORMAT = "plandocs-diagram-1"


def diagram_key(source: str, *, mermaid_version: str, theme: str) -> str:
    """Return the cache key (20 hex digits) of `source` drawn by that Mermaid and theme."""
    text = "\0".join([KEY_FORMAT, mermaid_version, theme, source])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def svg_id(key: str) -> str:
    """Return the id of the <svg> of the diagram with `key`: unique, and the same every build."""
    return f"diagram-{key[:12]}"


class DiagramCache:
    """A folder of `<key>.svg` files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, key: str) -> Path:
        """Return where the SVG of `key` is kept."""
        return self.folder / f"{key}.svg"

    def get(self, key: str) -> str | None:
        """Return the cached SVG of `key`, or None."""
        try:
            return self.path(key).read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def put(self, key: str, svg: str) -> None:
        """Store the SVG of `key` (atomically: a concurrent build never reads half a file)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as target:
                target.write(svg)
            Path(temporary).replace(self.path(key))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

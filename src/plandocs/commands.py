"""The commands the tools' hints tell a contributor to run: make targets, which need no
activated environment, with every argument quoted for any POSIX shell (bash and zsh alike:
an unquoted `risks[0]` is a glob pattern in zsh)."""

from __future__ import annotations

import shlex


def accept_command(file: str, target: str = "") -> str:
    """Return the command that pins the translation of `file` (or one field or section of it)."""
    what = f"{file}:{target}" if target else file
    return f"make accept FIELD={_always_quoted(what)}"


CHECK = "make check"
TRANSLATIONS = "make translations"


def _always_quoted(text: str) -> str:
    """Return `text` in single quotes (even when no shell needs them: the hint reads the same
    for every field, and copying it never depends on the characters in it)."""
    quoted = shlex.quote(text)
    return quoted if quoted.startswith("'") else f"'{text}'"

"""Problems found in contributor data, reported as `file:line:column: field: message`.

Everything a report prints comes from untrusted data: it is cut short and made printable here,
so no value can forge another report line, a terminal escape or a CI annotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from plandocs.characters import DIRECTION, INVISIBLE

Severity = Literal["error", "warning"]
# Controls, line separators, surrogates, and every direction control and invisible character
# that plandocs.characters refuses in data (a message may quote what it refuses).
_UNPRINTABLE = re.compile(rf"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff{DIRECTION}{INVISIBLE}]")


def printable(text: str) -> str:
    """Return `text` with line breaks, controls, direction and invisible characters shown as
    escapes."""
    return _UNPRINTABLE.sub(lambda m: m[0].encode("unicode_escape").decode("ascii"), text)


def excerpt(text: str, limit: int = 60) -> str:
    """Return at most `limit` characters of `text`, printable, marked when cut."""
    short = text if len(text) <= limit else text[: limit - 1] + "…"
    return printable(short)


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a data file; `field` is a path such as `risks[2].probability`."""

    file: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{printable(self.file)}:{self.line}:{self.column}"
        prefix = "warning: " if self.severity == "warning" else ""
        message = prefix + printable(self.message)
        return (
            f"{where}: {excerpt(self.field, 120)}: {message}"
            if self.field
            else f"{where}: {message}"
        )

    def github(self) -> str:
        """Return the problem as a GitHub Actions workflow command (an annotation)."""
        title = _github_property(excerpt(self.field, 120) or "data")
        file = _github_property(printable(self.file))
        message = _github_message(printable(self.message))
        where = f"file={file},line={self.line},col={self.column}"
        return f"::{self.severity} {where},title={title}::{message}"


def _github_message(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_message(text).replace(":", "%3A").replace(",", "%2C")


class DataError(Exception):
    """Raised with every problem of a load, sorted by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """Return the problems, one a line, followed by a count."""
        lines = [str(problem) for problem in self.problems]
        noun = "problem" if len(lines) == 1 else "problems"
        pages = [problem.file.startswith("docs/") for problem in self.problems]
        where = "docs/" if pages and all(pages) else "data/ and docs/" if any(pages) else "data/"
        return "\n".join([*lines, f"{len(lines)} {noun} in {where}"])


Loc = tuple[str | int, ...]


def format_loc(loc: Loc) -> str:
    """Return a field path like `phases[0].tasks[1].owner` for a location tuple."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out

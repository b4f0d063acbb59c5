"""How a build draws its diagrams: `PLANDOCS_DIAGRAMS` = auto (default), svg or client.

- `svg`: every diagram is drawn to SVG at build time; no browser is an error;
- `client`: none is; pages load Mermaid and draw them in the reader's browser;
- `auto`: SVG when a browser can be launched (or every diagram is cached), else client.
With `CI=true` and `PLANDOCS_DIAGRAMS` unset, a build behaves as `svg`: what is published
never depends on whether a browser happened to be there.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path

MODE_VARIABLE = "PLANDOCS_DIAGRAMS"
CHROMIUM_VARIABLE = "PLANDOCS_CHROMIUM"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")


class DiagramError(Exception):
    """A diagram could not be drawn as required; the message says why and what to do."""


class DiagramMode(StrEnum):
    """Where the diagrams of a build are drawn."""

    AUTO = "auto"
    SVG = "svg"
    CLIENT = "client"


def diagram_mode(environ: Mapping[str, str]) -> DiagramMode:
    """Return the mode chosen by `PLANDOCS_DIAGRAMS` (and `CI`) in `environ`."""
    value = environ.get(MODE_VARIABLE, "").strip().lower()
    if not value:
        return (
            DiagramMode.SVG if environ.get("CI", "").strip().lower() == "true" else DiagramMode.AUTO
        )
    try:
        return DiagramMode(value)
    except ValueError:
        choices = ", ".join(mode.value for mode in DiagramMode)
        raise DiagramError(f"{MODE_VARIABLE}={value!r} is not one of: {choices}") from None


def chromium_path(environ: Mapping[str, str]) -> Path:
    """Return the Chromium to draw with: `PLANDOCS_CHROMIUM`, or Debian's /usr/bin/chromium."""
    return Path(environ.get(CHROMIUM_VARIABLE) or DEFAULT_CHROMIUM)

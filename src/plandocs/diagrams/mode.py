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

from plandocs.settings import CHROMIUM_VARIABLE, SettingError, choice, chromium_path

__all__ = ["CHROMIUM_VARIABLE", "DiagramError", "DiagramMode", "chromium_path", "diagram_mode"]

MODE_VARIABLE = "PLANDOCS_DIAGRAMS"


class DiagramError(Exception):
    """A diagram could not be drawn as required; the message says why and what to do."""


class DiagramMode(StrEnum):
    """Where the diagrams of a build are drawn."""

    AUTO = "auto"
    SVG = "svg"
    CLIENT = "client"


def diagram_mode(environ: Mapping[str, str]) -> DiagramMode:
    """Return the mode chosen by `PLANDOCS_DIAGRAMS` (and `CI`) in `environ`."""
    try:
        return choice(environ, MODE_VARIABLE, DiagramMode, DiagramMode.AUTO, DiagramMode.SVG)
    except SettingError as error:
        raise DiagramError(str(error)) from None

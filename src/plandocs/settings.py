"""Build settings read from the environment: a choice among an enum's values, and Chromium.

`PLANDOCS_DIAGRAMS` (plandocs.diagrams) and `PLANDOCS_PDF` (plandocs.printable) are read the
same way: unset means the default, or the CI choice when `CI=true`, so that what CI publishes
never depends on whether a browser happened to be there.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

CHROMIUM_VARIABLE = "PLANDOCS_CHROMIUM"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")

Choice = TypeVar("Choice", bound=StrEnum)


class SettingError(Exception):
    """A setting has a value it cannot take; the message names the variable and the choices."""


def choice(
    environ: Mapping[str, str], variable: str, kind: type[Choice], default: Choice, on_ci: Choice
) -> Choice:
    """Return the value of `variable` in `environ` as one of `kind`: `default` when unset,
    `on_ci` when unset and `CI=true`. Raise SettingError for any other value."""
    value = environ.get(variable, "").strip().lower()
    if not value:
        return on_ci if environ.get("CI", "").strip().lower() == "true" else default
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise SettingError(f"{variable}={value!r} is not one of: {choices}") from None


def chromium_path(environ: Mapping[str, str]) -> Path:
    """Return the Chromium to use: `PLANDOCS_CHROMIUM`, or Debian's /usr/bin/chromium."""
    return Path(environ.get(CHROMIUM_VARIABLE) or DEFAULT_CHROMIUM)

"""A quiet build log: third-party libraries that log on their own are turned down, so that
every line a build prints is the project's or MkDocs'."""

from __future__ import annotations

import contextlib
import logging

NOISY = ("jieba",)
"""Loggers of libraries that log progress at INFO or DEBUG on their own handler (jieba adds a
stderr handler and sets DEBUG when it is imported, so this must run after that import)."""


def silence_third_party() -> None:
    """Set the loggers of NOISY libraries to WARNING, importing them first where installed."""
    with contextlib.suppress(ImportError):
        import jieba  # noqa: F401  (its import sets its own level; ours must come after)
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.WARNING)

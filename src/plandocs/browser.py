"""The one place that starts a browser: headless Chromium through Playwright's sync API, for the
diagrams (plandocs.diagrams.renderer) and the PDFs (plandocs.printable).

It is Debian's chromium (or `PLANDOCS_CHROMIUM`), never a browser Playwright would download.
Whatever goes wrong — no file there, no Playwright, a browser that does not start or dies —
becomes one `BrowserError` whose message says what and where, never a Playwright traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from plandocs.settings import CHROMIUM_VARIABLE, chromium_path

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
LAUNCH_TIMEOUT_MS = 60_000
HINT = f"install Chromium (`make browser-deps`) or point {CHROMIUM_VARIABLE} at one"
"""What to do about a missing browser, for the messages that end a build."""

Result = TypeVar("Result")


class BrowserError(Exception):
    """No browser could be started, or it failed; the message says why and where."""


def missing(environ: Mapping[str, str]) -> str:
    """Return why no browser can be started with `environ` ("" when one can be tried)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed"
    executable = chromium_path(environ)
    if not executable.is_file():
        return f"there is no browser at {executable}"
    return ""


def first_line(error: BaseException) -> str:
    """Return the first line of a Playwright error (its call log follows on later lines)."""
    message = getattr(error, "message", None) or str(error)
    return message.strip().splitlines()[0] if message.strip() else type(error).__name__


@contextmanager
def chromium(executable: Path) -> Iterator[Browser]:
    """Start the headless Chromium at `executable`; close it on leaving.

    Raise BrowserError when there is no browser there, Playwright is missing, or it does not
    start. Must run in a thread without an asyncio loop (see `in_own_thread`).
    """
    if not executable.is_file():
        raise BrowserError(f"there is no browser at {executable}")
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise BrowserError("the Python package playwright is not installed") from None
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=str(executable),
                args=list(CHROMIUM_ARGS),
                timeout=LAUNCH_TIMEOUT_MS,
            )
        except Error as error:
            raise BrowserError(
                f"the browser at {executable} did not start: {first_line(error)}"
            ) from None
        try:
            yield browser
        finally:
            # A browser that died already: the error that killed it is the one to report.
            with suppress(Error):
                browser.close()


def in_own_thread(work: Callable[[], Result]) -> Result:
    """Return `work()` run in a thread of its own: Playwright's sync API refuses a thread that
    runs an asyncio loop, and MkDocs' serve and some callers run one."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="plandocs-browser") as worker:
        return worker.submit(work).result()

"""Browser tier: the built site served on 127.0.0.1 and driven by Debian's chromium.

Playwright's Python package drives /usr/bin/chromium (never a downloaded browser). On a
failing test, a screenshot of the page it was looking at lands in test-artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from plandocs.localserver import serve
from tests.conftest import FIXTURE, ROOT, copy_project, run_mkdocs_build, shared

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test under tests/browser/ carries the `browser` marker."""
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def client_url(client_site: Path) -> Iterator[str]:
    """The site built with client-side Mermaid (PLANDOCS_DIAGRAMS=client), on 127.0.0.1."""
    with serve(client_site) as url:
        yield url


@pytest.fixture(scope="session")
def printed_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project built from the fixture dataset with its PDFs printed (PLANDOCS_PDF=on):
    what the PDF checks look at, whatever the content says."""
    return shared(tmp_path_factory, "printed", _print_fixture_site) / "site"


def _print_fixture_site(folder: Path) -> None:
    project = copy_project(folder / "project", data=FIXTURE)
    result = run_mkdocs_build(project, folder / "site", PLANDOCS_DIAGRAMS="svg", PLANDOCS_PDF="on")
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian chromium, one for the session."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(params=["light", "dark"])
def context(request: pytest.FixtureRequest, browser: Browser) -> Iterator[BrowserContext]:
    """A fresh context in the light or the dark colour scheme."""
    made = browser.new_context(color_scheme=request.param, viewport={"width": 1280, "height": 900})
    yield made
    made.close()


@pytest.fixture
def light_context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh context in the light colour scheme only."""
    made = browser.new_context(color_scheme="light", viewport={"width": 1280, "height": 900})
    yield made
    made.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Screenshot every open page of a failing browser test into test-artifacts/."""
    report = yield
    if report.when == "call" and report.failed and "browser" in item.keywords:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", item.nodeid)[-120:]
        for key in ("context", "light_context"):
            made = item.funcargs.get(key) if hasattr(item, "funcargs") else None
            if isinstance(made, BrowserContext):
                for index, page in enumerate(made.pages):
                    _screenshot(page, ARTIFACTS / f"{name}-{index}.png")
    return report


def _screenshot(page: Page, target: Path) -> None:
    try:
        page.screenshot(path=str(target), full_page=True)
    except Exception:  # a crashed page must not hide the test's own failure
        return

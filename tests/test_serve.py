"""`mkdocs serve`: a data edit refreshes the page with one rebuild and settles; bad data, even
data that once crashed the tools, is reported with its place and the server keeps serving.

The served project holds the fixture dataset, so no content change can break these tests.
"""

from __future__ import annotations

import functools
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from plandocs.localserver import MkdocsServe
from tests.conftest import FIXTURE, MKDOCS_ENV, copy_project

pytestmark = pytest.mark.build

REBUILD = "Building documentation..."
RISKS = "en/report/risks/"


class Server(MkdocsServe):
    """The served copy of the project, with what the tests wait for and change."""

    def __init__(self, project: Path) -> None:
        super().__init__(project, MKDOCS_ENV)

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 90) -> float:
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            try:
                if condition():
                    return time.monotonic() - start
            except OSError:
                pass
            time.sleep(0.25)
        raise AssertionError(f"timed out waiting for {what}; log:\n{self.tail()}")

    def builds(self) -> int:
        return sum(REBUILD in line for line in self.lines())

    def edit(self, relative: str, old: str, new: str) -> int:
        """Replace `old` in a data file of the served project; return its 1-based line."""
        path = self.project / "data" / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return text[: text.index(old)].count("\n") + 1


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One `mkdocs serve` for the module: starting one takes seconds."""
    project = copy_project(tmp_path_factory.mktemp("serve") / "project", data=FIXTURE)
    running = Server(project)
    try:
        running.wait_for(lambda: any("Serving on" in line for line in running.lines()), "start")
        yield running
    finally:
        running.stop()


@pytest.fixture
def server(served: Server) -> Iterator[Server]:
    """The served project as it was copied: whatever a test edits is put back after it, and
    the next test starts once the server shows the original pages again."""
    sources = [*(served.project / "data").rglob("*.yml"), *(served.project / "docs").glob("*.md")]
    original = {path: path.read_bytes() for path in sources}
    yield served
    changed = [path for path, body in original.items() if path.read_bytes() != body]
    for path in changed:
        path.write_bytes(original[path])
    if changed:
        served.wait_for(
            lambda: (
                "Lower quality" in served.get(RISKS) and "Settled." not in served.get("en/about/")
            ),
            "the original pages",
        )


def _reported(server: Server, where: str, message: str) -> bool:
    """Return whether the server's log shows `message` at `where`: on the problem's line (in
    the first language) or on the indented lines under it (its other languages)."""
    lines = server.lines()
    for at, entry in enumerate(lines):
        if where in entry:
            told = [entry]
            for following in lines[at + 1 :]:
                if not following.startswith("    "):
                    break
                told.append(following)
            if any(message in text for text in told):
                return True
    return False


def _drawn(log: list[str]) -> list[int]:
    """How many diagrams each build of the log drew (the rest came from the cache)."""
    found = (re.search(r"plandocs: diagrams: (\d+) rendered", line) for line in log)
    return [int(match[1]) for match in found if match]


def test_data_edit_refreshes_the_page_with_one_rebuild_then_settles(server: Server) -> None:
    assert "Lower quality" in server.get(RISKS)
    before = server.builds()
    server.edit("risks.yml", "en: Lower quality", "en: Scarce quality")
    seconds = server.wait_for(lambda: "Scarce quality" in server.get(RISKS), "the edit")
    print(f"data edit visible after {seconds:.1f} s")
    # A second rebuild, set off by the pages the first one wrote, would start as soon as the
    # first one ends. Instead of waiting a while to see none come, edit a hand-written page:
    # that starts exactly one more rebuild, which runs after any such second one. Once the edit
    # shows, the data edit's rebuild and this one must be the only ones.
    about = server.project / "docs" / "about.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nSettled.\n", encoding="utf-8")
    server.wait_for(lambda: "Settled." in server.get("en/about/"), "the page edit")
    assert server.builds() - before == 2, "one data edit must cause exactly one rebuild"
    # The risks are drawn as a grid, not a diagram: the rebuild took every diagram from the
    # cache (with no browser there are no such lines, and diagrams are drawn client-side).
    assert all(drawn == 0 for drawn in _drawn(server.lines())[1:]), _drawn(server.lines())


# Each of these once made a tool crash with a traceback (issue: hostile pull requests).
CRASHES = [
    (
        "metrics.yml",
        "baseline: 90",
        "baseline: 0",
        "must be above 0: the relative change divides by it",
    ),
    ("metrics.yml", "target: 95", "target: .inf", "`.inf` is not a finite number"),
    (
        "risks.yml",
        "en: Lower quality",
        'en: "Lower\\ud800"',
        "found invalid Unicode character escape",
    ),
    ("plan.yml", "start: 2025-01-06", "start: 2025-02-30", "`2025-02-30` is not a real date"),
    ("plan.yml", "start: 2025-01-06", "start: 9999-12-27", "less than or equal to 2099-12-31"),
    ("budget.yml", "amount: 30000", "amount: !!int abc", "YAML tags such as"),
    ("budget.yml", "amount: 30000", "amount: " + "9" * 5000, "number with more than 15 digits"),
    (
        "risks.yml",
        "en: Lower quality",
        "en: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]",
        "nested more",
    ),
    (
        "risks.yml",
        "en: Lower quality",
        'en: "Lower\\0quality"',
        "control character U+0000 NULL",
    ),
    # Locale settings that once passed the check, then crashed (decimal.InvalidOperation) or
    # made every amount read the same text.
    (
        "languages.yml",
        'money: "$#,##0"',
        'money: "$#,##0.' + "0" * 30 + '"',
        "shows 30 decimals; at most 4",
    ),
    ("languages.yml", 'money: "$#,##0"', "money: \"'TBD'\"", "every amount would read `TBD`"),
    ("risks.yml", "en: Lower quality", "en: Lower\u2028quality", "U+2028 LINE SEPARATOR"),
]


def test_data_that_once_crashed_is_reported_in_place_and_the_server_keeps_serving(
    server: Server,
) -> None:
    risks = server.project / "data" / "risks.yml"
    good = {p: p.read_bytes() for p in (server.project / "data").rglob("*.yml")}
    for relative, old, new, message in CRASHES:
        line = server.edit(relative, old, new)
        where = f"data/{relative}:{line}:"
        server.wait_for(
            functools.partial(_reported, server, where, message),
            f"{relative}: {message}",
        )
        server.wait_for(lambda: "Lower quality" in server.get(RISKS), "the last good page")
        (server.project / "data" / relative).write_bytes(good[server.project / "data" / relative])
    assert not any("Traceback" in entry for entry in server.lines())
    risks.write_text(risks.read_text(encoding="utf-8").replace("Lower quality", "Fixed quality"))
    server.wait_for(lambda: "Fixed quality" in server.get(RISKS), "the fix")

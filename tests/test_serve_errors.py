"""`mkdocs serve` with bad data: the problem is printed once, at the end of the rebuild, in both
languages, with no cascade of warnings from pages the bad data left unchanged; the last good
pages and downloads keep being served.

A real `mkdocs serve` of a copy of the project holding the fixture dataset; the test waits on
the server's log lines and pages, never for a fixed time.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, copy_project
from tests.test_serve import Server

pytestmark = pytest.mark.build

_LEVEL = re.compile(r"^(INFO|WARNING|ERROR|DEBUG) +- ")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Server]:
    running = Server(copy_project(tmp_path / "project", data=FIXTURE))
    try:
        running.wait_for(lambda: any("Serving on" in line for line in running.lines()), "start")
        yield running
    finally:
        running.stop()


def test_a_data_error_is_the_last_thing_a_rebuild_prints(served: Server) -> None:
    assert "risks.json" in served.get("api/v1/index.json")
    since = time.monotonic()
    line = served.edit("risks.yml", "probability: low", "probability： low")

    def finished() -> bool:
        log = served.lines(since)
        errors = [i for i, entry in enumerate(log) if "全角冒号" in entry]
        return bool(errors) and any("Reloading browsers" in e for e in log[errors[-1] :])

    served.wait_for(finished, "the rebuild with the error")
    log = served.lines(since)
    starts = [i for i, entry in enumerate(log) if entry.startswith("ERROR")]
    assert len(starts) == 1, "the problem is printed once, not once a language:\n" + "\n".join(log)
    error = log[starts[0]]
    assert error.startswith(f"ERROR   -  data/risks.yml:{line + 1}:")
    assert "全角冒号“：”" in error
    after = log[starts[0] + 1 :]
    assert any("full-width colon `：`" in entry for entry in after)
    kept = [entry for entry in after if "pages not updated" in entry]
    assert kept == [
        "plandocs：页面没有更新，仍显示上一次正确的内容；改好数据后再保存一次 / "
        "plandocs: pages not updated, the last good ones are still served; "
        "fix the data and save again"
    ]
    warnings = [entry for entry in after if entry.startswith("WARNING")]
    assert len(warnings) <= 5, "\n".join(warnings)
    assert warnings == []
    # After the report only MkDocs' own closing lines.
    logged = [entry for entry in after if _LEVEL.match(entry)]
    assert all("Documentation built" in e or "Reloading browsers" in e for e in logged), logged
    # The last good pages and downloads are still there.
    assert "Lower quality" in served.get("en/report/risks/")
    assert '"risks"' in served.get("api/v1/risks.json")
    assert "risks.json" in served.get("report/downloads/")

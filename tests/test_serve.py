"""`mkdocs serve`: a data edit refreshes the page and settles; bad data is reported, not fatal."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import MKDOCS_ENV, copy_project

pytestmark = pytest.mark.build

REBUILD = "Building documentation to directory"


class Server:
    """A `mkdocs serve` process whose log is collected line by line."""

    def __init__(self, project: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log: list[str] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **MKDOCS_ENV},
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line.rstrip("\n"))

    def get(self, path: str) -> str:
        url = f"http://127.0.0.1:{self.port}/{path}"
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 90) -> float:
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            try:
                if condition():
                    return time.monotonic() - start
            except OSError:
                pass
            time.sleep(0.25)
        raise AssertionError(f"timed out waiting for {what}; log:\n" + "\n".join(self.log[-30:]))

    def builds(self) -> int:
        return sum(REBUILD in line for line in self.log)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    running = Server(copy_project(tmp_path / "project"))
    running.project = tmp_path / "project"  # type: ignore[attr-defined]
    try:
        running.wait_for(lambda: any("Serving on" in line for line in running.log), "start")
        yield running
    finally:
        running.process.terminate()
        running.process.wait(timeout=10)
        if running.process.stderr is not None:
            running.process.stderr.close()


def _drawn(log: list[str]) -> list[int]:
    """How many diagrams each build of the log drew (the rest came from the cache)."""
    found = (re.search(r"plandocs: diagrams: (\d+) rendered", line) for line in log)
    return [int(match[1]) for match in found if match]


def test_data_edit_refreshes_the_page_then_settles(server: Server) -> None:
    risks = server.project / "data" / "risks.yml"  # type: ignore[attr-defined]
    assert "Insufficient resources" in server.get("en/report/risks/")
    text = risks.read_text(encoding="utf-8")
    risks.write_text(text.replace("Insufficient resources", "Scarce resources"), encoding="utf-8")
    seconds = server.wait_for(lambda: "Scarce resources" in server.get("en/report/risks/"), "edit")
    print(f"data edit visible after {seconds:.1f} s")
    # Only the diagram the edit changed was drawn again (the English risk matrix).
    server.wait_for(lambda: len(_drawn(server.log)) > 1, "the diagram summary")
    assert max(_drawn(server.log)[1:]) == 1, _drawn(server.log)
    settled = server.builds()
    time.sleep(8)
    assert server.builds() - settled <= 2, "the server keeps rebuilding"
    quiet = server.builds()
    time.sleep(6)
    assert server.builds() == quiet, "the server keeps rebuilding"


def test_bad_data_is_reported_and_the_server_keeps_running(server: Server) -> None:
    risks = server.project / "data" / "risks.yml"  # type: ignore[attr-defined]
    text = risks.read_text(encoding="utf-8")
    line = text[: text.index("probability: low")].count("\n") + 1
    risks.write_text(text.replace("probability: low", "probability: rare", 1), encoding="utf-8")
    message = f"data/risks.yml:{line}:18: risks[2].probability: Input should be"
    server.wait_for(lambda: any(message in entry for entry in server.log), "the data error")
    assert not any("Traceback" in entry for entry in server.log)
    # The server answers again once the rebuild ends, with the last good pages.
    server.wait_for(lambda: "Insufficient resources" in server.get("en/report/risks/"), "serve")
    risks.write_text(text.replace("Insufficient resources", "Scarce resources"), encoding="utf-8")
    server.wait_for(lambda: "Scarce resources" in server.get("en/report/risks/"), "the fix")

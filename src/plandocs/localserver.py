"""Local servers on 127.0.0.1, for printing the site, testing it and measuring it: a built site
served from a thread, and `mkdocs serve` of a project as a child process."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line a request."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(
    directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler
) -> Iterator[str]:
    """Serve `directory` from a thread on a free loopback port; yield its base URL."""
    bound = functools.partial(handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), bound)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """Return a loopback port that is free right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class MkdocsServe:
    """`mkdocs serve` of `project` as a child on a free loopback port, with `env` added to this
    process's environment; its log lines are kept with the time each arrived."""

    def __init__(self, project: Path, env: Mapping[str, str]) -> None:
        self.project = project
        self.port = free_port()
        self.log: list[tuple[float, str]] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, **env},
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append((time.monotonic(), line.rstrip("\n")))

    def lines(self, since: float = 0.0) -> list[str]:
        """Return the log lines so far (those that arrived at `since` or later)."""
        return [line for at, line in list(self.log) if at >= since]

    def tail(self, count: int = 30) -> str:
        """Return the last `count` log lines, for a failure message."""
        return "\n".join(self.lines()[-count:])

    def get(self, path: str) -> str:
        """Return the page at `path` (relative to the site's root) as served now."""
        url = f"http://127.0.0.1:{self.port}/{path}"
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def stop(self) -> None:
        """Stop the server and its log reader."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.reader.join(timeout=5)
        if self.process.stderr is not None:
            self.process.stderr.close()

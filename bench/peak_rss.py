"""Run a command as a child; write its wall seconds and peak memory to a JSON file.

`python bench/peak_rss.py OUT.json -- COMMAND...` exits with the command's status.

Why a separate small process: Linux records the high-water memory of a process's old address
space when it execs, so a child started straight from the benchmark (which holds the 100x data
in memory) would report the benchmark's memory as its own peak.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    """Run the command after `--`; return its exit status."""
    if len(argv) < 3 or argv[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    out, command = Path(argv[0]), argv[2:]
    start = time.perf_counter()
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    # ru_maxrss: kilobytes on Linux, bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    out.write_text(
        json.dumps({"seconds": seconds, "max_rss_bytes": usage.ru_maxrss * scale}),
        encoding="utf-8",
    )
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

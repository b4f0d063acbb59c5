"""mkdocs-gen-files script of the plain build (bench): the files the project's build publishes
besides its pages (Mermaid, schemas, data downloads), copied from a snapshot of that build, so
that the plain build serves the same files without loading data/.

The snapshot folder comes from `PLANDOCS_BENCH_ASSETS`.
"""

from __future__ import annotations

import os
from pathlib import Path

import mkdocs_gen_files

SNAPSHOT = Path(os.environ["PLANDOCS_BENCH_ASSETS"])

for path in sorted(SNAPSHOT.rglob("*")):
    if path.is_file():
        with mkdocs_gen_files.open(path.relative_to(SNAPSHOT).as_posix(), "wb") as target:
            target.write(path.read_bytes())

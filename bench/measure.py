"""The measurements: data -> Markdown in process, `mkdocs build` and `mkdocs serve` as children.

Every build and server runs on a copy of the project in a temporary folder, so the working
tree (docs/report/, site/) is never touched.
"""

from __future__ import annotations

import gc
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from plandocs.loader import load_dataset
from plandocs.localserver import MkdocsServe
from plandocs.site import build_pages

ROOT = Path(__file__).resolve().parent.parent
PEAK_RSS = Path(__file__).resolve().parent / "peak_rss.py"

BUILD_ENV = {
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
    # Diagrams drawn in the browser for both builds, where the project knows the variable:
    # the comparison is about the plugin's own cost, not about pre-rendering SVG.
    "PLANDOCS_DIAGRAMS": "client",
    # The PDFs are printed after the build, from its output: not part of either build here.
    "PLANDOCS_PDF": "off",
}
# What `mkdocs serve` logs once per rebuild. (static-i18n filters MkDocs' own "Building
# documentation to directory" line and logs one "Building '<lang>' documentation" per language.)
REBUILD = "Building documentation..."
BUILT = "Documentation built in"


def median(values: list[float]) -> float:
    """Return the median of `values`."""
    return float(statistics.median(values))


# --- data -> Markdown ---------------------------------------------------------------------------


@dataclass
class MarkdownTiming:
    """Seconds of each run of load_dataset (load + validate + rules) and build_pages (render)."""

    load: list[float] = field(default_factory=list)
    render: list[float] = field(default_factory=list)
    pages: int = 0
    markdown_bytes: int = 0

    @property
    def total(self) -> list[float]:
        """Return the seconds of each whole run."""
        return [a + b for a, b in zip(self.load, self.render, strict=True)]


def time_markdown(folder: Path, runs: int, into: MarkdownTiming | None = None) -> MarkdownTiming:
    """Load, validate and render the data in `folder` `runs` times in this process.

    The runs are added to `into` when given (to interleave runs of several datasets).
    """
    timing = into if into is not None else MarkdownTiming()
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        data = load_dataset(folder)
        loaded = time.perf_counter()
        pages = build_pages(data)
        done = time.perf_counter()
        timing.load.append(loaded - start)
        timing.render.append(done - loaded)
        timing.pages = len(pages)
        timing.markdown_bytes = sum(len(text.encode("utf-8")) for text in pages.values())
    return timing


def cli_check(folder: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m plandocs --data FOLDER check` as a contributor would."""
    return subprocess.run(
        [sys.executable, "-m", "plandocs", "--data", str(folder), "check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


# --- builds -------------------------------------------------------------------------------------


@contextmanager
def project_copy() -> Iterator[Path]:
    """Yield a throw-away copy of what a build needs (node_modules and src are linked)."""
    with tempfile.TemporaryDirectory(prefix="plandocs-bench-") as temp:
        target = Path(temp) / "project"
        target.mkdir()
        for name in ("mkdocs.yml", "docs", "data", "hooks", "overrides"):
            source = ROOT / name
            if source.is_dir():
                ignore = shutil.ignore_patterns("report", "__pycache__")
                shutil.copytree(source, target / name, ignore=ignore)
            else:
                shutil.copy(source, target / name)
        (target / "node_modules").symlink_to(ROOT / "node_modules")
        (target / "src").symlink_to(ROOT / "src")
        yield target


PLAIN_ASSETS = Path(__file__).resolve().parent / "plain_assets.py"
# What hooks/gen_assets.py publishes besides pages, by folder of the built site, and the files
# at its root (the Atom feeds of the changes page).
PUBLISHED = ("assets/vendor", "schema", "api", "csv", "calendar")
PUBLISHED_AT_ROOT = "feed-*.atom"


def without_hooks(config: str) -> str:
    """Return mkdocs.yml's text without the project's own code: its `plandocs` plugin entry (or,
    in older checkouts, its `hooks:` block) removed, and its gen-files script (which loads
    data/) replaced by bench/plain_assets.py (which copies what it published)."""
    stripped = re.sub(r"(?m)^hooks:\n(?:[ \t]+.*\n|[ \t]*\n)*", "", config)
    stripped = re.sub(r"(?m)^(?:[ \t]*#.*\n)*  - plandocs:?\n(?:    .*\n|[ \t]*\n)*", "", stripped)
    if stripped == config:
        raise ValueError(
            "mkdocs.yml has neither a `plandocs` plugin nor a `hooks:` block to remove"
        )
    if "- hooks/gen_assets.py" not in stripped:
        raise ValueError("mkdocs.yml has no gen-files script hooks/gen_assets.py to replace")
    return stripped.replace("- hooks/gen_assets.py", f"- {PLAIN_ASSETS}")


def snapshot(site: Path, target: Path) -> Path:
    """Copy what the project's build published besides its pages into `target`; return it."""
    for folder in PUBLISHED:
        if (site / folder).is_dir():
            shutil.copytree(site / folder, target / folder)
    for path in site.glob(PUBLISHED_AT_ROOT):
        shutil.copy(path, target / path.name)
    return target


@dataclass(frozen=True)
class BuildRun:
    """One finished `mkdocs build`: wall seconds and the child's peak resident memory."""

    seconds: float
    max_rss_bytes: int


def run_build(project: Path, config: str, site: Path) -> BuildRun:
    """Run `mkdocs build --strict -f CONFIG` in `project`; raise with its log if it fails."""
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)]
    with tempfile.TemporaryDirectory(prefix="plandocs-bench-run-") as temp:
        figures = Path(temp) / "run.json"
        result = subprocess.run(
            [sys.executable, str(PEAK_RSS), str(figures), "--", *build],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, **BUILD_ENV},
        )
        if result.returncode != 0:
            raise RuntimeError(f"mkdocs build -f {config} failed:\n{result.stderr[-4000:]}")
        run = json.loads(figures.read_text(encoding="utf-8"))
    return BuildRun(float(run["seconds"]), int(run["max_rss_bytes"]))


@dataclass
class BuildComparison:
    """Alternating runs of the project's build and of the same pages built without the hook."""

    full: list[BuildRun] = field(default_factory=list)
    plain: list[BuildRun] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        """Return full / plain for each pair."""
        return [f.seconds / p.seconds for f, p in zip(self.full, self.plain, strict=True)]


def compare_builds(pairs: int) -> BuildComparison:
    """Time `pairs` pairs of full and plain builds, alternating which one goes first."""
    comparison = BuildComparison()
    with project_copy() as project:
        plain = project / "mkdocs-plain.yml"
        plain.write_text(
            without_hooks((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
        )
        site = project.parent / "site"
        # Untimed: writes docs/report/ (the plain build needs the pages in place) and the files
        # the plain build copies, and warms the disk cache and jieba's dictionary cache.
        run_build(project, "mkdocs.yml", site)
        assets = snapshot(site, project.parent / "assets")
        os.environ["PLANDOCS_BENCH_ASSETS"] = str(assets)
        for index in range(pairs):
            order = ["mkdocs.yml", plain.name]
            if index % 2:
                order.reverse()
            for config in order:
                run = run_build(project, config, site)
                (comparison.full if config == "mkdocs.yml" else comparison.plain).append(run)
    return comparison


# --- serve --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServeResult:
    """What one data edit under `mkdocs serve` caused."""

    startup_seconds: float
    visible_after: float | None
    rebuilds: int
    settled_after: float | None
    watched_seconds: float
    edit: str


class _Server(MkdocsServe):
    """The project copy served with the builds' environment, read as the measurement needs."""

    def __init__(self, project: Path) -> None:
        super().__init__(project, BUILD_ENV)

    def page_has(self, path: str, text: str) -> bool:
        try:
            return text in self.get(path)
        except OSError:
            return False

    def rebuilds_since(self, moment: float) -> int:
        return sum(REBUILD in line for line in self.lines(since=moment))

    def last_build_end(self, moment: float) -> float | None:
        ends = [at for at, line in list(self.log) if at >= moment and BUILT in line]
        return ends[-1] - moment if ends else None


def _first_english_risk_title(risks: Path) -> str:
    raw = yaml.safe_load(risks.read_text(encoding="utf-8"))
    return str(raw["risks"][0]["title"]["en"])


def measure_serve(watch_seconds: float = 15.0, start_timeout: float = 180.0) -> ServeResult:
    """Serve a project copy, save one data edit, count rebuilds, time until the page shows it."""
    page = "en/report/risks/"
    with project_copy() as project:
        risks = project / "data" / "risks.yml"
        title = _first_english_risk_title(risks)
        text = risks.read_text(encoding="utf-8")
        line = f"en: {title}\n"
        if text.count(line) < 1:
            raise RuntimeError(f"cannot find {line!r} in data/risks.yml to edit")
        edited_title = f"{title} (bench edit)"
        server = _Server(project)
        try:
            started = time.monotonic()
            while not server.page_has(page, title):
                if server.process.poll() is not None or time.monotonic() - started > start_timeout:
                    raise RuntimeError(f"mkdocs serve did not start:\n{server.tail()}")
                time.sleep(0.2)
            startup = time.monotonic() - started
            time.sleep(2)  # let the watcher settle after the first build
            risks.write_text(text.replace(line, f"en: {edited_title}\n", 1), encoding="utf-8")
            edited = time.monotonic()
            visible: float | None = None
            while time.monotonic() - edited < watch_seconds:
                if visible is None and server.page_has(page, edited_title):
                    visible = time.monotonic() - edited
                time.sleep(0.1)
            # A rebuild still running at the end of the window is not cut short: wait for
            # the page to settle, then count.
            if visible is None:
                deadline = time.monotonic() + 60
                while visible is None and time.monotonic() < deadline:
                    if server.page_has(page, edited_title):
                        visible = time.monotonic() - edited
                    time.sleep(0.2)
            watched = time.monotonic() - edited
            rebuilds = server.rebuilds_since(edited)
            settled = server.last_build_end(edited)
        finally:
            server.stop()
    edit = f"{title!r} -> {edited_title!r}"
    return ServeResult(startup, visible, rebuilds, settled, watched, edit)

"""Page budget: Lighthouse (performance only, mobile and desktop presets) on every page.

Usage: `make lighthouse` (installs bench/'s pinned npm packages, builds the site, runs this), or
`python bench/lighthouse.py [SITE] [--out FILE]` on a site already built (default: site/).

Serves SITE on 127.0.0.1 (gzip for text, as GitHub Pages serves it), runs the pinned Lighthouse
(bench/package-lock.json) with Debian's chromium on the home page, about/ and report/<slug>/ of
every family in plandocs.site.PAGES, in both languages, with Lighthouse's mobile preset (slow
4G, 4x CPU) and its desktop preset, and prints one table: each preset's performance score and
total blocking time, the larger cumulative layout shift and the kilobytes transferred; the same
goes to bench/results/lighthouse.json (git-ignored). Exits 1 if a page misses the budget below.
`--pages plan trends` measures only the pages whose path contains one of those words.
Not part of `make test`: its figures depend on the machine.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO

from plandocs.localserver import QuietHandler, serve
from plandocs.registry import PAGES

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
LIGHTHOUSE = BENCH / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
# Material asks api.github.com for the repository's stars: not this site's weight, and there is
# no network here.
BLOCKED = "*api.github.com*"

# The budget every page must meet: a score per preset (Lighthouse's mobile preset is its
# default, so it takes no flag).
MIN_SCORES = {"mobile": 90, "desktop": 95}
PRESET_FLAGS = {"mobile": [], "desktop": ["--preset=desktop"]}
MAX_TBT_MS = 150
MAX_CLS = 0.05
MAX_KIB = 600

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", "/")


@dataclass(frozen=True)
class Result:
    """Lighthouse's figures for one page."""

    page: str
    preset: str
    score: int
    tbt_ms: float
    cls: float
    kib: float

    def misses(self) -> list[str]:
        """Return which parts of the budget this page misses."""
        misses = []
        if self.score < MIN_SCORES[self.preset]:
            misses.append(f"{self.preset} score {self.score} < {MIN_SCORES[self.preset]}")
        if self.preset == "desktop" and self.tbt_ms > MAX_TBT_MS:
            misses.append(f"TBT {self.tbt_ms:.0f} ms > {MAX_TBT_MS}")
        if self.cls > MAX_CLS:
            misses.append(f"CLS {self.cls:.3f} > {MAX_CLS}")
        if self.kib > MAX_KIB:
            misses.append(f"{self.kib:.0f} KiB > {MAX_KIB}")
        return misses


class _GzipHandler(QuietHandler):
    """Static files, text gzipped when the client accepts it (as GitHub Pages does)."""

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = self.path.split("?", 1)[0]
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.endswith(COMPRESSIBLE):
            return super().send_head()
        local = Path(self.translate_path(self.path))
        if local.is_dir():
            local = local / "index.html"
        if not local.is_file():
            return super().send_head()
        body = gzip.compress(local.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def pages() -> list[str]:
    """Return every page of the site, in both languages: home, reports, derived pages, about."""
    derived = ["report/source/", "report/downloads/", "report/translations/"]
    routes = ["", *(f"report/{family.name}/" for family in PAGES), *derived, "summary/", "about/"]
    return [prefix + route for prefix in ("", "en/") for route in routes]


def measure(url: str, page: str, preset: str) -> Result:
    """Run Lighthouse with `preset` (mobile or desktop) on `url`; return its figures."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        *PRESET_FLAGS[preset],
        "--only-categories=performance",
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROMIUM_FLAGS}",
        f"--blocked-url-patterns={BLOCKED}",
    ]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        timeout=300,
    )
    if done.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    audits = report["audits"]
    return Result(
        page=page or "(home)",
        preset=preset,
        score=round(100 * (report["categories"]["performance"]["score"] or 0)),
        tbt_ms=round(audits["total-blocking-time"]["numericValue"], 1),
        cls=round(audits["cumulative-layout-shift"]["numericValue"], 4),
        kib=round(audits["total-byte-weight"]["numericValue"] / 1024, 1),
    )


def table(results: list[Result]) -> str:
    """Return `results` as one Markdown table, a row a page and both presets side by side,
    with the budget misses of each page."""
    lines = [
        "| page | mobile | desktop | TBT mobile (ms) | TBT desktop (ms) | CLS | KiB | budget |",
        "| --- | --: | --: | --: | --: | --: | --: | --- |",
    ]
    by_page: dict[str, dict[str, Result]] = {}
    for r in results:
        by_page.setdefault(r.page, {})[r.preset] = r
    for page, runs in by_page.items():
        mobile, desktop = runs.get("mobile"), runs.get("desktop")
        verdict = "; ".join(m for r in runs.values() for m in r.misses()) or "ok"
        cls = max(r.cls for r in runs.values())
        kib = max(r.kib for r in runs.values())
        lines.append(
            f"| {page} | {mobile.score if mobile else '-'} | {desktop.score if desktop else '-'} "
            f"| {f'{mobile.tbt_ms:.0f}' if mobile else '-'} "
            f"| {f'{desktop.tbt_ms:.0f}' if desktop else '-'} | {cls:.3f} | {kib:.0f} "
            f"| {verdict} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure every page; print the table; return 1 if a page misses the budget."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=BENCH / "results" / "lighthouse.json")
    parser.add_argument("--pages", nargs="*", default=[], help="only pages whose path has one")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.is_file():
        parser.error(f"{LIGHTHOUSE} is missing: run `npm ci` in bench/ (or `make lighthouse`)")
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site}/index.html is missing: build the site first (`make build`)")

    results = []
    with serve(args.site, _GzipHandler) as base:
        chosen = [p for p in pages() if not args.pages or any(w in p for w in args.pages)]
        for page in chosen:
            for preset in MIN_SCORES:
                result = measure(base + page, page, preset)
                print(f"  {result.page} {preset}: {result.score}", file=sys.stderr, flush=True)
                results.append(result)
    print(table(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    budget = {"scores": MIN_SCORES, "tbt_ms": MAX_TBT_MS, "cls": MAX_CLS, "kib": MAX_KIB}
    record = {"site": str(args.site), "budget": budget, "pages": [asdict(r) for r in results]}
    args.out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)
    missed = [r for r in results if r.misses()]
    if missed:
        print(f"{len(missed)} page(s) miss the budget", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

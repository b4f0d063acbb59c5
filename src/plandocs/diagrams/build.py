"""The diagrams of one build of the site: collected, drawn or taken from the cache, inlined.

`prepare_diagrams` runs once per build, before any page is rendered: it collects the source of
every ```mermaid block in the Markdown under docs/ (both languages), draws the ones missing from
the cache in one browser session, and returns a `DiagramBuild`. The build then inlines each
page's diagrams (`DiagramBuild.inline`) and finally writes each used diagram as a standalone
SVG file (`DiagramBuild.write_files`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from plandocs.diagrams.cache import CACHE_FOLDER, DiagramCache, diagram_key, svg_id
from plandocs.diagrams.inline import FULL_SIZE_URL, Diagram, inline_diagrams, normalise
from plandocs.diagrams.mode import (
    CHROMIUM_VARIABLE,
    MODE_VARIABLE,
    DiagramError,
    DiagramMode,
    chromium_path,
    diagram_mode,
)
from plandocs.diagrams.renderer import BrowserUnavailableError, RenderAssets, render_diagrams
from plandocs.diagrams.sanitise import UnsafeSvgError, sanitise_svg

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})mermaid[ \t]*\n"
    r"(?P<body>.*?)\n(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)


@dataclass(frozen=True)
class Block:
    """A ```mermaid block: where it is (file relative to docs/, 1-based number) and its text."""

    file: str
    number: int
    source: str


def collect_blocks(docs_dir: Path) -> list[Block]:
    """Return every ```mermaid block of the Markdown files under `docs_dir`, in file order."""
    blocks = []
    for path in sorted(docs_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        relative = path.relative_to(docs_dir).as_posix()
        for number, match in enumerate(_FENCE.finditer(text), 1):
            indent = match["indent"]
            lines = [line.removeprefix(indent) for line in match["body"].split("\n")]
            blocks.append(Block(relative, number, normalise("\n".join(lines))))
    return blocks


@dataclass
class DiagramBuild:
    """How this build draws its diagrams, and the SVG of each diagram source."""

    mode: DiagramMode
    diagrams: dict[str, Diagram] = field(default_factory=dict)
    rendered: int = 0
    from_cache: int = 0
    errors: list[str] = field(default_factory=list)
    notice: str | None = None
    used: dict[str, tuple[Diagram, str]] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        """Return the line the build logs about its diagrams."""
        if self.mode is DiagramMode.CLIENT:
            return "plandocs: diagrams: drawn in the browser (client-side Mermaid)"
        return f"plandocs: diagrams: {self.rendered} rendered, {self.from_cache} from cache"

    def inline(
        self, page_html: str, *, lang: str, page_url: str, full_size: str
    ) -> tuple[str, str | None]:
        """Return the page with its diagrams inlined, and a warning if one was left out;
        `full_size` is the words of each diagram's link to its standalone file."""
        if self.mode is DiagramMode.CLIENT:
            return page_html, None
        page = inline_diagrams(
            page_html, self.diagrams.get, lang=lang, page_url=page_url, full_size=full_size
        )
        for diagram, caption in page.used:
            self.used.setdefault(diagram.key, (diagram, caption))
        warning = None
        if page.left and not self.errors:
            warning = (
                f"plandocs: diagrams: {page.left} diagram(s) of {page_url or 'the home page'} "
                "were not pre-rendered and are drawn in the browser"
            )
        return page.html, warning

    def write_files(self, site_dir: Path) -> int:
        """Write each inlined diagram as a standalone SVG under `site_dir`; return how many."""
        for diagram, caption in self.used.values():
            target = site_dir / FULL_SIZE_URL.format(key=diagram.key)
            text = standalone_svg(diagram, caption)
            if target.is_file() and target.read_text(encoding="utf-8") == text:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return len(self.used)


def standalone_svg(diagram: Diagram, caption: str) -> str:
    """Return the diagram as an SVG file: an XML declaration, and a <title> if it had none."""
    svg = diagram.svg
    if caption and "<title" not in svg:
        opening = svg.index(">") + 1
        svg = svg[:opening] + f"<title>{html.escape(caption, quote=False)}</title>" + svg[opening:]
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"


def prepare_diagrams(*, root: Path, docs_dir: Path, environ: Mapping[str, str]) -> DiagramBuild:
    """Return the diagrams of the pages under `docs_dir`, drawing those not in the cache.

    Raises DiagramError when SVG is required (`svg` mode) and no browser can draw them.
    Mermaid's errors on a diagram are collected in `DiagramBuild.errors`.
    """
    mode = diagram_mode(environ)
    if mode is DiagramMode.CLIENT:
        return DiagramBuild(DiagramMode.CLIENT)
    assets = RenderAssets.of_project(root)
    if not assets.mermaid_js.is_file():
        raise DiagramError(f"{assets.mermaid_js} is missing: run `npm ci` (or `make setup`)")
    version = assets.mermaid_version()
    theme = assets.fingerprint()
    cache = DiagramCache(root)

    blocks = collect_blocks(docs_dir)
    keys = {
        block.source: diagram_key(block.source, mermaid_version=version, theme=theme)
        for block in blocks
    }
    svgs = {key: svg for key in set(keys.values()) if (svg := _safe(cache.get(key))) is not None}
    missing = {key: source for source, key in keys.items() if key not in svgs}
    build = DiagramBuild(DiagramMode.SVG, from_cache=len(svgs))

    if missing:
        jobs = sorted((svg_id(key), source) for key, source in missing.items())
        try:
            result = render_diagrams(jobs, assets=assets, chromium=chromium_path(environ))
        except BrowserUnavailableError as reason:
            if mode is DiagramMode.SVG:
                raise DiagramError(_browser_required(len(missing), str(reason))) from None
            return DiagramBuild(
                DiagramMode.CLIENT,
                notice=(
                    f"plandocs: diagrams: not pre-rendered ({reason}): pages load Mermaid and "
                    f"draw them client-side ({MODE_VARIABLE}=svg makes this an error)"
                ),
            )
        refused: dict[str, str] = {}
        for key in missing:
            drawn = result.svgs.get(svg_id(key))
            if drawn is None:
                continue
            try:
                svgs[key] = sanitise_svg(drawn)
            except UnsafeSvgError as unsafe:
                refused[key] = f"the SVG Mermaid drew is not allowed in a page: {unsafe}"
                continue
            cache.put(key, svgs[key])
        build.rendered = len(result.svgs)
        where = {keys[block.source]: block for block in blocks}
        for key in sorted(missing, key=lambda k: (where[k].file, where[k].number)):
            if (error := result.errors.get(svg_id(key)) or refused.get(key)) is not None:
                block = where[key]
                build.errors.append(f"docs/{block.file}: diagram {block.number}: {error}")

    build.diagrams = {
        source: Diagram(key, svg_id(key), svgs[key]) for source, key in keys.items() if key in svgs
    }
    return build


def _safe(svg: str | None) -> str | None:
    """Return a cached SVG rebuilt from the allowlist, or None (drawn again) if it is refused."""
    try:
        return None if svg is None else sanitise_svg(svg)
    except UnsafeSvgError:
        return None


def _browser_required(count: int, reason: str) -> str:
    return (
        f"plandocs: diagrams: {MODE_VARIABLE}=svg draws every diagram at build time, but "
        f"{count} diagram(s) are not in {CACHE_FOLDER.as_posix()}/ and {reason}. "
        f"Install Chromium (`make browser-deps`), point {CHROMIUM_VARIABLE} at one, or build "
        f"with {MODE_VARIABLE}=client."
    )

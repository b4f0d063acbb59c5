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
from plandocs.diagrams.inline import (
    FULL_SIZE_URL,
    Diagram,
    inline_diagrams,
    normalise,
    svg_element,
)
from plandocs.diagrams.mode import (
    CHROMIUM_VARIABLE,
    MODE_VARIABLE,
    DiagramError,
    DiagramMode,
    chromium_path,
    diagram_mode,
)
from plandocs.diagrams.phone import phone_source, phone_timeline
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
    phones: dict[str, Diagram] = field(default_factory=dict)
    """The phone drawing of each diagram that has one, by the desktop drawing's key."""

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
        page.html = with_phone_drawings(page.html, self.phones)
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


_INLINE_SVG = re.compile(
    r'<svg\b(?P<attrs>[^>]*?)\sid="(?P<id>diagram-[0-9a-f]+)(?P<copy>-\d+)?"[^>]*>.*?</svg>',
    re.DOTALL,
)


def with_phone_drawings(page_html: str, phones: Mapping[str, Diagram]) -> str:
    """Return `page_html` with each inlined diagram that has a phone drawing followed by it
    (diagrams.css shows one of the two, by the screen's width), named by the same caption."""
    by_id = {svg_id(key): phone for key, phone in phones.items()}

    def add(found: re.Match[str]) -> str:
        phone = by_id.get(found["id"])
        if phone is None:
            return found[0]
        caption = re.search(r'\baria-labelledby="([^"]+)"', found[0][: found[0].index(">")])
        own_id = phone.svg_id + (found["copy"] or "")
        return found[0] + svg_element(phone, own_id, caption[1] if caption else None)

    return _INLINE_SVG.sub(add, page_html)


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
    # Each diagram and its phone drawing (phone.py): Mermaid draws both.
    phone_sources = {
        block.source: phone for block in blocks if (phone := phone_source(block.source))
    }
    keys = {
        source: diagram_key(source, mermaid_version=version, theme=theme)
        for source in [*(block.source for block in blocks), *phone_sources.values()]
    }
    # Counts and errors are by diagram: a drawing's key -> its diagram's (desktop) key.
    diagram_of = {keys[block.source]: keys[block.source] for block in blocks}
    diagram_of.update({keys[phone]: keys[desktop] for desktop, phone in phone_sources.items()})
    svgs = {key: svg for key in set(keys.values()) if (svg := _safe(cache.get(key))) is not None}
    missing = {key: source for source, key in keys.items() if key not in svgs}
    incomplete = {diagram_of[key] for key in missing}
    build = DiagramBuild(DiagramMode.SVG, from_cache=len(set(diagram_of.values()) - incomplete))

    if missing:
        jobs = sorted((svg_id(key), source) for key, source in missing.items())
        try:
            result = render_diagrams(jobs, assets=assets, chromium=chromium_path(environ))
        except BrowserUnavailableError as reason:
            if mode is DiagramMode.SVG:
                raise DiagramError(_browser_required(len(incomplete), str(reason))) from None
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
        build.rendered = len({diagram_of[key] for key in missing if svg_id(key) in result.svgs})
        where = {keys[block.source]: block for block in blocks}
        reported = set()
        for key in sorted(missing, key=lambda k: (where[diagram_of[k]].file, k != diagram_of[k])):
            error = result.errors.get(svg_id(key)) or refused.get(key)
            block = where[diagram_of[key]]
            if error is not None and (block.file, block.number) not in reported:
                reported.add((block.file, block.number))
                drawing = "" if key == diagram_of[key] else " (phone drawing)"
                build.errors.append(f"docs/{block.file}: diagram {block.number}{drawing}: {error}")

    build.diagrams = {
        source: Diagram(key, svg_id(key), svgs[key]) for source, key in keys.items() if key in svgs
    }
    for block in blocks:
        desktop = keys[block.source]
        phone = phone_sources.get(block.source)
        if phone is not None and keys[phone] in svgs:
            build.phones[desktop] = build.diagrams[phone]
        elif timeline := phone_timeline(block.source, f"{svg_id(desktop)}-phone"):
            build.phones[desktop] = Diagram(
                f"{desktop}-phone", f"{svg_id(desktop)}-phone", timeline
            )
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

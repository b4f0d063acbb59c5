"""Draw Mermaid diagrams to SVG in one headless Chromium session (Playwright, sync API).

The page the diagrams are drawn in is built from local files only and can make no network
request (every request is aborted). It loads the pinned Mermaid from node_modules and the
site's own settings and colours (docs/assets/diagrams/layout.js and theme.css), so a diagram
drawn here looks as the same diagram drawn in the reader's browser. After drawing, the SVG's
view box grows to the box of everything drawn (labels outside gantt bars, long axis labels),
its size becomes its natural size, and a minimum width keeps its smallest label >= 9 px.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from plandocs.browser import BrowserError, chromium, first_line, in_own_thread

# The column (px) the diagrams are laid out for: Material's content column at a 1280 px
# wide window with both sidebars.
COLUMN = 690
# The smallest label size (px) a diagram may shrink to (the floor the reader issue set for
# phones): below it the diagram scrolls rather than shrinks.
MIN_LABEL_PX = 9
# Per diagram: Mermaid's worst cases are parser loops on hostile input.
TIMEOUT_MS = 20_000

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>diagrams</title></head>
<body style="margin:0"><div id="stage"></div></body></html>
"""

# `window.plandocsDraw(…)` draws one diagram into #stage; it resolves to its SVG (XML), or to
# the error Mermaid raised.
RENDER = """
window.plandocsDraw = async ({ id, source, column, css, minLabel }) => {
  for (const child of [...document.body.children]) {
    if (child.id !== "stage") child.remove();  // what a failed render left behind
  }
  const stage = document.getElementById("stage");
  stage.replaceChildren();
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    theme: "default",
    ...window.plandocsDiagrams.config([source], column),
    themeCSS: css,
  });
  let drawn;
  try {
    drawn = await mermaid.render(id, source);
  } catch (error) {
    return { error: String((error && error.message) || error) };
  }
  stage.innerHTML = drawn.svg;
  const svg = stage.querySelector("svg");
  const view = svg.viewBox.baseVal;
  // Natural size: one unit of the view box is one CSS pixel.
  svg.removeAttribute("style");
  svg.setAttribute("width", view.width);
  svg.setAttribute("height", view.height);

  // The box of everything drawn, in the SVG's units (CSS transforms included), and the
  // smallest label as drawn.
  const toSvg = svg.getScreenCTM().inverse();
  const unit = Math.hypot(svg.getScreenCTM().a, svg.getScreenCTM().b);
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  let smallest = Infinity;
  const shapes = "text, tspan, rect, path, line, circle, ellipse, polygon, polyline, image";
  for (const element of svg.querySelectorAll(shapes)) {
    if (element.closest("defs, marker, title, desc")) continue;
    const style = getComputedStyle(element);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const box = element.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    for (const [x, y] of [[box.left, box.top], [box.right, box.bottom]]) {
      const point = new DOMPoint(x, y).matrixTransform(toSvg);
      left = Math.min(left, point.x);
      top = Math.min(top, point.y);
      right = Math.max(right, point.x);
      bottom = Math.max(bottom, point.y);
    }
    const text = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (text) {
      const m = element.getScreenCTM();
      smallest = Math.min(smallest, (parseFloat(style.fontSize) * Math.hypot(m.a, m.b)) / unit);
    }
  }
  const pad = 4;
  const round = (n) => Math.round(n * 100) / 100;
  const x0 = round(Math.min(view.x, left - pad));
  const y0 = round(Math.min(view.y, top - pad));
  const x1 = round(Math.max(view.x + view.width, right + pad));
  const y1 = round(Math.max(view.y + view.height, bottom + pad));
  const width = round(x1 - x0);
  const height = round(y1 - y0);
  svg.setAttribute("viewBox", `${x0} ${y0} ${width} ${height}`);
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);

  // Narrower than this, the smallest label would be drawn under `minLabel` px: the figure
  // scrolls instead (see diagrams.css). Kept in the SVG's own <style>, scoped to its id.
  const minWidth = Number.isFinite(smallest)
    ? Math.min(width, Math.ceil((width * minLabel) / smallest)) : 0;
  const style = svg.querySelector("style") || svg.insertBefore(
    document.createElementNS("http://www.w3.org/2000/svg", "style"), svg.firstChild);
  style.append(`#${id}{--diagram-min-width:${minWidth}px}`);

  // Mermaid's debugging attributes: a third of a mind map's size, of no use to a reader.
  for (const element of svg.querySelectorAll("[data-points]")) {
    element.removeAttribute("data-points");
  }
  return { svg: new XMLSerializer().serializeToString(svg) };
};
"""
# Start a drawing; its result lands in `window.plandocsDrawn`. Waiting for it from Python (with
# a timeout) also ends a drawing that never returns, even one that blocks the page's thread.
START = """args => {
  window.plandocsDrawn = undefined;
  setTimeout(() => window.plandocsDraw(args).then(
    (drawn) => { window.plandocsDrawn = drawn; },
    (error) => { window.plandocsDrawn = { error: String((error && error.message) || error) }; },
  ));
}"""
DONE = "() => window.plandocsDrawn !== undefined"


# No browser could draw the diagrams: the one browser error (plandocs.browser).
BrowserUnavailableError = BrowserError


@dataclass(frozen=True)
class RenderAssets:
    """The files a drawing depends on, besides the diagram's source."""

    mermaid_js: Path
    layout_js: Path
    theme_css: Path

    @classmethod
    def of_project(cls, root: Path) -> RenderAssets:
        """Return the assets of the project at `root` (npm's Mermaid, the site's theme)."""
        diagrams = root / "docs" / "assets" / "diagrams"
        return cls(
            mermaid_js=root / "node_modules" / "mermaid" / "dist" / "mermaid.min.js",
            layout_js=diagrams / "layout.js",
            theme_css=diagrams / "theme.css",
        )

    def mermaid_version(self) -> str:
        """Return the version of the Mermaid package the script comes from."""
        package = self.mermaid_js.parent.parent / "package.json"
        version: str = json.loads(package.read_text(encoding="utf-8"))["version"]
        return version

    def fingerprint(self) -> str:
        """Return a hash of everything but Mermaid and the source that shapes a drawing."""
        digest = hashlib.sha256()
        for part in (
            self.theme_css.read_bytes(),
            self.layout_js.read_bytes(),
            RENDER.encode("utf-8"),
            json.dumps([COLUMN, MIN_LABEL_PX]).encode("utf-8"),
        ):
            digest.update(hashlib.sha256(part).digest())
        return digest.hexdigest()[:20]


@dataclass
class RenderResult:
    """SVGs drawn, and Mermaid's error for each diagram that could not be drawn, by id."""

    svgs: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def render_diagrams(
    jobs: Sequence[tuple[str, str]], *, assets: RenderAssets, chromium: Path
) -> RenderResult:
    """Draw each `(svg id, source)` of `jobs` in one browser session; return the results.

    Raises BrowserUnavailableError when Playwright or the browser at `chromium` cannot start.
    """
    if not jobs:
        return RenderResult()
    return in_own_thread(partial(_draw, jobs, assets=assets, executable=chromium))


def _draw(
    jobs: Sequence[tuple[str, str]], *, assets: RenderAssets, executable: Path
) -> RenderResult:
    result = RenderResult()
    try:
        from playwright.sync_api import Browser, Page, Route
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
    except ImportError:
        raise BrowserError("the Python package playwright is not installed") from None

    def refuse(route: Route) -> None:
        route.abort()

    def fresh_page(browser: Browser) -> Page:
        # Built from local files only; every request the page would make is refused.
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", refuse)
        page.set_content(_PAGE)
        page.add_script_tag(path=str(assets.mermaid_js))
        page.add_script_tag(path=str(assets.layout_js))
        page.add_script_tag(content=RENDER)
        return page

    css = assets.theme_css.read_text(encoding="utf-8")
    with chromium(executable) as browser:
        try:
            page = fresh_page(browser)
            for svg_id, source in jobs:
                arguments = {
                    "id": svg_id,
                    "source": source,
                    "column": COLUMN,
                    "css": css,
                    "minLabel": MIN_LABEL_PX,
                }
                page.evaluate(START, arguments)
                try:
                    page.wait_for_function(DONE, polling=50, timeout=TIMEOUT_MS)
                except PlaywrightTimeoutError:
                    result.errors[svg_id] = f"no result after {TIMEOUT_MS // 1000} s"
                    page.close()
                    page = fresh_page(browser)
                    continue
                drawn: dict[str, str] = page.evaluate("() => window.plandocsDrawn")
                if "svg" in drawn:
                    result.svgs[svg_id] = drawn["svg"]
                else:
                    result.errors[svg_id] = drawn.get("error", "unknown error")
        except PlaywrightError as error:
            raise BrowserError(f"the browser at {executable} failed: {first_line(error)}") from None
    return result

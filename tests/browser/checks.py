"""What a reader must never meet on a page, in both colour schemes, checked in Chromium;
shared by the tests of the real site and the tests that prove each check fails on a broken copy.

A page is loaded once: every check runs in the scheme it opens in, then the palette toggle
switches scheme (as a reader would) and the scheme-dependent checks run again. Material
remembers the choice, so consecutive pages open in alternating schemes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.axe import axe_violations
from tests.browser.contrast import unreadable_labels
from tests.sitepages import PageFacts

# No <pre class="mermaid"> is left (none was built, or Material has replaced each); then each
# diagram, inline SVG or Material's `div.mermaid`, must have a size.
DIAGRAMS_MOUNTED = """() => document.querySelectorAll("pre.mermaid").length === 0"""
# A figure holds a desktop and a phone drawing, one of them hidden by the screen's width.
DIAGRAMS_DRAWN = """() => [...document.querySelectorAll("figure.diagram > svg, div.mermaid")]
  .filter(d => getComputedStyle(d).display !== "none")
  .every(d => d.getBoundingClientRect().height > 0
    && (!d.shadowRoot || d.shadowRoot.querySelector("svg")))"""
NOT_DRAWN = "a diagram was not drawn"
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
PARSE_ALL = """async sources => {
  const errors = [];
  for (const source of sources) {
    try { await window.mermaid.parse(source); errors.push(null); }
    catch (error) { errors.push(String(error.message || error)); }
  }
  return errors;
}"""
# Each diagram sits in a figure whose caption names it, followed by its text equivalent.
UNNAMED_DIAGRAMS = """() => [...document.querySelectorAll("figure.diagram > svg, div.mermaid")]
  .filter(d => getComputedStyle(d).display !== "none")
  .filter(d => {
  const figure = d.closest("figure");
  const caption = figure && figure.querySelector("figcaption");
  let next = figure && figure.nextElementSibling;
  while (next && next.tagName === "P") next = next.nextElementSibling;
  const equivalent = next && ["TABLE", "UL", "OL", "H3", "H4", "DIV"].includes(next.tagName);
  return !(caption && caption.textContent.trim() && equivalent);
}).length"""
# The axe rules whose result depends on the colour scheme.
DARK_RULES = ["color-contrast", "link-in-text-block"]


@dataclass
class Visit:
    """A page opened in Chromium with what it logged and requested."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


class Tab:
    """One browser tab that opens page after page, recording what each one logs and requests.

    A tab reused costs a third of the CPU of a new tab a page (each new tab starts a renderer
    process); every page is still a full navigation, with nothing kept but the context's
    storage (the colour scheme the reader chose).
    """

    def __init__(self, context: BrowserContext) -> None:
        self.page = context.new_page()
        self.current = Visit(self.page)
        self.page.on("console", lambda m: self._log(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self._log(str(e)))
        self.page.on("request", lambda r: self.current.requests.append(r.url))

    def _log(self, error: str) -> None:
        self.current.errors.append(error)

    def visit(self, url: str) -> Visit:
        """Open `url` until it loads; return what it logged and requested."""
        self.current = Visit(self.page)
        self.page.goto(url, wait_until="load")
        return self.current


def visit(context: BrowserContext, url: str) -> Visit:
    """Open `url` in a new tab of `context` (which has OPEN_SHADOW_ROOTS as init script)."""
    return Tab(context).visit(url)


def toggle_scheme(page: Page) -> str:
    """Switch the colour scheme with the palette toggle, as a reader would; return the new one.
    Material remembers the choice: the next page opens in it."""
    first = page.evaluate(SCHEME)
    page.click("form[data-md-component=palette] label:not([hidden])")
    page.wait_for_function(f"s => {SCHEME} !== s", arg=first)
    return str(page.evaluate(SCHEME))


def reader_problems(seen: Visit, facts: PageFacts, own_host: str, *, axe: bool = True) -> list[str]:
    """Return what is wrong on a visited page; `facts` are what its built HTML holds.

    Diagrams drawn in the browser (Mermaid blocks in the HTML) must also parse.
    """
    page = seen.page
    sources = facts.mermaid_sources
    has_diagrams = bool(sources) or facts.figures > 0
    problems = _drawing_problems(page, has_diagrams)
    drawn = not any(p.endswith(NOT_DRAWN) for p in problems)
    if sources:
        parsed = page.evaluate(PARSE_ALL, sources)
        problems += [f"diagram does not parse: {error}" for error in parsed if error]
    if has_diagrams and (unnamed := page.evaluate(UNNAMED_DIAGRAMS)):
        problems.append(f"{unnamed} diagram(s) without a caption or a text equivalent")
    if "Syntax error in text" in page.inner_text("body"):
        problems.append("Mermaid error graphic")
    problems += [f"axe {v}" for v in axe_violations(page)] if axe else []
    scheme = toggle_scheme(page)
    problems += _drawing_problems(page, has_diagrams) if drawn else []
    if axe:
        problems += [f"axe [{scheme}] {v}" for v in axe_violations(page, DARK_RULES)]
    problems += [f"console error: {error}" for error in seen.errors]
    problems += [f"requested {u}" for u in seen.requests if urlparse(u).netloc != own_host]
    return problems


def _drawing_problems(page: Page, has_diagrams: bool) -> list[str]:
    """Diagrams drawn and every label readable, in the page's current scheme."""
    if not has_diagrams:
        return []
    try:
        page.wait_for_function(DIAGRAMS_MOUNTED, timeout=6_000)
        page.wait_for_function(DIAGRAMS_DRAWN, timeout=3_000)
    except PlaywrightTimeout:
        return [f"[{page.evaluate(SCHEME)}] {NOT_DRAWN}"]
    return unreadable_labels(page)

"""What a reader must never meet on a page, checked in Chromium; shared by the tests that
check the real site and the tests that prove each check fails on a broken copy."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlparse

from playwright.sync_api import BrowserContext, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser.axe import axe_violations

# Material has replaced every <pre class="mermaid"> and each diagram has a size.
DIAGRAMS_DRAWN = """() => document.querySelectorAll("pre.mermaid").length === 0 &&
  [...document.querySelectorAll("div.mermaid")].every(d => d.getBoundingClientRect().height > 0)"""
PARSE_ALL = """async sources => {
  const errors = [];
  for (const source of sources) {
    try { await window.mermaid.parse(source); errors.push(null); }
    catch (error) { errors.push(String(error.message || error)); }
  }
  return errors;
}"""
# Each diagram sits in a figure whose caption names it, followed by its text equivalent.
UNNAMED_DIAGRAMS = """() => [...document.querySelectorAll("div.mermaid")].filter(d => {
  const figure = d.closest("figure");
  const caption = figure && figure.querySelector("figcaption");
  let next = figure && figure.nextElementSibling;
  while (next && next.tagName === "P") next = next.nextElementSibling;
  const equivalent = next && ["TABLE", "UL", "OL", "H3", "H4", "DIV"].includes(next.tagName);
  return !(caption && caption.textContent.trim() && equivalent);
}).length"""
DARK_RULES = ["color-contrast", "link-in-text-block"]


@dataclass
class Visit:
    """A page opened in Chromium with what it logged and requested."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def visit(context: BrowserContext, url: str) -> Visit:
    """Open `url` and wait until the network is idle."""
    page = context.new_page()
    seen = Visit(page)
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen.errors.append(str(e)))
    page.on("request", lambda r: seen.requests.append(r.url))
    page.goto(url, wait_until="networkidle")
    return seen


def reader_problems(seen: Visit, sources: list[str], own_host: str) -> list[str]:
    """Return what is wrong on a visited page; `sources` are its Mermaid diagram sources.

    In the dark scheme only axe's colour rules run: the rest does not depend on the scheme.
    """
    page = seen.page
    light = not page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    problems: list[str] = []
    if sources:
        try:
            page.wait_for_function(DIAGRAMS_DRAWN, timeout=15_000)
        except PlaywrightTimeout:
            problems.append("a diagram was not drawn")
        if light:
            parsed = page.evaluate(PARSE_ALL, sources)
            problems += [f"diagram does not parse: {error}" for error in parsed if error]
        if unnamed := page.evaluate(UNNAMED_DIAGRAMS):
            problems.append(f"{unnamed} diagram(s) without a caption or a text equivalent")
    if "Syntax error in text" in page.inner_text("body"):
        problems.append("Mermaid error graphic")
    problems += [f"console error: {error}" for error in seen.errors]
    problems += [f"requested {u}" for u in seen.requests if urlparse(u).netloc != own_host]
    problems += [f"axe {v}" for v in axe_violations(page, None if light else DARK_RULES)]
    return problems

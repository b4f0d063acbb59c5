"""What a reader sees of the diagrams and tables at a screen's width: nothing off-screen.

`unfit_diagrams(page)` lists, for each figure of the page, the drawing on show (the desktop or
the phone drawing, whichever the page's CSS displays) when it scrolls sideways, reaches past
its figure or the window, or draws a label under MIN_LABEL_PX. `cells_beyond(page)` lists the
table cells a reader would have to scroll sideways to see. Used by tests/browser/test_fit.py
at 360, 768 and 1280 px in both schemes, and shown failing in test_checks_catch_breakage.py.
"""

from __future__ import annotations

from playwright.sync_api import Page

MIN_LABEL_PX = 9
"""The smallest label (px, as drawn on the screen) a diagram may show."""

_DIAGRAMS = """minLabel => {
  const problems = [];
  for (const figure of document.querySelectorAll("figure.diagram")) {
    const shown = [...figure.querySelectorAll(":scope > svg")]
      .filter((svg) => getComputedStyle(svg).display !== "none");
    const name = (figure.querySelector("figcaption") || figure).textContent.trim().slice(0, 40);
    if (shown.length !== 1) {
      problems.push(`${name}: ${shown.length} drawings shown`);
      continue;
    }
    const svg = shown[0];
    const box = svg.getBoundingClientRect();
    const frame = figure.getBoundingClientRect();
    if (figure.scrollWidth > figure.clientWidth + 1) problems.push(`${name}: scrolls sideways`);
    if (box.right > Math.min(frame.right, innerWidth) + 1 || box.left < frame.left - 1) {
      problems.push(`${name}: reaches past its figure or the window`);
    }
    let smallest = Infinity;
    for (const text of svg.querySelectorAll("text, tspan")) {
      const own = [...text.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      const drawn = text.getBoundingClientRect();
      if (!own || !drawn.width) continue;
      const m = text.getScreenCTM();
      const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
      smallest = Math.min(smallest, size);
    }
    if (smallest < minLabel - 0.05) {
      problems.push(`${name}: a label drawn at ${smallest.toFixed(1)}px`);
    }
  }
  return problems;
}"""

_CELLS = """() => {
  const beyond = [];
  for (const cell of document.querySelectorAll("article td, article th")) {
    const head = cell.closest("thead");
    if (head && getComputedStyle(head).position === "absolute") continue;  // for screen readers
    const box = cell.getBoundingClientRect();
    if (box.width && (box.right > innerWidth + 0.5 || box.left < -0.5)) {
      beyond.push(cell.textContent.trim().slice(0, 40));
    }
  }
  return beyond;
}"""


def unfit_diagrams(page: Page) -> list[str]:
    """Return a line for each diagram of `page` a reader cannot see whole at this width."""
    problems: list[str] = page.evaluate(_DIAGRAMS, MIN_LABEL_PX)
    return problems


def cells_beyond(page: Page) -> list[str]:
    """Return the text of each table cell of `page` that lies outside the window."""
    cells: list[str] = page.evaluate(_CELLS)
    return cells

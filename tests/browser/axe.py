"""Run axe-core (from node_modules, never a CDN) in a page and report serious problems."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async (rules) => {
  const options = { resultTypes: ["violations"] };
  if (rules) options.runOnly = { type: "rule", values: rules };
  const result = await axe.run(document, options);
  return result.violations
    .filter(v => v.impact === "critical" || v.impact === "serious")
    .map(v => {
      const where = v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ");
      return `${v.id} (${v.impact}): ${where}`;
    });
}"""


def axe_violations(page: Page, rules: list[str] | None = None) -> list[str]:
    """Return the page's critical and serious axe violations (of `rules`, or all), one a line."""
    # Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
    # govern (a <script> tag added to the page would be blocked, as it should be).
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    violations: list[str] = page.evaluate(RUN_AXE, rules)
    return violations

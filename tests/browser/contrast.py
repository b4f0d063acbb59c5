"""Measure every label of the diagrams on a page: WCAG contrast, clipping and size.

Diagrams drawn at build time are inline SVGs (`figure.diagram > svg`). Diagrams drawn in the
browser (the client-side fallback) live in the closed shadow root Material renders into:
test-only, an init script forces `attachShadow` to mode "open" so that SVG can be inspected.
For each visible SVG `text`/`tspan` and each label inside a `foreignObject`, the page computes
the effective text colour and the colour behind it: the filled shapes under the label's centre
(`elementsFromPoint`, painted before the label), composited over the page background.
Opacities of the element and its ancestors and the alpha of colours are taken into account.
Each label must reach 4.5:1 (3:1 when large), and must not be clipped by its figure or its
SVG; a figure that scrolls must be focusable; a diagram whose smallest label is drawn under
11px must offer a full-size view (the link after its figure, which must serve an SVG).
Used by tests/browser/test_reader.py on every diagram page, in both colour schemes.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

# Test-only: make Material's shadow roots inspectable.
OPEN_SHADOW_ROOTS = """
(() => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: "open" });
  };
})();
"""

# True once Material has replaced every `pre.mermaid` by a `div.mermaid` holding an SVG.
RENDERED = """
(expected) => document.querySelectorAll("pre.mermaid").length === 0
  && [...document.querySelectorAll("div.mermaid")]
    .filter((d) => d.shadowRoot && d.shadowRoot.querySelector("svg")).length === expected
"""

# The smallest label (px, as drawn) a reader must be able to read without a full-size view.
MIN_LABEL_PX = 11

# Mermaid's syntax-error graphic, in the page or in a diagram.
ERROR_GRAPHICS = """
() => [document, ...[...document.querySelectorAll("div.mermaid")].map((d) => d.shadowRoot)]
  .filter(Boolean)
  .reduce((n, root) => n + root.querySelectorAll('svg[aria-roledescription="error"]').length, 0)
"""

# Returns, for each diagram, its type and one record per visible label: its text, size, the
# effective RGB of the text and of what lies behind it (both opaque), and whether the figure
# clips it.
MEASURE = """
() => {
  // Any CSS colour -> [r, g, b, a] (0-255, alpha 0-1) by painting it; null if not a colour.
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  const rgba = (value) => {
    if (!value || value === "none" || value.startsWith("url(")) return null;
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = "rgba(0, 0, 0, 0)";
    ctx.fillStyle = value;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, below) => top.slice(0, 3).map((c, i) => c * top[3] + below[i] * (1 - top[3]));
  const withAlpha = (color, factor) => color && [...color.slice(0, 3), color[3] * factor];
  // Product of the opacities of `el` and its ancestors up to `stop` (excluded).
  const opacity = (el, stop) => {
    let product = 1;
    for (let e = el; e && e !== stop; e = e.parentElement) {
      product *= parseFloat(getComputedStyle(e).opacity);
    }
    return product;
  };
  // The opaque colour behind a diagram: its host's ancestors composited over white.
  const pageBackground = (host) => {
    const layers = [];
    for (let e = host; e; e = e.parentElement) {
      layers.push(rgba(getComputedStyle(e).backgroundColor));
    }
    return layers.reverse().reduce((below, c) => (c ? over(c, below) : below), [255, 255, 255]);
  };
  const ownText = (el) => [...el.childNodes]
    .some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  // Whether box `b` lies in rectangle `v`, give or take `slack` pixels.
  const inside = (b, v, slack = 1) => b.left >= v.left - slack && b.right <= v.right + slack
    && b.top >= v.top - slack && b.bottom <= v.bottom + slack;
  const intersect = (a, b) => ({
    left: Math.max(a.left, b.left), right: Math.min(a.right, b.right),
    top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom),
  });
  // What of a diagram can be seen: its figure's box, and its SVG's unless it overflows.
  // What a reader can see of a diagram: its figure (which scrolls sideways), cut to the SVG
  // unless the SVG lets labels overflow.
  const viewport = (host, svg) => {
    const figure = (host.closest("figure") || host).getBoundingClientRect();
    return getComputedStyle(svg).overflow === "visible"
      ? figure
      : intersect(figure, svg.getBoundingClientRect());
  };

  // The colour under (x, y) behind `label`: the filled shapes (and HTML backgrounds) painted
  // before it, composited over the page background.
  const behind = (root, svg, label, x, y, page) => {
    const layers = [];  // topmost first
    for (const e of root.elementsFromPoint(x, y)) {
      const below = e === label || e.contains(label)
        || (label.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_PRECEDING);
      if (!svg.contains(e) || !below) continue;
      const s = getComputedStyle(e);
      if (e instanceof SVGGeometryElement) {
        const local = new DOMPoint(x, y).matrixTransform(e.getScreenCTM().inverse());
        if (!e.isPointInFill(local)) continue;  // a hit on the stroke only
        layers.push(withAlpha(rgba(s.fill), parseFloat(s.fillOpacity) * opacity(e, svg)));
      } else if (!(e instanceof SVGElement)) {
        layers.push(withAlpha(rgba(s.backgroundColor), opacity(e, svg)));
      }
    }
    return layers.reverse().reduce((b, c) => (c && c[3] > 0 ? over(c, b) : b), page);
  };

  // Diagrams drawn at build time (inline SVG), and those Material drew into shadow roots.
  const diagrams = [
    // The drawing on show: a figure's desktop or phone drawing, by the screen's width.
    ...[...document.querySelectorAll("figure.diagram > svg")]
      .filter((svg) => getComputedStyle(svg).display !== "none")
      .map((svg) => ({ host: svg, root: document, svg })),
    ...[...document.querySelectorAll("div.mermaid")]
      .map((host) => ({ host, root: host.shadowRoot, svg: host.shadowRoot.querySelector("svg") })),
  ];
  return diagrams.map(({ host, root, svg }) => {
    const page = pageBackground(host);
    const figure = host.closest("figure");
    let link = figure && figure.nextElementSibling;
    link = link && link.matches(".diagram-full-size") ? link.querySelector("a") : null;
    const labels = [];
    for (const label of svg.querySelectorAll("text, tspan, foreignObject *")) {
      if (!ownText(label)) continue;
      const style = getComputedStyle(label);
      let box = label.getBoundingClientRect();
      const alpha = opacity(label, svg);
      if (!box.width || !box.height || style.visibility === "hidden" || alpha < 0.05) continue;
      // Hit testing needs the label on screen (below the header), inside the scrolled figure.
      const screen = { left: 0, right: innerWidth, top: 60, bottom: innerHeight };
      if (!inside(box, intersect(viewport(host, svg), screen))) {
        label.scrollIntoView({ block: "center", inline: "center" });
        box = label.getBoundingClientRect();
      }
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const isSvg = label instanceof SVGElement;
      const raw = isSvg ? style.fill : style.color;
      const color = withAlpha(rgba(raw), alpha * (isSvg ? parseFloat(style.fillOpacity) : 1));
      const bg = behind(root, svg, label, x, y, page);
      const m = (isSvg ? label : label.closest("foreignObject")).getScreenCTM();
      labels.push({
        text: label.textContent.trim().slice(0, 60),
        raw,
        fg: color ? over(color, bg) : null,
        bg,
        size: parseFloat(style.fontSize) * Math.hypot(m.a, m.b),
        weight: parseInt(style.fontWeight, 10) || 400,
        // A text's box is its glyph cells: its ink may reach a quarter of its height less far.
        clipped: !inside(box, viewport(host, svg), box.height / 4),
      });
    }
    return {
      type: svg.getAttribute("data-diagram-type") || svg.getAttribute("aria-roledescription")
        || "unknown",
      labels,
      scrolls: figure ? figure.scrollWidth > figure.clientWidth + 1 : false,
      focusable: figure ? figure.tabIndex >= 0 : false,
      fullSize: link ? link.href : null,
    };
  });
}
"""


def _linear(channel: float) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(rgb: list[float]) -> float:
    """WCAG relative luminance of an opaque sRGB colour (0-255 channels)."""
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[float], b: list[float]) -> float:
    """WCAG contrast ratio of two opaque colours."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def required_ratio(size: float, weight: int) -> float:
    """4.5:1, or 3:1 for large text (24px, or 18.66px bold)."""
    return 3.0 if size >= 24 or (size >= 18.66 and weight >= 700) else 4.5


def unreadable_labels(page: Page) -> list[str]:
    """Return each label of the page's drawn diagrams that is too faint, clipped or too small.

    Diagrams drawn in the browser need the page opened with OPEN_SHADOW_ROOTS as init script.
    """
    scheme: str = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    problems: list[str] = []
    if page.evaluate(ERROR_GRAPHICS):
        problems.append(f"[{scheme}] Mermaid error graphic")
    diagrams: list[dict[str, Any]] = page.evaluate(MEASURE)
    for index, diagram in enumerate(diagrams):
        if not diagram["labels"]:
            problems.append(f"[{scheme}] no label in diagram {index} ({diagram['type']})")
        for r in diagram["labels"]:
            ratio = contrast(r["fg"], r["bg"]) if r["fg"] is not None else 0.0
            required = required_ratio(r["size"], r["weight"])
            where = f"[{scheme}] {diagram['type']}: {r['text']!r}"
            if ratio < required:
                problems.append(f"{where} contrast {ratio:.2f} < {required} (text {r['raw']})")
            if r["clipped"]:
                problems.append(f"{where} is clipped by its figure")
        where = f"[{scheme}] {diagram['type']}"
        if diagram["scrolls"] and not diagram["focusable"]:
            problems.append(f"{where}: its figure scrolls but cannot be focused")
        smallest = min((r["size"] for r in diagram["labels"]), default=MIN_LABEL_PX)
        if smallest < MIN_LABEL_PX - 0.05 and not diagram["fullSize"]:
            problems.append(f"{where}: labels drawn at {smallest:.1f}px and no full-size view")
        if diagram["fullSize"]:
            problems += full_size_problems(page, diagram["fullSize"], where)
    return problems


def full_size_problems(page: Page, url: str, where: str) -> list[str]:
    """Return what is wrong with the full-size view at `url`: it must be an SVG file."""
    response = page.request.get(url)
    kind = response.headers.get("content-type", "")
    body = response.text() if response.ok else ""
    if not response.ok:
        return [f"{where}: full-size view {url} answers {response.status}"]
    if not kind.startswith("image/svg+xml") or "<svg" not in body:
        return [f"{where}: full-size view {url} is {kind or 'untyped'}, not an SVG"]
    return []

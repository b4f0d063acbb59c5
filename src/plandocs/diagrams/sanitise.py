"""A diagram's SVG rebuilt from an allowlist before it is put in a page.

The SVG comes from Mermaid, or from a file of the cache, which a build did not necessarily
write (a checkout can hold one). So before a page holds it, the SVG is parsed as XML and
written again element by element: only the elements and attributes Mermaid's diagrams use
(labels are SVG `<text>`, never HTML in a `<foreignObject>`: `htmlLabels` is off), links only
to fragments of the same SVG, styles without `@import`, escapes or any `url()` but `url(#id)`.
Anything else refuses the whole SVG (`UnsafeSvgError`), rather than drawing it half: no
`<script>`, no event handler, no `<foreignObject>`, `<image>`, `<a>` or animation element. The
text written is the text checked, so no difference between the XML reader and the page's HTML
parser can hide markup.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
MAX_CHARACTERS = 4 * 1024 * 1024
MAX_DEPTH = 64

ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "title", "desc", "style", "path", "rect", "circle", "ellipse",
        "line", "polyline", "polygon", "text", "tspan", "marker", "symbol", "use", "clipPath",
        "mask", "pattern", "linearGradient", "radialGradient", "stop", "filter",
        "feDropShadow", "feGaussianBlur", "feOffset", "feBlend", "feFlood", "feComposite",
        "feMerge", "feMergeNode", "feColorMatrix",
    }
)  # fmt: skip
ATTRIBUTES = frozenset(
    {
        "id", "class", "style", "transform", "transform-origin", "x", "y", "x1", "x2", "y1",
        "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy", "width", "height", "viewBox", "d",
        "points", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
        "stroke-dasharray", "stroke-linecap", "stroke-linejoin", "stroke-opacity", "opacity",
        "font-family", "font-size", "font-style", "font-weight", "text-anchor",
        "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing",
        "marker-start", "marker-mid", "marker-end", "markerHeight", "markerWidth",
        "markerUnits", "orient", "refX", "refY", "overflow", "role", "preserveAspectRatio",
        "stdDeviation", "flood-color", "flood-opacity", "in", "in2", "result", "mode",
        "operator", "values", "type", "offset", "stop-color", "stop-opacity", "gradientUnits",
        "gradientTransform", "patternUnits", "clip-path", "clipPathUnits", "mask", "filter",
        "visibility", "display", "textLength", "lengthAdjust", "pathLength", "href",
    }
)  # fmt: skip
_FREE_ATTRIBUTE = re.compile(r"^(?:aria|data)-[a-z0-9-]+$")
_LINKS = {"href", f"{{{XLINK}}}href"}
_FRAGMENT = re.compile(r"^#[A-Za-z0-9_.:-]+$")
_URL = re.compile(r"url\(\s*([\"']?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_UNSAFE_CSS = re.compile(
    r"\\|@import|@font-face|@namespace|image-set|image\(|cross-fade|element\(|expression\s*\("
    r"|javascript:|behavior\s*:|binding\s*:",
    re.IGNORECASE,
)
_URL_START = re.compile(r"url\(", re.IGNORECASE)
_DECLARATION = re.compile(r"\A<\?xml[^<>?]*\?>")


class UnsafeSvgError(ValueError):
    """An SVG holds something the allowlist does not, or is not well-formed XML."""


def sanitise_svg(svg: str) -> str:
    """Return `svg` written again from its allowed elements and attributes; raise
    UnsafeSvgError naming the first thing that is not allowed."""
    if len(svg) > MAX_CHARACTERS:
        raise UnsafeSvgError(f"the SVG is larger than {MAX_CHARACTERS} characters")
    body = _DECLARATION.sub("", svg.lstrip(), count=1)
    if "<!" in body or "<?" in body:
        raise UnsafeSvgError("comments, CDATA, document types and processing instructions")
    try:
        root = ET.fromstring(body)  # no DTD (refused above): no entity can be declared
    except ET.ParseError as error:
        raise UnsafeSvgError(f"not well-formed XML ({error})") from None
    if root.tag != f"{{{SVG}}}svg":
        raise UnsafeSvgError(f"the root element is `{_name(root.tag)}`, not `svg`")
    out: list[str] = []
    _write(root, out, depth=0)
    return "".join(out)


def _write(element: ET.Element, out: list[str], *, depth: int) -> None:
    """Append the checked element, its text, children and tail to `out`."""
    if depth > MAX_DEPTH:
        raise UnsafeSvgError(f"elements are nested deeper than {MAX_DEPTH}")
    tag = _element(element.tag)
    attributes = "".join(
        f' {_attribute(tag, name, value)}="{html.escape(value)}"'
        for name, value in element.attrib.items()
    )
    if depth == 0:  # after the others: the <svg> starts with its id, as Mermaid writes it
        attributes += f' xmlns="{SVG}"'
    text = element.text or ""
    if tag == "style":
        _check_css(text, "a <style>")
    out.append(f"<{tag}{attributes}>{html.escape(text, quote=False)}")
    for child in element:
        _write(child, out, depth=depth + 1)
    out.append(f"</{tag}>")
    if depth:
        out.append(html.escape(element.tail or "", quote=False))


def _element(tag: str) -> str:
    """Return the local name of an allowed SVG element."""
    local = tag.removeprefix(f"{{{SVG}}}")
    if local == tag or local not in ELEMENTS:
        raise UnsafeSvgError(f"the element `{_name(tag)}` is not allowed")
    return local


def _attribute(tag: str, name: str, value: str) -> str:
    """Return the name to write of an allowed attribute with a safe value."""
    if name in _LINKS:
        if not _FRAGMENT.match(value):
            raise UnsafeSvgError(f"`{tag}` links to `{value[:40]}`: only `#id` links are allowed")
        return "href"
    if name not in ATTRIBUTES and not _FREE_ATTRIBUTE.match(name):
        raise UnsafeSvgError(f"the attribute `{_name(name)}` of `{tag}` is not allowed")
    _check_css(value, f"`{name}` of `{tag}`")
    return name


def _check_css(text: str, where: str) -> None:
    """Refuse style text that could load anything or hide what it says."""
    if _UNSAFE_CSS.search(text):
        raise UnsafeSvgError(f"{where} holds an escape, `@import` or script")
    urls = list(_URL.finditer(text))
    if len(urls) != len(_URL_START.findall(text)):
        raise UnsafeSvgError(f"{where} holds an unclosed `url(`")
    for found in urls:
        if not _FRAGMENT.match(found[2].strip()):
            raise UnsafeSvgError(f"{where} refers to `url({found[2][:40]})`: only `url(#id)`")


def _name(qualified: str) -> str:
    """Return `{namespace}local` as `local` (namespace …)."""
    if qualified.startswith(f"{{{SVG}}}"):
        return qualified.removeprefix(f"{{{SVG}}}")
    if qualified.startswith("{"):
        namespace, local = qualified[1:].split("}", 1)
        return f"{local} (namespace {namespace})"
    return qualified

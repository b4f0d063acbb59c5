"""Page HTML with each Mermaid block replaced by its pre-rendered SVG.

A diagram is `<pre class="mermaid"><code>…</code></pre>` (pymdownx.superfences), usually in a
`<figure class="diagram">` whose `<figcaption>` names it, followed by its text equivalent. The
SVG takes the block's place inside the figure: it is `role="img"`, named by the caption
(`aria-labelledby`), described by Mermaid's `<desc>`. After the figure comes a link to the
standalone SVG file, in the page's language. A block without an SVG is left as it is: the page
then loads Mermaid and draws it in the browser.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

# Words of the page; another change will move them to the site's labels file.
FULL_SIZE_URL = "assets/diagrams/{key}.svg"

_BLOCK = re.compile(r'<pre class="mermaid"><code>(?P<code>.*?)</code></pre>', re.DOTALL)
_FIGURE = re.compile(
    r'(?P<open><figure\b[^>]*\bclass="diagram"[^>]*>)(?P<body>.*?)(?P<close></figure>)', re.DOTALL
)
_CAPTION = re.compile(r"<figcaption(?P<attrs>[^>]*)>(?P<text>.*?)</figcaption>", re.DOTALL)
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_ATTRIBUTE = re.compile(r'\s(?P<name>[\w:-]+)="(?P<value>[^"]*)"')
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Diagram:
    """A rendered diagram: its cache key, the id of its <svg>, and the SVG."""

    key: str
    svg_id: str
    svg: str


@dataclass
class InlinedPage:
    """A page's HTML after inlining, with what was inlined and what was left for the browser."""

    html: str
    used: list[tuple[Diagram, str]] = field(default_factory=list)  # (diagram, caption)
    left: int = 0


def block_source(code: str) -> str:
    """Return the diagram source of a block's escaped `<code>` text, as the cache keys it."""
    return normalise(html.unescape(code))


def normalise(source: str) -> str:
    """Return `source` without the blank lines and spaces around it."""
    return source.strip()


def inline_diagrams(
    page_html: str,
    lookup: Callable[[str], Diagram | None],
    *,
    lang: str,
    page_url: str,
    full_size: str,
) -> InlinedPage:
    """Return `page_html` with every block whose source `lookup` knows replaced by its SVG.

    `page_url` is the page's URL relative to the site root (`report/plan/`): the full-size link
    is relative to it, and `full_size` its words (plain text, in the page's language).
    """
    result = InlinedPage(page_html)
    copies: dict[str, int] = {}
    to_root = "../" * page_url.count("/")
    words = html.escape(full_size)

    def own_id(diagram: Diagram) -> str:
        # The same diagram twice on a page: the second copy's ids get a suffix.
        copies[diagram.svg_id] = copies.get(diagram.svg_id, 0) + 1
        count = copies[diagram.svg_id]
        return diagram.svg_id if count == 1 else f"{diagram.svg_id}-{count}"

    def link(diagram: Diagram, caption_id: str | None) -> str:
        href = html.escape(to_root + FULL_SIZE_URL.format(key=diagram.key))
        described = f' aria-describedby="{caption_id}"' if caption_id else ""
        return (
            f'<p class="diagram-full-size"><a href="{href}" type="image/svg+xml"{described}>'
            f"{words}</a></p>"
        )

    def figure(match: re.Match[str]) -> str:
        body = match["body"]
        blocks = list(_BLOCK.finditer(body))
        if len(blocks) != 1:
            return match[0]  # not one diagram: left to the block-by-block pass below
        block = blocks[0]
        diagram = lookup(block_source(block["code"]))
        if diagram is None:
            return match[0]  # counted by the block-by-block pass
        svg_id = own_id(diagram)
        edits: list[tuple[tuple[int, int], str]] = []
        caption_id = None
        caption_text = ""
        caption = _CAPTION.search(body)
        if caption:
            caption_text = _text(caption["text"])
            existing = re.search(r'\bid="([^"]+)"', caption["attrs"])
            caption_id = existing[1] if existing else f"{svg_id}-caption"
            if not existing:
                attrs = f'{caption["attrs"]} id="{caption_id}"'
                edits.append((caption.span(), f"<figcaption{attrs}>{caption['text']}</figcaption>"))
        edits.append((block.span(), _svg(diagram, svg_id, caption_id)))
        for (start, end), text in sorted(edits, reverse=True):
            body = body[:start] + text + body[end:]
        result.used.append((diagram, caption_text))
        return match["open"] + body + match["close"] + "\n" + link(diagram, caption_id)

    def loose(match: re.Match[str]) -> str:
        diagram = lookup(block_source(match["code"]))
        if diagram is None:
            result.left += 1
            return match[0]
        result.used.append((diagram, ""))
        return _svg(diagram, own_id(diagram), None) + "\n" + link(diagram, None)

    result.html = _BLOCK.sub(loose, _FIGURE.sub(figure, page_html))
    return result


def _svg(diagram: Diagram, svg_id: str, caption_id: str | None) -> str:
    """Return the diagram's SVG with id `svg_id`, as an image named by the caption."""
    svg = diagram.svg if svg_id == diagram.svg_id else diagram.svg.replace(diagram.svg_id, svg_id)
    opening = _SVG_OPEN.match(svg)
    if opening is None:
        return svg
    attributes = {m["name"]: m["value"] for m in _ATTRIBUTE.finditer(opening[0])}
    if caption_id:
        attributes["aria-labelledby"] = caption_id
    kind = attributes.pop("aria-roledescription", None)
    if kind:
        attributes["data-diagram-type"] = kind
    if attributes.get("aria-labelledby"):
        attributes["role"] = "img"
    else:
        attributes.pop("role", None)  # an image needs a name; without one, leave it a group
    written = "".join(f' {name}="{value}"' for name, value in attributes.items())
    return f"<svg{written}>" + svg[opening.end() :]


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def svg_element(diagram: Diagram, svg_id: str, caption_id: str | None) -> str:
    """Return the diagram's SVG as it is inlined: id `svg_id`, an image named by the caption."""
    return _svg(diagram, svg_id, caption_id)

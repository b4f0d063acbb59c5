"""Reading a built site: pages, their links, scripts and visible text (stdlib HTML parser)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

from plandocs.registry import PAGES

# Every page of one language, as a path under the language root ("" is the home page).
# The derived pages (source, downloads, translations, changes) come from the build, not a family.
DERIVED = [
    "report/source/",
    "report/downloads/",
    "report/translations/",
    "report/changes/",
]
ROUTES = ["", "summary/", "about/", *(f"report/{family.name}/" for family in PAGES), *DERIVED]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


@dataclass
class PageFacts:
    """What a test needs from one built HTML page."""

    path: Path
    links: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)
    switcher: dict[str, str] = field(default_factory=dict)
    alternates: dict[str, str] = field(default_factory=dict)
    edit_url: str | None = None
    text: str = ""
    content_text: str = ""
    has_mermaid_block: bool = False
    mermaid_sources: list[str] = field(default_factory=list)
    # `<figure class="diagram">` elements, and the inline SVGs drawn at build time in them.
    figures: int = 0
    inline_diagrams: int = 0
    phone_drawings: int = 0
    # Every id of the page, also those inside SVGs (which `ids`, the anchors, leaves out).
    all_ids: list[str] = field(default_factory=list)


# Elements that separate words; text inside inline ones (a, strong, span...) runs on.
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "label",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)


class _Collector(HTMLParser):
    def __init__(self, facts: PageFacts) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = facts
        self.skip = 0
        self.in_switcher_link = False
        self.in_mermaid = False
        self.in_content = 0
        self.in_figure = False
        self.svg_depth = 0
        self.figure_drawings = 0
        self.chunks: list[str] = []
        self.content: list[str] = []
        self.page_lang = ""
        # Open spans, and whether each is marked as another language than the page's (the
        # glossary shows each term in both languages): that text is not the page's own.
        self.spans: list[bool] = []

    def _break(self) -> None:
        self.chunks.append(" ")
        if self.in_content:
            self.content.append(" ")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self._break()
        a = {k: v or "" for k, v in attrs}
        facts = self.facts
        if tag == "html":
            self.page_lang = a.get("lang", "")
        if tag == "span":
            self.spans.append(bool(a.get("lang")) and a.get("lang") != self.page_lang)
        if tag == "figure" and "diagram" in a.get("class", "").split():
            facts.figures += 1
            self.in_figure = True
            self.figure_drawings = 0
        if tag == "svg":
            if self.in_figure and self.svg_depth == 0:
                # A figure's first drawing is the diagram; a second is its phone drawing.
                self.figure_drawings += 1
                if self.figure_drawings == 1:
                    facts.inline_diagrams += 1
                else:
                    facts.phone_drawings += 1
            self.svg_depth += 1
        if "id" in a:
            facts.all_ids.append(a["id"])
            # Ids inside a diagram or on its caption are made from the diagram, not anchors.
            if not (self.svg_depth or (self.in_figure and tag == "figcaption")):
                facts.ids.add(a["id"])
        if tag == "a" and "href" in a:
            facts.links.append((a["href"], a))
            if "md-select__link" in a.get("class", "") and "hreflang" in a:
                facts.switcher[a["hreflang"]] = a["href"]
                self.in_switcher_link = True
            if a.get("rel") == "edit":
                facts.edit_url = a["href"]
        if tag == "link" and "href" in a:
            if a.get("rel") == "alternate" and "hreflang" in a:
                facts.alternates[a["hreflang"]] = a["href"]
            facts.resources.append(a["href"])
        if tag in ("script", "img", "iframe", "source") and a.get("src"):
            (facts.scripts if tag == "script" else facts.resources).append(a["src"])
        if tag == "pre" and "mermaid" in a.get("class", "").split():
            facts.has_mermaid_block = True
            self.in_mermaid = True
            facts.mermaid_sources.append("")
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "article":
            self.in_content += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self._break()
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag == "article" and self.in_content:
            self.in_content -= 1
        if tag == "a":
            self.in_switcher_link = False
        if tag == "span" and self.spans:
            self.spans.pop()
        if tag == "pre":
            self.in_mermaid = False
        if tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
        if tag == "figure":
            self.in_figure = False

    def handle_data(self, data: str) -> None:
        if self.in_mermaid:
            self.facts.mermaid_sources[-1] += data
        if self.skip or self.in_switcher_link:
            return  # the language selector's own labels are not page text
        if not any(self.spans):  # text marked as another language is not the page's text
            self.chunks.append(data)
        if self.in_content:
            self.content.append(data)


def read_page(path: Path) -> PageFacts:
    """Return the facts of one built page."""
    facts = PageFacts(path)
    collector = _Collector(facts)
    collector.feed(path.read_text(encoding="utf-8"))
    facts.text = " ".join("".join(collector.chunks).split())
    facts.content_text = " ".join("".join(collector.content).split())
    return facts


def site_pages(site: Path) -> dict[str, PageFacts]:
    """Return every HTML page of a built site by path relative to the site root."""
    return {
        p.relative_to(site).as_posix(): read_page(p)
        for p in sorted(site.rglob("*.html"))
        if not p.name.startswith("404")
    }


LINK_BASE = "http://site.test/"


def broken_links(site: Path, pages: dict[str, PageFacts]) -> list[str]:
    """Return `page -> href` for every internal link whose file or anchor is missing."""
    broken = []
    for relative, facts in pages.items():
        here = LINK_BASE + relative
        for href, _ in facts.links:
            target = urlparse(urljoin(here, href))
            if f"{target.scheme}://{target.netloc}/" != LINK_BASE or href.startswith("mailto:"):
                continue
            path = unquote(target.path).lstrip("/")
            if path == "" or path.endswith("/"):
                path += "index.html"
            if not (site / path).is_file():
                broken.append(f"{relative} -> {href} (no file)")
            elif target.fragment and path.endswith(".html"):
                ids = pages[path].ids if path in pages else set()
                if unquote(target.fragment) not in ids:
                    broken.append(f"{relative} -> {href} (no anchor)")
    return broken


def chinese_on_english_pages(pages: dict[str, PageFacts]) -> list[str]:
    """Return `page: characters` for every English page showing Chinese text."""
    found = []
    for relative, facts in pages.items():
        if relative.startswith("en/") and (chars := sorted(set(CJK.findall(facts.text)))):
            found.append(f"{relative}: {''.join(chars)}")
    return found

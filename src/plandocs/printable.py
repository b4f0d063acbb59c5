"""The printable plan: one PDF a language of the whole built site, in navigation order.

`PLANDOCS_PDF` = auto (default), on or off:
- `on`: print; no browser is an error;
- `off`: do not print (the downloads page says this copy has no PDFs);
- `auto`: print when `mkdocs build` runs and a browser is there, else skip with a log line.
With `CI=true` and `PLANDOCS_PDF` unset, a build behaves as `on`: what is published never
depends on whether a browser happened to be there. `mkdocs serve` never prints.

Each language's pages become one print document: the first page's HTML (the theme's styles and
scripts) holding every page's article in turn, each on a new sheet, its links made relative to
the site root, after a title sheet (the source's date, the site's address, the build's
date). The built site is served on 127.0.0.1 from a thread; headless Chromium (plandocs.browser)
prints the document in the light scheme, with the site's print styles (site.css: tables with
every column, headings kept with what follows, emoji and CJK fonts), page numbers and an outline
of its headings. One document embeds its fonts once (a PDF a page would embed the Chinese font's
glyphs some forty times).

What a PDF holds is made safe for a reader's viewer: only `http(s)` and internal links (any
other scheme is dropped, in the HTML and again in the browser's DOM), no script from a page's
article, and JavaScript off while printing when every diagram was drawn at build time (an
endless loop in a page cannot hang the build). Printing has a time limit; running out, or a
browser that fails, ends in a PrintError naming the language and what was being done.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import posixpath
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from plandocs import browser
from plandocs.localserver import serve
from plandocs.settings import SettingError, choice, chromium_path

if TYPE_CHECKING:
    from plandocs.model import Dataset

MODE_VARIABLE = "PLANDOCS_PDF"
PDF_PATH = "downloads/plan.{code}.pdf"
"""Where each language's PDF is written, under the site directory."""
DOCUMENT = ".plandocs-print.{code}.html"
"""The print document, at the site root while it is printed (then removed)."""
TIMEOUT_MS = 60_000
"""Per language and step: loading the print document, drawing its diagrams, printing it."""

# True once the theme has replaced every `pre.mermaid` by a drawn `div.mermaid` (its SVG is in
# a closed shadow root, so its height is what shows it is drawn). Pages whose diagrams were
# drawn at build time have neither.
_DIAGRAMS_DRAWN = """() => document.querySelectorAll("pre.mermaid").length === 0
  && [...document.querySelectorAll("div.mermaid")]
    .every(d => d.getBoundingClientRect().height > 0)"""


class PrintError(Exception):
    """The PDFs could not be printed as required; the message says why and what to do."""


class PrintMode(StrEnum):
    """Whether a build prints the PDFs."""

    AUTO = "auto"
    ON = "on"
    OFF = "off"


@dataclass(frozen=True)
class Decision:
    """Whether this build prints, and if not, the log line that says why."""

    prints: bool
    reason: str = ""


def print_mode(environ: Mapping[str, str]) -> PrintMode:
    """Return the mode chosen by `PLANDOCS_PDF` (and `CI`) in `environ`."""
    try:
        return choice(environ, MODE_VARIABLE, PrintMode, PrintMode.AUTO, PrintMode.ON)
    except SettingError as error:
        raise PrintError(str(error)) from None


def decide(command: str, environ: Mapping[str, str]) -> Decision:
    """Return whether a `command` (build or serve) run prints the PDFs.

    Raise PrintError for an unknown mode, or when `on` asks for a browser that is not there.
    """
    mode = print_mode(environ)
    if mode is PrintMode.OFF:
        return Decision(False, f"PDFs not printed: {MODE_VARIABLE}=off")
    if command == "serve":
        return Decision(False, "PDFs not printed: mkdocs serve never prints them")
    missing = browser.missing(environ)
    if missing:
        missing += f" ({browser.HINT})"
    if not missing:
        return Decision(True)
    if mode is PrintMode.ON:
        raise PrintError(f"{MODE_VARIABLE}=on but {missing}")
    return Decision(False, f"PDFs not printed: {missing}")


_ARTICLE_START = re.compile(r'<article class="md-content__inner md-typeset">')
_ARTICLE_END = "</article>"
_URL = re.compile(r'\b(href|src)="([^"#][^"]*)"')
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/)", re.IGNORECASE)
_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')
_ID = re.compile(r'\bid="([^"]+)"')
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL | re.IGNORECASE)
_SVG_ROOT_ID = re.compile(r'<svg\b[^>]*?\sid="([^"]+)"', re.IGNORECASE)
_SCRIPT = re.compile(r"<script\b.*?</script\s*>", re.DOTALL | re.IGNORECASE)
# Any link attribute, however quoted: `href`, `xlink:href`.
_LINK_ATTRIBUTE = re.compile(
    r"""\s(?P<name>(?:xlink:)?href)\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s"'>]+)""", re.IGNORECASE
)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
LINK_SCHEMES = frozenset({"http", "https"})
"""The only schemes a link in a PDF may have; others (javascript:, file:, data:…) are dropped."""
# Each page starts a new sheet; the theme's print styles hide navigation and buttons. The
# rest of the print styles are the site's own (site.css, `@media print`).
_PRINT_STYLE = """<style>
.plandocs-print-page + .plandocs-print-page, .plandocs-print-cover + .plandocs-print-page {
  break-before: page; }
.plandocs-print-cover { display: flex; flex-direction: column; justify-content: center;
  min-height: 240mm; text-align: center; }
.plandocs-print-cover .cover-title { font-size: 1.6rem; font-weight: 700; line-height: 1.35;
  margin: 0 0 2em; }
.plandocs-print-cover p { margin: .4em 0; }
</style>"""
# Chromium's footer: its own tiny document, printed in every page's bottom margin.
_FOOTER = (
    '<div style="width:100%;font-size:8px;color:#555;text-align:center;'
    "font-family:Helvetica,Arial,'Noto Sans CJK SC',sans-serif\">{text}</div>"
)


@dataclass(frozen=True)
class Cover:
    """The title sheet of one language's PDF, and the words of its page numbers."""

    code: str
    title: str
    lines: tuple[str, ...]
    page_numbers: str
    """A template with `{page}` and `{pages}`."""

    def html(self) -> str:
        """Return the title sheet as HTML (plain text escaped; no heading: the outline holds
        the pages' titles only)."""
        lines = "".join(f"<p>{html.escape(line)}</p>" for line in self.lines)
        return (
            f'<section class="plandocs-print-cover" lang="{html.escape(self.code)}">'
            f'<p class="cover-title">{html.escape(self.title)}</p>{lines}</section>'
        )

    def footer(self) -> str:
        """Return Chromium's footer template: the page numbers in the cover's language."""
        numbers = {
            "page": '<span class="pageNumber"></span>',
            "pages": '<span class="totalPages"></span>',
        }
        return _FOOTER.format(text=_filled(self.page_numbers, numbers))


def _filled(template: str, values: Mapping[str, str]) -> str:
    """Return `template` (plain text from data/labels.yml) escaped, with its `{name}`
    placeholders replaced by the HTML in `values`."""
    out = []
    for text, name, _, _ in string.Formatter().parse(template):
        out.append(html.escape(text))
        if name is not None:
            out.append(values[name])
    return "".join(out)


def covers(data: Dataset, site_url: str, today: dt.date) -> dict[str, Cover]:
    """Return each language's title sheet: the plan's title, the source's date, the site's
    address and the date of this build (`today`)."""
    from plandocs.site import languages

    words = data.labels.site
    out = {}
    for lang in languages(data):

        def line(template: str, value: str) -> str:
            return "".join(
                text + (value if name is not None else "")
                for text, name, _, _ in string.Formatter().parse(template)
            )

        out[lang.code] = Cover(
            code=lang.code,
            title=data.source.title(lang),
            lines=(
                line(words.print_source_date(lang), lang.date(data.source.date)),
                line(words.print_address(lang), site_url),
                line(words.print_build_date(lang), lang.date(today)),
            ),
            page_numbers=words.print_page_numbers(lang),
        )
    return out


def article(page_html: str) -> str:
    """Return the inner HTML of a built page's article (its content, without the theme)."""
    found = _ARTICLE_START.search(page_html)
    end = page_html.rfind(_ARTICLE_END)
    if found is None or end < found.end():
        raise PrintError("a built page has no article element (has the theme changed?)")
    return page_html[found.end() : end]


def safe_links(content: str) -> str:
    """Return `content` without a link whose scheme is not `http(s)` (entities and invisible
    characters read as a browser reads them); internal and relative links stay."""

    def check(found: re.Match[str]) -> str:
        value = found["value"].strip("\"'")
        url = _INVISIBLE.sub("", html.unescape(value))
        scheme = _SCHEME.match(url)
        if scheme and scheme[1].lower() not in LINK_SCHEMES:
            return ""
        return found[0]

    return _LINK_ATTRIBUTE.sub(check, content)


def rooted(content: str, route: str, number: int, places: Mapping[str, int], site_url: str) -> str:
    """Return a page's content for the print document: ids prefixed with `p<number>-` (ids
    repeat across pages); links to a page in the document become links inside it (`places`:
    route -> number), other relative URLs absolute under `site_url`.

    A diagram's SVG is renamed as a whole: its own `<style>` selects it by id, and its
    markers and gradients are `url(#…)` references to ids inside it, so its root id is
    prefixed everywhere it occurs (renaming the `id` attributes alone printed black shapes).
    """

    def resolve(found: re.Match[str]) -> str:
        attribute, url = found[1], found[2]
        if _ABSOLUTE.match(url):
            return found[0]
        path, _, fragment = url.partition("#")
        joined = posixpath.normpath(posixpath.join(route, path)) if path else route.rstrip("/")
        target = "" if joined == "." else joined + "/"
        if attribute == "href" and target in places:
            inside = f"p{places[target]}-{fragment}" if fragment else f"p{places[target]}"
            return f'href="#{inside}"'
        if attribute == "href":
            return f'href="{site_url}{joined}{"/" if path.endswith("/") else ""}{url[len(path) :]}"'
        return found[0] if route == "" else f'src="{joined}"'

    def html_part(part: str) -> str:
        part = _URL.sub(resolve, part)
        part = re.sub(r'\bhref="#([^"]*)"', lambda m: _local(m, number), part)
        return _ID.sub(rf'id="p{number}-\1"', part)

    def svg_part(svg: str) -> str:
        svg = _URL.sub(resolve, svg)
        root = _SVG_ROOT_ID.match(svg)
        return svg.replace(root[1], f"p{number}-{root[1]}") if root else svg

    content = safe_links(_SCRIPT.sub("", content))
    out, last = [], 0
    for found in _SVG.finditer(content):
        out += [html_part(content[last : found.start()]), svg_part(found[0])]
        last = found.end()
    out.append(html_part(content[last:]))
    return "".join(out)


def _local(found: re.Match[str], number: int) -> str:
    """Return an in-page link prefixed as its page's ids are (links made above stay as made)."""
    target = found[1]
    return found[0] if re.match(r"p\d+(-|$)", target) else f'href="#p{number}-{target}"'


def compose(site: Path, routes: Sequence[str], site_url: str, cover: Cover | None = None) -> str:
    """Return the print document of `routes` (paths under the site root, in order): the first
    page's HTML, without its Content-Security-Policy, holding the `cover` and then every page's
    article in turn, each in a section whose id (`p<number>`) links to it."""
    pages = [(site / route / "index.html").read_text(encoding="utf-8") for route in routes]
    places = {route: number for number, route in enumerate(routes, start=1)}
    shell = pages[0]
    found = _ARTICLE_START.search(shell)
    if found is None:
        raise PrintError(f"{routes[0] or 'the home page'} has no article element")
    body = (cover.html() if cover else "") + "".join(
        f'<section class="plandocs-print-page" id="p{number}">'
        f"{rooted(article(page), route, number, places, site_url)}</section>"
        for number, (route, page) in enumerate(zip(routes, pages, strict=True), start=1)
    )
    end = shell.rfind(_ARTICLE_END)
    document = shell[: found.end()] + body + shell[end:]
    return _POLICY.sub("", document).replace("</head>", _PRINT_STYLE + "</head>", 1)


_HEADINGS = "article h1, article h2, article h3, article h4, article h5, article h6"
_HEADING_TEXTS = """hs => hs.map(h => [...h.childNodes]
  .filter(n => !(n.classList && n.classList.contains("headerlink")))
  .map(n => n.textContent).join("").trim())"""
# The last guard on links, on the document as the browser parsed it: any link whose scheme is
# not http(s) loses its target (the HTML pass above cannot see every way HTML can be written).
_DROP_UNSAFE_LINKS = """schemes => {
  for (const element of document.querySelectorAll("[href], [*|href]")) {
    for (const name of ["href", "xlink:href"]) {
      const value = element.getAttribute(name);
      if (value === null) continue;
      const url = value.replace(/[\\u0000-\\u0020\\u007f-\\u009f\\u200b-\\u200f\\u2028-\\u202e]/g,
        "");
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
      if (scheme && !schemes.includes(scheme[1].toLowerCase())) element.removeAttribute(name);
    }
  }
}"""
_SVG_BLOCKS = '() => document.querySelectorAll("pre.mermaid").length'


def with_titles(body: bytes, headings: Sequence[str]) -> bytes:
    """Return the PDF `body` with its outline's titles as the headings read: Chromium builds
    the outline from the lines it laid out, losing the space where a heading wraps."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    squashed = {re.sub(r"\s+", "", text): text for text in headings}
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(body)))

    def repair(item: Any) -> None:
        while item is not None:
            entry = item.get_object()
            title = str(entry.get("/Title", ""))
            real = squashed.get(re.sub(r"\s+", "", title))
            if real is not None and real != title:
                entry[NameObject("/Title")] = TextStringObject(real)
            repair(entry.get("/First"))
            item = entry.get("/Next")

    outlines = writer.root_object.get("/Outlines")
    if outlines is not None:
        repair(outlines.get_object().get("/First"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _print(url: str, executable: Path, cover: Cover | None, *, with_script: bool) -> bytes:
    """Return the PDF of the print document at `url`, printed once its diagrams are drawn.

    JavaScript is off unless some diagram is left for the browser to draw (a build with
    PLANDOCS_DIAGRAMS=client): the pages are static, and no script of theirs can then loop.
    """
    from playwright.sync_api import Error as PlaywrightError

    host = url.split("/", 3)[:3]
    origin = "/".join(host) + "/"
    step = "starting the browser"
    with browser.chromium(executable) as chromium:
        try:
            step = "loading the print document"
            page = chromium.new_page(color_scheme="light", java_script_enabled=with_script)
            page.set_default_timeout(TIMEOUT_MS)
            # The site makes no request to another host; neither does its printing.
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith(origin) else r.abort()
            )
            page.goto(url, wait_until="load")
            if with_script:
                step = "drawing the diagrams left to the browser"
                page.wait_for_function(_DIAGRAMS_DRAWN)
            step = "printing"
            page.emulate_media(media="print")
            page.evaluate(_DROP_UNSAFE_LINKS, sorted(LINK_SCHEMES))
            headings = page.eval_on_selector_all(_HEADINGS, _HEADING_TEXTS)
            body = page.pdf(
                format="A4",
                print_background=True,
                outline=True,
                tagged=True,
                display_header_footer=cover is not None,
                header_template="<span></span>",
                footer_template=cover.footer() if cover else "<span></span>",
                margin={"top": "16mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
            )
        except PlaywrightError as error:
            raise PrintError(f"{step}: {browser.first_line(error)}") from None
    return with_titles(body, headings)


def print_site(
    site: Path,
    routes: Mapping[str, Sequence[str]],
    site_url: str,
    environ: Mapping[str, str],
    covers: Mapping[str, Cover] | None = None,
) -> dict[str, Path]:
    """Print each language's `routes` (paths under the site root, in navigation order) of the
    built `site` into one PDF each, after its title sheet from `covers`, links to other files
    pointing at `site_url`; return language -> written file.

    Raise PrintError (naming the language, its pages and the step) when the browser cannot
    start, fails, or runs out of time.
    """
    executable = chromium_path(environ)
    written: dict[str, Path] = {}
    with serve(site) as base:
        for code, pages in routes.items():
            cover = (covers or {}).get(code)
            document = site / DOCUMENT.format(code=code)
            text = compose(site, pages, site_url, cover)
            document.write_text(text, encoding="utf-8")
            with_script = '<pre class="mermaid">' in text
            work = partial(_print, base + document.name, executable, cover, with_script=with_script)
            try:
                body = browser.in_own_thread(work)
            except (PrintError, browser.BrowserError) as error:
                raise PrintError(
                    f"printing {PDF_PATH.format(code=code)} ({len(pages)} pages: "
                    f"{', '.join(p or '/' for p in pages[:3])}…): {error}"
                ) from None
            finally:
                document.unlink()
            target = site / PDF_PATH.format(code=code)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
            written[code] = target
    return written

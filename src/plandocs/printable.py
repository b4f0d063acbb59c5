"""The printable plan: one PDF a language of the whole built site, in navigation order.

`PLANDOCS_PDF` = auto (default), on or off:
- `on`: print; no browser is an error;
- `off`: do not print (the downloads page says this copy has no PDFs);
- `auto`: print when `mkdocs build` runs and a browser is there, else skip with a log line.
With `CI=true` and `PLANDOCS_PDF` unset, a build behaves as `on`: what is published never
depends on whether a browser happened to be there. `mkdocs serve` never prints.

Each language's pages become one print document: the first page's HTML (the theme's styles and
scripts) holding every page's article in turn, each on a new sheet, its links made relative to
the site root. The built site is served on 127.0.0.1 from a thread; headless Chromium
(Playwright, Debian's /usr/bin/chromium or `PLANDOCS_CHROMIUM`) prints the document once its
diagrams are drawn, with the site's print styles and an outline of its headings. One document
embeds its fonts once (a PDF a page would embed the Chinese font's glyphs some forty times).
"""

from __future__ import annotations

import io
import posixpath
import re
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from plandocs.localserver import serve
from plandocs.settings import SettingError, choice, chromium_path

MODE_VARIABLE = "PLANDOCS_PDF"
PDF_PATH = "downloads/plan.{code}.pdf"
"""Where each language's PDF is written, under the site directory."""
DOCUMENT = ".plandocs-print.{code}.html"
"""The print document, at the site root while it is printed (then removed)."""
TIMEOUT_MS = 120_000
"""Per language: loading the print document and drawing its diagrams."""
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

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


def _missing_browser(environ: Mapping[str, str]) -> str:
    """Return what is missing to print ("" when nothing is)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    if not chromium_path(environ).is_file():
        return f"no browser at {chromium_path(environ)} (apt-get install chromium fonts-noto-cjk)"
    return ""


def decide(command: str, environ: Mapping[str, str]) -> Decision:
    """Return whether a `command` (build or serve) run prints the PDFs.

    Raise PrintError for an unknown mode, or when `on` asks for a browser that is not there.
    """
    mode = print_mode(environ)
    if mode is PrintMode.OFF:
        return Decision(False, f"PDFs not printed: {MODE_VARIABLE}=off")
    if command == "serve":
        return Decision(False, "PDFs not printed: mkdocs serve never prints them")
    missing = _missing_browser(environ)
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
# Each page starts a new sheet; the theme's print styles hide navigation and buttons.
_PRINT_STYLE = "<style>.plandocs-print-page + .plandocs-print-page { break-before: page; }</style>"


def article(page_html: str) -> str:
    """Return the inner HTML of a built page's article (its content, without the theme)."""
    found = _ARTICLE_START.search(page_html)
    end = page_html.rfind(_ARTICLE_END)
    if found is None or end < found.end():
        raise PrintError("a built page has no article element (has the theme changed?)")
    return page_html[found.end() : end]


def rooted(content: str, route: str, number: int, places: Mapping[str, int], site_url: str) -> str:
    """Return a page's content for the print document: ids prefixed with `p<number>-` (ids
    repeat across pages); links to a page in the document become links inside it (`places`:
    route -> number), other relative URLs absolute under `site_url`."""

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

    content = _URL.sub(resolve, content)
    content = re.sub(r'\bhref="#([^"]*)"', lambda m: _local(m, number), content)
    return _ID.sub(rf'id="p{number}-\1"', content)


def _local(found: re.Match[str], number: int) -> str:
    """Return an in-page link prefixed as its page's ids are (links made above stay as made)."""
    target = found[1]
    return found[0] if re.match(r"p\d+(-|$)", target) else f'href="#p{number}-{target}"'


def compose(site: Path, routes: Sequence[str], site_url: str) -> str:
    """Return the print document of `routes` (paths under the site root, in order): the first
    page's HTML, without its Content-Security-Policy, holding every page's article in turn,
    each in a section whose id (`p<number>`) links to it."""
    pages = [(site / route / "index.html").read_text(encoding="utf-8") for route in routes]
    places = {route: number for number, route in enumerate(routes, start=1)}
    shell = pages[0]
    found = _ARTICLE_START.search(shell)
    if found is None:
        raise PrintError(f"{routes[0] or 'the home page'} has no article element")
    body = "".join(
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


def _print(url: str, chromium: Path) -> bytes:
    """Return the PDF of the print document at `url`, printed once its diagrams are drawn."""
    from playwright.sync_api import sync_playwright

    host = url.split("/", 3)[:3]
    origin = "/".join(host) + "/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(color_scheme="light")
            # The site makes no request to another host; neither does its printing.
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url.startswith(origin) else r.abort()
            )
            page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
            page.wait_for_function(_DIAGRAMS_DRAWN, timeout=TIMEOUT_MS)
            page.emulate_media(media="print")
            headings = page.eval_on_selector_all(_HEADINGS, _HEADING_TEXTS)
            body = page.pdf(
                format="A4",
                print_background=True,
                outline=True,
                tagged=True,
                margin={"top": "16mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
            )
            return with_titles(body, headings)
        finally:
            browser.close()


def print_site(
    site: Path, routes: Mapping[str, Sequence[str]], site_url: str, environ: Mapping[str, str]
) -> dict[str, Path]:
    """Print each language's `routes` (paths under the site root, in navigation order) of the
    built `site` into one PDF each, links to other files pointing at `site_url`; return
    language -> written file.

    Playwright's sync API refuses a thread that runs an event loop, so it runs in its own.
    """
    chromium = chromium_path(environ)
    written: dict[str, Path] = {}
    with serve(site) as base, ThreadPoolExecutor(max_workers=1) as pool:
        for code, pages in routes.items():
            document = site / DOCUMENT.format(code=code)
            document.write_text(compose(site, pages, site_url), encoding="utf-8")
            try:
                body = pool.submit(_print, base + document.name, chromium).result()
            finally:
                document.unlink()
            target = site / PDF_PATH.format(code=code)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(body)
            written[code] = target
    return written

"""One build of the site, every language of it: the command that runs it, the data and the
generated pages, the diagrams, the print decision, and what the build adds to each page.

The MkDocs plugin (plandocs.plugin) makes one SiteBuild when a build starts and forwards each
event to it in one call; nothing here imports MkDocs, so a build can be driven and tested
without it. The pages are real `report/<slug>.<lang>.md` files inside docs/ (git-ignored),
because static-i18n drops pages that live outside docs_dir.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from plandocs import printable, search
from plandocs.build import Generated, content_fingerprint, generate
from plandocs.csp import with_policy
from plandocs.diagrams import DiagramBuild, DiagramError, prepare_diagrams
from plandocs.explain import report
from plandocs.feeds import feed_titles
from plandocs.loader import unsafe_entries
from plandocs.pagecheck import check_docs
from plandocs.problems import DataError
from plandocs.render.locale import Lang
from plandocs.site import languages, write_pages
from plandocs.tables import labelled_cells
from plandocs.webpage import (
    abbreviations_for,
    fill_file_sizes,
    focusable_abbreviations,
    home_page,
    language_neutral,
    last_updated,
    link_site_files,
    link_source_mentions,
    mark_page,
    mark_stale_sections,
    page_title,
    permalink_titles,
)

log = logging.getLogger("mkdocs.plugins.plandocs")

GENERATED = "report"
"""The folder under docs/ that holds the generated pages."""


class BuildError(Exception):
    """The build must stop; the message says why (shown without a traceback)."""


@dataclass(frozen=True)
class BuildSettings:
    """What a build is asked to do, read from the engine's configuration and the environment."""

    command: str
    """`build` or `serve` (serve survives bad data and never prints)."""
    root: Path
    """The folder of mkdocs.yml: data/ and node_modules/ are found from it."""
    docs_dir: Path
    site_url: str
    repo_url: str = ""
    data_edit_uri: str = ""
    """The path from the repository's address to the edit view of its default branch."""
    environ: Mapping[str, str] = field(default_factory=dict)
    """The environment, over the plugin's options (`PLANDOCS_DIAGRAMS`, `PLANDOCS_PDF`)."""
    template_dirs: tuple[str, ...] = ()
    """The theme's template folders, overrides first: the inline scripts the pages may run
    are those these templates ship (plandocs.csp)."""
    config_file: Path | None = None
    """The engine's configuration: the build refuses a language of data/ it does not build."""


@dataclass(frozen=True)
class PageRef:
    """What the build needs to know of a page: its source, address, language and front matter."""

    src_uri: str
    url: str
    locale: str | None
    edit_data: str | None
    """The data file the page was made from; "" for a page made from all of data/ and docs/;
    None for a hand-written page."""

    @property
    def origin(self) -> str:
        """Return the file whose history dates the page ("" for a page made from everything)."""
        if self.edit_data:
            return f"data/{self.edit_data}"
        return "" if self.edit_data == "" else f"docs/{self.src_uri}"


Contents = list[tuple[str, list[str]]]
"""A language's navigation: each section's title with its pages' source paths."""


class SiteBuild:
    """One build: made when it starts, shared by the builds of every language inside it."""

    def __init__(self, settings: BuildSettings, previous: SiteBuild | None = None) -> None:
        self.settings = settings
        self.generated: Generated | None = None
        self.decision = printable.Decision(False, "")
        self.diagrams: DiagramBuild | None = None
        self.contents: dict[str, Contents] = {}
        self.routes: dict[str, list[str]] = {}
        self._fingerprint = ""
        self._previous = previous
        self._langs: dict[str, Lang] = {}
        self.data_error = ""
        """Under `mkdocs serve`, the report of bad data, printed when the build ends."""
        self._not_found_pages: dict[str, str] = {}
        """Each language's page-not-found page as its build rendered it (each language's
        build writes 404.html over the last one's: finish writes them all)."""

    # Before the pages are read

    def generate(self) -> list[str]:
        """Regenerate the pages into docs/report/ and return the paths changed.

        On bad data a build stops (BuildError with the report `make check` gives); `mkdocs
        serve` logs the report and keeps the last good pages and data, so the server stays up
        until the data is fixed. The data is loaded again only when data/ or docs/ changed since
        the previous build of this process.
        """
        settings = self.settings
        previous, self._previous = self._previous, None  # one build back is all that is kept
        last_good = previous.generated if previous else None
        try:
            links = unsafe_entries(settings.docs_dir, "docs")
            links = [p for p in links if not p.file.startswith(f"docs/{GENERATED}")]
            links = links or check_docs(settings.docs_dir)  # hand-written pages, as data is
            if links:
                raise DataError(links)
            self.decision = printable.decide(settings.command, settings.environ)
            self.generated = self._reuse_or_generate(previous)
        except printable.PrintError as error:
            raise BuildError(f"plandocs: {error}") from None
        except DataError as error:
            data_dir = settings.root / "data"
            if settings.command != "serve":
                raise BuildError(report(error.problems, data_dir)) from None
            # Logged once, when every language is built (finish): the last thing the rebuild
            # says, not buried under the other languages' lines.
            self.data_error = report(error.problems, data_dir, serving=True)
            self.generated, self._fingerprint = last_good, ""  # never reused as a good load
            return []
        changed = write_pages(settings.docs_dir, self.generated.pages)
        if changed:
            log.info("plandocs: %d generated page(s) updated", len(changed))
        return changed

    def _reuse_or_generate(self, previous: SiteBuild | None) -> Generated:
        """Return the previous build's pages if nothing they are made from changed."""
        settings = self.settings
        self._fingerprint = content_fingerprint(settings.root / "data", settings.docs_dir)
        if (
            previous is not None
            and previous.generated is not None
            and previous._fingerprint == self._fingerprint
            and previous.settings.site_url == settings.site_url
            and previous.decision.prints == self.decision.prints
        ):
            return previous.generated
        return generate(
            settings.root / "data",
            docs_dir=settings.docs_dir,
            site_url=settings.site_url,
            pdf=self.decision.prints,
            config_file=settings.config_file,
        )

    @property
    def not_found(self) -> list[dict[str, str]]:
        """Return the words of the page-not-found page in every language (none on bad data)."""
        return self.generated.not_found if self.generated else []

    @property
    def downloads(self) -> dict[str, bytes]:
        """Return the data files to publish (none on bad data)."""
        return self.generated.downloads if self.generated else {}

    @property
    def feeds(self) -> dict[str, bytes]:
        """Return the Atom feeds of the changes page (none before a good load)."""
        return self.generated.feeds if self.generated else {}

    @property
    def feed_titles(self) -> dict[str, str]:
        """Return each language's feed title, for every page's `<link rel="alternate">`."""
        return feed_titles(self.generated.data) if self.generated else {}

    def draw_diagrams(self) -> None:
        """Draw the diagrams of the pages written (every language, once a build).

        Stop the build when SVG is required and no browser can draw, or when Mermaid cannot
        draw a diagram; `mkdocs serve` logs the latter and draws it client-side.
        """
        if self.diagrams is not None:
            return
        settings = self.settings
        try:
            diagrams = prepare_diagrams(
                root=settings.root, docs_dir=settings.docs_dir, environ=settings.environ
            )
        except DiagramError as error:
            raise BuildError(str(error)) from None
        log.info(diagrams.notice or diagrams.summary)
        if diagrams.errors:
            report = "\n".join(["plandocs: diagrams: Mermaid could not draw:", *diagrams.errors])
            if settings.command != "serve":
                raise BuildError(report)
            log.error(report)
        self.diagrams = diagrams

    def remember_navigation(
        self, language: str | None, contents: Contents, urls: list[str]
    ) -> None:
        """Keep a language's navigation (None: the source language's): the home page lists it,
        the PDF follows its order."""
        code = language or self._source_language()
        self.contents[code] = contents
        if urls:
            self.routes[code] = urls

    # Each page

    def edit_url(self, page: PageRef, default: str | None) -> str | None:
        """Return where the page's edit button points: the data file it was made from."""
        if page.edit_data == "":
            return None  # a page made from all of data/ and docs/: nothing to edit on it
        if page.edit_data and self.settings.repo_url:
            base = self.settings.repo_url.rstrip("/") + "/" + self.settings.data_edit_uri
            return f"{base}data/{page.edit_data}"
        return default

    def page_markdown(self, markdown: str, page: PageRef) -> str:
        """Return a page's Markdown with the home page's glance and contents, stale sections
        of a hand-written translation marked, and the glossary's abbreviations."""
        generated = self.generated
        if generated is None:
            return markdown
        code = self._language(page)
        if page.src_uri.startswith("index."):  # the home page of each language
            markdown = home_page(markdown, generated, code, self._contents(code))
        if not page.edit_data:
            name = f"docs/{page.src_uri}"
            stale = [t.target for t in generated.tracked if t.file == name and t.state == "stale"]
            markdown = mark_stale_sections(markdown, stale, generated.data, code)
        return markdown + abbreviations_for(generated.data, code)

    def page_html(self, html: str, page: PageRef) -> str:
        """Return a page's HTML with mentions of the source, stale marks and site files
        linked, table cells labelled for phones, the date its source last changed, and each
        diagram's SVG (and its phone drawing) in place."""
        generated = self.generated
        if generated is not None:
            code = self._language(page)
            html = link_source_mentions(html, page.url, generated.data, code)
            html = mark_page(html, page.url, generated.data, code)
            html = link_site_files(html, page.url)
            html = focusable_abbreviations(html)
            html = labelled_cells(html)
            html += last_updated(generated.data, code, generated.changes, page.origin)
            html = permalink_titles(html, generated.data.labels.site.permalink(self._lang(code)))
        if self.diagrams is None or generated is None:
            return html
        words = generated.data.labels.site.full_size_diagram(self._lang(self._language(page)))
        inlined, warning = self.diagrams.inline(html, lang=code, page_url=page.url, full_size=words)
        if warning:
            log.warning(warning)
        return inlined

    def page_output(self, output: str, page: PageRef) -> str:
        """Return a finished page that searches its own language's index, with its
        Content-Security-Policy (its own origin, the theme's and overrides' scripts by hash)."""
        if self.generated is not None:
            codes = self.generated.data.languages.codes
            output = search.point_at_language_root(output, page.url, self._language(page), codes[0])
        return with_policy(output, self.settings.template_dirs)

    def keep_not_found(self, language: str | None, output: str) -> None:
        """Keep a language's rendered page-not-found page (None: the source language's)."""
        self._not_found_pages[language or self._source_language()] = output

    # After the pages are written

    def write_diagram_files(self, site_dir: Path) -> None:
        """Write each inlined diagram as a standalone SVG file (the figures' full-size links)."""
        if self.diagrams is not None:
            self.diagrams.write_files(site_dir)

    def finish(self, site_dir: Path) -> None:
        """Once every language is built: split the search index into one a language, print;
        then, under `mkdocs serve` with bad data, the data's problems, last."""
        try:
            self._finish(site_dir)
        finally:
            if self.data_error:
                log.error("%s", self.data_error)

    def _finish(self, site_dir: Path) -> None:
        generated = self.generated
        merged = site_dir / "search" / "search_index.json"
        if generated is None or not merged.is_file():
            return
        codes = generated.data.languages.codes
        root = urlsplit(self.settings.site_url).path.rstrip("/") + "/"
        for relative, page in search.not_found_pages(self._not_found_pages, codes, root).items():
            (site_dir / relative).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / relative).write_text(page, encoding="utf-8")
        parts = search.split_index(json.loads(merged.read_text(encoding="utf-8")), codes)
        for code, index in parts.items():
            target = merged if code == codes[0] else site_dir / code / "search" / merged.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(search.dumps(index), encoding="utf-8")
        self._print(site_dir, generated)

    def _print(self, site_dir: Path, generated: Generated) -> None:
        """Print each language's PDF of the built site, or log why this build does not."""
        if not self.decision.prints:
            log.info("plandocs: %s", self.decision.reason)
            return
        started = time.perf_counter()
        codes = generated.data.languages.codes
        ordered = {code: self.routes[code] for code in codes if code in self.routes}
        address = self.settings.site_url
        covers = printable.covers(generated.data, address, dt.date.today())
        try:
            printed = printable.print_site(
                site_dir, ordered, address, self.settings.environ, covers
            )
        except printable.PrintError as error:
            raise BuildError(f"plandocs: {error}") from None
        for path in printed.values():
            size = path.stat().st_size // 1024
            log.info("plandocs: printed %s (%d KB)", path.relative_to(site_dir).as_posix(), size)
        sizes = {p.relative_to(site_dir).as_posix(): p.stat().st_size for p in printed.values()}
        for code in ordered:  # the downloads pages give each PDF's size
            where = "" if code == codes[0] else f"{code}/"
            page = site_dir / where / "report" / "downloads" / "index.html"
            if page.is_file():
                html = fill_file_sizes(
                    page.read_text(encoding="utf-8"), sizes, generated.data, code
                )
                page.write_text(html, encoding="utf-8")
        log.info("plandocs: PDFs printed in %.1f s", time.perf_counter() - started)

    # Helpers

    def _source_language(self) -> str:
        return self.generated.data.languages.codes[0] if self.generated else ""

    def _lang(self, code: str) -> Lang:
        """Return the language `code` of the data, ready to pick its texts (made once a build)."""
        assert self.generated is not None
        if not self._langs:
            self._langs = {lang.code: lang for lang in languages(self.generated.data)}
        return self._langs[code]

    def _language(self, page: PageRef) -> str:
        """Return the language of a page (static-i18n's locale, else the source language)."""
        return page.locale or self._source_language()

    def _contents(self, code: str) -> list[tuple[str, list[tuple[str, str]]]]:
        """Return a language's navigation as (section title, [(page title, link from home)])."""
        generated = self.generated
        assert generated is not None
        docs = self.settings.docs_dir

        def title(src_uri: str) -> str:
            text = generated.pages.get(src_uri)
            return page_title(text or (docs / src_uri).read_text(encoding="utf-8"))

        return [
            (section, [(title(uri), language_neutral(uri)) for uri in pages])
            for section, pages in self.contents.get(code, [])
        ]

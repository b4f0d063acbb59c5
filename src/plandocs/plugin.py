"""The MkDocs plugin `plandocs`: a thin adapter that forwards each build event to one
plandocs.sitebuild.SiteBuild, kept on the plugin instance.

static-i18n builds every other language inside the first language's build, in the same process
with the same plugin instance, and `mkdocs serve` keeps the instance between rebuilds: a build
starts at the outermost on_pre_build (a new SiteBuild) and ends at the outermost on_post_build
(the search index split, the PDFs printed). Nothing is kept in module globals.

Options in mkdocs.yml (`plugins: - plandocs: {diagrams: auto, pdf: auto}`); the environment
(`PLANDOCS_DIAGRAMS`, `PLANDOCS_PDF`) overrides them, and with `auto` CI's choice applies.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import MappingProxyType
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from plandocs.configtext import markup_in_config
from plandocs.csp import with_policy
from plandocs.publication import PublicationError, publication
from plandocs.quiet import silence_third_party
from plandocs.sitebuild import GENERATED, BuildError, BuildSettings, PageRef, SiteBuild
from plandocs.webpage import site_relative_alternates

OPTION_VARIABLES = MappingProxyType({"diagrams": "PLANDOCS_DIAGRAMS", "pdf": "PLANDOCS_PDF"})
"""Each plugin option and the environment variable that overrides it."""


class PlandocsConfig(base.Config):  # type: ignore[no-untyped-call]
    """The plugin's options in mkdocs.yml."""

    diagrams = c.Choice(("auto", "svg", "client"), default="auto")
    """Where diagrams are drawn (plandocs.diagrams.mode)."""
    pdf = c.Choice(("auto", "on", "off"), default="auto")
    """Whether a build prints the PDFs (plandocs.printable)."""


class PlandocsPlugin(BasePlugin[PlandocsConfig]):  # type: ignore[no-untyped-call]
    """Turns data/ into pages and finishes every page; one SiteBuild a build."""

    def __init__(self) -> None:
        self.command = "build"
        self.build: SiteBuild | None = None
        self.depth = 0
        """How many builds are running inside each other (static-i18n nests one a language)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this process builds or serves; keep third-party lines (jieba's)
        out of the log."""
        self.command = command
        silence_third_party()

    @event_priority(100)  # before static-i18n and the theme read the addresses
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Refuse markup in the texts the theme prints as HTML; derive the site's and the
        repository's addresses from `extra.publication`."""
        if markup := markup_in_config(config):
            raise PluginError("\n".join(markup))
        return configure_publication(config)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Watch docs/ but not docs/report/ (see watch_sources)."""
        return watch_sources(server, Path(config.docs_dir))

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Start a build (the outermost), or join the one running (another language)."""
        self.depth += 1
        if self.depth == 1:
            self.build = SiteBuild(self._settings(config), previous=self.build)
            _forward(self.build.generate)
        config.extra["plandocs_not_found"] = self._build.not_found
        config.extra["plandocs_feeds"] = self._build.feed_titles

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build ends every build running inside it."""
        self.depth = 0

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Draw the diagrams of the written pages (once a build, for every language)."""
        _forward(self._build.draw_diagrams)
        return files

    @event_priority(-110)  # after static-i18n (-100) has translated the titles
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Keep this language's navigation: the home page lists it, the PDF follows it."""
        locale = getattr(nav.pages[0].file, "locale", None) if nav.pages else None
        contents = [
            (str(item.title), [c.file.src_uri for c in item.children if isinstance(c, Page)])
            for item in nav.items
            if isinstance(item, Section)
        ]
        self._build.remember_navigation(locale, contents, [p.url for p in nav.pages])
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Point the edit button at the page's data file; add what the build adds."""
        ref = _ref(page)
        page.edit_url = self._build.edit_url(ref, page.edit_url)
        return self._build.page_markdown(markdown, ref)

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Link and date the page; put each diagram's SVG in place."""
        return self._build.page_html(html, _ref(page))

    @event_priority(-100)  # after static-i18n (50) has set the links for this page
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        """Make the language switcher's links relative to the site root."""
        relative_alternates(config)
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Point the page's search at its language's index; add its Content-Security-Policy."""
        return self._build.page_output(output, _ref(page))

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        """Give the page-not-found page its Content-Security-Policy too, and keep each
        language's (every language's build writes 404.html: finish writes them all)."""
        if not template_name.endswith(".html"):
            return output_content
        output = with_policy(output_content, config.theme.dirs)
        if template_name == "404.html" and self.build is not None:
            language = getattr(config.plugins.get("i18n"), "current_language", None)
            self.build.keep_not_found(language if isinstance(language, str) else None, output)
        return output

    @event_priority(-200)  # after static-i18n (-100) has built every language and merged the index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the diagrams' files; when the outermost build ends, finish the site."""
        site = Path(config.site_dir)
        self._build.write_diagram_files(site)
        self.depth = max(self.depth - 1, 0)
        if self.depth == 0:
            _forward(lambda: self._build.finish(site))

    @property
    def _build(self) -> SiteBuild:
        """Return the running build (on_pre_build starts one before any other event needs it)."""
        if self.build is None:
            raise PluginError("plandocs: no build has started (on_pre_build did not run)")
        return self.build

    def _settings(self, config: MkDocsConfig) -> BuildSettings:
        """Return what this build is asked to do."""
        options = {
            OPTION_VARIABLES[name]: value
            for name, value in self.config.items()
            if name in OPTION_VARIABLES and value != "auto"
        }
        return BuildSettings(
            command=self.command,
            root=Path(config.config_file_path).parent,
            config_file=Path(config.config_file_path),
            docs_dir=Path(config.docs_dir),
            site_url=config.site_url or "",
            repo_url=config.repo_url or "",
            data_edit_uri=str(config.extra.get("data_edit_uri", "")),
            environ={**options, **os.environ},
            template_dirs=tuple(getattr(config.theme, "dirs", ())),
        )


def _forward(call: Any) -> None:
    """Run a build step; a BuildError stops MkDocs with its message and no traceback."""
    try:
        call()
    except BuildError as error:
        raise PluginError(str(error)) from None


def _ref(page: Page) -> PageRef:
    """Return what the build needs to know of `page`."""
    source = page.meta.get("edit_data")
    locale = getattr(page.file, "locale", None)
    return PageRef(
        src_uri=page.file.src_uri,
        url=page.url,
        locale=locale if isinstance(locale, str) and locale else None,
        edit_data=None if source is None else str(source),
    )


def configure_publication(config: MkDocsConfig) -> MkDocsConfig:
    """Set the site's and the repository's addresses from `extra.publication` (idempotent)."""
    settings = config.extra.get("publication") or {}
    try:
        where = publication(
            str(settings.get("repository") or ""),
            str(settings.get("branch") or "main"),
            str(settings.get("site_url") or ""),
        )
    except PublicationError as error:
        raise PluginError(f"mkdocs.yml extra.publication: {error}") from None
    config.site_url = where.site_url
    config.repo_url = where.repo_url
    config.repo_name = where.repository
    config.edit_uri = where.edit_uri
    config.extra["data_edit_uri"] = where.data_edit_uri
    return config


def watch_sources(server: Any, docs: Path) -> Any:
    """Watch docs/ but not docs/report/: the pages written there would set off a second
    rebuild after every data edit (data/ itself is watched through mkdocs.yml's `watch`)."""
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)
    for child in sorted(docs.iterdir()):
        if child.is_dir() and child.name != GENERATED:
            server.watch(str(child))
    return server


def relative_alternates(config: MkDocsConfig) -> None:
    """Make the switcher's home-page links relative (static-i18n writes them from the site's
    address, which breaks a copy of the site served from anywhere else)."""
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    relative = site_relative_alternates(alternates, config.site_url or "")
    # static-i18n sets the attribute, which the theme's `config.extra.alternate` reads first
    config.extra.alternate = config.extra["alternate"] = relative  # type: ignore[attr-defined]

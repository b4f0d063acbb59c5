"""MkDocs hook: turn data/ into pages before each build; edit buttons open the data file;
every page gets its Content-Security-Policy; diagrams drawn to inline SVG at build time
(`plandocs.diagrams`); after the build, the search index split by language and the PDFs printed.

The pages are real `report/<slug>.<lang>.md` files inside docs/ (git-ignored), because
static-i18n drops pages that live outside docs_dir. All the work is in the `plandocs` package.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from plandocs import printable, search
from plandocs.build import Generated, generate
from plandocs.configtext import markup_in_config
from plandocs.csp import with_policy
from plandocs.diagrams import DiagramBuild, DiagramError, prepare_diagrams
from plandocs.loader import unsafe_entries
from plandocs.pagecheck import check_docs
from plandocs.problems import DataError
from plandocs.publication import PublicationError, publication
from plandocs.site import write_pages
from plandocs.webpage import (
    abbreviations_for,
    home_page,
    language_neutral,
    last_updated,
    link_site_files,
    link_source_mentions,
    mark_page,
    mark_stale_sections,
    page_title,
    site_relative_alternates,
)

log = logging.getLogger("mkdocs.hooks.plandocs")

GENERATED = "report"
"""The folder under docs/ that holds the generated pages."""

# Set once per process by on_startup: `mkdocs serve` must survive bad data, a build must not.
COMMAND = {"name": "build"}
# Set by on_pre_build for the build it starts: what the page events need of the data.
BUILD: dict[str, Any] = {}
# The diagrams of the current build: made by the first language's on_files, reused by the
# other languages, which static-i18n builds inside the first one.
DIAGRAMS: dict[str, DiagramBuild] = {}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process builds or serves."""
    COMMAND["name"] = command


@event_priority(100)  # before static-i18n and the theme read the addresses
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Refuse markup in the texts the theme prints as HTML; derive the site's and the
    repository's addresses from `extra.publication`."""
    if markup := markup_in_config(config):
        raise PluginError("\n".join(markup))
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


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Watch docs/ but not docs/report/: the pages the hook writes there would set off a second
    rebuild after every data edit (data/ itself is watched through mkdocs.yml's `watch`)."""
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)
    for child in sorted(docs.iterdir()):
        if child.is_dir() and child.name != GENERATED:
            server.watch(str(child))
    return server


def on_pre_build(config: MkDocsConfig) -> None:
    """Regenerate the pages; on bad data, report as `make check` does.

    A build stops (exit 1, no traceback). `mkdocs serve` logs the report and keeps the last
    good pages, so the server stays up until the data is fixed. The data is loaded once for
    both languages' builds (the pages are cached by the content of data/).
    """
    root = Path(config.config_file_path).parent
    docs = Path(config.docs_dir)
    try:
        links = [p for p in unsafe_entries(docs, "docs") if not p.file.startswith("docs/report")]
        links = links or check_docs(docs)  # hand-written pages are checked as data is
        if links:
            raise DataError(links)
        decision = printable.decide(COMMAND["name"], os.environ)
        generated = generate(root / "data", site_url=config.site_url or "", pdf=decision.prints)
    except printable.PrintError as error:
        raise PluginError(f"plandocs: {error}") from None
    except DataError as error:
        if COMMAND["name"] == "serve":
            log.error(
                "%s\nplandocs: pages not updated; fix the data and save again", error.report()
            )
            return
        raise PluginError(error.report()) from None
    config.extra["plandocs_not_found"] = generated.not_found
    BUILD["generated"] = generated
    BUILD["print"] = decision
    changed = write_pages(docs, generated.pages)
    if changed:
        log.info("plandocs: %d generated page(s) updated", len(changed))


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Remember the navigation of this language's build: the home page lists its contents."""
    BUILD["nav"] = nav
    if nav.pages:
        routes: dict[str, list[str]] = BUILD.setdefault("routes", {})
        routes[str(getattr(nav.pages[0].file, "locale", ""))] = [p.url for p in nav.pages]
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Point a generated page's edit button at the data file it was made from; on a
    hand-written translation, mark the sections whose source changed; explain abbreviations."""
    source = page.meta.get("edit_data")
    if source == "":
        page.edit_url = None  # a page made from all of data/ and docs/: nothing to edit on it
    elif source and config.repo_url:
        base = config.repo_url.rstrip("/") + "/" + config.extra["data_edit_uri"]
        page.edit_url = f"{base}data/{source}"
    generated: Generated | None = BUILD.get("generated")
    if generated is None:
        return markdown
    code = _language(page, generated)
    if page.file.src_uri.startswith("index."):  # the home page of each language
        markdown = home_page(
            markdown, generated, code, _contents(BUILD.get("nav"), generated, config)
        )
    if not source:
        name = f"docs/{page.file.src_uri}"
        stale = [t.target for t in generated.tracked if t.file == name and t.state == "stale"]
        markdown = mark_stale_sections(markdown, stale, generated.data, code)
    return markdown + abbreviations_for(generated.data, code)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Once the pages are written, draw their diagrams (all languages, once per build).

    A build stops (exit 1, no traceback) when SVG is required and no browser can draw, or when
    Mermaid cannot draw a diagram; `mkdocs serve` logs the latter and draws it client-side.
    """
    if DIAGRAMS and getattr(config.plugins.get("i18n"), "building", False):
        return files  # another language of the same build
    try:
        diagrams = prepare_diagrams(
            root=Path(config.config_file_path).parent,
            docs_dir=Path(config.docs_dir),
            environ=os.environ,
        )
    except DiagramError as error:
        raise PluginError(str(error)) from None
    log.info(diagrams.notice or diagrams.summary)
    if diagrams.errors:
        report = "\n".join(["plandocs: diagrams: Mermaid could not draw:", *diagrams.errors])
        if COMMAND["name"] != "serve":
            raise PluginError(report)
        log.error(report)
    DIAGRAMS["build"] = diagrams
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link mentions of the source, stale-translation marks and site files; say when the page's
    source last changed; then put each diagram's SVG in place of its Mermaid block."""
    generated: Generated | None = BUILD.get("generated")
    if generated is not None:
        code = _language(page, generated)
        html = link_source_mentions(html, page.url, generated.data, code)
        html = mark_page(html, page.url, generated.data, code)
        html = link_site_files(html, page.url)
        source = page.meta.get("edit_data")
        origin = (
            f"data/{source}" if source else ("" if source == "" else f"docs/{page.file.src_uri}")
        )
        html += last_updated(generated.data, code, generated.changes, origin)
    diagrams = DIAGRAMS.get("build")
    if diagrams is None:
        return html
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    inlined, warning = diagrams.inline(html, lang=lang, page_url=page.url)
    if warning:
        log.warning(warning)
    return inlined


def _contents(
    nav: Navigation | None, generated: Generated, config: MkDocsConfig
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Return the navigation's sections and pages as (title, link from the home page)."""
    docs = Path(config.docs_dir)
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for item in nav.items if nav is not None else []:
        if isinstance(item, Section):
            pages = [child for child in item.children if isinstance(child, Page)]
            titles = [
                (
                    page_title(
                        generated.pages.get(c.file.src_uri)
                        or (docs / c.file.src_uri).read_text(encoding="utf-8")
                    ),
                    c.file.src_uri,
                )
                for c in pages
            ]
            out.append((str(item.title), [(title, language_neutral(uri)) for title, uri in titles]))
    return out


def _language(page: Page, generated: Generated) -> str:
    """Return the language of a page (static-i18n's locale, else the source language)."""
    locale = getattr(page.file, "locale", None)
    return locale if isinstance(locale, str) else generated.data.languages.codes[0]


@event_priority(-100)  # after static-i18n (50) has set the links for this page
def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    """Make the language switcher's home-page links relative (static-i18n writes them from
    the site's address, which breaks a copy of the site served from anywhere else)."""
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    relative = site_relative_alternates(alternates, config.site_url or "")
    # static-i18n sets the attribute, which the theme's `config.extra.alternate` reads first
    config.extra.alternate = config.extra["alternate"] = relative  # type: ignore[attr-defined]
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Point the page's search at its language's index; give the page its
    Content-Security-Policy (its own origin, the theme's and overrides' scripts by hash)."""
    generated: Generated | None = BUILD.get("generated")
    if generated is not None:
        codes = generated.data.languages.codes
        output = search.point_at_language_root(
            output, page.url, _language(page, generated), codes[0]
        )
    return with_policy(output, config.theme.dirs)


@event_priority(-200)  # after static-i18n (-100) has built every language and merged the index
def on_post_build(config: MkDocsConfig) -> None:
    """Write each inlined diagram as a standalone SVG file (the figures' full-size links); once
    every language is built, split the search index into one index a language and print."""
    if "build" in DIAGRAMS:
        DIAGRAMS["build"].write_files(Path(config.site_dir))
    i18n = config.plugins.get("i18n")
    generated: Generated | None = BUILD.get("generated")
    if generated is None or getattr(i18n, "building", False):
        return  # a language built from inside static-i18n's own on_post_build
    site = Path(config.site_dir)
    merged = site / "search" / "search_index.json"
    if not merged.is_file():
        return
    codes = generated.data.languages.codes
    parts = search.split_index(json.loads(merged.read_text(encoding="utf-8")), codes)
    for code, index in parts.items():
        target = merged if code == codes[0] else site / code / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(search.dumps(index), encoding="utf-8")
    _print(site, generated, config)


def _print(site: Path, generated: Generated, config: MkDocsConfig) -> None:
    """Print each language's PDF of the built site, or log why this build does not."""
    decision: printable.Decision = BUILD.get("print") or printable.Decision(False, "")
    if not decision.prints:
        log.info("plandocs: %s", decision.reason)
        return
    started = time.perf_counter()
    routes = BUILD.get("routes", {})
    ordered = {code: routes[code] for code in generated.data.languages.codes if code in routes}
    for path in printable.print_site(site, ordered, config.site_url or "", os.environ).values():
        size = path.stat().st_size // 1024
        log.info("plandocs: printed %s (%d KB)", path.relative_to(site).as_posix(), size)
    log.info("plandocs: PDFs printed in %.1f s", time.perf_counter() - started)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Give the page-not-found page its Content-Security-Policy too."""
    return (
        with_policy(output_content, config.theme.dirs)
        if template_name.endswith(".html")
        else output_content
    )

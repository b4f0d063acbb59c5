"""MkDocs hook: turn data/ into pages before each build; edit buttons open the data file;
diagrams drawn to inline SVG at build time (`plandocs.diagrams`).

The pages are real `report/<slug>.<lang>.md` files inside docs/ (git-ignored), because
static-i18n drops pages that live outside docs_dir. All the work is in the `plandocs` package.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from plandocs.diagrams import DiagramBuild, DiagramError, prepare_diagrams
from plandocs.loader import load_dataset
from plandocs.problems import DataError
from plandocs.site import build_pages, write_pages

log = logging.getLogger("mkdocs.hooks.plandocs")

# Set once per process by on_startup: `mkdocs serve` must survive bad data, a build must not.
COMMAND = {"name": "build"}
# The diagrams of the current build: made by the first language's on_files, reused by the
# other languages, which static-i18n builds inside the first one.
DIAGRAMS: dict[str, DiagramBuild] = {}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process builds or serves."""
    COMMAND["name"] = command


def on_pre_build(config: MkDocsConfig) -> None:
    """Regenerate the pages; on bad data, report as `make check` does.

    A build stops (exit 1, no traceback). `mkdocs serve` logs the report and keeps the last
    good pages, so the server stays up until the data is fixed.
    """
    root = Path(config.config_file_path).parent
    try:
        data = load_dataset(root / "data")
    except DataError as error:
        if COMMAND["name"] == "serve":
            log.error(
                "%s\nplandocs: pages not updated; fix the data and save again", error.report()
            )
            return
        raise PluginError(error.report()) from None
    changed = write_pages(Path(config.docs_dir), build_pages(data))
    if changed:
        log.info("plandocs: %d generated page(s) updated", len(changed))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Point a generated page's edit button at the data file it was made from."""
    source = page.meta.get("edit_data")
    if source and config.repo_url:
        base = config.repo_url.rstrip("/") + "/" + config.extra["data_edit_uri"]
        page.edit_url = f"{base}data/{source}"
    return markdown


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
    """Put each diagram's SVG in place of its Mermaid block."""
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    inlined, warning = DIAGRAMS["build"].inline(html, lang=lang, page_url=page.url)
    if warning:
        log.warning(warning)
    return inlined


def on_post_build(config: MkDocsConfig) -> None:
    """Write each inlined diagram as a standalone SVG file (the figures' full-size links)."""
    DIAGRAMS["build"].write_files(Path(config.site_dir))

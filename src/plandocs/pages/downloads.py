"""The data and downloads page (`report/downloads`): every file of `/api/v1/`, `/csv/` and
`/calendar/` with its size, the printable plan, and the licence."""

from __future__ import annotations

import html

from plandocs.model import Dataset
from plandocs.registry import FAMILIES
from plandocs.render import blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md

PDF = "downloads/plan.{code}.pdf"
"""Where the printable plan of each language is published (written after the build)."""


def link(path: str) -> Md:
    """Return a link to a data file of the site (MkDocs checks it and places it)."""
    return md.link(path.rsplit("/", 1)[-1], f"../{path}")


def later_file(path: str) -> Md:
    """Return a link to a file written after the pages (the build fills in its address)."""
    name = html.escape(path.rsplit("/", 1)[-1])
    return Md(f'<a class="site-file" data-path="{html.escape(path)}">{name}</a>')


def file_size(path: str) -> Md:
    """Return where the build writes the size of a file made after the pages (the PDFs)."""
    return Md(f'<span class="site-file-size" data-path="{html.escape(path)}"></span>')


def own_language_first(paths: list[str], code: str) -> list[str]:
    """Return `paths` with the reader's language's file (`….<code>.<ext>`) first."""
    return sorted(paths, key=lambda path: path.rsplit(".", 2)[-2] != code)


def schema_link(path: str) -> Md | str:
    """Return a link to the JSON Schema of a data file's JSON (`api/v1/<family>.json`)."""
    name = path.rsplit("/", 1)[-1].removesuffix(".json")
    family = next((f for f in FAMILIES if f.name == name), None)
    return link(f"schema/{family.schema}") if family is not None else blocks.NONE


def render(data: Dataset, lang: Lang, files: dict[str, bytes], *, pdf: bool = True) -> str:
    """Return the data and downloads page in `lang`: the printable plan first (the reader's
    language first, with its size), then the data files with their sizes (each JSON with its
    schema), and the licence; `pdf` says whether this build writes the printable plans (it
    needs a browser)."""
    words = data.labels.downloads
    sections = []
    for title, anchor, prefix in (
        (words.json_files, "downloads-json", "api/"),
        (words.csv, "downloads-csv", "csv/"),
        (words.calendar, "downloads-calendar", "calendar/"),
    ):
        paths = own_language_first(sorted(p for p in files if p.startswith(prefix)), lang.code)
        columns = [words.file, words.size]
        rows: list[list[str | Md]] = [[link(p), lang.file_size(len(files[p]))] for p in paths]
        if prefix == "api/":
            columns.append(words.schemas)
            rows = [[*row, schema_link(p)] for row, p in zip(rows, paths, strict=True)]
        if rows:
            sections += [
                md.heading(2, title(lang), anchor),
                blocks.columns_table(columns, rows, lang, align="lrl"),
            ]
    codes = own_language_first(
        [PDF.format(code=o.code) for o in data.languages.languages], lang.code
    )
    pdfs = [md.concat(later_file(path), Md(" "), file_size(path)) for path in codes]
    return md.join(
        md.heading(1, words.title(lang), "downloads"),
        md.heading(2, words.pdf(lang), "downloads-pdf"),
        md.inline(words.pdf_intro(lang)),
        md.bullets(pdfs) if pdf else md.inline(words.pdf_missing(lang)),
        md.inline(words.intro(lang)),
        md.inline(words.licence(lang)),
        *sections,
        md.inline(words.csv_note(lang)),
    )

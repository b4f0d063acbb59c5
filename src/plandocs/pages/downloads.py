"""The data and downloads page (`report/downloads`): every file of `/api/v1/`, `/csv/` and
`/calendar/` with its size, the printable plan, and the licence."""

from __future__ import annotations

import html

from plandocs.model import Dataset
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


def render(data: Dataset, lang: Lang, files: dict[str, bytes], *, pdf: bool = True) -> str:
    """Return the data and downloads page in `lang`; `pdf` says whether this build writes the
    printable plans (it needs a browser)."""
    words = data.labels.downloads
    sections = []
    for title, anchor, prefix in (
        (words.json_files, "downloads-json", "api/"),
        (words.csv, "downloads-csv", "csv/"),
        (words.calendar, "downloads-calendar", "calendar/"),
    ):
        rows = [
            [link(path), lang.kilobytes(len(body))]
            for path, body in sorted(files.items())
            if path.startswith(prefix)
        ]
        if rows:
            sections += [
                md.heading(2, title(lang), anchor),
                blocks.columns_table([words.file, words.size], rows, lang, align="lr"),
            ]
    pdfs = [later_file(PDF.format(code=other.code)) for other in data.languages.languages]
    return md.join(
        md.heading(1, words.title(lang), "downloads"),
        md.inline(words.intro(lang)),
        md.inline(words.licence(lang)),
        *sections,
        md.inline(words.csv_note(lang)),
        md.heading(2, words.pdf(lang), "downloads-pdf"),
        md.inline(words.pdf_intro(lang)),
        md.bullets(pdfs) if pdf else md.inline(words.pdf_missing(lang)),
    )

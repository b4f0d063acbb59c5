"""Page blocks that several page families share: a chart with its data, a titled list, an
anchored item, a table from column labels, a note on the source.

Each takes the page's language and the words of data/labels.yml; none writes a word itself.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence

from plandocs.model.common import Item, Note, Text
from plandocs.model.labels import Columns, CommonWords
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md

NONE = "—"
"""What an empty cell shows, in every language."""

PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def chart_with_data(chart: str, data: str, words: CommonWords, lang: Lang) -> Md:
    """Return a chart followed by its data, introduced as the data behind the chart."""
    return md.join(chart, md.strong(words.data_table(lang)), data)


def our_heading(level: int, title: str | Md, anchor: str, words: CommonWords, lang: Lang) -> Md:
    """Return a heading the site adds (the source has none there), marked as ours under it."""
    return md.join(md.heading(level, title, anchor), md.inline(words.our_heading(lang)) + OURS)


OURS = "\n{: .heading-note }\n"
"""The attribute list that styles the mark under a heading the site adds."""


def titled_list(
    level: int, title: str | Md, anchor: str, items: Iterable[str | Md], *, numbered: bool = False
) -> Md:
    """Return a heading and a list under it."""
    return md.join(md.heading(level, title, anchor), md.bullets(items, numbered=numbered))


def texts(items: Iterable[Text], lang: Lang) -> list[str]:
    """Return each text in `lang`."""
    return [item(lang) for item in items]


def anchored_item(title: str | Md, anchor: str, text: str | Md | None, lang: Lang) -> Md:
    """Return `**title**: text`, the title carrying `anchor` (a point that can be linked)."""
    head = md.strong(md.span(title, anchor))
    return head if text is None else lang.labelled(head, text)


def item(point: Item, anchor: str, lang: Lang) -> Md:
    """Return a titled point (an Item) as an anchored item."""
    return anchored_item(point.title(lang), anchor, point.text(lang) if point.text else None, lang)


def columns_table(
    columns: Columns | Sequence[Text],
    rows: Iterable[Sequence[str | Md]],
    lang: Lang,
    *,
    align: str = "",
) -> Md:
    """Return a table whose headings are column labels in `lang`."""
    if isinstance(columns, Columns):
        headers = columns.headers(lang.code)
    else:
        headers = [column(lang) for column in columns]
    return md.table(headers, rows, align=align)


def seed_note(note: Note, words: CommonWords, lang: Lang) -> Md:
    """Return a note on the source as an admonition: the source's words, then the explanation.

    The source's words are left out on pages of another language when they are Chinese.
    """
    paragraphs: list[str | Md] = []
    if quotes_source(note, lang):
        paragraphs.append(lang.fact(words.seed_says(lang), lang.quote(note.seed_says)))
    paragraphs.append(note.explanation(lang))
    return md.admonition(words.seed_note(lang), paragraphs)


def text_note(text: Text, words: CommonWords, lang: Lang) -> Md:
    """Return a note that is only an explanation, as an admonition."""
    return md.admonition(words.seed_note(lang), [text(lang)])


def quotes_source(note: Note, lang: Lang) -> bool:
    """Return whether a page in `lang` may quote the source's words of `note`."""
    return lang.source or not _CJK.search(note.seed_says)


def stars(count: int) -> str:
    """Return a 1-5 rating as filled and empty stars plus the figure for screen readers."""
    return f"{'★' * count}{'☆' * (5 - count)} ({count}/5)"


def _toned(cell: str, tones: Mapping[tuple[str, str], int] | None, row: str, column: str) -> str:
    """Return a grid cell's content (Markdown) in a span that carries its shade, if any."""
    if tones is None or (row, column) not in tones:
        return cell
    return Md(f'<span class="grid-tone grid-tone-{int(tones[row, column])}">{cell}</span>')


def rating_grid(
    *,
    caption: str,
    rows: tuple[str, Sequence[tuple[str, str]]],
    columns: tuple[str, Sequence[tuple[str, str]]],
    items: Iterable[tuple[str, str, Md]],
    lang: Lang,
    tones: Mapping[tuple[str, str], int] | None = None,
) -> Md:
    """Return a grid of two categorical ratings, each item in the cell of its two ratings.

    `rows` and `columns` are an axis name and its (value, label) pairs in display order;
    `items` are (row value, column value, Markdown). Equal ratings share a cell, and nothing
    sits between cells: the grid shows only what the ratings say. `tones` gives a cell
    (row value, column value) a shade from 0 (lightest) to 4 (site.css colours it).
    """
    cells: dict[tuple[str, str], list[Md]] = {}
    for row, column, item in items:
        cells.setdefault((row, column), []).append(item)
    row_axis, row_values = rows
    column_axis, column_values = columns
    headers = [
        md.inline(row_axis),
        *(lang.labelled(column_axis, label) for _, label in column_values),
    ]
    table = [
        [
            md.strong(label),
            *(
                _toned(Md("<br>".join(cells.get((row, column), []))) or NONE, tones, row, column)
                for column, _ in column_values
            ),
        ]
        for row, label in row_values
    ]
    caption_html = html.escape(" ".join(caption.split()), quote=False)
    return Md(
        f'<figure class="rating-grid" markdown="1">\n\n{md.table(headers, table)}\n'
        f"<figcaption>{caption_html}</figcaption>\n</figure>\n"
    )

"""Tables that reflow on a phone: a page transform that labels every body cell with its column.

Each `<td>` of a table with a header row gets `data-label="<its column's heading>"` (the heading's
text, escaped for the attribute). On a narrow screen, site.css shows each row as a card and each
cell under its label (`content: attr(data-label)`), so no column is hidden or off-screen; on a
wide screen and in print, the attribute does nothing and the table is unchanged.
"""

from __future__ import annotations

import html
import itertools
import re

_TABLE = re.compile(r"<table\b(?P<attrs>[^>]*)>(?P<body>.*?)</table>", re.DOTALL)
_HEAD_ROW = re.compile(r"<thead\b[^>]*>.*?<tr\b[^>]*>(?P<row>.*?)</tr>", re.DOTALL)
_HEADING = re.compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.DOTALL)
_BODY = re.compile(r"<tbody\b[^>]*>.*?</tbody>", re.DOTALL)
_ROW = re.compile(r"(?P<open><tr\b[^>]*>)(?P<cells>.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<td\b(?P<attrs>[^>]*)>")
_TAG = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    """Return the text a reader sees of an HTML fragment, on one line."""
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def labelled_cells(page_html: str) -> str:
    """Return `page_html` with each body cell of each headed table labelled by its column's
    heading (`data-label`); tables without a header row, and cells already labelled, stay."""

    def table(found: re.Match[str]) -> str:
        head = _HEAD_ROW.search(found["body"])
        if head is None:
            return found[0]
        labels = [_text(heading["text"]) for heading in _HEADING.finditer(head["row"])]
        body = _BODY.sub(lambda part: _ROW.sub(lambda row: _row(row, labels), part[0]), found[0])
        return body.replace("<table", '<table data-reflow=""', 1) if body != found[0] else body

    return _TABLE.sub(table, page_html)


def _row(found: re.Match[str], labels: list[str]) -> str:
    column = itertools.count()

    def cell(match: re.Match[str]) -> str:
        index = next(column)
        if index >= len(labels) or "data-label=" in match["attrs"]:
            return match[0]
        label = html.escape(labels[index], quote=True)
        return f'<td data-label="{label}"{match["attrs"]}>'

    return found["open"] + _CELL.sub(cell, found["cells"]) + "</tr>"

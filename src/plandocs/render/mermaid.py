"""Mermaid diagram text. All escaping of labels for Mermaid happens here.

Every text from data is made inert for Mermaid: characters that mean something to its parsers
(quotes, `#`, `;`, `:`, `,`, `%` of directives and comments, backticks of Markdown strings,
angle brackets) become Mermaid's entity codes (`#58;`), which Mermaid turns back into the
characters in the drawn SVG; a text that starts like a keyword or a date has its first
character encoded too. Node ids always come from data ids, behind a kind (`task_…`), never from
label text.
"""

from __future__ import annotations

import html
import re
import unicodedata

_QUOTED = {
    '"': "#quot;",
    "#": "#35;",
    ";": "#59;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "%": "#37;",
    "`": "#96;",
}
_PLAIN = {**_QUOTED, ":": "#58;", ",": "#44;", "\\": "#92;", "[": "#91;", "]": "#93;"}
# Words that start a statement in the diagram types that take bare text (gantt), any case.
_KEYWORD = re.compile(
    r"^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes"
    r"|todaymarker|weekday|weekend|title|accdescr|acctitle|accdescription|section|click|call"
    r"|href|displaymode|vert|after|until)\b|^[0-9+\-]",
    re.IGNORECASE,
)


def _encode(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(char, char) for char in " ".join(text.split()))


def quoted(text: str) -> str:
    """Return `text` as a double-quoted Mermaid label."""
    return f'"{_encode(text, _QUOTED)}"'


def plain(text: str) -> str:
    """Return `text` safe where Mermaid takes bare words (gantt sections and tasks)."""
    encoded = _encode(text, _PLAIN)
    if _KEYWORD.match(encoded):
        encoded = f"#{ord(encoded[0])};{encoded[1:]}"
    return encoded


_NO_LINE_START = frozenset("）」』】〕〉》，。、；：！？)]")


def _width(text: str) -> int:
    """Return the width of `text` in half-ems: a CJK or full-width character is two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def wrapped_plain(text: str, width: int) -> str:
    """Return `text` as `plain` lines of at most `width` half-ems, joined by Mermaid's `<br>`
    (gantt section titles): words stay whole, CJK text breaks between characters."""
    lines: list[str] = []
    line = ""
    for token in re.findall(
        r"[\u2e80-\u9fff\uf900-\uffef]|[^\s\u2e80-\u9fff\uf900-\uffef]+|\s+", text
    ):
        if token.isspace():
            token = " "
        closing = token in _NO_LINE_START  # never at the start of a line (kinsoku)
        if line.strip() and not closing and _width(line + token.rstrip()) > width:
            lines.append(line.strip())
            line = token.lstrip()
        else:
            line += token
    lines.append(line.strip())
    return "<br>".join(plain(part) for part in lines if part)


def node_id(kind: str, *parts: str) -> str:
    """Return a Mermaid node id: a kind (a word of the code) then data ids, e.g. `task_x_1`."""
    assert re.fullmatch(r"[a-z]+", kind), kind  # ids never start like a keyword or an arrow
    return "_".join([kind, *(re.sub(r"[^A-Za-z0-9]", "_", part) for part in parts)])


def fence(source: str, *, title: str, description: str = "", accessible: bool = True) -> str:
    """Return a mermaid code block; `title` and `description` become its accessible name.

    Pass `accessible=False` for diagram types whose grammar has no `accTitle` (mindmap).
    """
    lines = source.rstrip("\n").split("\n")
    head, body = lines[0], lines[1:]
    # accTitle/accDescr take the rest of their line: only line breaks and `%` matter there.
    access = [f"    accTitle: {_encode(title, {'%': '#37;'})}"] if accessible else []
    if description and accessible:
        access.append(f"    accDescr: {_encode(description, {'%': '#37;'})}")
    code = "```mermaid\n" + "\n".join([head, *access, *body]) + "\n```\n"
    # A figure whose caption names the diagram for every reader, also where the SVG's own
    # title is out of reach (Material renders diagrams into a closed shadow root).
    caption = html.escape(" ".join(title.split()), quote=False)
    figcaption = f"<figcaption>{caption}</figcaption>"
    # Focusable: a wide diagram scrolls inside the figure, also from the keyboard.
    opening = '<figure class="diagram" tabindex="0" markdown="1">'
    return f"{opening}\n\n{code}\n{figcaption}\n</figure>\n"

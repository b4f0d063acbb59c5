"""Mermaid diagram text. All escaping of labels for Mermaid happens here.

Node ids always come from data ids (`node_id`), never from label text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

_ENTITY = {'"': "#quot;", "#": "#35;", ";": "#59;", "<": "#lt;", ">": "#gt;", "&": "#amp;"}
_PLAIN = str.maketrans({":": "：", ";": "；", "#": "＃", '"': "”", ",": "，", "<": "‹", ">": "›"})


def quoted(text: str) -> str:
    """Return `text` as a double-quoted Mermaid label, with entity codes for specials."""
    escaped = "".join(_ENTITY.get(char, char) for char in " ".join(text.split()))
    return f'"{escaped}"'


def plain(text: str) -> str:
    """Return `text` safe where Mermaid takes bare words (gantt tasks, sections, titles).

    Syntax characters become their full-width look-alikes: the page's table keeps the exact text.
    """
    return " ".join(text.translate(_PLAIN).split())


def node_id(*parts: str) -> str:
    """Return a Mermaid node id built from data ids."""
    return "_".join(re.sub(r"[^A-Za-z0-9]", "_", part) for part in parts)


def quadrant_chart(
    *,
    x_axis: tuple[str, str],
    y_axis: tuple[str, str],
    quadrants: Sequence[str],
    points: Sequence[tuple[str, float, float]],
) -> str:
    """Return a quadrantChart body; points (label, x, y in 0-1) that coincide are spread apart."""
    lines = [
        "quadrantChart",
        f"    x-axis {quoted(x_axis[0])} --> {quoted(x_axis[1])}",
        f"    y-axis {quoted(y_axis[0])} --> {quoted(y_axis[1])}",
    ]
    lines += [f"    quadrant-{n} {plain(text)}" for n, text in enumerate(quadrants, 1)]
    seen: dict[tuple[float, float], int] = {}
    for text, x, y in points:
        offset = 0.06 * seen.get((x, y), 0)
        seen[(x, y)] = seen.get((x, y), 0) + 1
        lines.append(f"    {quoted(text)}: [{x + offset:.2f}, {y - offset:.2f}]")
    return "\n".join(lines)


def fence(source: str, *, title: str, description: str = "", accessible: bool = True) -> str:
    """Return a mermaid code block; `title` and `description` become its accessible name.

    Pass `accessible=False` for diagram types whose grammar has no `accTitle` (mindmap).
    """
    lines = source.rstrip("\n").split("\n")
    head, body = lines[0], lines[1:]
    # accTitle/accDescr take the rest of their line verbatim: only line breaks matter there.
    access = [f"    accTitle: {_one_line(title)}"] if accessible else []
    if description and accessible:
        access.append(f"    accDescr: {_one_line(description)}")
    code = "```mermaid\n" + "\n".join([head, *access, *body]) + "\n```\n"
    # A figure whose caption names the diagram for every reader, also where the SVG's own
    # title is out of reach (Material renders diagrams into a closed shadow root).
    caption = html.escape(_one_line(title), quote=False)
    figcaption = f"<figcaption>{caption}</figcaption>"
    # Focusable: a wide diagram scrolls inside the figure, also from the keyboard.
    opening = '<figure class="diagram" tabindex="0" markdown="1">'
    return f"{opening}\n\n{code}\n{figcaption}\n</figure>\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())

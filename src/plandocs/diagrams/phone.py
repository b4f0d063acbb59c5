"""The phone drawing of a diagram: the same data laid out for a narrow column.

A diagram drawn for the desktop column would show a slice on a 360 px phone, or shrink its
labels below 9 px. Each diagram is therefore drawn a second time from a *phone source*: the
same statements, re-oriented where the layout is the problem, and marked with the comment
`PHONE_MARK` on its last line, which tells layout.js to lay it out for the phone column.
Pages carry both drawings; diagrams.css shows the one that fits the screen.

- a left-to-right flowchart runs top to bottom, unless it is a tree (as narrow as it is deep);
- in a top-to-bottom flowchart of subgraphs, nodes that lead to (or follow) the same node stand
  in a column;
- a mind map becomes a left-to-right tree (a flowchart: one column per level, one row per leaf);
- other types keep their statements and take the phone column's sizes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

PHONE_MARK = "%% plandocs: phone"
PHONE_COLUMN = 328
"""The content column (px) of Material on a 360 px wide screen."""

_DIRECTION = re.compile(r"^(flowchart|graph)\s+(LR|RL)\b")
_TOP_DOWN = re.compile(r"^(flowchart|graph)\s+(TB|TD)\b")
_SAME_STATEMENTS = ("pie", "xychart-beta", "radar-beta", "quadrantChart")
_MIND_NODE = re.compile(r"^(?P<indent>\s*)(?P<id>[A-Za-z0-9_]+)(?P<shape>.*)$")
_ROOT_SHAPE = re.compile(r"^\(\((?P<label>.*)\)\)$")


def phone_source(source: str) -> str | None:
    """Return the phone source of a diagram `source`, or None when it has none."""
    lines = source.split("\n")
    head = lines[0].strip()
    if _DIRECTION.match(head) and _is_tree(lines):
        body = lines  # a tree from left to right is as narrow as its depth: it stays so
    elif _DIRECTION.match(head):
        body = [_DIRECTION.sub(r"\1 TB", head), *lines[1:]]
    elif _TOP_DOWN.match(head) and any(line.strip().startswith("subgraph ") for line in lines):
        body = [*lines, *_fans_in_a_column(lines)]
    elif head == "mindmap":
        body = _mind_map_as_tree(lines[1:])
    elif head == "gantt":
        return None  # drawn by `phone_timeline`
    elif head.split()[0] in _SAME_STATEMENTS:
        body = lines
    else:
        return None
    return "\n".join([*body, PHONE_MARK])


# A link of any style (`-->`, `-.->`, `-. text .->`, `==>`), with or without its `|label|`.
# Labels cannot hold a raw `>`: render/mermaid.py encodes it.
_EDGE = re.compile(
    r"^\s*(?P<source>[A-Za-z0-9_]+)\b.*?[-.=]*[-=]>\s*(?:\|[^|]*\|\s*)?"
    r"(?P<target>[A-Za-z0-9_]+)"
)


def _is_tree(lines: list[str]) -> bool:
    """Return whether a flowchart's links make a tree (no node has two links into it)."""
    targets = [found["target"] for line in lines if (found := _EDGE.match(line))]
    return bool(targets) and len(targets) == len(set(targets))


def _fans_in_a_column(lines: list[str]) -> list[str]:
    """Return invisible links (`~~~`) that put the nodes with the same successor, and those
    with the same predecessor, one under the other: side by side, four or more of them made
    a flowchart twice a phone's width."""
    into: dict[str, list[str]] = {}
    out_of: dict[str, list[str]] = {}
    for line in lines:
        found = _EDGE.match(line)
        if found:
            for fan, hub, node in ((into, "target", "source"), (out_of, "source", "target")):
                members = fan.setdefault(found[hub], [])
                if found[node] not in members:
                    members.append(found[node])
    links = []
    for fan in (into, out_of):
        for members in fan.values():
            if len(members) >= 3:
                links += [f"    {a} ~~~ {b}" for a, b in itertools.pairwise(members)]
    return links


def _mind_map_as_tree(lines: list[str]) -> list[str]:
    """Return a mind map's nodes (one a line, nested by indentation) as a flowchart tree."""
    out = ["flowchart LR"]
    parents: list[tuple[int, str]] = []
    for line in lines:
        found = _MIND_NODE.match(line)
        if not line.strip() or found is None:
            continue
        depth, node, shape = len(found["indent"]), found["id"], found["shape"].strip()
        root = _ROOT_SHAPE.match(shape)
        out.append(f"    {node}(({root['label']}))" if root else f"    {node}{shape}")
        while parents and parents[-1][0] >= depth:
            parents.pop()
        if parents:
            out.append(f"    {parents[-1][1]} --> {node}")
        parents.append((depth, node))
    return out


# A gantt chart on a phone: drawn here, not by Mermaid (whose gantt keeps labels beside their
# bars and needs a wide chart), as one row a task: its name, then its bar on the plan's span.
_GANTT_TASK = re.compile(
    r"^(?P<name>[^:]+?)\s*:\s*(?P<id>[A-Za-z0-9_]+)\s*,\s*(?P<start>[0-9:-]+)\s*,\s*"
    r"(?P<length>\d+)(?P<unit>[dm])\s*$"
)
_ENTITY = re.compile(r"#(?P<code>\d+|[a-z]+);")
_NAMED = {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}
TIMELINE_FONT_PX = 12
TIMELINE_CHARACTERS = 44
"""A task name wraps at this many half-ems (a CJK character is two) on the phone timeline."""


def _decoded(text: str) -> str:
    """Return a Mermaid label as the reader sees it (Mermaid's `#35;` entity codes decoded)."""

    def one(found: re.Match[str]) -> str:
        code = found["code"]
        return chr(int(code)) if code.isdigit() else _NAMED.get(code, found[0])

    return _ENTITY.sub(one, text)


def _start(value: str) -> int:
    """Return a gantt start (`2025-01-06` or `09:00`) as a number of minutes."""
    if ":" in value:
        hours, minutes = value.split(":")
        return int(hours) * 60 + int(minutes)
    year, month, day = (int(part) for part in value.split("-"))
    return (dt.date(year, month, day) - dt.date(1970, 1, 1)).days * 24 * 60


def phone_timeline(source: str, svg_id: str) -> str | None:
    """Return the phone drawing of a gantt `source` as an SVG (None if it is not a gantt):
    each section's title, then each task's name over its bar, bars placed on the chart's span."""
    from plandocs.render.mermaid import wrapped_plain  # the one wrapping rule

    lines = [line.strip() for line in source.split("\n")]
    if not lines or lines[0] != "gantt":
        return None
    rows: list[tuple[str, str, int, int]] = []  # (kind, text, start, end)
    for line in lines[1:]:
        if line.startswith("section "):
            rows.append(("section", _decoded(line[8:].replace("<br>", " ")), 0, 0))
        elif found := _GANTT_TASK.match(line):
            start = _start(found["start"])
            length = int(found["length"]) * (24 * 60 if found["unit"] == "d" else 1)
            rows.append(("task", _decoded(found["name"]), start, start + length))
    clock = any(line.startswith("dateFormat HH") for line in lines)
    tasks = [row for row in rows if row[0] == "task"]
    if not tasks:
        return None
    first, last = min(r[2] for r in tasks), max(r[3] for r in tasks)
    span = max(last - first, 1)
    width, pad, line_height = PHONE_COLUMN, 2, TIMELINE_FONT_PX + 4
    out: list[str] = []
    y = 0
    section = 0
    for kind, text, start, end in rows:
        parts = [_decoded(p) for p in wrapped_plain(text, TIMELINE_CHARACTERS).split("<br>")]
        if kind == "section":
            section += 1
            y += 10
            for part in parts:
                y += line_height
                out.append(f'<text class="timeline-section" x="0" y="{y}">{_xml(part)}</text>')
            y += 4
            continue
        for part in parts:
            y += line_height
            out.append(f'<text class="timeline-task" x="{pad}" y="{y}">{_xml(part)}</text>')
        left = pad + (width - 2 * pad) * (start - first) / span
        size = max((width - 2 * pad) * (end - start) / span, 3)
        hue = (section - 1) % 4
        out.append(
            f'<rect class="timeline-bar timeline-hue-{hue}" x="{left:.1f}" y="{y + 4}" '
            f'width="{size:.1f}" height="8" rx="2"/>'
        )
        y += 14
    # The span's ends, under the bars, in the chart's own notation.
    y += 18
    out.append(f'<text class="timeline-axis" x="{pad}" y="{y}">{_moment(first, clock)}</text>')
    out.append(
        f'<text class="timeline-axis" x="{width - pad}" y="{y}" text-anchor="end">'
        f"{_moment(last if clock else last - 24 * 60, clock)}</text>"  # the last day itself
    )
    height = y + 6
    return (
        f'<svg id="{svg_id}" class="diagram-timeline" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">'
        + "".join(out)
        + "</svg>"
    )


def _moment(minutes: int, clock: bool) -> str:
    """Return a moment of a gantt chart as its axis writes it (`09:00` or `2025-01-06`)."""
    if clock:
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    return (dt.date(1970, 1, 1) + dt.timedelta(days=minutes // (24 * 60))).isoformat()


def _xml(text: str) -> str:
    """Return `text` escaped for SVG text content."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

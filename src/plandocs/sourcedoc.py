"""The structure of the source copy (data/source/): its blocks (headings, running text, code
and tables), each heading's anchor, and what the copy may not hold (control and direction
characters, an unclosed code fence). Read by the loader (the checks) and the source page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_HEADING = re.compile(r"^(#{1,6}) +(.*?)\s*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_NUMERALS = "一二三四五六七八九十"
# What data texts refuse too: C0 and C1 controls but tab and line feed, direction embeddings,
# overrides, isolates and marks, and invisible characters (zero-width, soft hyphen, tags).
REFUSED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029"
    "\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]"
)

Kind = Literal["title", "heading", "text", "code"]


@dataclass(frozen=True)
class Block:
    """A run of the source's lines: the title, a heading, running text, or code and tables."""

    kind: Kind
    line: int
    """0-based line of the block's first line in the source."""
    lines: tuple[str, ...]
    level: int = 0
    """A heading's level in the source (`##` is 2)."""
    anchor: str = ""
    """A heading's anchor, unique in the page."""

    @property
    def text(self) -> str:
        """Return a heading's text (without its `#` marks), or the block's lines."""
        if self.kind == "heading":
            found = _HEADING.match(self.lines[0])
            return found[2] if found else self.lines[0]
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Section:
    """A part, section or appendix of the source: its anchor and its headings' two halves."""

    anchor: str
    line: int
    level: int
    original: str
    english: str
    """The English half of a heading written `中文 / English`, or empty."""


def anchor_of(heading: str) -> str:
    """Return the anchor of a part, section or appendix: `part-1`, `section-1-2`,
    `appendix-a`, or a slug of its English half (e.g. `executive-summary`)."""
    original, _, english = heading.partition(" / ")
    if part := re.search(r"第([一二三四五六七八九十])部分", original):
        return f"part-{_NUMERALS.index(part[1]) + 1}"
    words = re.sub(r"^[^\w(]*", "", original)  # an emoji and spaces at the start
    if number := re.match(r"(\d+)\.(\d+)\b", words):
        return f"section-{number[1]}-{number[2]}"
    if letter := re.match(r"([A-Z])\.\s", words):
        return f"appendix-{letter[1].lower()}"
    slug = re.sub(r"[^a-z0-9]+", "-", (english or words).lower()).strip("-")
    return slug or "section"


def blocks(text: str) -> list[Block]:
    """Return the source's blocks in order. Headings at levels 2 and 3 are the parts,
    sections and appendices (anchored as `anchor_of` says); a deeper heading is anchored
    after the heading above it (`section-1-1-2`); the first two lines are the title."""
    out: list[Block] = []
    seen: set[str] = set()
    run: list[str] = []
    run_start, run_kind = 0, "text"
    fence = ""
    parents: dict[int, str] = {}
    children: dict[str, int] = {}

    def flush() -> None:
        nonlocal run
        if run:
            out.append(Block(run_kind, run_start, tuple(run)))  # type: ignore[arg-type]
        run = []

    lines = text.split("\n")
    for index, line in enumerate(lines):
        if fence:
            run.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                flush()
                fence = ""
            continue
        if found := _FENCE.match(line):
            flush()
            fence, run_start, run_kind, run = found[1], index, "code", [line]
            continue
        heading = _HEADING.match(line)
        if index < 2 and heading:
            flush()
            out.append(Block("title", index, (line,), len(heading[1])))
            continue
        if heading:
            flush()
            level = len(heading[1])
            if level <= 3:
                anchor = anchor_of(heading[2])
            else:
                parent = parents.get(level - 1) or parents.get(3) or "source-text"
                children[parent] = children.get(parent, 0) + 1
                anchor = f"{parent}-{children[parent]}"
            while anchor in seen:
                anchor += "-2"
            seen.add(anchor)
            parents[level] = anchor
            for deeper in [key for key in parents if key > level]:
                del parents[deeper]
            out.append(Block("heading", index, (line,), level, anchor))
            continue
        kind = "code" if line.lstrip().startswith("|") else "text"
        if not line.strip() or kind != run_kind:
            flush()
            run_start, run_kind = index, kind
        if line.strip():
            run.append(line)
    flush()
    return out


def is_fence(line: str) -> bool:
    """Return whether a line opens or closes a code fence (``` or ~~~)."""
    return _FENCE.match(line) is not None


def sections(text: str) -> list[Section]:
    """Return the parts, sections and appendices of the source (headings of levels 2 and 3
    outside code), each with its unique anchor."""
    out = []
    for block in blocks(text):
        if block.kind == "heading" and block.level <= 3:
            original, _, english = block.text.partition(" / ")
            out.append(
                Section(block.anchor, block.line, block.level, original.strip(), english.strip())
            )
    return out


def problems(text: str) -> list[tuple[int, int, str]]:
    """Return what the copy may not hold, as (1-based line, 1-based column, message): control,
    direction and invisible characters, and a code fence never closed (it would hide every
    heading after it, and the anchors other pages link to)."""
    found: list[tuple[int, int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in REFUSED.finditer(line):
            code = f"U+{ord(match[0]):04X}"
            message = f"the source copy holds the control or invisible character {code}"
            found.append((number, match.start() + 1, message))
    fence, opened = "", 0
    for number, line in enumerate(text.split("\n"), start=1):
        if fence:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
        elif opening := _FENCE.match(line):
            fence, opened = opening[1], number
    if fence:
        found.append((opened, 1, "this code fence is never closed: close it with " + fence))
    return found

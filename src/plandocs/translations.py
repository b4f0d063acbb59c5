"""Translation tracking: every translation pins the source text it was made from.

A text under data/ carries, next to each translation, `<code>_pin`: the first 8 hex digits of
the SHA-256 of the source-language text (normalised) it was translated from. When the source
text changes and the pin does not, the translation is stale. A hand-written page
`docs/<name>.<code>.md` pins each section (a heading with an `{#id}`) of its source-language
twin in its front matter, under `translated_from`.

The pins live inline, beside the text they vouch for, so that a pull request shows the source
text changing while the pin stays, a moved or reordered text keeps its pin, and no second file
has to be kept in step. `make accept FIELD='FILE:FIELD'` (`plandocs translations --accept`)
writes them.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from plandocs.commands import accept_command
from plandocs.history import git_output
from plandocs.model.common import PIN, Text, fingerprint
from plandocs.problems import Loc, Problem, format_loc
from plandocs.yamlsource import Position, SourceFile, read_source

State = Literal["current", "stale", "missing"]


@dataclass(frozen=True)
class Tracked:
    """One translation of one text: where it is, what it was translated from, its state."""

    file: str
    loc: Loc
    language: str
    source: str
    pin: str | None
    where: Position
    """Where the source-language text is (a warning points at the line that changed)."""
    source_file: str
    """The file that holds the source text: the same data file, or a page's source twin."""
    translation: str = ""
    translation_at: Position = Position(1, 1)  # noqa: RUF009 (a frozen value, shared safely)

    @property
    def state(self) -> State:
        """Return `current`, `stale` (the source changed since the pin) or `missing` (no pin)."""
        if self.pin is None:
            return "missing"
        return "current" if self.pin == fingerprint(self.source) else "stale"

    @property
    def path(self) -> str:
        """Return the field path, e.g. `risks[0].title.en` or `#how-to-contribute`."""
        if self.file.endswith(".yml"):
            return f"{format_loc(self.loc)}.{self.language}"
        return str(self.loc[0])

    def warning(self) -> Problem:
        """Return the warning `make check` prints for a translation that is not current."""
        if self.state == "stale":
            message = (
                f"the translation may be out of date: the source text changed since it was "
                f"pinned ({self.pin}, now {fingerprint(self.source)}); review it, then run "
                f"`{accept_command(self.file, self.target)}`"
            )
        else:
            message = (
                f"translation not pinned to its source text: review it, then run "
                f"`{accept_command(self.file, self.target)}`"
            )
        # Reported where the source text is: on the page the pull request changed (`.zh.md`)
        # for a hand-written page, on the same data file for a text under data/.
        where = (self.source_file, self.where.line, self.where.column)
        return Problem(*where, self.path, message, "warning")

    @property
    def target(self) -> str:
        """Return what `--accept FILE:TARGET` takes to pin this translation alone."""
        return format_loc(self.loc) if self.file.endswith(".yml") else str(self.loc[0]).lstrip("#")


def texts_in(model: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Text]]:
    """Yield every Text under a model (or list or dict of them), with its location, in order."""
    stack: list[tuple[Loc, Any]] = [(loc, model)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, Text):
            yield where, node
            continue
        if isinstance(node, BaseModel):
            children = [((*where, name), getattr(node, name)) for name in type(node).model_fields]
        elif isinstance(node, list):
            children = [((*where, index), item) for index, item in enumerate(node)]
        elif isinstance(node, dict):
            children = [((*where, key), item) for key, item in node.items()]
        else:
            continue
        stack += reversed([child for child in children if isinstance(child[1], _CONTAINERS)])


_CONTAINERS = (BaseModel, list, dict)


def tracked_in_data(
    families: dict[str, tuple[str, Any, SourceFile]], languages: tuple[str, ...]
) -> list[Tracked]:
    """Return every translation of every text, from family name -> (file, model, source)."""
    source_code, targets = languages[0], languages[1:]
    out: list[Tracked] = []
    for file, model, source in families.values():
        for loc, text in texts_in(model):
            where = source.position((*loc, source_code))
            for code in targets:
                pin = text.root.get(f"{code}{PIN}")
                at = source.position((*loc, code))
                item = Tracked(file, loc, code, text(source_code), pin, where, file, text(code), at)
                out.append(item)
    return out


# Hand-written pages ---------------------------------------------------------------------

_HEADING = re.compile(r"^(#{1,6}) .*\{#([A-Za-z0-9_-]+)\}\s*$", re.MULTILINE)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@dataclass
class Page:
    """A hand-written Markdown page: its front matter values and its sections by id."""

    path: Path
    text: str
    front: dict[str, Any] = field(default_factory=dict)
    front_source: SourceFile | None = None
    body_line: int = 1

    @classmethod
    def read(cls, path: Path, name: str) -> Page:
        """Read a page; its front matter is read by the same guarded YAML reader as data/."""
        return cls.parse(path, path.read_text(encoding="utf-8"), name)

    @classmethod
    def parse(cls, path: Path, text: str, name: str) -> Page:
        """Return the page whose text (LF line ends) is `text`, its front matter read."""
        page = cls(path, text)
        match = _FRONT.match(text)
        if match:
            # After the opening `---` line: the reader's lines are the page's lines.
            source = read_source(name, ("\n" + match[1]).encode("utf-8"))
            page.front_source = source
            page.front = source.data if isinstance(source.data, dict) else {}
            page.body_line = text[: match.end()].count("\n") + 1
        return page

    @property
    def body(self) -> str:
        """Return the page without its front matter."""
        match = _FRONT.match(self.text)
        return self.text[match.end() :] if match else self.text

    def sections(self) -> dict[str, tuple[int, str]]:
        """Return each section's id -> (its heading's line, its text up to the next heading)."""
        body = self.body
        heads = list(_HEADING.finditer(body))
        out: dict[str, tuple[int, str]] = {}
        for index, head in enumerate(heads):
            end = heads[index + 1].start() if index + 1 < len(heads) else len(body)
            line = self.body_line + body[: head.start()].count("\n")
            out.setdefault(head[2], (line, body[head.start() : end]))
        return out

    def pins(self) -> dict[str, str]:
        """Return the section pins of the front matter's `translated_from`."""
        pins = self.front.get("translated_from")
        if not isinstance(pins, dict):
            return {}
        return {str(k): str(v) for k, v in pins.items() if isinstance(v, str)}


def tracked_in_docs(docs_dir: Path, languages: tuple[str, ...]) -> list[Tracked]:
    """Return every section of every hand-written page's translations."""
    source_code, targets = languages[0], languages[1:]
    out: list[Tracked] = []
    for original in sorted(docs_dir.glob(f"*.{source_code}.md")):
        stem = original.name.removesuffix(f".{source_code}.md")
        sections = Page.read(original, f"docs/{original.name}").sections()
        for code in targets:
            path = docs_dir / f"{stem}.{code}.md"
            name = f"docs/{path.name}"
            page = Page.read(path, name) if path.is_file() else None
            pins = page.pins() if page else {}
            translated = page.sections() if page else {}
            for anchor, (source_line, text) in sections.items():
                line, translation = translated.get(anchor, (1, ""))
                pin = pins.get(anchor)
                item = Tracked(
                    name,
                    (f"#{anchor}",),
                    code,
                    text,
                    pin,
                    Position(source_line, 1),
                    f"docs/{original.name}",
                    translation,
                    Position(line, 1),
                )
                out.append(item)
    return out


# Reports --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """How many translations of one file are current, stale and missing."""

    file: str
    current: int
    stale: int
    missing: int


def counts(tracked: list[Tracked]) -> list[Counts]:
    """Return the counts per file, in file order."""
    files: dict[str, list[int]] = {}
    for item in tracked:
        row = files.setdefault(item.file, [0, 0, 0])
        row[("current", "stale", "missing").index(item.state)] += 1
    return [Counts(file, *row) for file, row in files.items()]


def earlier_source(item: Tracked, root: Path, source_code: str) -> str | None:
    """Return the source text the stale translation was made from, found in git history by
    its pin, or None (no history here, or no version of the file holds it)."""
    relative = item.source_file
    log = git_output(root, "log", "--format=%H", "--", relative)
    if log is None:
        return None
    revisions = log.split()
    for revision in revisions[:200]:
        try:
            old = subprocess.run(
                ["git", "show", f"{revision}:{relative}"],
                cwd=root,
                capture_output=True,
                check=True,
                timeout=30,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        for candidate in _source_texts(old, relative, source_code):
            if fingerprint(candidate) == item.pin:
                return candidate
    return None


def _source_texts(raw: bytes, name: str, source_code: str) -> Iterator[str]:
    """Yield every source-language text (or page section) of an old version of a file."""
    if name.endswith(".md"):
        page = Page(Path(name), raw.decode("utf-8", errors="replace"))
        yield from (text for _, text in page.sections().values())
        return
    source = read_source(name, raw)

    def walk(value: Any) -> Iterator[str]:
        if isinstance(value, dict):
            if isinstance(value.get(source_code), str):
                yield value[source_code]
            for child in value.values():
                yield from walk(child)
        elif isinstance(value, list):
            for child in value:
                yield from walk(child)

    yield from walk(source.data)


def diff(old: str, new: str) -> str:
    """Return a character diff of two texts: `[-removed-]{+added+}`."""
    out = []
    for op, a, b, c, d in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(old[a:b])
        if op in ("delete", "replace"):
            out.append(f"[-{old[a:b]}-]")
        if op in ("insert", "replace"):
            out.append(f"{{+{new[c:d]}+}}")
    return "".join(out)

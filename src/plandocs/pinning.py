"""`plandocs translations --accept FILE[:FIELD]`: pin translations to their current source text.

Files are edited in place, so comments, order, layout and line endings stay as the contributor
wrote them: a data file gets or updates a `<code>_pin: "1a2b3c4d"` line beside each
translation, placed by the positions the YAML reader recorded; a hand-written page gets a
`translated_from:` table in its front matter.

Only regular files under data/ and docs/ are edited, never through a symbolic link. The
edited text is read again and must hold exactly the pins intended and nothing else changed;
only then is it written, atomically (a temporary file beside it, then `os.replace`). A text
written in a form a line edit cannot extend safely is refused with its place and what to do;
then nothing in that file is written.
"""

from __future__ import annotations

import copy
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plandocs.model.common import PIN, fingerprint
from plandocs.problems import Loc, format_loc
from plandocs.translations import Page
from plandocs.yamlsource import MAX_BYTES, SourceFile, read_source

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_REST_OF_LINE = re.compile(r"[ \t]*(#[^\r\n]*)?(\r\n|\r|\n|\Z)")


class PinError(Exception):
    """A target that cannot be pinned; the message says why, and nothing was written."""


def accept(target: str, root: Path, languages: tuple[str, ...]) -> list[str]:
    """Pin the translations of `target` (`data/x.yml[:field]` or `docs/x.<code>.md[:section]`)
    to their current source text; return a line for each pin written (none: nothing to do)."""
    file, _, field = target.partition(":")
    path = inside_project(root, file)
    if file.endswith(".md"):
        return _accept_page(root, path, file, field, languages)
    return _accept_data(path, file, field, languages)


def inside_project(root: Path, file: str) -> Path:
    """Return the regular file `file` under root's data/ or docs/, reached without following
    any symbolic link; refuse anything else."""
    relative = Path(file)
    if (
        relative.is_absolute()
        or ".." in relative.parts
        or len(relative.parts) < 2
        or relative.parts[0] not in ("data", "docs")
    ):
        raise PinError(f"{file}: give a file under data/ or docs/, relative to the project")
    base = root.resolve()
    path = base
    for part in relative.parts:
        path = path / part
        try:
            mode = path.lstat().st_mode
        except OSError:
            raise PinError(f"{file}: no such file") from None
        if stat.S_ISLNK(mode):
            where = path.relative_to(base).as_posix()
            raise PinError(f"{file}: {where} is a symbolic link; only files inside the project")
    if not stat.S_ISREG(mode):
        raise PinError(f"{file}: not a regular file")
    if not path.resolve(strict=True).is_relative_to(base / relative.parts[0]):
        raise PinError(f"{file}: not inside {relative.parts[0]}/")
    return path


def _read(path: Path, file: str) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        raise PinError(f"{file}: cannot be read") from None
    with os.fdopen(handle, "rb") as opened:
        raw = opened.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise PinError(f"{file}: larger than {MAX_BYTES} bytes")
    return raw


def write_atomically(path: Path, data: bytes) -> None:
    """Replace `path` with `data` at once: a reader sees the old file or the new, never half."""
    mode = stat.S_IMODE(path.lstat().st_mode)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)  # os.replace: atomic within one folder
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# Data files -----------------------------------------------------------------------------


def _texts(
    value: Any, languages: tuple[str, ...], loc: Loc = ()
) -> list[tuple[Loc, dict[str, Any]]]:
    """Return every text (a mapping with a string in every language) in raw data."""
    if isinstance(value, dict):
        if all(isinstance(value.get(code), str) for code in languages):
            return [(loc, value)]
        return [
            found for key, child in value.items() for found in _texts(child, languages, (*loc, key))
        ]
    if isinstance(value, list):
        return [
            found for i, child in enumerate(value) for found in _texts(child, languages, (*loc, i))
        ]
    return []


def _within(loc: Loc, field: str) -> bool:
    path = format_loc(loc)
    return not field or path == field or path.startswith((f"{field}.", f"{field}["))


@dataclass(frozen=True, order=True)
class _Edit:
    """Replace the characters `start:end` of a file's text with `new`."""

    start: int
    end: int
    new: str


class _UnpinnableError(Exception):
    """A text whose form a line edit cannot extend safely; the message says what to do."""


def _accept_data(path: Path, file: str, field: str, languages: tuple[str, ...]) -> list[str]:
    raw = _read(path, file)
    source = read_source(file, raw)
    if source.problems or source.data is None:
        first = source.problems[0] if source.problems else f"{file}: empty"
        raise PinError(f"{first}\n{file}: fix its problems first (`make check`); not pinned")
    text = raw.decode("utf-8")
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text.removeprefix(bom)  # the reader's positions count from after a byte order mark
    texts = [(loc, text) for loc, text in _texts(source.data, languages) if _within(loc, field)]
    if field and not texts:
        raise PinError(f"{file}: no text at `{field}`")
    edits: list[_Edit] = []
    pins: dict[Loc, str] = {}
    refused: list[str] = []
    for loc, value in texts:
        want = fingerprint(value[languages[0]])
        for code in languages[1:]:
            key = f"{code}{PIN}"
            if value.get(key) == want:
                continue
            try:
                edits.append(_pin_edit(source, body, loc, code, key, want))
            except _UnpinnableError as error:
                line = source.position(loc).line
                refused.append(f"{file}:{line}: {format_loc(loc)}: {error}")
            pins[(*loc, key)] = want
    if refused:
        raise PinError("\n".join([*refused, f"{file}: nothing was pinned"]))
    if not edits:
        return []
    for edit in sorted(edits, reverse=True):
        body = body[: edit.start] + edit.new + body[edit.end :]
    _check_pins(file, body, source.data, pins)
    write_atomically(path, (bom + body).encode("utf-8"))
    return [f"{file}:{format_loc(loc)} = {want}" for loc, want in pins.items()]


def _pin_edit(source: SourceFile, body: str, loc: Loc, code: str, key: str, want: str) -> _Edit:
    """Return the edit that writes `key: "want"` for the text at `loc`."""
    if any(loc[:depth] in source.flows for depth in range(len(loc) + 1)):
        raise _UnpinnableError(
            "this text is written in flow style (`{zh: …, en: …}` or inside `[…]`); write it "
            "as a block, one key a line, then accept again"
        )
    pinned = f'"{want}"'  # quoted: a pin of digits only would read as a number
    if (*loc, key) in source.keys:
        start, end = source.values.marks[(*loc, key)], source.ends.marks[(*loc, key)]
        if start.line != end.line:
            raise _UnpinnableError(f'its `{key}` spans lines; write it as `{key}: "…"`')
        return _Edit(start.index, end.index, pinned)
    indent = " " * source.keys.marks[(*loc, code)].column
    end = source.ends.marks[(*loc, code)].index
    if end > 0 and body[end - 1] in "\r\n":  # a block scalar ends at the start of a line
        newline = "\r\n" if body[max(0, end - 2) : end] == "\r\n" else body[end - 1]
        return _Edit(end, end, f"{indent}{key}: {pinned}{newline}")
    rest = _REST_OF_LINE.match(body, end)
    if rest is None:
        raise _UnpinnableError(
            f"something follows its `{code}` text on the same line; put the text's keys on "
            "lines of their own, then accept again"
        )
    newline = rest[2] or _newline_of(body)
    at = rest.start(2)
    if rest[2]:
        return _Edit(at, at, f"{newline}{indent}{key}: {pinned}")
    return _Edit(at, at, f"{newline}{indent}{key}: {pinned}{newline}")


def _newline_of(text: str) -> str:
    """Return the line break a text uses (its first), LF if it has none."""
    found = _LINE_BREAK.search(text)
    return found[0] if found else "\n"


def _check_pins(file: str, body: str, before: Any, pins: dict[Loc, str]) -> None:
    """Refuse an edited file that does not read back as `before` with exactly `pins` set."""
    again = read_source(file, body.encode("utf-8"))
    expected = copy.deepcopy(before)
    for loc, want in pins.items():
        parent = expected
        for part in loc[:-1]:
            parent = parent[part]
        parent[loc[-1]] = want
    if again.problems or again.data != expected:
        raise PinError(
            f"{file}: the pins would not land where intended (the file is laid out in a way "
            "this command cannot edit safely); nothing was written: add the pins by hand, "
            "or rewrite the text as a block, one key a line"
        )


# Hand-written pages ---------------------------------------------------------------------


def _accept_page(
    root: Path, path: Path, file: str, section: str, languages: tuple[str, ...]
) -> list[str]:
    suffix = next((code for code in languages[1:] if path.name.endswith(f".{code}.md")), None)
    if suffix is None:
        raise PinError(f"{file}: pin a translated page (`*.<code>.md` of another language)")
    twin_file = file.removesuffix(f".{suffix}.md") + f".{languages[0]}.md"
    try:
        twin = inside_project(root, twin_file)
    except PinError:
        raise PinError(f"{file}: its source page {Path(twin_file).name} is missing") from None
    sections = Page.parse(twin, _page_text(twin, twin_file)[0], twin_file).sections()
    if section and section not in sections:
        raise PinError(f"{file}: its source page has no section `#{section}`")
    text, newline = _page_text(path, file)
    page = Page.parse(path, text, file)
    if text.startswith("---") and (page.front_source is None or page.front_source.problems):
        raise PinError(
            f"{file}:1: its front matter (between `---` lines) does not read; fix it "
            "(`make check`), then accept again"
        )
    pins = page.pins()
    done = []
    for anchor, (_, body) in sections.items():
        if not section or anchor == section:
            pins[anchor] = fingerprint(body)
            done.append(f"{file}:#{anchor} = {pins[anchor]}")
    block = ["translated_from:", *(f'  {anchor}: "{pin}"' for anchor, pin in sorted(pins.items()))]
    front = text.split("\n---\n", 1)[0].removeprefix("---\n") if page.front_source else ""
    kept = _without_block(front.split("\n") if front else [], "translated_from:")
    new = "\n".join(["---", *kept, *block, "---", ""]) + page.body
    _check_page(file, path, page, new, pins)
    write_atomically(path, new.replace("\n", newline).encode("utf-8"))
    return done


def _page_text(path: Path, file: str) -> tuple[str, str]:
    """Return a page's text with LF line ends, and the line break it uses."""
    try:
        text = _read(path, file).decode("utf-8")
    except UnicodeDecodeError:
        raise PinError(f"{file}: not UTF-8") from None
    newline = "\r\n" if "\r\n" in text else "\n"
    normal = text.replace("\r\n", "\n")
    if "\r" in normal or (newline == "\r\n" and normal.count("\n") != text.count("\r\n")):
        raise PinError(f"{file}: mixed line endings; use LF or CRLF throughout, then accept again")
    return normal, newline


def _check_page(file: str, path: Path, before: Page, new: str, pins: dict[str, str]) -> None:
    """Refuse a rewritten page that does not read back with the same body, the same front
    matter and exactly `pins`."""
    again = Page.parse(path, new, file)
    expected = {**before.front, "translated_from": pins}
    if (
        again.front_source is None
        or again.front_source.problems
        or again.front != expected
        or again.body != before.body
    ):
        raise PinError(
            f"{file}:1: the pins would not land where intended (its front matter is laid out "
            "in a way this command cannot edit safely); nothing was written: add "
            "`translated_from:` by hand"
        )


def _without_block(lines: list[str], head: str) -> list[str]:
    """Return front-matter lines without the block that starts with `head` (and its indented
    lines)."""
    out: list[str] = []
    skipping = False
    for line in lines:
        if line.startswith(head):
            skipping = True
            continue
        if skipping and line.startswith((" ", "\t")):
            continue
        skipping = False
        out.append(line)
    return out

"""`plandocs translations --accept FILE[:FIELD]`: pin translations to their current source text.

Files are edited in place, line by line, so comments, order and layout stay as the contributor
wrote them: a data file gets or updates a `<code>_pin: 1a2b3c4d` line beside each translation;
a hand-written page gets a `translated_from:` table in its front matter.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from plandocs.model.common import PIN, fingerprint
from plandocs.problems import Loc, format_loc
from plandocs.translations import Page
from plandocs.yamlsource import SourceFile, read_source


class PinError(Exception):
    """A target that cannot be pinned; the message says why."""


def accept(target: str, root: Path, languages: tuple[str, ...]) -> list[str]:
    """Pin the translations of `target` (`data/x.yml[:field]` or `docs/x.<code>.md[:section]`)
    to their current source text; return a line for each pin written."""
    file, _, field = target.partition(":")
    relative = Path(file)
    if (
        relative.is_absolute()
        or ".." in relative.parts
        or relative.parts[:1] not in (("data",), ("docs",))
    ):
        raise PinError(f"{file}: give a file under data/ or docs/, relative to the project")
    path = root / relative
    if path.is_symlink() or not path.is_file():
        raise PinError(f"{file}: no such regular file")
    if file.endswith(".md"):
        return _accept_page(path, file, field, languages)
    return _accept_data(path, file, field, languages)


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


def _accept_data(path: Path, file: str, field: str, languages: tuple[str, ...]) -> list[str]:
    source = read_source(file, path.read_bytes())
    if source.problems or source.data is None:
        raise PinError(f"{file}: fix its problems first (`make check`)")
    lines = path.read_text(encoding="utf-8").split("\n")
    edits: list[tuple[int, int, str]] = []  # (0-based line, lines to replace, new text)
    done: list[str] = []
    texts = [(loc, text) for loc, text in _texts(source.data, languages) if _within(loc, field)]
    if field and not texts:
        raise PinError(f"{file}: no text at `{field}`")
    for loc, text in texts:
        want = fingerprint(text[languages[0]])
        for code in languages[1:]:
            key = f"{code}{PIN}"
            if text.get(key) == want:
                continue
            edits.append(_pin_edit(source, lines, loc, code, key, want))
            done.append(f"{file}:{format_loc((*loc, key))} = {want}")
    for line, count, new in sorted(edits, reverse=True):
        lines[line : line + count] = [new]
    path.write_text("\n".join(lines), encoding="utf-8")
    return done


def _pin_edit(
    source: SourceFile, lines: list[str], loc: Loc, code: str, key: str, want: str
) -> tuple[int, int, str]:
    """Return the line edit that writes `key: want` for the text at `loc`."""
    where = source.keys.get((*loc, code))
    if where is None or source.position(loc).line == where.line:
        raise PinError(f"{format_loc(loc)}: write this text as a block (one key a line) to pin it")
    indent = " " * (where.column - 1)
    # Quoted: a pin of digits only would read as a number.
    if (*loc, key) in source.keys:
        line = source.keys[(*loc, key)].line - 1
        return line, 1, f'{indent}{key}: "{want}"'
    end = source.ends[(*loc, code)]
    line = end.line if end.column > 1 else end.line - 1  # after a block scalar's last line
    return line, 0, f'{indent}{key}: "{want}"'


def _accept_page(path: Path, file: str, section: str, languages: tuple[str, ...]) -> list[str]:
    suffix = next((code for code in languages[1:] if path.name.endswith(f".{code}.md")), None)
    if suffix is None:
        raise PinError(f"{file}: pin a translated page (`*.<code>.md` of another language)")
    twin = path.with_name(path.name.removesuffix(f".{suffix}.md") + f".{languages[0]}.md")
    if not twin.is_file() or twin.is_symlink():
        raise PinError(f"{file}: its source page {twin.name} is missing")
    sections = Page.read(twin, twin.name).sections()
    if section and section not in sections:
        raise PinError(f"{file}: its source page has no section `#{section}`")
    page = Page.read(path, file)
    pins = page.pins()
    done = []
    for anchor, (_, text) in sections.items():
        if not section or anchor == section:
            pins[anchor] = fingerprint(text)
            done.append(f"{file}:#{anchor} = {pins[anchor]}")
    block = ["translated_from:", *(f'  {anchor}: "{pin}"' for anchor, pin in sorted(pins.items()))]
    front = page.text.split("\n---\n", 1)[0].removeprefix("---\n") if page.front_source else ""
    kept = _without_block(front.split("\n") if front else [], "translated_from:")
    body = page.body
    path.write_text("\n".join(["---", *kept, *block, "---", ""]) + body, encoding="utf-8")
    return done


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

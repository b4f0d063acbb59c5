"""Read one YAML data file into plain Python values plus the position of every value.

PyYAML's safe loader silently keeps the last of two duplicate keys and expands aliases
without limit; this reader reports the first, forbids the second, and caps the file size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from plandocs.problems import Loc, Problem, format_loc

MAX_BYTES = 256 * 1024


@dataclass(frozen=True)
class Position:
    """A 1-based line and column."""

    line: int
    column: int


@dataclass
class SourceFile:
    """A parsed data file: its values, and where each value and key starts."""

    name: str
    data: Any = None
    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, loc: Loc, *, key: bool = False) -> Position:
        """Return where `loc` starts, or its nearest existing parent."""
        table = self.keys if key else self.values
        while loc and loc not in table:
            loc = loc[:-1]
            table = self.values
        return table.get(loc, Position(1, 1))

    def problem(self, loc: Loc, message: str, *, key: bool = False) -> Problem:
        """Return a Problem located at `loc` in this file."""
        pos = self.position(loc, key=key)
        return Problem(self.name, pos.line, pos.column, format_loc(loc), message)


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses aliases, so no alias-expansion bomb can be built."""

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.MarkedYAMLError(
                None, None, "aliases (*name) are not allowed in data files", event.start_mark
            )
        return super().compose_node(parent, index)


def _at(mark: yaml.Mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def read_source(name: str, raw: bytes) -> SourceFile:
    """Parse `raw` (the bytes of data file `name`); problems are collected, never raised."""
    source = SourceFile(name)
    if len(raw) > MAX_BYTES:
        message = f"file is {len(raw)} bytes; data files are limited to {MAX_BYTES}"
        source.problems.append(Problem(name, 1, 1, "", message))
        return source
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        source.problems.append(Problem(name, 1, 1, "", f"not UTF-8: {error.reason}"))
        return source
    loader = _NoAliasLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            source.problems.append(Problem(name, 1, 1, "", "file is empty"))
            return source
        source.data = _convert(loader, source, root, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        pos = _at(mark) if mark else Position(1, 1)
        reason = error.problem or error.context or "invalid YAML"
        source.problems.append(Problem(name, pos.line, pos.column, "", f"YAML: {reason}"))
    finally:
        loader.dispose()
    return source


def _convert(loader: yaml.SafeLoader, source: SourceFile, node: Node, loc: Loc) -> Any:
    source.values[loc] = _at(node.start_mark)
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            scalar = isinstance(key_node, ScalarNode)
            key = loader.construct_object(key_node) if scalar else None
            if not isinstance(key, str) or key == "<<":
                pos = _at(key_node.start_mark)
                message = f"keys must be plain names, not {key!r}"
                source.problems.append(
                    Problem(source.name, pos.line, pos.column, format_loc(loc), message)
                )
                continue
            if key in out:
                first = source.keys[(*loc, key)]
                pos = _at(key_node.start_mark)
                message = f"duplicate key `{key}` (first given at line {first.line})"
                field_path = format_loc((*loc, key))
                source.problems.append(
                    Problem(source.name, pos.line, pos.column, field_path, message)
                )
                continue
            source.keys[(*loc, key)] = _at(key_node.start_mark)
            out[key] = _convert(loader, source, value_node, (*loc, key))
        return out
    if isinstance(node, SequenceNode):
        return [_convert(loader, source, item, (*loc, i)) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)

"""Read one YAML data file into plain Python values plus the position of every value.

The bytes are untrusted (a pull request from anyone). libyaml's C parser (through PyYAML)
turns them into events; this module builds the values from the events itself, so that:

- YAML 1.2 rules apply, and where YAML 1.1 would read a plain scalar differently (`yes`, `012`,
  `4:10:00`, `1_000`) the value is refused with a clear message instead of silently converted;
- numbers are finite and of a sane size, dates are real dates, strings hold no control,
  direction or invisible characters and no unpaired surrogates (plandocs.characters);
- lines and columns are counted as editors count them: a raw U+0085, U+2028 or U+2029, which
  YAML would count as a line break, is refused where it is and read as a space, so no later
  position moves;
- duplicate keys are reported (PyYAML keeps the last silently), aliases are refused without
  being expanded, tags are refused, nesting is bounded, one document a file;
- every value and key keeps its line and column, and every refusal is located.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml
from yaml import events

from plandocs import characters
from plandocs.characters import Lines
from plandocs.problems import Loc, Problem, excerpt, format_loc

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32
MAX_DIGITS = 15

_PLAIN = "tag:plandocs:plain"  # a plain scalar, resolved here by YAML 1.2 rules
_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(true|True|TRUE)$")
_FALSE = re.compile(r"^(false|False|FALSE)$")
_YAML11_BOOL = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = re.compile(r"^[-+]?\.(inf|Inf|INF|nan|NaN|NAN)$")
_OTHER_BASE = re.compile(r"^[-+]?0[xXoObB]")
# YAML 1.1's base-60 forms: an integer starts with 1-9 (`09:00` is a string), a float has a dot.
_SEXAGESIMAL = re.compile(
    r"^[-+]?([1-9][0-9_]*(:[0-5]?[0-9])+|[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*)$"
)
_UNDERSCORED = re.compile(r"^[-+]?[0-9][0-9_]*(\.[0-9_]*)?$")
_DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)[0-9]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
MAX_CHARACTER_PROBLEMS = 20
"""Refused characters outside any value reported a file (a binary file would give thousands)."""
# Every plain scalar the rules above read as anything but text either starts with one of these
# or is one of the words below (a fast path: most plain scalars are text).
_NOT_TEXT_START = frozenset("0123456789+-.~")
_WORDS = frozenset(
    {"null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE"}
    | {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO"}
    | {"on", "On", "ON", "off", "Off", "OFF"}
)
# Every key the models know is a plain name; anything else is refused where it is read.
_KEY = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$")


class Position(NamedTuple):
    """A 1-based line and column."""

    line: int
    column: int


class Positions(Mapping[Loc, Position]):
    """Positions by location, kept as libyaml's marks (0-based) and turned into a Position
    only when read: a file has a mark for every value, few are ever read."""

    __slots__ = ("marks",)

    def __init__(self) -> None:
        self.marks: dict[Loc, Any] = {}

    def __getitem__(self, loc: Loc) -> Position:
        mark = self.marks[loc]
        return Position(mark.line + 1, mark.column + 1)

    def __contains__(self, loc: object) -> bool:
        return loc in self.marks

    def __iter__(self) -> Iterator[Loc]:
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)


@dataclass
class SourceFile:
    """A parsed data file: its values, where each value and key starts, and what was refused."""

    name: str
    data: Any = None
    values: Positions = field(default_factory=Positions)
    keys: Positions = field(default_factory=Positions)
    ends: Positions = field(default_factory=Positions)
    """Where each scalar value ends (for rewriting a file in place, e.g. a translation pin)."""
    problems: list[Problem] = field(default_factory=list)
    refused: set[Loc] = field(default_factory=set)
    """Where a value was refused while reading: the model need not report it again."""
    flows: set[Loc] = field(default_factory=set)
    """Mappings and sequences written in flow style (`{…}`, `[…]`), which a line edit cannot
    extend."""

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

    def was_refused(self, loc: Loc) -> bool:
        """Return whether `loc`, or a value it lies in, was refused while reading."""
        return any(loc[: len(refused)] == refused for refused in self.refused)


class _RefusedError(Exception):
    """A value that cannot be read; the file goes on being read."""


class _AbortError(Exception):
    """A problem after which the rest of the file cannot be read."""

    def __init__(self, position: Position, message: str) -> None:
        super().__init__(message)
        self.position = position
        self.message = message


class _Resolver(yaml.resolver.BaseResolver):
    """Leaves every plain scalar to this module's YAML 1.2 rules."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN if implicit[0] else "tag:yaml.org,2002:str"
        return super().resolve(kind, value, implicit)  # type: ignore[no-any-return,no-untyped-call]


try:
    from yaml.cyaml import CParser as _Parser  # type: ignore[attr-defined]
except ImportError:  # a PyYAML built without libyaml: the same events, ten times slower

    class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        def __init__(self, text: str) -> None:
            yaml.reader.Reader.__init__(self, text)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)


class _EventLoader(_Parser, _Resolver):
    """libyaml's parser, events only: values are built here."""

    def __init__(self, text: str) -> None:
        _Parser.__init__(self, text)
        _Resolver.__init__(self)


def _at(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def read_source(name: str, raw: bytes, *, size: int | None = None) -> SourceFile:
    """Parse `raw` (the bytes of data file `name`); problems are collected, never raised.

    `size` is the file's real size when `raw` holds only its first MAX_BYTES + 1 bytes.
    """
    source = SourceFile(name)
    if len(raw) > MAX_BYTES:
        message = f"file is {size or len(raw)} bytes; data files are limited to {MAX_BYTES}"
        source.problems.append(Problem(name, 1, 1, "", message))
        return source
    try:
        # A byte order mark is not text: editors do not show it, and libyaml skips it.
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        before = raw[: error.start].decode("utf-8", errors="replace").removeprefix("\ufeff")
        pos = Lines(before).position(len(before))
        message = f"not UTF-8: byte 0x{raw[error.start]:02x} at offset {error.start}"
        source.problems.append(Problem(name, pos[0], pos[1], "", message))
        return source
    builder = _Builder(source, text)
    try:
        builder.build()
    except _AbortError as abort:
        where = abort.position
        source.problems.append(Problem(name, where.line, where.column, "", abort.message))
        source.data = None
    builder.report_stray_characters()
    return source


@dataclass(slots=True)
class _Frame:
    """A mapping or sequence being built."""

    loc: Loc
    value: dict[str, Any] | list[Any]
    key: str | None = None
    key_skipped: bool = False
    expect_key: bool = False
    """True in a mapping until its next key is read (never in a sequence)."""


class _Builder:
    """Builds a file's values from libyaml's events, without recursion."""

    def __init__(self, source: SourceFile, text: str) -> None:
        self.source = source
        self.text = text
        self.stack: list[_Frame] = []
        self.documents = 0
        self.done = False
        self.last_scalar: events.ScalarEvent | None = None
        # Raw refused characters by index; each is reported once, in its value if it is in one.
        self.refused_at = characters.refused_in_file(text)
        # Values can hold characters beyond U+FFFF only if the file does, or writes one as an
        # escape (`\U0001F600`): otherwise the checks of each value skip them.
        self.astral = "\\U" in text or characters.beyond_bmp(text)
        self.claimed: set[int] = set()
        self.lines: Lines | None = None

    def char_position(self, index: int) -> Position:
        """Return where `self.text[index]` is, as an editor counts."""
        if self.lines is None:
            self.lines = Lines(self.text)
        return Position(*self.lines.position(index))

    def raw_refused_in(self, event: events.NodeEvent) -> int | None:
        """Return the index of the first raw refused character within `event`, claiming every
        one there; None if there is none."""
        marks: tuple[Any, Any] = (event.start_mark, event.end_mark)
        start, end = marks[0].index, marks[1].index
        low = bisect.bisect_left(self.refused_at, start)
        high = bisect.bisect_left(self.refused_at, end)
        self.claimed.update(self.refused_at[low:high])
        return self.refused_at[low] if low < high else None

    def report_stray_characters(self) -> None:
        """Report the raw refused characters that lie in no value (comments, structure)."""
        stray = [index for index in self.refused_at if index not in self.claimed]
        for index in stray[:MAX_CHARACTER_PROBLEMS]:
            self.add(self.char_position(index), "", characters.in_file(self.text[index]))
        if len(stray) > MAX_CHARACTER_PROBLEMS:
            more = len(stray) - MAX_CHARACTER_PROBLEMS
            self.add(self.char_position(stray[-1]), "", f"and {more} more such characters")

    def readable_text(self) -> str:
        """Return the text with every character YAML cannot read, or would count as a line
        break where an editor does not, replaced by a space (each is reported where it is)."""
        if not self.refused_at:  # the usual case: one scan of the file found nothing
            return self.text
        return characters.UNREADABLE.sub(" ", self.text)

    def build(self) -> None:
        loader = _EventLoader(self.readable_text())
        handlers: dict[type, Callable[[Any], None]] = {
            events.ScalarEvent: self.scalar,
            events.MappingStartEvent: self.open,
            events.SequenceStartEvent: self.open,
            events.MappingEndEvent: self.close,
            events.SequenceEndEvent: self.close,
            events.DocumentStartEvent: self.document,
            events.AliasEvent: self.alias,
        }
        try:
            while (event := loader.get_event()) is not None:
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(event)
        except yaml.MarkedYAMLError as error:
            raise _AbortError(*_describe_yaml_error(error, self.last_scalar)) from None
        except yaml.reader.ReaderError as error:  # not expected: such characters are replaced
            char = f"U+{error.character:04X}" if isinstance(error.character, int) else "a byte"
            raise _AbortError(
                Position(1, 1), f"YAML: the character {char} is not allowed"
            ) from None
        except yaml.YAMLError as error:
            raise _AbortError(Position(1, 1), f"YAML: {excerpt(str(error), 120)}") from None
        finally:
            loader.dispose()
        if self.documents == 0:
            raise _AbortError(Position(1, 1), "file is empty")

    def document(self, event: events.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            raise _AbortError(_at(event.start_mark), "one document a file: remove this `---`")

    def alias(self, event: events.AliasEvent) -> None:
        raise _AbortError(
            _at(event.start_mark), "YAML: aliases (*name) are not allowed in data files"
        )

    # Collections -----------------------------------------------------------------------

    def open(self, event: events.CollectionStartEvent) -> None:
        where = _at(event.start_mark)
        if len(self.stack) >= MAX_DEPTH:
            raise _AbortError(where, f"nested more than {MAX_DEPTH} levels deep")
        _refuse_tag(event, where)
        if self.stack and self.stack[-1].expect_key:
            raise _AbortError(where, "keys must be plain names, not lists or mappings")
        is_map = type(event) is events.MappingStartEvent
        value: dict[str, Any] | list[Any] = {} if is_map else []
        loc = self.place(value, event.start_mark)
        if event.flow_style:
            self.source.flows.add(loc)
        self.stack.append(_Frame(loc, value, expect_key=is_map))

    def close(self, _event: events.CollectionEndEvent) -> None:
        frame = self.stack.pop()
        if not self.stack:
            self.source.data = frame.value

    def place(self, value: Any, mark: Any) -> Loc:
        """Put `value` (read at libyaml's `mark`) where the parent expects it; return its
        location."""
        if not self.stack:
            self.source.values.marks[()] = mark
            if not isinstance(value, (dict, list)):
                self.source.data = value
            return ()
        parent = self.stack[-1]
        container = parent.value
        if isinstance(container, list):
            loc: Loc = (*parent.loc, len(container))
            container.append(value)
        else:
            assert parent.key is not None or parent.key_skipped
            loc = (*parent.loc, parent.key if parent.key is not None else "?")
            if not parent.key_skipped:
                container[parent.key] = value  # type: ignore[index]
            parent.expect_key = True
        self.source.values.marks[loc] = mark
        return loc

    # Scalars ----------------------------------------------------------------------------

    def scalar(self, event: events.ScalarEvent) -> None:
        self.last_scalar = event  # for a syntax error that follows an unclosed quote
        if self.stack and self.stack[-1].expect_key:
            self.key(event, self.stack[-1])
            return
        if event.tag is not None:
            _refuse_tag(event, _at(event.start_mark))
        raw = self.raw_refused_in(event) if self.refused_at else None
        try:
            if raw is not None:
                char = self.text[raw]
                in_text = char not in characters.LINE_SEPARATORS
                raise _RefusedError(
                    characters.in_text(char) if in_text else characters.raw_separator(char)
                )
            value, refused = _scalar_value(event, astral=self.astral), None
        except _RefusedError as error:
            value, refused = None, str(error)
        loc = self.place(value, event.start_mark)
        if refused is not None:
            where = self.char_position(raw) if raw is not None else _at(event.start_mark)
            self.source.refused.add(loc)
            self.add(where, format_loc(loc), refused)
        self.source.ends.marks[loc] = event.end_mark

    def key(self, event: events.ScalarEvent, parent: _Frame) -> None:
        parent.expect_key = False
        parent.key, parent.key_skipped = None, True
        key = event.value
        raw = self.raw_refused_in(event) if self.refused_at else None
        if raw is not None:
            message = characters.in_text(self.text[raw], "the key")
            self.add(self.char_position(raw), format_loc(parent.loc), message)
            return
        plain_name = event.tag is None or event.tag == "!"
        if not plain_name or not _KEY.match(key):
            message = f"keys must be plain names, not '{excerpt(key)}'"
            self.add(_at(event.start_mark), format_loc(parent.loc), message)
            return
        loc = (*parent.loc, key)
        if key in parent.value:
            first = self.source.keys[loc]
            message = f"duplicate key `{key}` (first given at line {first.line})"
            self.add(_at(event.start_mark), format_loc(loc), message)
            return
        self.source.keys.marks[loc] = event.start_mark
        parent.key, parent.key_skipped = key, False

    def add(self, where: Position, field_path: str, message: str) -> None:
        self.source.problems.append(
            Problem(self.source.name, where.line, where.column, field_path, message)
        )


def _refuse_tag(event: events.NodeEvent, where: Position) -> None:
    tag = getattr(event, "tag", None)
    if tag not in (None, "!"):
        raise _AbortError(
            where, f"YAML tags such as `{excerpt(tag, 40)}` are not allowed in data files"
        )


def _scalar_value(event: events.ScalarEvent, *, astral: bool) -> Any:
    """Return the value of a scalar by YAML 1.2 rules, refusing YAML 1.1 surprises.

    `astral`: whether the value may hold characters beyond U+FFFF."""
    text: str = event.value
    if char := characters.refused_in_text(text, astral=astral):
        if _SURROGATE.search(text):
            raise _RefusedError("text holds an unpaired surrogate (a broken \\u escape)")
        raise _RefusedError(characters.in_text(char))
    if event.style or not event.implicit[0]:
        return text  # quoted or block scalar: always a string
    return plain_value(text)


def plain_value(text: str) -> Any:
    """Return the value of a plain scalar (YAML 1.2), refusing YAML 1.1 surprises."""
    if text and text[0] not in _NOT_TEXT_START and text not in _WORDS:
        return text
    return resolve_plain(text)


def resolve_plain(text: str) -> Any:
    """Return what `plain_value` returns, always by trying every rule (`plain_value` returns
    most texts at once; a test holds the two equal)."""
    if _NULL.fullmatch(text):
        return None
    if _TRUE.fullmatch(text):
        return True
    if _FALSE.fullmatch(text):
        return False
    if _YAML11_BOOL.fullmatch(text):
        raise _RefusedError(f"`{text}` is a boolean in YAML 1.1: write true or false, or quote it")
    if _OTHER_BASE.match(text):
        raise _RefusedError(f"`{excerpt(text)}`: write numbers in decimal, or quote it")
    if _INT.fullmatch(text):
        digits = text.lstrip("+-")
        if len(digits) > 1 and digits.startswith("0"):
            raise _RefusedError(
                f"`{excerpt(text)}` is octal in YAML 1.1: drop the leading zero, or quote it"
            )
        if len(digits) > MAX_DIGITS:
            raise _RefusedError(f"number with more than {MAX_DIGITS} digits")
        return int(text)
    if _FLOAT.fullmatch(text):
        if len(text) > 40:
            raise _RefusedError("number too long")
        number = float(text)
        if not math.isfinite(number):
            raise _RefusedError(f"`{excerpt(text)}` is not a finite number")
        return number or 0.0  # -0.0 is 0 (else pages and charts would show `-0`)
    if _SPECIAL_FLOAT.fullmatch(text):
        raise _RefusedError(f"`{text}` is not a finite number")
    if _SEXAGESIMAL.fullmatch(text):
        raise _RefusedError(f"`{excerpt(text)}` is a base-60 number in YAML 1.1: quote it")
    if _UNDERSCORED.fullmatch(text) and "_" in text:
        raise _RefusedError(f"`{excerpt(text)}` is a number in YAML 1.1: drop the `_`, or quote it")
    if match := _DATE.fullmatch(text):
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            raise _RefusedError(f"`{text}` is not a real date") from None
    if _TIMESTAMP.match(text):
        raise _RefusedError(
            f"`{excerpt(text)}`: give a date (YYYY-MM-DD) without a time, or quote it"
        )
    return text


def reads_as_text(text: str) -> bool:
    """Return whether `text`, written unquoted, is read back as this very string (a writer of
    data files quotes it otherwise)."""
    try:
        return bool(plain_value(text) == text) and text == text.strip()
    except _RefusedError:
        return False


def _describe_yaml_error(
    error: yaml.MarkedYAMLError, last: events.ScalarEvent | None
) -> tuple[Position, str]:
    """Return where a YAML syntax error starts, and what it is (`last`: the scalar read last)."""
    problem = error.problem or "invalid YAML"
    context = error.context or ""
    # An unclosed quote is reported where it opens, not at the end of the file.
    if error.context_mark is not None and context == "while scanning a quoted scalar":
        return _at(error.context_mark), f"YAML: {problem} ({context} that starts here)"
    mark = error.problem_mark or error.context_mark
    # An unclosed quote that the next line's opening quote closed: the error comes after that
    # quote, a line or more below the one left open.
    opened: Any = last.start_mark if last is not None and last.style in ("'", '"') else None
    closed: Any = last.end_mark if last is not None else None
    if mark is not None and opened and opened.line < closed.line and mark.index >= closed.index:
        hint = (
            "a quoted text starts here and runs over several lines: is its closing quote missing?"
        )
        return _at(opened), f"YAML: {problem} ({hint})"
    return (_at(mark) if mark else Position(1, 1)), f"YAML: {problem}"

"""Characters that data files may not hold, how they are named in messages, and where a
character is in a file, counted as an editor counts.

- In a file, raw: the characters YAML cannot read (C0 and C1 controls but tab, line feed and
  carriage return; U+FFFE, U+FFFF), and those YAML reads as line breaks where editors do not
  (U+0085, U+2028, U+2029: after one, every line YAML reports would be off by one). Direction
  controls and invisible characters are refused raw anywhere too, comments included: they make
  a line read differently in a review than in the file.
- In a text, however written (raw or as a `\\u` escape): controls, direction controls
  (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), invisible characters (every other
  format character: soft hyphen, zero-width space, non-joiner and joiner, word joiner, invisible
  operators, U+FEFF, tag characters U+E0000–U+E007F…; and the Hangul fillers),
  noncharacters and unpaired surrogates. A line or paragraph separator written as an escape is
  allowed in a text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata

_CONTROL = r"\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff"
_DIRECTION = r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Every format character (Unicode category Cf) that is not a direction control, and the
# Hangul fillers, which draw nothing (a test holds this list to Python's Unicode tables).
_INVISIBLE_BMP = (
    r"\u00ad\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180e\u200b-\u200d"
    r"\u2060-\u2064\u206a-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb"
)
_INVISIBLE_ASTRAL = (
    r"\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    r"\U000e0000-\U000e007f"
)
_INVISIBLE = _INVISIBLE_BMP + _INVISIBLE_ASTRAL
DIRECTION, INVISIBLE = _DIRECTION, _INVISIBLE
"""The two classes as regular-expression class bodies (for plandocs.problems.printable)."""
_SURROGATE = r"\ud800-\udfff"
_RAW = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u2028\u2029"

IN_TEXT = re.compile(f"[{_CONTROL}{_DIRECTION}{_INVISIBLE}{_SURROGATE}]")
"""A character refused in a text, however it was written."""
IN_FILE = re.compile(f"[{_RAW}{_DIRECTION}{_INVISIBLE}]")
"""A character refused raw anywhere in a data file (tab, line feed and carriage return pass)."""
UNREADABLE = re.compile(f"[{_RAW}]")
"""A raw character YAML cannot read, or reads as a line break where an editor does not."""
# The same classes split at U+FFFF: a class with characters beyond it cannot be a bitmap, and
# scanning with it is several times slower; most texts have no such character at all.
_IN_TEXT_BMP = re.compile(f"[{_CONTROL}{_DIRECTION}{_INVISIBLE_BMP}{_SURROGATE}]")
_IN_FILE_BMP = re.compile(f"[{_RAW}{_DIRECTION}{_INVISIBLE_BMP}]")
_ASTRAL = re.compile(f"[{_INVISIBLE_ASTRAL}]")


def beyond_bmp(text: str) -> bool:
    """Return whether `text` has a character beyond U+FFFF (cheaply: by its UTF-16 length)."""
    return len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def refused_in_file(text: str) -> list[int]:
    """Return where `text` holds a character refused raw in a data file (IN_FILE), in order."""
    found = [match.start() for match in _IN_FILE_BMP.finditer(text)]
    if beyond_bmp(text):
        found = sorted(found + [match.start() for match in _ASTRAL.finditer(text)])
    return found


def refused_in_text(text: str, *, astral: bool = True) -> str | None:
    """Return the first character of `text` refused in a text (IN_TEXT), or None; `astral`
    False skips characters beyond U+FFFF (for a text known to have none)."""
    found = _IN_TEXT_BMP.search(text)
    beyond = _ASTRAL.search(text) if astral and beyond_bmp(text) else None
    if found and beyond:
        return min(found, beyond, key=lambda match: match.start())[0]
    first = found or beyond
    return first[0] if first else None


LINE_SEPARATORS = frozenset("\x85\u2028\u2029")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Unicode gives controls no name, only aliases; these are the ones a contributor may meet.
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}


def named(char: str) -> str:
    """Return a character as `U+200B ZERO WIDTH SPACE` (a control by its alias)."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "") or "(no name)"
    return f"U+{code:04X} {name}"


def kind(char: str) -> str:
    """Return what a refused character is: a control, a direction control, an invisible
    character, a line separator, a surrogate or a noncharacter."""
    if char in LINE_SEPARATORS:
        return "line separator"
    if re.match(f"[{_DIRECTION}]", char):
        return "direction control"
    if re.match(f"[{_INVISIBLE}]", char):
        return "invisible character"
    if re.match(f"[{_SURROGATE}]", char):
        return "unpaired surrogate"
    if char in "\ufffe\uffff":
        return "noncharacter"
    return "control character"


def in_text(char: str, what: str = "text") -> str:
    """Return the message for a text (or a key) that holds a refused character."""
    return f"{what} holds the {kind(char)} {named(char)}; remove it"


def in_file(char: str) -> str:
    """Return the message for a refused character written raw outside any value."""
    if char in LINE_SEPARATORS:
        return raw_separator(char)
    return f"the {kind(char)} {named(char)} is not allowed in a data file, even in a comment"


def raw_separator(char: str) -> str:
    """Return the message for a raw U+0085, U+2028 or U+2029."""
    return (
        f"the {kind(char)} {named(char)} is written raw: YAML ends a line there and editors "
        f"do not; remove it, or write it as `\\u{ord(char):04x}` inside double quotes"
    )


class Lines:
    """Where each line of a text starts, lines ending at `\\n`, `\\r\\n` or `\\r` only (as
    editors count them)."""

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        self.starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]

    def position(self, index: int) -> tuple[int, int]:
        """Return the 1-based line and column (in characters) of `text[index]`."""
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

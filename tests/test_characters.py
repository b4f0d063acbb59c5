"""Characters a data file may not hold, and positions counted as an editor counts them
(plandocs.characters, through the loader): each refusal names the character and its place.
"""

from __future__ import annotations

import pytest

from plandocs.yamlsource import read_source
from tests.conftest import DataCopy

RARE = "probability: rare"
RARE_MESSAGE = "risks[1].probability: Input should be 'high', 'medium' or 'low' (got 'rare')"


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\u2028", "U+2028 LINE SEPARATOR"),
        ("\u2029", "U+2029 PARAGRAPH SEPARATOR"),
        ("\x85", "U+0085 NEXT LINE"),
    ],
)
def test_a_raw_line_separator_is_refused_where_it_is_and_moves_no_later_line(
    data_copy: DataCopy, char: str, name: str
) -> None:
    at = data_copy.replace("risks.yml", "en: Lower quality", f"en: Lower{char}quality")
    rare = data_copy.replace("risks.yml", "probability: low", RARE)
    escape = f"\\u{ord(char):04x}"
    assert data_copy.problems() == [
        f"data/risks.yml:{at}:18: risks[1].impacts[0].en: the line separator {name} is written "
        f"raw: YAML ends a line there and editors do not; remove it, or write it as `{escape}` "
        "inside double quotes",
        f"data/risks.yml:{rare}:18: {RARE_MESSAGE}",
    ]


def test_a_raw_line_separator_in_a_comment_hides_no_yaml(data_copy: DataCopy) -> None:
    """YAML would end the comment at U+2028 and read what follows as data."""
    text = data_copy.text("risks.yml")
    data_copy.write("risks.yml", "# note\u2028extra: 1\n" + text)
    rare = data_copy.replace("risks.yml", "probability: low", RARE)
    assert data_copy.problems() == [
        "data/risks.yml:1:7: the line separator U+2028 LINE SEPARATOR is written raw: YAML ends "
        "a line there and editors do not; remove it, or write it as `\\u2028` inside double "
        "quotes",
        f"data/risks.yml:{rare}:18: {RARE_MESSAGE}",
    ]


def test_an_escaped_line_separator_is_text(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "en: Lower quality", 'en: "Lower\\u2028quality"')
    rare = data_copy.replace("risks.yml", "probability: low", RARE)
    assert data_copy.problems() == [f"data/risks.yml:{rare}:18: {RARE_MESSAGE}"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_lines_end_at_crlf_and_at_a_lone_cr(data_copy: DataCopy, newline: str) -> None:
    rare = data_copy.replace("risks.yml", "probability: low", RARE)
    data_copy.write("risks.yml", data_copy.text("risks.yml").replace("\n", newline))
    assert data_copy.problems() == [f"data/risks.yml:{rare}:18: {RARE_MESSAGE}"]


def test_a_byte_order_mark_moves_no_column(data_copy: DataCopy) -> None:
    rare = data_copy.replace("risks.yml", "probability: low", RARE)
    data_copy.write("risks.yml", "\ufeff" + data_copy.text("risks.yml"))
    assert data_copy.problems() == [f"data/risks.yml:{rare}:18: {RARE_MESSAGE}"]


def test_an_unclosed_quote_closed_by_the_next_line_is_reported_where_it_opens(
    data_copy: DataCopy,
) -> None:
    at = data_copy.replace("risks.yml", "en: Lower quality", 'en: "Lower quality')
    data_copy.replace("risks.yml", "zh: 制定培训计划", 'zh: "制定培训计划"')
    assert data_copy.problems() == [
        f"data/risks.yml:{at}:13: YAML: did not find expected key (a quoted text starts here "
        "and runs over several lines: is its closing quote missing?)"
    ]


INVISIBLE = [
    ("\U000e0041", "invisible character U+E0041 TAG LATIN CAPITAL LETTER A"),
    ("\U000e0001", "invisible character U+E0001 LANGUAGE TAG"),
    ("\u200b", "invisible character U+200B ZERO WIDTH SPACE"),
    ("\u200c", "invisible character U+200C ZERO WIDTH NON-JOINER"),
    ("\u200d", "invisible character U+200D ZERO WIDTH JOINER"),
    ("\u2060", "invisible character U+2060 WORD JOINER"),
    ("\ufeff", "invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    ("\u00ad", "invisible character U+00AD SOFT HYPHEN"),
    ("\u200e", "direction control U+200E LEFT-TO-RIGHT MARK"),
    ("\u200f", "direction control U+200F RIGHT-TO-LEFT MARK"),
    ("\u061c", "direction control U+061C ARABIC LETTER MARK"),
    ("\u202a", "direction control U+202A LEFT-TO-RIGHT EMBEDDING"),
    ("\u202e", "direction control U+202E RIGHT-TO-LEFT OVERRIDE"),
    ("\u2066", "direction control U+2066 LEFT-TO-RIGHT ISOLATE"),
    ("\u2069", "direction control U+2069 POP DIRECTIONAL ISOLATE"),
]


@pytest.mark.parametrize(("char", "described"), INVISIBLE)
def test_an_invisible_character_in_a_text_is_refused_where_it_is(
    data_copy: DataCopy, char: str, described: str
) -> None:
    line = data_copy.replace("risks.yml", "en: Lower quality", f"en: Lower 质量{char}quality")
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:21: risks[1].impacts[0].en: text holds the {described}; remove it"
    ]


@pytest.mark.parametrize(("char", "described"), INVISIBLE)
def test_an_invisible_character_written_as_an_escape_is_refused(
    data_copy: DataCopy, char: str, described: str
) -> None:
    escape = f"\\U{ord(char):08x}" if ord(char) > 0xFFFF else f"\\u{ord(char):04x}"
    line = data_copy.replace("risks.yml", "en: Lower quality", f'en: "Lower{escape}quality"')
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:13: risks[1].impacts[0].en: text holds the {described}; remove it"
    ]


def test_an_invisible_character_in_a_link_text_is_refused(data_copy: DataCopy) -> None:
    old = "en: '[x](javascript:alert(1)) a fake link'"
    line = data_copy.replace("risks.yml", old, "en: '[x\u200b](https://example.org/) a link'")
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:16: risks[0].mitigations[1].en: text holds the invisible "
        "character U+200B ZERO WIDTH SPACE; remove it"
    ]


def test_a_direction_control_in_a_comment_is_refused(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "    level: medium\n", "    level: medium # \u202e x\n")
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:21: the direction control U+202E RIGHT-TO-LEFT OVERRIDE is not "
        "allowed in a data file, even in a comment"
    ]


def test_an_invisible_character_in_a_key_is_refused(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "    level: medium\n", "    le\u200bvel: medium\n")
    problems = data_copy.problems()
    assert (
        f"data/risks.yml:{line}:7: risks[1]: the key holds the invisible character U+200B "
        "ZERO WIDTH SPACE; remove it"
    ) in problems


@pytest.mark.parametrize("mark", ["' '", '"\\u200b"', '"\\t"', "'\u3000'"])
def test_punctuation_must_be_visible(data_copy: DataCopy, mark: str) -> None:
    line = data_copy.replace("languages.yml", 'comma: ", "', f"comma: {mark}")
    problems = data_copy.problems()
    assert problems[0].startswith(f"data/languages.yml:{line}:14: languages[1].punctuation.comma: ")


def test_refused_characters_outside_values_are_reported_up_to_a_limit() -> None:
    source = read_source("data/risks.yml", b"# " + b"\x00" * 100 + b"\nrisks: []\n")
    assert [str(problem) for problem in source.problems[:1]] == [
        "data/risks.yml:1:3: the control character U+0000 NULL is not allowed in a data file, "
        "even in a comment"
    ]
    assert len(source.problems) == 21
    assert str(source.problems[-1]) == "data/risks.yml:1:102: and 80 more such characters"
    assert source.data == {"risks": []}


def test_every_format_character_and_hangul_filler_is_refused_in_a_text() -> None:
    """Held to the running Python's Unicode tables: a newer Unicode with a new format character
    fails here until the list in plandocs.characters has it."""
    import unicodedata

    from plandocs.characters import IN_FILE, IN_TEXT

    invisible = [
        chr(code)
        for code in range(0x110000)
        if unicodedata.category(chr(code)) == "Cf" or code in (0x115F, 0x1160, 0x3164, 0xFFA0)
    ]
    assert [char for char in invisible if not IN_TEXT.match(char)] == []
    assert [char for char in invisible if not IN_FILE.match(char)] == []
    assert not IN_TEXT.match("\u00a0") and not IN_TEXT.match("\u3000")  # visible spaces pass
    assert not IN_TEXT.match("\ufe0f")  # a variation selector (emoji) passes


def test_a_raw_noncharacter_is_named_as_one() -> None:
    source = read_source("data/risks.yml", "risks: []\n# \ufffe\n".encode())
    assert [str(problem) for problem in source.problems] == [
        "data/risks.yml:2:3: the noncharacter U+FFFE (no name) is not allowed in a data file, "
        "even in a comment"
    ]


def test_reports_show_invisible_and_direction_characters_as_escapes() -> None:
    """A message may quote what it refuses: no character of a report hides or reorders text."""
    from plandocs.problems import Problem

    problem = Problem("data/x.yml", 1, 1, "a\u200bb", "x\U000e0041\u200e\u061c\u00ad\u2067y")
    assert str(problem) == ("data/x.yml:1:1: a\\u200bb: x\\U000e0041\\u200e\\u061c\\xad\\u2067y")

"""Fuzzing the edge: no bytes make the loader crash or report a problem nowhere, anything
that passes the check renders every page, with unique anchors, and a hand-written page the
check passes renders no script, event handler or dangerous link.

Property-based (hypothesis); the example counts keep the whole module near half a minute.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import shutil
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from plandocs.characters import IN_FILE, Lines
from plandocs.cli import main
from plandocs.exports import build_exports
from plandocs.loader import load, load_dataset
from plandocs.model import Dataset
from plandocs.pagecheck import check_page
from plandocs.problems import DataError, Problem
from plandocs.registry import FAMILIES
from plandocs.render.locale import Lang
from plandocs.review import tracked
from plandocs.rules import page_anchors
from plandocs.site import build_pages, load_checked
from plandocs.webpage import abbreviations_for
from plandocs.yamlsource import read_source
from tests.conftest import FIXTURE
from tests.strategies import (
    MONEY_PATTERNS,
    PAGES,
    _QuotingDumper,
    glossary_terms,
    hostile_datasets,
    write_dataset,
)

# A failing example is a large dataset: let Hypothesis print it without warning about its size.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

SITE = "https://example.org/"
FILES = [family.file for family in FAMILIES]
FIXTURE_BYTES = {name: (FIXTURE / name).read_bytes() for name in FILES}
# Bytes a hostile edit would insert: YAML syntax, numbers YAML 1.1 reads oddly, controls.
SNIPPETS = [
    b": ",
    b"- ",
    b"[",
    b"]",
    b"{",
    b"}",
    b"&a ",
    b"*a",
    b"!!int ",
    b"!!python/object ",
    b"\x00",
    b"\x1b",
    b"\xff",
    b"\xef\xbb\xbf",
    b"012",
    b"4:10:00",
    b"yes",
    b".inf",
    b".nan",
    b"1e999",
    b"9" * 60,
    b'"\\ud800"',
    b'"\\x00"',
    b"'",
    b'"',
    b"\t",
    b"\n",
    b"\n  ",
    b"\r\n",
    b"---\n",
    b"? ",
    b"<<: ",
    b"%YAML 1.1\n",
    b"2025-02-30",
    b"\xe2\x80\xae",
    b"\xe2\x80\x8b",
    b"\xe2\x80\xa8",
    b"\xe2\x80\xa9",
    b"\xc2\x85",
    b"\xc2\xad",
    b"\xe2\x81\xa0",
    b"\xe2\x80\x8f",
    b"\xf3\xa0\x81\x81",
    b"\r",
]


def lines_of(raw: bytes) -> int:
    """Return how many lines an editor sees in `raw` (lines end at LF, CRLF or CR only)."""
    text = raw.decode("utf-8", errors="replace")
    return len(Lines(text).starts)


def check_located(problems: list[Problem], text_lines: int) -> None:
    """Every problem names a file of the data, a real position (at most just after the last
    line), and is one printable line."""
    for problem in problems:
        assert problem.file.startswith("data/"), problem
        assert 1 <= problem.line <= text_lines + 1, problem
        assert problem.column >= 1, problem
        assert "\n" not in str(problem) and "\r" not in str(problem), problem


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.text(max_size=3000).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.lists(st.sampled_from(SNIPPETS), max_size=60).map(b"".join),
    )
)
def test_arbitrary_bytes_never_crash_the_reader(raw: bytes) -> None:
    source = read_source("data/risks.yml", raw)
    check_located(source.problems, lines_of(raw))


@st.composite
def mutated_file(draw: st.DrawFn) -> tuple[str, bytes]:
    """A fixture data file with a few random edits: snippets inserted, bytes deleted or swapped."""
    name = draw(st.sampled_from(FILES))
    raw = bytearray(FIXTURE_BYTES[name])
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 4))):
        at = rng.randrange(len(raw) + 1)
        action = rng.choice(("insert", "delete", "replace"))
        snippet = rng.choice(SNIPPETS)
        if action == "insert":
            raw[at:at] = snippet
        elif action == "delete":
            del raw[at : at + rng.randrange(1, 20)]
        else:
            raw[at : at + len(snippet)] = snippet
    return name, bytes(raw)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """A copy of the fixture dataset that the tests edit and restore."""
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        shutil.copytree(FIXTURE, data)
        yield data


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(mutated_file())
def test_mutated_data_files_load_or_are_refused_with_located_problems(
    scratch: Path, edit: tuple[str, bytes]
) -> None:
    name, raw = edit
    (scratch / name).write_bytes(raw)
    try:
        load_dataset(scratch)
    except DataError as error:
        longest = max(lines_of(raw), *(lines_of(b) for b in FIXTURE_BYTES.values()))
        check_located(error.problems, longest)
    finally:
        (scratch / name).write_bytes(FIXTURE_BYTES[name])


# Shrinking a whole dataset takes minutes: a failure is reported as drawn, without shrinking.
@settings(
    max_examples=60,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(hostile_datasets())
def test_whatever_passes_the_check_renders_with_unique_anchors(
    scratch: Path, raw: dict[str, object]
) -> None:
    folder = scratch.parent / "hostile"
    write_dataset(raw, folder)
    data = load_checked(folder).dataset  # the strategy only makes valid data: an error is a finding
    for path, page in build_pages(data).items():
        anchors = page_anchors(page)
        assert len(anchors) == len(set(anchors)), path


# Hand-written pages --------------------------------------------------------------------------

_EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "tables",
    "toc",
    "pymdownx.details",
    "pymdownx.superfences",
]
_LIVE_ELEMENTS = {"script", "iframe", "frame", "object", "embed", "applet", "base", "meta"}
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
_BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")


class _LiveMarkup(HTMLParser):
    """Collects what in an HTML fragment could run or load code in a browser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _LIVE_ELEMENTS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            name = name.lstrip("/")
            if re.fullmatch(r"on[a-z]+", name) and value is not None:
                self.found.append(f"{tag} {name}=")
            url = "".join(ch for ch in (value or "") if ord(ch) > 0x20).lower()
            if name in _URL_ATTRIBUTES and url.startswith(_BAD_SCHEMES):
                self.found.append(f"{tag} {name}={url[:20]}")


@settings(max_examples=300, deadline=None)
@given(PAGES)
def test_a_page_the_check_passes_renders_nothing_live(page: str) -> None:
    if check_page(page, "docs/page.en.md"):
        return  # refused, with located problems
    html = markdown.Markdown(extensions=_EXTENSIONS).convert(page)
    live = _LiveMarkup()
    live.feed(html)
    live.close()
    assert live.found == [], html


# A character refused raw, from each family of plandocs.characters.
REFUSED_RAW = st.sampled_from(
    [
        *("\x00", "\x1b", "\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\ufffe"),
        *("\u00ad", "\u061c", "\u200b", "\u200d", "\u200f", "\u202e", "\u2067", "\ufeff"),
        *("\U000e0020", "\U000e007f"),
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(FILES), st.integers(0, 2**32), REFUSED_RAW)
def test_a_refused_character_anywhere_is_reported_exactly_where_it_is(
    name: str, seed: int, char: str
) -> None:
    """Whatever precedes it, a refused character is reported at its own line and column, as an
    editor counts them, and no reported line lies past the file's end."""
    text = FIXTURE_BYTES[name].decode("utf-8")
    at = random.Random(seed).randrange(1, len(text) + 1)  # after the first character (a BOM)
    edited = text[:at] + char + text[at:]
    line, column = Lines(edited).position(at)
    source = read_source(f"data/{name}", edited.encode("utf-8"))
    code = f"U+{ord(char):04X}"
    assert any(
        (problem.line, problem.column) == (line, column) and code in problem.message
        for problem in source.problems
    ), (line, column, [str(problem) for problem in source.problems])
    check_located(source.problems, lines_of(edited.encode("utf-8")))
    assert IN_FILE.match(char)


def _load_or_refuse(folder: Path) -> Dataset | None:
    """Load `folder`; a refusal must be located in the data (then None)."""
    try:
        return load_dataset(folder)
    except DataError as error:
        longest = max(lines_of(path.read_bytes()) for path in folder.rglob("*.yml"))
        check_located(error.problems, longest)
        return None


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(MONEY_PATTERNS)
def test_a_money_pattern_is_refused_where_it_is_or_renders_every_page(
    scratch: Path, pattern: str
) -> None:
    """Whatever money pattern a contributor writes: refused with its place, or every page and
    export renders, and amounts show digits."""
    path = scratch / "languages.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('money: "$#,##0"', f"money: {json.dumps(pattern)}"), "utf-8")
    try:
        data = _load_or_refuse(scratch)
        if data is not None:
            build_pages(data)
            build_exports(data, generated_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC), site_url=SITE)
            zh = Lang(data.languages.languages[0], source_code="zh")
            assert any(char.isdigit() for char in zh.money(1234, "USD"))
    finally:
        path.write_text(text, encoding="utf-8")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(glossary_terms())
def test_a_glossary_entry_is_refused_where_it_is_or_renders_every_page(
    scratch: Path, entry: dict[str, object]
) -> None:
    """Whatever a glossary entry says: refused with its place, or every page renders with
    unique anchors, and the abbreviation list of each language is made."""
    path = scratch / "glossary.yml"
    text = path.read_text(encoding="utf-8")
    drawn = yaml.safe_load(text)
    drawn["terms"].append(entry)
    path.write_text(yaml.dump(drawn, Dumper=_QuotingDumper, allow_unicode=True), "utf-8")
    try:
        data = _load_or_refuse(scratch)
        if data is not None:
            for page_path, page in build_pages(data).items():
                anchors = page_anchors(page)
                assert len(anchors) == len(set(anchors)), page_path
            for code in data.languages.codes:
                abbreviations_for(data, code)
    finally:
        path.write_text(text, encoding="utf-8")


# Files with line separators, controls and invisible characters anywhere: a few inserted into
# a fixture file; the check refuses each where it is (see the exact-position test above) and
# never crashes, and positions stay inside the file.
@settings(max_examples=60, deadline=None)
@given(st.sampled_from(FILES), st.lists(st.tuples(st.integers(0, 2**32), REFUSED_RAW), max_size=6))
def test_files_with_many_refused_characters_report_each_in_place(
    name: str, inserts: list[tuple[int, str]]
) -> None:
    text = FIXTURE_BYTES[name].decode("utf-8")
    for seed, char in inserts:
        at = random.Random(seed).randrange(1, len(text) + 1)
        text = text[:at] + char + text[at:]
    source = read_source(f"data/{name}", text.encode("utf-8"))
    check_located(source.problems, lines_of(text.encode("utf-8")))
    # The first refused character is always reported exactly where it is (a later one in the
    # same value shares that value's report).
    first = IN_FILE.search(text)
    if first is not None:
        where = Lines(text).position(first.start())
        assert where in {(problem.line, problem.column) for problem in source.problems}


# `translations --accept` on fixture files laid out in drawn ways: every pin removed, line ends
# of one kind (LF, CRLF or CR), comments after some values. Either every translation ends up
# pinned, with the layout kept, or the file is refused and left exactly as it was.
PINNED = [name for name in FILES if b"_pin:" in FIXTURE_BYTES[name]]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.sampled_from(PINNED),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.lists(st.integers(0, 2**32), max_size=8),
)
def test_accept_pins_every_layout_it_is_given_or_writes_nothing(
    scratch: Path, name: str, newline: str, commented: list[int]
) -> None:
    lines = [
        line
        for line in FIXTURE_BYTES[name].decode("utf-8").split("\n")
        if not line.lstrip().startswith("en_pin:")
    ]
    for seed in commented:  # a comment after a value (never inside a block scalar's text)
        at = random.Random(seed).randrange(len(lines))
        if re.match(r"^\s*(- )?[a-z_]+: [^|>'\"#].*[^:]$", lines[at]):
            lines[at] += "  # drawn"
    text = newline.join(lines)
    path = scratch / name
    path.write_bytes(text.encode("utf-8"))
    try:
        target = f"data/{name}"
        status = main(["--data", str(scratch), "translations", "--accept", target])
        after = path.read_bytes().decode("utf-8")
        if status != 0:
            assert after == text
            return
        assert after.replace("en_pin", "").count("# drawn") == text.count("# drawn")
        if newline != "\n":
            assert "\n" not in after.replace("\r\n", "") if newline == "\r\n" else "\n" not in after
        loaded = load(scratch)
        states = {item.state for item in tracked(loaded, None) if item.file == target}
        assert states == {"current"}, target
    finally:
        path.write_bytes(FIXTURE_BYTES[name])

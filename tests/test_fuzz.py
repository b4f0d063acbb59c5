"""Fuzzing the edge: no bytes make the loader crash or report a problem nowhere, anything
that passes the check renders every page, with unique anchors, and a hand-written page the
check passes renders no script, event handler or dangerous link.

Property-based (hypothesis); the example counts keep the whole module near half a minute.
"""

from __future__ import annotations

import random
import re
import shutil
import tempfile
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from plandocs.loader import load_dataset
from plandocs.pagecheck import check_page
from plandocs.problems import DataError, Problem
from plandocs.registry import FAMILIES
from plandocs.rules import page_anchors
from plandocs.site import build_pages, load_checked
from plandocs.yamlsource import read_source
from tests.conftest import FIXTURE
from tests.strategies import PAGES, hostile_datasets, write_dataset

# A failing example is a large dataset: let Hypothesis print it without warning about its size.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

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
]


def lines_of(raw: bytes) -> int:
    """Return how many lines YAML sees in `raw` (any of its line breaks)."""
    text = raw.decode("utf-8", errors="replace")
    return max(1, len(text.splitlines()))


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

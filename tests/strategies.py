"""Hypothesis strategies for hostile but valid data: the fixture dataset with every text replaced
by arbitrary Unicode, optional parts dropped and ratings varied within their scales.

Everything these strategies make must pass `plandocs check`: a test that gets a DataError from
them has found a rule the strategy does not know, or a bug.
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from plandocs.characters import IN_TEXT
from plandocs.model.common import visible
from plandocs.registry import FAMILIES
from plandocs.wordmatch import abbreviation_problem, mention_problem
from tests.conftest import FIXTURE

# What the loader refuses in a text (controls, direction controls, invisible characters,
# surrogates: plandocs.characters) is left out; everything else in Unicode may appear, line and
# paragraph separators included (the writer escapes them).
CHARACTERS = st.characters(exclude_categories=["Cs", "Cc"]).filter(
    lambda char: not IN_TEXT.match(char)
)
# Strings that mean something to Markdown, HTML, Mermaid or YAML, mixed into the texts.
SPECIAL = st.sampled_from(
    [
        "%%{init: {'theme': 'dark'}}%%",
        "%%",
        "click a href",
        "section",
        "excludes weekends",
        "dateFormat",
        "title",
        "accTitle: x",
        "end",
        "max",
        "curve",
        "-->",
        "[x](javascript:alert(1))",
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "- ",
        "1. ",
        "???+ note",
        "!!! danger",
        "---",
        "~~~",
        "```",
        "| a | b |",
        "{#id}",
        "#35;",
        "#quot;",
        "ﬂ°°58¶ß",
        '"',
        "'",
        "\\",
        "`",
        ":",
        ";",
        ",",
        "2025-01-06",
        "yes",
        "012",
        "\u2028",
        "\u00a0",
        "\u2009",
        "é",
        "“中文”，（标点）",
    ]
)
TEXTS = (
    st.lists(
        st.one_of(st.text(CHARACTERS, min_size=1, max_size=12), SPECIAL), min_size=1, max_size=4
    )
    .map("".join)
    .filter(lambda text: visible(text) and len(text) <= 200)
)


def fixture_raw() -> dict[str, Any]:
    """Return the fixture dataset as plain values, family name -> file content."""
    return {
        family.name: yaml.safe_load((FIXTURE / family.file).read_text(encoding="utf-8"))
        for family in FAMILIES
    }


_RAW = fixture_raw()
# Families whose texts are replaced: the labels and the messages hold templates and the
# languages settings.
_KEPT = ("languages", "labels", "messages")
_TEXT_FAMILIES = [family.name for family in FAMILIES if family.name not in _KEPT]
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
# Mentions of the source are linked wherever they stand: they keep the minimum length.
_MENTIONS = {"source_mention", "appendix_mention"}


def _is_text(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and {"zh", "en"} <= set(value)
        and all(isinstance(v, str) for v in value.values())
    )


# Plain (untranslated) strings that are free text, by family.
_FREE_STRINGS = {"seed_says", "universities.unit", "cncf.name", "trends.version"}
_OPTIONAL = {"version", "period", "when"}
_STARS = {"universities.theirs", "universities.ours", "trends.readiness"}


def _mutate(value: Any, pick: random.Random, pool: list[str], family: str) -> Any:
    if _is_text(value):
        return {"zh": pick.choice(pool), "en": pick.choice(pool)}
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in _OPTIONAL and pick.random() < 0.5:
                continue  # optional parts, sometimes left out
            if f"{family}.{key}" in _STARS and isinstance(item, int):
                out[key] = pick.randint(1, 5)
            elif isinstance(item, str) and ({key, f"{family}.{key}"} & _FREE_STRINGS):
                out[key] = pick.choice(pool)
            else:
                out[key] = _mutate(item, pick, pool, family)
        return out
    if isinstance(value, list):
        return [_mutate(item, pick, pool, family) for item in value]
    return value


def _mutate_labels(value: Any, pick: random.Random, pool: list[str], key: str = "") -> Any:
    """Return the labels with every text drawn from `pool`, each keeping its placeholders
    (braces in the drawn text doubled, as a template writes them)."""
    if _is_text(value):
        out = {}
        for code in ("zh", "en"):
            holes = _PLACEHOLDER.findall(value[code])
            candidates = [t for t in pool if key not in _MENTIONS or mention_problem(t) is None]
            text = pick.choice(candidates or ["the source text"])
            out[code] = " ".join([text.replace("{", "{{").replace("}", "}}"), *holes])
        return out
    if isinstance(value, dict):
        return {k: _mutate_labels(item, pick, pool, k) for k, item in value.items()}
    return value


ABBREVIATIONS = st.one_of(
    st.from_regex(r"[A-Z0-9][A-Za-z0-9.+/&-]{1,10}", fullmatch=True), TEXTS
).filter(lambda text: abbreviation_problem(text) is None)
"""Glossary abbreviations: Latin ones that pages explain, and any text the rule accepts."""


@st.composite
def hostile_datasets(draw: Callable[[Any], Any]) -> dict[str, Any]:
    """Return a valid dataset (family name -> content) whose every text is drawn at random.

    Hypothesis draws a pool of texts and a seed; the seed spreads the pool over the fixture's
    few hundred texts (one draw a text would make each example slow to generate).
    """
    pool: list[str] = draw(st.lists(TEXTS, min_size=24, max_size=24))
    pick = random.Random(draw(st.integers(0, 2**32)))
    raw = copy.deepcopy(_RAW)
    for name in _TEXT_FAMILIES:
        raw[name] = _mutate(raw[name], pick, pool, name)
    raw["labels"] = _mutate_labels(raw["labels"], pick, pool)
    for term in raw["glossary"]["terms"]:
        if "expansion" in term:
            term["term"] = {code: draw(ABBREVIATIONS) for code in ("zh", "en")}
    # What a chart keys by name must stay distinct (a rule of plandocs.rules).
    _number(raw["budget"]["categories"], "title")
    _number(raw["cncf"]["graduated"], "name")
    _number(raw["wikipedia"]["coverage"], "area")
    _number(raw["glossary"]["terms"], "term")  # a glossary shows each term once
    return raw


def _number(items: list[dict[str, Any]], key: str) -> None:
    """Make the `key` of each item distinct by appending its position."""
    for index, item in enumerate(items):
        value = item[key]
        if isinstance(value, dict):
            item[key] = {code: f"{text} {index}" for code, text in value.items()}
        else:
            item[key] = f"{value} {index}"


class _QuotingDumper(yaml.SafeDumper):
    """Writes every string in double quotes, so that no text is read back as something else."""


_QuotingDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
)


def write_dataset(raw: dict[str, Any], folder: Path) -> None:
    """Write a dataset made by `hostile_datasets` as YAML files under `folder`."""
    for family in FAMILIES:
        path = folder / family.file
        path.parent.mkdir(parents=True, exist_ok=True)
        text = yaml.dump(
            raw[family.name],
            Dumper=_QuotingDumper,
            allow_unicode=True,
            sort_keys=False,
            width=10_000,
        )
        path.write_text(text, encoding="utf-8")
    (folder / "source").mkdir(exist_ok=True)
    for attachment in (FIXTURE / "source").glob("*"):  # the verbatim source, as it is
        (folder / "source" / attachment.name).write_bytes(attachment.read_bytes())


# Pieces of a hostile hand-written page: Markdown and HTML syntax, the pieces of script, event
# handlers and dangerous links, and the spellings browsers accept for them.
PAGE_PIECES = st.sampled_from(
    [
        "<",
        ">",
        "/",
        "=",
        '"',
        "'",
        "`",
        " ",
        "\t",
        "\n",
        "\n\n",
        "[x](",
        ")",
        "[r]: ",
        "{: ",
        " }",
        "<a href=",
        '<a href="',
        "<img src=x ",
        "<svg",
        "<svg>",
        "<svg/",
        "<scr",
        "ipt>",
        "<script",
        "<SCRIPT>",
        "<iframe",
        "<object",
        "<embed",
        "<style>",
        "<details markdown>",
        "<div markdown>",
        "</div>",
        "<!--",
        "-->",
        "on",
        "onerror",
        "onload=",
        "ONCLICK",
        "alert(1)",
        "java",
        "script",
        "javascript:",
        "JaVaScRiPt:",
        "java\tscript:",
        "&#106;avascript:",
        "&#x6A;ava",
        "&Tab;",
        "&colon;",
        ":",
        "data:",
        "data:text/html,x",
        "file:",
        "file:///etc/passwd",
        "vbscript:",
        "https://example.org/",
        "[x](javascript:alert(1))",
        "[x]( j&#97;vascript:alert(1) )",
        '<a href="jav&#x09;ascript:x">x</a>',
        "<a href=data:text/html,x>x</a>",
        "<img src=x onerror=alert(1)>",
        '<a href="#"onclick="x">x</a>',
        "[r]: file:///etc/passwd\n\n[y][r]",
        "<javascript:alert(1)>",
        "\\",
        "```",
        "    ",
        "# ",
        "## Title {#id}",
        "*",
        "_",
        "!",
    ]
)
PAGES = st.lists(st.one_of(PAGE_PIECES, st.text(CHARACTERS, max_size=4)), max_size=30).map(
    lambda pieces: "# Page {#page}\n\n" + "".join(pieces) + "\n"
)
"""Hand-written pages assembled from hostile pieces (the page check refuses or they are inert)."""
# Settings ----------------------------------------------------------------------------------

# Money patterns: CLDR's own characters, quotes and separators, mixed with real patterns.
MONEY_PATTERNS = st.one_of(
    st.text(alphabet="#0,.¤$'%‰;E+-() TBD9", min_size=1, max_size=24),
    st.sampled_from(["$#,##0", "¤#,##0.00", "#,##0 ¤", "$#,##0;($#,##0)", "'TBD'"]),
    st.builds(lambda n: "$#,##0." + "0" * n, st.integers(0, 60)),
)
# Glossary terms: ordinary words, one letter, regular-expression and Markdown characters.
GLOSSARY_WORDS = st.one_of(
    TEXTS,
    st.sampled_from(["a", "e", "I", ".", "*", ".*", "(", "[", "\\", "<abbr>", "*[x]:", "|", "的"]),
    st.text(alphabet="aeAE.*+?()[]{}|\\^$ 中文", min_size=1, max_size=6).filter(visible),
)


@st.composite
def glossary_terms(draw: Callable[[Any], Any]) -> dict[str, Any]:
    """Return one glossary entry (as data) with drawn term and expansion texts."""
    entry: dict[str, Any] = {
        "id": "drawn-term",
        "term": {"zh": draw(GLOSSARY_WORDS), "en": draw(GLOSSARY_WORDS)},
    }
    if draw(st.booleans()):
        entry["expansion"] = {"zh": draw(GLOSSARY_WORDS), "en": draw(GLOSSARY_WORDS)}
    else:
        entry["definition"] = {"zh": draw(TEXTS), "en": draw(TEXTS)}
    return entry

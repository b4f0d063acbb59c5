"""Mention words and glossary abbreviations act only as words: a minimum length, enforced by the
rules with a located message, and whole-word matching on the pages."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plandocs.model import Dataset
from plandocs.webpage import link_source_mentions
from plandocs.wordmatch import abbreviation_problem, any_of, mention_problem, whole_term
from tests.conftest import DataCopy

MENTION = (
    "a mention is linked wherever it stands on every page, so it is at least 3 characters "
    "(2 in Chinese, Japanese or Korean); `{}` has {}"
)
ABBREVIATION = (
    "an abbreviation is explained wherever it stands as a word, so it is at least 2 characters "
    "and, up to 3 characters, holds a capital letter or a digit (like `AI` or `K8s`); `{}` "
    "would mark common words"
)


def test_a_one_letter_source_mention_is_refused(data_copy: DataCopy) -> None:
    line = data_copy.replace("labels.yml", "    en: the source\n", "    en: e\n")
    assert data_copy.problems() == [
        f"data/labels.yml:{line}:9: site.source_mention.en: {MENTION.format('e', 1)}"
    ]


def test_a_one_character_chinese_mention_is_refused(data_copy: DataCopy) -> None:
    line = data_copy.replace("labels.yml", "    zh: 原文\n", "    zh: 文\n")
    assert data_copy.problems() == [
        f"data/labels.yml:{line}:9: site.source_mention.zh: {MENTION.format('文', 1)}"
    ]


def test_an_appendix_mention_counts_without_its_placeholder(data_copy: DataCopy) -> None:
    old = '    en: "Appendix {letter} of the source"\n'
    line = data_copy.replace("labels.yml", old, '    en: "A{letter}"\n')
    # Renaming the appendices also breaks the source page's appendix anchors (other problems).
    expected = f"data/labels.yml:{line}:9: site.appendix_mention.en: " + MENTION.format(
        "A{letter}", 1
    )
    assert expected in data_copy.problems()


def test_a_one_letter_glossary_abbreviation_is_refused(data_copy: DataCopy) -> None:
    line = data_copy.replace("glossary.yml", "      en: CNCF\n", "      en: a\n")
    assert data_copy.problems() == [
        f"data/glossary.yml:{line}:11: terms[1].term.en: {ABBREVIATION.format('a')}"
    ]


@pytest.mark.parametrize(
    ("term", "refused"),
    [
        ("a", True),
        ("an", True),
        ("of", True),
        ("the", True),
        ("A", True),
        ("容", True),
        ("AI", False),
        ("K8s", False),
        ("I/O", False),
        ("abcd", False),
        ("容器", False),
    ],
)
def test_abbreviation_rule(term: str, refused: bool) -> None:
    assert (abbreviation_problem(term) is not None) is refused


@pytest.mark.parametrize(
    ("text", "refused"),
    [("e", True), ("ab", True), (" a b ", True), ("abc", False), ("原", True), ("原文", False)],
)
def test_mention_rule(text: str, refused: bool) -> None:
    assert (mention_problem(text) is not None) is refused


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the source, and the sources", ["the source"]),
        ("bathe source", []),
        ("中文the source中文", ["the source"]),
        ("the source_x", []),
    ],
)
def test_latin_mentions_match_whole_words(text: str, found: list[str]) -> None:
    assert re.findall(whole_term("the source"), text) == found


def test_cjk_mentions_match_as_whole_terms() -> None:
    appendix = whole_term("原文附录{letter}", placeholder="([A-Z])")
    assert re.findall(appendix, "见原文附录B中的表。原文附录BC") == ["B"]
    assert re.findall(whole_term("原文"), "根据原文，原文件") == ["原文", "原文"]


def test_a_mention_inside_a_word_is_not_linked(fixture_dataset: Dataset) -> None:
    html = "<p>As the source says; the sources; bathe sources; Appendix B of the sourcebook.</p>"
    out = link_source_mentions(html, "report/plan/", fixture_dataset, "en")
    assert out.count('class="source-mention"') == 1
    assert ">the source</a> says" in out


# Finding many texts at once (the stale-translation marks) --------------------------------------

_TEXTS = st.lists(st.text(alphabet="ab风险*[", min_size=1, max_size=6), max_size=12)


@settings(max_examples=400, deadline=None)
@given(texts=_TEXTS, page=st.text(alphabet="ab风险*[ \n", max_size=60))
def test_any_of_finds_what_the_longest_first_alternation_finds(texts: list[str], page: str) -> None:
    alternation = "|".join(map(re.escape, sorted(set(texts), key=len, reverse=True))) or "(?!)"
    expected = [(m.start(), m.group()) for m in re.finditer(alternation, page)]
    assert [(m.start(), m.group()) for m in any_of(texts).finditer(page)] == expected


def test_any_of_prefers_the_longest_text_starting_at_a_place() -> None:
    pattern = any_of(["ab", "abcde", "abc", "x"])
    assert pattern.findall("abcdx abcde ab") == ["abc", "x", "abcde", "ab"]
    assert pattern.pattern == "(?:ab(?:c(?:de)?)?|x)"  # one tree, not four alternatives


def test_texts_nested_too_deep_for_a_tree_are_still_all_found() -> None:
    texts = ["a" * n for n in range(1, 300)]  # each text starts the next: 299 levels
    pattern = any_of(texts)
    assert pattern.findall("a" * 310) == ["a" * 299, "a" * 11]

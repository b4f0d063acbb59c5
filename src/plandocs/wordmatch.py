"""Words the build looks for in every page: mentions of the source (linked to its page) and the
glossary's abbreviations (explained where they stand). They act only as words.

- A mention is at least 3 characters in Latin script, or 2 in Chinese, Japanese or Korean
  (`MIN_LATIN`, `MIN_CJK`; white space and a `{letter}` placeholder do not count): a one-letter
  mention would turn every `e` of every page into a link.
- An abbreviation is at least 2 characters, and one of up to 3 characters holds a capital
  letter, a digit or a CJK character (`AI`, `K8s`), so that no common word (`a`, `an`, `of`)
  gets an explanation in every sentence.
- Both match whole words only: where a mention starts or ends with a Latin letter or digit, the
  text next to it may not be one (`the source` is not found in `the sources`); a term in CJK
  script, written without spaces, matches as a whole term. (Markdown's `abbr` matches
  abbreviations with word boundaries itself.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

MIN_LATIN = 3
MIN_CJK = 2
MIN_ABBREVIATION = 2
_PLACEHOLDER = "{letter}"
# CJK ideographs, kana and Hangul: letters (`\w`) of scripts written without spaces.
_CJK = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
_LATIN_WORD = f"[^\\W{_CJK}]"


def is_cjk(char: str) -> bool:
    """Return whether `char` is a Chinese, Japanese or Korean character."""
    name = unicodedata.name(char, "")
    return name.startswith(("CJK ", "HIRAGANA", "KATAKANA", "HANGUL"))


def mention_problem(text: str) -> str | None:
    """Return why `text` cannot be a mention the build links wherever it stands, or None."""
    letters = "".join(text.replace(_PLACEHOLDER, "").split())
    cjk = any(is_cjk(char) for char in letters)
    minimum = MIN_CJK if cjk else MIN_LATIN
    if len(letters) >= minimum:
        return None
    return (
        f"a mention is linked wherever it stands on every page, so it is at least {MIN_LATIN} "
        f"characters ({MIN_CJK} in Chinese, Japanese or Korean); `{text}` has {len(letters)}"
    )


def abbreviation_problem(term: str) -> str | None:
    """Return why `term` cannot be an abbreviation explained wherever it stands, or None."""
    compact = "".join(term.split())
    marked = any(c.isupper() or c.isdigit() or is_cjk(c) for c in compact)
    if len(compact) >= 4 or (len(compact) >= MIN_ABBREVIATION and marked):
        return None
    return (
        f"an abbreviation is explained wherever it stands as a word, so it is at least "
        f"{MIN_ABBREVIATION} characters and, up to 3 characters, holds a capital letter or a "
        f"digit (like `AI` or `K8s`); `{term}` would mark common words"
    )


def whole_term(text: str, *, placeholder: str | None = None) -> str:
    """Return a regular expression that finds `text` as a whole word; with `placeholder`,
    `{letter}` in `text` becomes that group (e.g. `([A-Z])`)."""
    parts = text.split(_PLACEHOLDER) if placeholder else [text]
    pattern = (placeholder or "").join(re.escape(part) for part in parts)
    shown = text.replace(_PLACEHOLDER, "A") if placeholder else text
    if shown and _latin_word(shown[0]):
        pattern = f"(?<!{_LATIN_WORD})" + pattern
    if shown and _latin_word(shown[-1]):
        pattern += f"(?!{_LATIN_WORD})"
    return pattern


def _latin_word(char: str) -> bool:
    """Return whether `char` is a letter or digit that words in spaced scripts are made of."""
    return bool(re.match(_LATIN_WORD, char))


# How deep the tree of texts may nest (a text that another one starts with, or where two
# part) before `any_of` gives up the tree for a plain alternation.
MAX_NESTING = 60


def any_of(texts: Iterable[str]) -> re.Pattern[str]:
    """Return a pattern that finds each of `texts`, the longest one where several start at the
    same place, as the alternation `a|b|...` of the texts longest first would.

    The pattern is the texts' prefix tree (`ab(?:c|d)?` for `ab`, `abc`, `abd`), so finding
    them is one pass over a page however many there are: the plain alternation tries every
    text at every character (a page with n texts to find took n² time). Texts that nest more
    than `MAX_NESTING` deep (possible in data from strangers) get the plain alternation.
    """
    unique = sorted({text for text in texts if text}, key=len, reverse=True)
    if not unique:
        return re.compile(r"(?!)")  # finds nothing
    tree: dict[str, Any] = {}
    for text in unique:
        node = tree
        for char in text:
            node = node.setdefault(char, {})
        node[_END] = {}
    try:
        return re.compile(_tree_pattern(tree, 0))
    except RecursionError:
        return re.compile("|".join(map(re.escape, unique)))


_END = ""  # the key that marks where a text ends in `any_of`'s tree (no text is empty)


def _tree_pattern(node: dict[str, Any], depth: int) -> str:
    """Return the pattern of a node of the prefix tree: a run of single characters as a
    literal, then the branches, longest first (greedy `?` when a text may end here)."""
    if depth > MAX_NESTING:
        raise RecursionError("texts nest too deep for a tree")
    literal = []
    while len(node) == 1 and _END not in node:
        [(char, node)] = node.items()
        literal.append(re.escape(char))
    branches = [re.escape(c) + _tree_pattern(child, depth + 1) for c, child in node.items() if c]
    if not branches:
        return "".join(literal)
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        group = f"(?:{group})?" if len(branches) == 1 else group + "?"
    return "".join(literal) + group

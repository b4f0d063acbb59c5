"""The words of the checker's messages (data/messages.yml): what `make check`, the build and the
annotations say about a problem, in every language, with the names of list items and the hints
for the usual slips. Each template declares its placeholders, as the labels do."""

from __future__ import annotations

from typing import Annotated

from plandocs.model.common import Model, Text, placeholders

Key = Annotated[Text, placeholders("key")]
Detail = Annotated[Text, placeholders("detail")]
Command = Annotated[Text, placeholders("command")]


class ProblemWords(Model):
    """One template a kind of problem the loader, the rules or the translation check reports."""

    yaml: Detail
    unknown_key: Key
    missing_key: Key
    missing_translation: Key
    unknown_file: Text
    missing_file: Text
    stated_mismatch: Annotated[Text, placeholders("stated", "computed", "parts")]
    choice: Annotated[Text, placeholders("allowed", "given")]
    stale: Command
    unpinned: Command
    untranslated: Annotated[Text, placeholders("message")]
    refused_character: Annotated[Text, placeholders("what", "kind", "char")]
    """A text or key holds an invisible, control or direction character."""
    refused_raw: Annotated[Text, placeholders("kind", "char")]
    """Such a character is written outside any value (in a comment, say)."""
    raw_separator: Annotated[Text, placeholders("kind", "char", "escape")]
    """U+0085, U+2028 or U+2029 written raw: YAML ends a line there, editors do not."""


class HintWords(Model):
    """Hints added to a YAML syntax error when its line shows a usual slip."""

    fullwidth_colon: Annotated[Text, placeholders("line")]
    colon_in_text: Text
    indentation: Text


class Messages(Model):
    """Every word of the checker's messages."""

    item: Annotated[Text, placeholders("noun", "number", "id")]
    item_without_id: Annotated[Text, placeholders("noun", "number")]
    warning: Text
    serving: Text
    """What `mkdocs serve` says after the problems: it keeps serving the last good pages."""
    then: Text
    """Between an item's name and the message."""
    also: Text
    """Between the message and a hint, and between hints."""
    nouns: dict[str, Text]
    """The name of one item of each list, by the list's key (`risks` -> risk); `item` for others."""
    parts: dict[str, Text]
    """What a stated figure is compared with (`lines`, `groups`, `categories`)."""
    problems: ProblemWords
    hints: HintWords
    computed: dict[str, Text]
    """Keys that are computed, never typed: what each is computed from, and to remove it."""
    characters: dict[str, Text]
    """What a refused character is (`invisible-character`, ...) and what holds it (`text`,
    `key`): plandocs.characters's words, hyphenated, without `the`."""

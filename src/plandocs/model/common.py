"""Building blocks shared by every data family: texts in every language, ids, enums."""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from typing import Annotated, Any, Literal, Protocol

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
"""A language-neutral identifier: lowercase ASCII, digits and hyphens. Used for anchors."""

Percent = Annotated[float, Field(ge=0, le=100)]
Stars = Annotated[int, Field(ge=1, le=5)]
Priority = Literal["high", "medium", "low"]
Level = Literal["high", "medium", "low"]

PIN = "_pin"
"""Suffix of the key that pins a translation to the source text it was made from (`en_pin`)."""


def fingerprint(text: str) -> str:
    """Return the fingerprint a translation pins: 8 hex digits of the SHA-256 of the text,
    normalised (NFC, runs of white space as one space, trimmed)."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:8]


MAX_TEXT = 4000
"""The longest text, in characters: a long paragraph."""


def visible(text: str) -> bool:
    """Return whether `text` shows something: a letter, digit, punctuation mark or symbol.

    White space, zero-width characters and other format characters alone show nothing.
    """
    return any(unicodedata.category(char)[0] in "LNPS" for char in text)


def _visible_line(value: str) -> str:
    if not visible(value):
        raise ValueError("text is empty (or only spaces and invisible characters)")
    return value


Line = Annotated[str, StringConstraints(max_length=200), AfterValidator(_visible_line)]
"""A short plain text that is the same in every language, e.g. a project's name."""
Quote = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_visible_line)]
"""Words quoted from the source as it wrote them."""


class Model(BaseModel):
    """Base of every data model: unknown keys are errors and instances are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class HasCode(Protocol):
    """A language, or anything else that names one by its code."""

    @property
    def code(self) -> str: ...


def languages_of(info: ValidationInfo) -> tuple[str, ...] | None:
    """Return the configured language codes passed as validation context, if any."""
    context = info.context
    if isinstance(context, dict) and "languages" in context:
        return tuple(context["languages"])
    return None


@cache
def _text_keys(languages: tuple[str, ...]) -> frozenset[str]:
    """Return the keys a text may have: every language, and a pin for every translation."""
    return frozenset({*languages, *(f"{code}{PIN}" for code in languages[1:])})


class Text(RootModel[dict[str, str]]):
    """A human text in every configured language, e.g. `{zh: 风险, en: Risk}`.

    Keys are the codes of data/languages.yml, plus `<code>_pin` for every language but the
    first (the source language): the fingerprint of the source text it was translated from.
    The loader validates with the configured languages; nothing falls back from one language
    to another.
    """

    model_config = ConfigDict(frozen=True, strict=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _every_language(cls, value: Any, info: ValidationInfo) -> Any:
        languages = languages_of(info)
        if languages is None or not isinstance(value, dict):
            return value
        allowed = _text_keys(languages)
        missing = [code for code in languages if code not in value]
        unknown = [key for key in value if key not in allowed]
        if missing or unknown:
            # One error naming every key: the loader reports each at its own place.
            raise PydanticCustomError(
                "text_keys",
                "missing {missing}; unknown {unknown}",
                {"missing": missing, "unknown": unknown},
            )
        return value

    @model_validator(mode="after")
    def _visible(self) -> Text:
        for key, value in self.root.items():
            if key.endswith(PIN):
                if not re.fullmatch(r"[0-9a-f]{8}", value):
                    message = "a pin is 8 hex digits, written by `make accept FIELD='FILE:FIELD'`"
                    raise PydanticCustomError("empty_translation", message, {"key": key})
                continue
            if not visible(value):
                raise PydanticCustomError("empty_translation", "translation is empty", {"key": key})
            if len(value) > MAX_TEXT:
                message = "text is longer than {limit} characters"
                raise PydanticCustomError(
                    "empty_translation", message, {"key": key, "limit": MAX_TEXT}
                )
        return self

    def __call__(self, lang: str | HasCode) -> str:
        """Return the text in `lang` (a language or its code)."""
        return self.root[lang if isinstance(lang, str) else lang.code]

    def is_stale(self, code: str, source: str) -> bool:
        """Return whether the `code` translation was pinned to another source text."""
        pin = self.root.get(f"{code}{PIN}")
        return pin is not None and pin != fingerprint(self.root[source])

    def languages(self) -> list[str]:
        """Return the language codes this text is written in, pins left out."""
        return [key for key in self.root if not key.endswith(PIN)]


def placeholders(*names: str) -> AfterValidator:
    """Return a validator: a template uses exactly `names` as `{name}` placeholders, in every
    language, with no conversion or format spec (so filling it can never fail)."""
    expected = set(names)

    def check(text: Text) -> Text:
        for code in text.languages():
            found = set(_fields(text(code)))
            if found != expected:
                want = ", ".join(f"{{{name}}}" for name in sorted(expected)) or "none"
                got = ", ".join(f"{{{name}}}" for name in sorted(found)) or "none"
                raise PydanticCustomError(
                    "placeholders",
                    "placeholders must be {want}; the `{key}` text has {got}",
                    {"want": want, "got": got, "key": code},
                )
        return text

    return AfterValidator(check)


def _fields(template: str) -> Iterable[str]:
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError:
        raise PydanticCustomError(
            "template", "unbalanced `{` or `}` (write `{{` or `}}` for a brace)"
        ) from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise PydanticCustomError(
                "template", "a placeholder is a plain `{name}`, not `{{{field}}}`", {"field": name}
            )
        yield name


def complete(values: tuple[str, ...]) -> Callable[[dict[str, Text]], dict[str, Text]]:
    """Return a validator: a label table has a label for every value of an enum."""

    def check(table: dict[str, Text]) -> dict[str, Text]:
        missing = [value for value in values if value not in table]
        if missing:
            raise PydanticCustomError(
                "missing_label", "missing label for `{value}`", {"value": missing[0]}
            )
        return table

    return check


class Item(Model):
    """A titled point with an optional explanation, e.g. a strength or a success factor."""

    id: Id
    title: Text
    text: Text | None = None


class Note(Model):
    """A recorded fact about the seed document itself, e.g. where it contradicts itself."""

    seed_says: Quote
    explanation: Text

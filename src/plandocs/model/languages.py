"""The site's languages (data/languages.yml): codes, CLDR locales and punctuation.

The first language is the source language: every other is translated from it, and it is the
site's default. Adding a language starts here.
"""

from __future__ import annotations

from typing import Annotated, Literal

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, Field, StringConstraints, field_validator, model_validator
from pydantic_core import PydanticCustomError

from plandocs.model.common import Line, Model, visible
from plandocs.model.formats import locale_problem, money_pattern_problem

Code = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]


def _visible_mark(value: str) -> str:
    if not visible(value):
        raise ValueError("punctuation must show a mark, not only spaces or invisible characters")
    return value


Mark = Annotated[str, StringConstraints(min_length=1, max_length=8), AfterValidator(_visible_mark)]


class Punctuation(Model):
    """Punctuation that no library covers, with the spaces around it as the language writes it."""

    colon: Mark = Field(description="after a label, e.g. `：` or `: `")
    comma: Mark = Field(description="between two clauses, e.g. `，` or `, `")
    list_separator: Mark = Field(description="between items on one line, e.g. `、` or `; `")
    open_paren: Mark = Field(description="e.g. `（` or ` (` (with the space before it)")
    close_paren: Mark = Field(description="e.g. `）` or `)`")
    open_quote: Mark = Field(description='e.g. `“` or `"`')
    close_quote: Mark = Field(description='e.g. `”` or `"`')
    range_dash: Mark = Field(description="between two dates, e.g. `–` or ` – `")


class Formats(Model):
    """How CLDR formats are chosen for this language; Babel does the formatting."""

    date: Literal["short", "medium", "long", "full"] = Field(
        description="CLDR date length, e.g. `long` (2025年1月6日) or `medium` (6 Jan 2025)"
    )
    weekday: Literal["abbreviated", "wide"] = Field(
        description="CLDR weekday width, e.g. `abbreviated` (周一) or `wide` (Monday)"
    )
    money: Line = Field(
        description="CLDR currency pattern; `¤` is the locale's own symbol (US$ for USD in "
        "zh_CN and en_GB), a literal `$` departs from CLDR on purpose"
    )

    @field_validator("money")
    @classmethod
    def _money_pattern_works(cls, value: str) -> str:
        problem = money_pattern_problem(value, "en")
        if problem:
            raise ValueError(problem)
        return value


class Language(Model):
    """One language of the site."""

    code: Code = Field(description="the page suffix and URL prefix, e.g. `zh` (index.zh.md)")
    name: Line = Field(description="the language's own name, shown in the language switcher")
    locale: Line = Field(description="the Babel (CLDR) locale, e.g. `zh_CN` or `en_GB`")
    punctuation: Punctuation
    formats: Formats

    @field_validator("locale")
    @classmethod
    def _known_locale(cls, value: str) -> str:
        try:
            Locale.parse(value)
        except (UnknownLocaleError, ValueError, TypeError):
            raise ValueError(f"unknown CLDR locale `{value[:40]}`") from None
        return value

    @model_validator(mode="after")
    def _formats_work_in_this_locale(self) -> Language:
        """Every format is tried, with this locale, on the values the pages may show."""
        problem = locale_problem(self.locale, self.formats.date, self.formats.weekday)
        if problem:
            raise PydanticCustomError(
                "setting", "{problem}", {"problem": problem, "path": ("locale",)}
            )
        problem = money_pattern_problem(self.formats.money, self.locale)
        if problem:
            raise PydanticCustomError(
                "setting", "{problem}", {"problem": problem, "path": ("formats", "money")}
            )
        return self


class Languages(Model):
    """Every language of the site; the first is the source language and the default."""

    languages: list[Language] = Field(min_length=1, max_length=12)

    @field_validator("languages")
    @classmethod
    def _unique_codes(cls, value: list[Language]) -> list[Language]:
        codes = [language.code for language in value]
        for code in codes:
            if codes.count(code) > 1:
                raise ValueError(f"language `{code}` is listed twice")
        return value

    @property
    def codes(self) -> tuple[str, ...]:
        """Return the language codes, source language first."""
        return tuple(language.code for language in self.languages)

"""A language as the pages write it: CLDR formats from Babel, punctuation from data.

`Lang` wraps one entry of data/languages.yml. Dates, numbers, percentages, money, durations
(with their plurals) and weekday names come from Babel; the punctuation no library covers
comes from the language's table in data/languages.yml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cached_property

from babel import Locale
from babel.dates import format_date, get_day_names
from babel.units import format_unit

from plandocs.model import formats
from plandocs.model.languages import Language
from plandocs.render import markdown as md
from plandocs.render.markdown import Md

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MINUS = "−"  # U+2212: every negative number, in every language


class Lang:
    """One language of the site, ready to format values and join phrases."""

    def __init__(self, settings: Language, *, source_code: str) -> None:
        self.settings = settings
        self.code = settings.code
        self.source_code = source_code
        """The source language's code: what every other language is translated from."""
        self.source = self.code == source_code
        """Whether this is the source language (the first one, the default)."""
        self.punctuation = settings.punctuation

    def __repr__(self) -> str:
        return f"Lang({self.code!r})"

    @cached_property
    def locale(self) -> Locale:
        """Return the Babel locale."""
        return Locale.parse(self.settings.locale)

    # Values -----------------------------------------------------------------------------

    def date(self, day: dt.date) -> str:
        """Return a date, e.g. `2025年1月6日` or `6 Jan 2025`."""
        return format_date(day, self.settings.formats.date, locale=self.locale)

    def dates(self, start: dt.date, end: dt.date) -> str:
        """Return a span of days, first and last."""
        return f"{self.date(start)}{self.punctuation.range_dash}{self.date(end)}"

    def number(self, value: float) -> str:
        """Return a number with grouping and at most one decimal."""
        return formats.number(value, self.locale)

    def signed(self, value: float) -> str:
        """Return a signed number: `+5`, `−15` or `0` (a true minus sign, not a hyphen)."""
        figure = self.number(abs(value))
        if figure == "0":
            return figure
        return f"+{figure}" if value > 0 else f"{MINUS}{figure}"

    def percent(self, value: float) -> str:
        """Return a percentage given in percent, e.g. `95%` or `84.9%`."""
        return formats.percent(value / 100, self.locale)

    def share(self, part: float, whole: float) -> str:
        """Return `part` as a percentage of `whole`, one decimal, e.g. `76.4%`."""
        return formats.percent(part / whole, self.locale, decimals=2)

    def money(self, amount: int, currency: str) -> str:
        """Return an amount of money in the language's pattern, e.g. `$15,000`, `US$15,000`."""
        return formats.money(amount, currency, self.settings.formats.money, self.locale)

    def weeks(self, count: int) -> str:
        """Return a duration in weeks with the language's plural, e.g. `2周`, `1 week`."""
        return format_unit(count, "duration-week", length="long", locale=self.locale)

    def months(self, count: int) -> str:
        """Return a duration in months with the language's plural, e.g. `6个月`, `6 months`."""
        return format_unit(count, "duration-month", length="long", locale=self.locale)

    def kilobytes(self, size: int) -> str:
        """Return a file size in kilobytes, one decimal, e.g. `12.3 kB`."""
        return format_unit(
            size / 1000, "digital-kilobyte", length="short", locale=self.locale, format="#,##0.#"
        )

    def file_size(self, size: int) -> str:
        """Return a file size in kilobytes, or in megabytes from 1 MB, e.g. `1.5 MB`."""
        if size < 1_000_000:
            return self.kilobytes(size)
        return format_unit(
            size / 1_000_000,
            "digital-megabyte",
            length="short",
            locale=self.locale,
            format="#,##0.#",
        )

    def weekday(self, day: str) -> str:
        """Return a weekday's name, e.g. `周一` or `Monday`, from its key `mon`…`sun`."""
        names = get_day_names(self.settings.formats.weekday, locale=self.locale)
        return str(names[WEEKDAYS.index(day)])

    # Punctuation ------------------------------------------------------------------------

    def fact(self, name: str | Md, value: str | Md) -> Md:
        """Return `**name**: value` with the language's colon (`**name**:` with no value)."""
        colon = self.punctuation.colon if value else self.punctuation.colon.rstrip()
        return md.concat(md.strong(name), md.literal(colon), value)

    def labelled(self, name: str | Md, value: str | Md) -> Md:
        """Return `name: value` (no bold) with the language's colon."""
        return md.concat(name, md.literal(self.punctuation.colon), value)

    def listing(self, items: Iterable[str | Md]) -> Md:
        """Return items on one line, joined with the language's list separator."""
        separator = md.literal(self.punctuation.list_separator)
        return Md(separator.join(md.esc(item) for item in items))

    def paren(self, text: str | Md, note: str | Md) -> Md:
        """Return `text (note)` with the language's parentheses."""
        p = self.punctuation
        return md.concat(text, md.literal(p.open_paren), note, md.literal(p.close_paren))

    def clauses(self, first: str | Md, second: str | Md) -> Md:
        """Return two clauses joined with the language's comma."""
        return md.concat(first, md.literal(self.punctuation.comma), second)

    def quote(self, text: str | Md) -> Md:
        """Return `text` in the language's quotation marks."""
        p = self.punctuation
        return md.concat(md.literal(p.open_quote), text, md.literal(p.close_quote))

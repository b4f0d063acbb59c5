"""The number formats the pages write, in one place: the pages format with these functions
(plandocs.render.locale.Lang), and the languages model tries the same functions on sample
values, so a setting in data/languages.yml that would fail or mislead a page is refused where
it is written.

No figure is written as `-0`: a value that rounds to zero at the shown precision is zero.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache
from typing import Literal

from babel import Locale
from babel.dates import format_date, get_day_names
from babel.numbers import (
    NumberPattern,
    format_currency,
    format_decimal,
    format_percent,
    get_minus_sign_symbol,
)
from babel.numbers import parse_pattern as parse_number_pattern
from babel.units import format_unit

from plandocs.problems import excerpt

NUMBER = "#,##0.#"
PERCENT = "#,##0.#%"
SHARE = "#,##0.0%"
MAX_MONEY_DECIMALS = 4
MAX_MONEY_DIGITS = 15
"""The most integer digits a money pattern may force (`000…`): as many as an amount may have."""
_DIGITS = re.compile(r"[#,]*0[0,]*(\.0*#*)?")
"""The digits of a number pattern as CLDR writes them (Babel's own parser lets `0.0.0` pass)."""
SAMPLE_AMOUNTS = (0, -0.0, 1, -1234, 1234567.891, -1234567.891, 10**15 - 1, -(10**15 - 1))
"""Amounts every language's money pattern is tried on: zero both ways, the largest, negatives."""
SAMPLE_DAYS = (dt.date(2000, 1, 1), dt.date(2025, 1, 6), dt.date(2099, 12, 31))


@cache
def pattern(text: str) -> NumberPattern:
    """Return a parsed number pattern (Babel parses a pattern string at every call)."""
    return parse_number_pattern(text)


def _unsigned_zero(value: float, decimals: int) -> float:
    """Return 0 for a value that shows as zero at `decimals` decimals (no `-0`)."""
    return 0 if round(value, decimals) == 0 else value


def number(value: float, locale: Locale | str) -> str:
    """Return a number with grouping and at most one decimal, e.g. `1,234.5`."""
    return format_decimal(_unsigned_zero(value, 1), pattern(NUMBER), locale=locale)


def percent(value: float, locale: Locale | str, *, decimals: int = 1) -> str:
    """Return a fraction (0.95) as a percentage, e.g. `95%` (decimals 1: at most one; 2: one,
    always shown, `76.4%`)."""
    shape = pattern(PERCENT if decimals == 1 else SHARE)
    return format_percent(_unsigned_zero(value * 100, 1) / 100, shape, locale=locale)


def money(amount: float, currency: str, money_pattern: str, locale: Locale | str) -> str:
    """Return an amount in a language's money pattern, e.g. `$15,000` or `US$15,000`."""
    shape = pattern(money_pattern)
    amount = _unsigned_zero(amount, shape.frac_prec[1])
    return format_currency(amount, currency, format=shape, locale=locale, currency_digits=False)


def money_pattern_problem(money_pattern: str, locale: Locale | str) -> str | None:
    """Return why a money pattern cannot be used (None if it can): it must parse, keep to a
    sane precision, show the amount (not one fixed text), tell negative amounts from positive
    ones, and format every sample amount."""
    shown = f"`{money_pattern[:40]}`"
    try:
        shape = pattern(money_pattern)
    except Exception:  # Babel raises several kinds on a bad pattern; all mean the same
        shape = None
    if shape is not None and not shape.number_pattern:
        try:
            fixed = money(1234, "USD", money_pattern, locale).strip()
        except Exception:  # whatever Babel raises: the text is only for the message
            fixed = ""
        reads = f": every amount would read `{excerpt(fixed, 40)}`" if fixed else ""
        return f"{shown} shows no amount{reads}"
    if shape is None or not _DIGITS.fullmatch(shape.number_pattern or ""):
        return f"{shown} is not a CLDR currency pattern (e.g. `¤#,##0` or `$#,##0.00`)"
    if shape.scale:
        return f"{shown} shows a percentage or per mille (`%`, `‰`), not an amount"
    if shape.exp_prec is not None:
        return f"{shown}: write amounts without an exponent (`E`)"
    if shape.frac_prec[1] > MAX_MONEY_DECIMALS:
        return f"{shown} shows {shape.frac_prec[1]} decimals; at most {MAX_MONEY_DECIMALS}"
    if shape.int_prec[0] > MAX_MONEY_DIGITS:
        return f"{shown} forces {shape.int_prec[0]} digits; at most {MAX_MONEY_DIGITS}"
    try:
        shown_amounts = [money(amount, "USD", money_pattern, locale) for amount in SAMPLE_AMOUNTS]
        one, two = (
            money(1234, "USD", money_pattern, locale),
            money(5678, "USD", money_pattern, locale),
        )
        minus = money(-1234, "USD", money_pattern, locale)
    except Exception as error:  # whatever Babel or decimal raise: the pages would raise it too
        return f"{shown} fails on sample amounts ({type(error).__name__}); use e.g. `¤#,##0`"
    if one == two:
        return f"{shown} shows no amount: every amount would read `{excerpt(one, 40)}`"
    signs = {"-", "\u2212", "(", get_minus_sign_symbol(locale).strip("\u200e\u200f\u061c")}
    if minus == one or not any(sign and sign in minus for sign in signs):
        return f"{shown} shows negative amounts as positive ones"
    if any(not text.strip() for text in shown_amounts):
        return f"{shown} shows some amounts as nothing"
    return None


def locale_problem(
    locale: str,
    date_length: Literal["short", "medium", "long", "full"],
    weekday_width: Literal["abbreviated", "wide"],
) -> str | None:
    """Return why a locale cannot format what the pages format (None if it can): numbers,
    percentages, dates of the plan's range, weekday names and durations."""
    try:
        for day in SAMPLE_DAYS:
            format_date(day, date_length, locale=locale)
        if len(get_day_names(weekday_width, locale=locale)) != 7:
            return f"`{locale}` does not name the seven weekdays"
        for value in (0, -0.0, 1234567.891, -(10**15 - 1)):
            number(value, locale)
            percent(value, locale)
            percent(value, locale, decimals=2)
        for count in (0, 1, 2, 52):
            format_unit(count, "duration-week", length="long", locale=locale)
            format_unit(count, "duration-month", length="long", locale=locale)
        format_unit(Decimal("12.3"), "digital-kilobyte", length="short", locale=locale)
    except Exception as error:  # whatever Babel raises: the pages would raise it too
        return f"`{locale[:40]}` cannot format the pages' values ({type(error).__name__})"
    return None

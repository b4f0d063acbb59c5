"""Numbers, money, dates and ratings formatted for the page's language."""

from __future__ import annotations

import datetime as dt

from plandocs.model.common import Lang

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def number(value: float) -> str:
    """Return `value` with thousands separators and no needless decimals."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,.1f}"


def money(amount: int, currency: str, lang: Lang) -> str:
    """Return an amount of money, e.g. `$15,000` (zh) or `US$15,000` (en)."""
    symbol = {"USD": ("$", "US$")}[currency]
    return f"{symbol[0] if lang == 'zh' else symbol[1]}{amount:,}"


def percent(value: float) -> str:
    """Return a percentage such as `95%` or `84.9%`."""
    return f"{number(value)}%"


def signed_points(value: float, lang: Lang) -> str:
    """Return a signed difference in percentage points: `+5`, `−15` or `0`."""
    sign = "+" if value > 0 else "−" if value < 0 else ""
    unit = " 个百分点" if lang == "zh" else " pp"
    return f"{sign}{number(abs(value))}{unit}"


def date(day: dt.date, lang: Lang) -> str:
    """Return a date: `2025年1月6日` (zh) or `6 Jan 2025` (en)."""
    if lang == "zh":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def stars(count: int) -> str:
    """Return a 1-5 rating as filled and empty stars plus the figure for screen readers."""
    figure = f"{count}/5"
    return f"{'★' * count}{'☆' * (5 - count)} ({figure})"


def share(part: int, whole: int) -> str:
    """Return `part` as a percentage of `whole`, one decimal."""
    return f"{part / whole * 100:.1f}%"

"""Dates and week numbers computed from the plan's start date: never typed in data.

Phases are given in months; the plan counts in weeks, so a month boundary is rounded to whole
weeks (3 months = 13 weeks, 6 = 26, 12 = 52) and every phase and task starts on the plan's
weekday.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plandocs.model.plan import Phase, Plan, Task


@dataclass(frozen=True)
class Span:
    """A computed span: dates and 1-based plan weeks, both inclusive."""

    start: dt.date
    end: dt.date
    first_week: int
    last_week: int

    @property
    def weeks(self) -> int:
        """Return how many plan weeks the span touches."""
        return self.last_week - self.first_week + 1


def weeks_of_months(months: int) -> int:
    """Return the whole number of weeks closest to `months` months (52 weeks a year)."""
    return round(months * 52 / 12)


def phase_span(plan: Plan, phase: Phase) -> Span:
    """Return the dates and weeks of `phase`, from its start and end months."""
    first, last = weeks_of_months(phase.start_month), weeks_of_months(phase.end_month)
    start = plan.start + dt.timedelta(weeks=first)
    end = plan.start + dt.timedelta(weeks=last, days=-1)
    return Span(start, end, first + 1, last)


def task_span(plan: Plan, phase: Phase, task: Task) -> Span:
    """Return when `task` runs: from its phase's start for `weeks`, or the whole phase."""
    phase_dates = phase_span(plan, phase)
    if task.weeks is None:
        return phase_dates
    end = phase_dates.start + dt.timedelta(weeks=task.weeks, days=-1)
    return Span(
        phase_dates.start, end, phase_dates.first_week, phase_dates.first_week + task.weeks - 1
    )

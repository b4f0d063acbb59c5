"""The plan as iCalendar files: phases and tasks as all-day events, checkpoints as recurring
events, one calendar a language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plandocs import schedule
from plandocs.model import Dataset
from plandocs.model.languages import Language
from plandocs.render.locale import WEEKDAYS

PRODID = "-//plandocs//plan calendar//EN"


@dataclass(frozen=True)
class Event:
    """A VEVENT: all day from `start` to `end` (both inclusive) when `start` is a date, at a
    local (floating) time when it is a datetime; `rule` is an RRULE value."""

    uid: str
    summary: str
    start: dt.date
    end: dt.date | None = None
    description: str | None = None
    rule: str | None = None


def calendar(data: Dataset, language: Language, *, stamp: dt.datetime, host: str) -> bytes:
    """Return the plan in `language` as an iCalendar file: phases, tasks and checkpoints."""
    title = data.labels.plan.title(language)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    lines += ["METHOD:PUBLISH", f"NAME:{ical_text(title)}", f"X-WR-CALNAME:{ical_text(title)}"]
    events = [*plan_events(data, language, host), *checkpoint_events(data, language, host)]
    for event in events:
        lines += vevent(event, stamp=stamp, language=language.code)
    lines.append("END:VCALENDAR")
    return "".join(f"{fold(line)}\r\n" for line in lines).encode("utf-8")


def plan_events(data: Dataset, language: Language, host: str) -> list[Event]:
    """Return an all-day event for each phase and each task, with the task's outcome and
    owner as its description."""
    common = data.labels.common
    colon = language.punctuation.colon
    owners = data.team.owners
    events: list[Event] = []
    for phase in data.plan.phases:
        span = schedule.phase_span(data.plan, phase)
        events.append(
            Event(f"phase-{phase.id}@{host}", phase.title(language), span.start, span.end)
        )
        for task in phase.tasks:
            span = schedule.task_span(data.plan, phase, task)
            kind, outcome = (
                (common.deliverable, task.deliverable)
                if task.deliverable is not None
                else (common.target, task.target)
            )
            assert outcome is not None  # the model requires one of the two
            description = [f"{kind(language)}{colon}{outcome(language)}"]
            if task.owner in owners:
                description.append(f"{common.owner(language)}{colon}{owners[task.owner](language)}")
            events.append(
                Event(
                    f"task-{task.id}@{host}",
                    task.title(language),
                    span.start,
                    span.end,
                    "\n".join(description),
                )
            )
    return events


def plan_dates(data: Dataset) -> tuple[dt.date, dt.date]:
    """Return the plan's first and last day: from the first phase's start to the last's end."""
    spans = [schedule.phase_span(data.plan, phase) for phase in data.plan.phases]
    return min(span.start for span in spans), max(span.end for span in spans)


def month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """Return the last working day of each month the plan runs through (月末, end of month),
    from the month it starts in, while that day falls within the plan."""
    out: list[dt.date] = []
    year, month = first.year, first.month
    while True:
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        day = last_working_day(following - dt.timedelta(days=1))
        if day > last:
            return out
        if day >= first:
            out.append(day)
        year, month = following.year, following.month


def last_working_day(day: dt.date) -> dt.date:
    """Return `day`, or the Friday before it when it falls on a weekend."""
    return day - dt.timedelta(days=max(0, day.weekday() - 4))


def checkpoint_events(data: Dataset, language: Language, host: str) -> list[Event]:
    """Return the checkpoints as events over the plan's span: daily ones recurring at their
    (floating) time, weekly ones all day on their weekday, monthly ones (the source's 月末,
    end of month) all day on the last working day of each month the plan runs through, one
    event a month.

    UIDs come from what tells the checkpoints apart, never from their place in a list: the
    time of a daily one, the weekday of a weekly one, the id of a monthly one and its month.
    """
    checks = data.execution.checkpoints
    first, last = plan_dates(data)
    until = f"{last:%Y%m%d}"
    events: list[Event] = []
    for daily in checks.daily:
        at = dt.time.fromisoformat(daily.time)
        rule = f"FREQ=DAILY;UNTIL={dt.datetime.combine(last, at):%Y%m%dT%H%M%S}"
        uid = f"checkpoint-daily-{at:%H%M}@{host}"
        events.append(Event(uid, daily.text(language), dt.datetime.combine(first, at), rule=rule))
    for weekly in checks.weekly:
        # The first occurrence: DTSTART must match the rule, or it counts as an extra one.
        day = first + dt.timedelta(days=(WEEKDAYS.index(weekly.day) - first.weekday()) % 7)
        rule = f"FREQ=WEEKLY;BYDAY={weekly.day[:2].upper()};UNTIL={until}"
        uid = f"checkpoint-weekly-{weekly.day}@{host}"
        events.append(Event(uid, weekly.text(language), day, day, rule=rule))
    for monthly in checks.monthly:
        when = None if monthly.when is None else monthly.when(language)
        for day in month_ends(first, last):
            uid = f"checkpoint-{monthly.id}-{day:%Y-%m}@{host}"
            events.append(Event(uid, monthly.text(language), day, day, when))
    return events


def vevent(event: Event, *, stamp: dt.datetime, language: str) -> list[str]:
    """Return the content lines of one VEVENT (unfolded)."""
    lines = ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}"]
    if isinstance(event.start, dt.datetime):
        lines.append(f"DTSTART:{event.start:%Y%m%dT%H%M%S}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}")
    if event.end is not None:  # DTEND of an all-day event is the day after the last
        lines.append(f"DTEND;VALUE=DATE:{event.end + dt.timedelta(days=1):%Y%m%d}")
    if event.rule is not None:
        lines.append(f"RRULE:{event.rule}")
    lines.append(f"SUMMARY;LANGUAGE={language}:{ical_text(event.summary)}")
    if event.description is not None:
        lines.append(f"DESCRIPTION;LANGUAGE={language}:{ical_text(event.description)}")
    lines.append("END:VEVENT")
    return lines


def ical_text(text: str) -> str:
    """Return `text` as an iCalendar TEXT value (RFC 5545, 3.3.11): `\\`, `;` and `,`
    escaped, every line break as `\\n`, other control characters (not allowed) as U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(
        "\ufffd" if (ord(char) < 0x20 and char not in "\t\n") or char == "\x7f" else char
        for char in text
    )
    for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(char, escaped)
    return text


def fold(line: str) -> str:
    """Return a content line folded so that no line exceeds 75 octets of UTF-8 (RFC 5545,
    3.1): a continuation line starts with a space; a character is never split."""
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # the leading space takes one octet
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts)

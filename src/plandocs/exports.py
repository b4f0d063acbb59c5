"""Data to reuse: the dataset as JSON, CSV tables and iCalendar plans, as file bytes.

`build_exports` returns relative path -> bytes and does no I/O:

- `api/v1/<family>.json`: one file a family of plandocs.registry, its data in an envelope
  (schema version, time, schema URL, licence), and `api/v1/index.json` listing every file with
  its size and SHA-256;
- `csv/<table>.csv`: the tables of the pages, one row an item, one column a language for each
  text, with the values the pages compute (gaps, dates, weeks, changes);
- `calendar/plan.<code>.ics`: the plan's phases and tasks as all-day events and the checkpoints
  as recurring events, one calendar a language.

The same dataset and arguments always give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from plandocs import schedule
from plandocs.model import Dataset
from plandocs.model.common import Text
from plandocs.model.languages import Language
from plandocs.model.plan import Metric
from plandocs.registry import FAMILIES, Family
from plandocs.render.locale import WEEKDAYS

SCHEMA_VERSION = 1
"""The version of the envelope and of the index; raised when either changes incompatibly."""
LICENCE = "CC BY 4.0"
API = "api/v1"
PRODID = "-//plandocs//plan calendar//EN"

Cell = str | int | float | bool | dt.date | None
"""A value of a CSV cell: None is an empty cell, a date is written in ISO 8601."""


# Entry point ----------------------------------------------------------------------------------


def build_exports(data: Dataset, *, generated_at: dt.datetime, site_url: str) -> dict[str, bytes]:
    """Return every export as relative path -> file bytes: JSON with its index, CSV, iCalendar.

    `generated_at` must be timezone-aware (it is written in UTC, to the second); `site_url` is
    the site's address, where `schema/<family>.schema.json` is published.
    """
    stamp = utc(generated_at)
    base = base_url(site_url)
    families = {f"{API}/{family.name}.json": family for family in FAMILIES}
    files = {
        path: api_file(data, family, stamp=stamp, base=base) for path, family in families.items()
    }
    files |= {f"csv/{name}.csv": csv_bytes(table(data)) for name, table in TABLES}
    host = urlsplit(base).hostname or ""
    files |= {
        f"calendar/plan.{language.code}.ics": calendar(data, language, stamp=stamp, host=host)
        for language in data.languages.languages
    }
    files[f"{API}/index.json"] = index_file(files, families, stamp=stamp, base=base)
    return files


def utc(moment: dt.datetime) -> dt.datetime:
    """Return an aware datetime in UTC, to the second; refuse a naive one (which zone?)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("generated_at must be timezone-aware, e.g. datetime.now(UTC)")
    return moment.astimezone(dt.UTC).replace(microsecond=0)


def base_url(site_url: str) -> str:
    """Return the site's address ending in `/`; refuse anything but an http(s) URL with a host
    (and no query or fragment)."""
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ValueError(f"site_url must be an http(s) URL with a host, not {site_url!r}")
    return site_url if site_url.endswith("/") else f"{site_url}/"


# JSON -----------------------------------------------------------------------------------------


def json_bytes(value: object) -> bytes:
    """Return `value` as UTF-8 JSON: 2-space indent, keys in the order given, a final newline."""
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def schema_url(family: Family, base: str) -> str:
    """Return where the family's JSON Schema is published on the site."""
    return f"{base}schema/{family.schema}"


def api_file(data: Dataset, family: Family, *, stamp: dt.datetime, base: str) -> bytes:
    """Return a family's data in its envelope, as JSON (the data validates against its schema)."""
    return json_bytes(
        {
            "schema_version": SCHEMA_VERSION,
            "generated_at": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "schema": schema_url(family, base),
            "licence": LICENCE,
            "data": getattr(data, family.name).model_dump(mode="json"),
        }
    )


MEDIA_TYPES = {
    ".json": "application/json",
    ".csv": "text/csv; charset=utf-8; header=present",
    ".ics": "text/calendar; charset=utf-8",
}


def index_file(
    files: dict[str, bytes], families: dict[str, Family], *, stamp: dt.datetime, base: str
) -> bytes:
    """Return the index of `files`: path, URL, media type, family and schema (JSON files only),
    size in bytes and SHA-256 of each."""
    entries = [
        {
            "path": path,
            "url": f"{base}{path}",
            "media_type": MEDIA_TYPES[PurePosixPath(path).suffix],
            "family": families[path].name if path in families else None,
            "schema": schema_url(families[path], base) if path in families else None,
            "size": len(body),
            "sha256": hashlib.sha256(body).hexdigest(),
        }
        for path, body in files.items()
    ]
    return json_bytes(
        {
            "schema_version": SCHEMA_VERSION,
            "generated_at": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "licence": LICENCE,
            "files": entries,
        }
    )


# CSV ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    """A CSV table: its column names and one row an item, keyed by those names in that order."""

    columns: list[str]
    rows: list[dict[str, Cell]]


def csv_bytes(table: Table) -> bytes:
    """Return a table as RFC 4180 CSV in UTF-8 with a byte-order mark (without it, Excel on
    Windows reads the file in the system's code page and garbles every Chinese text): a
    header row, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in table.rows:
        if list(row) != table.columns:  # a table function out of step with its own columns
            raise ValueError(f"row {list(row)} does not match the columns {table.columns}")
        writer.writerow([cell_text(value) for value in row.values()])
    return out.getvalue().encode("utf-8-sig")


def cell_text(value: Cell) -> str:
    """Return a cell as text: `true`/`false`, a plain decimal, an ISO date, or empty for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # 12 significant digits: 95.0 is `95`, and 84.5 - 70.2 is `14.3`, not 14.299999999999997.
        text = f"{value:.12g}"
        return "0" if text == "-0" else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def each(name: str, codes: Sequence[str]) -> list[str]:
    """Return the columns of a text: `<name>_<code>` for every language."""
    return [f"{name}_{code}" for code in codes]


def texts(name: str, text: Text | None, codes: Sequence[str]) -> dict[str, Cell]:
    """Return the cells of a text, one a language (empty where there is no text)."""
    return {f"{name}_{code}": None if text is None else text(code) for code in codes}


def text_lines(name: str, items: list[Text], codes: Sequence[str]) -> dict[str, Cell]:
    """Return the cells of a list of texts, one a language: one line an item."""
    return {f"{name}_{code}": "\n".join(item(code) for item in items) for code in codes}


def coverage_table(data: Dataset) -> Table:
    """Return Wikipedia's coverage and ours by area, with the computed gap."""
    codes = data.languages.codes
    columns = ["id", *each("area", codes), "wikipedia", "ours", "gap", "priority", "seed_gap"]
    rows: list[dict[str, Cell]] = [
        {
            "id": area.id,
            **texts("area", area.area, codes),
            "wikipedia": area.wikipedia,
            "ours": area.ours,
            "gap": area.gap,
            "priority": area.priority,
            "seed_gap": area.seed_gap,
        }
        for area in data.wikipedia.coverage
    ]
    return Table(columns, rows)


def ratings_table(data: Dataset) -> Table:
    """Return every university's star ratings, theirs and ours, with the note on the gap."""
    codes = data.languages.codes
    columns = ["university", "id", *each("dimension", codes), "theirs", "ours"]
    columns += each("gap_note", codes)
    rows: list[dict[str, Cell]] = [
        {
            "university": university.id,
            "id": rating.id,
            **texts("dimension", rating.dimension, codes),
            "theirs": rating.theirs,
            "ours": rating.ours,
            **texts("gap_note", rating.gap_note, codes),
        }
        for university in data.universities.universities
        for rating in university.ratings
    ]
    return Table(columns, rows)


def maturity_table(data: Dataset) -> Table:
    """Return the maturity assessment of the technology trends."""
    codes = data.languages.codes
    columns = ["id", *each("area", codes), "maturity", "adoption", "trend", "readiness"]
    rows: list[dict[str, Cell]] = [
        {
            "id": row.id,
            **texts("area", row.area, codes),
            "maturity": row.maturity,
            "adoption": row.adoption,
            "trend": row.trend,
            "readiness": row.readiness,
        }
        for row in data.trends.maturity
    ]
    return Table(columns, rows)


def graduated_table(data: Dataset) -> Table:
    """Return the CNCF graduated projects with our coverage and our gaps (one line a gap)."""
    codes = data.languages.codes
    columns = ["id", "name", "coverage", *each("gaps", codes)]
    rows: list[dict[str, Cell]] = [
        {
            "id": project.id,
            "name": project.name,
            "coverage": project.coverage,
            **text_lines("gaps", project.gaps, codes),
        }
        for project in data.cncf.graduated
    ]
    return Table(columns, rows)


def tracked_table(data: Dataset) -> Table:
    """Return the CNCF projects we track, with what each is for."""
    codes = data.languages.codes
    columns = ["id", "name", *each("focus", codes)]
    rows: list[dict[str, Cell]] = [
        {"id": project.id, "name": project.name, **texts("focus", project.focus, codes)}
        for project in data.cncf.tracked
    ]
    return Table(columns, rows)


def gaps_table(data: Dataset) -> Table:
    """Return the critical gaps by category, with their priority."""
    codes = data.languages.codes
    columns = ["category", "priority", "id", *each("title", codes)]
    rows: list[dict[str, Cell]] = [
        {
            "category": category.id,
            "priority": gap.priority,
            "id": gap.id,
            **texts("title", gap.title, codes),
        }
        for category in data.gaps.categories
        for gap in category.gaps
    ]
    return Table(columns, rows)


def phases_table(data: Dataset) -> Table:
    """Return the plan's phases with their computed dates and plan weeks."""
    codes = data.languages.codes
    columns = ["id", *each("title", codes), "start_month", "end_month"]
    columns += ["first_week", "last_week", "start", "end"]
    rows: list[dict[str, Cell]] = []
    for phase in data.plan.phases:
        span = schedule.phase_span(data.plan, phase)
        rows.append(
            {
                "id": phase.id,
                **texts("title", phase.title, codes),
                "start_month": phase.start_month,
                "end_month": phase.end_month,
                "first_week": span.first_week,
                "last_week": span.last_week,
                "start": span.start,
                "end": span.end,
            }
        )
    return Table(columns, rows)


def tasks_table(data: Dataset) -> Table:
    """Return every task of the plan with its computed dates and plan weeks (both inclusive)."""
    codes = data.languages.codes
    columns = ["phase", "workstream", "group", "id", *each("title", codes), "owner"]
    columns += ["weeks", "ongoing", "first_week", "last_week", "start", "end"]
    columns += [*each("deliverable", codes), *each("target", codes)]
    rows: list[dict[str, Cell]] = []
    for phase in data.plan.phases:
        for stream in phase.workstreams:
            for group in stream.groups:
                for task in group.tasks:
                    span = schedule.task_span(data.plan, phase, task)
                    rows.append(
                        {
                            "phase": phase.id,
                            "workstream": stream.id,
                            "group": group.id,
                            "id": task.id,
                            **texts("title", task.title, codes),
                            "owner": task.owner,
                            "weeks": task.weeks,
                            "ongoing": task.ongoing,
                            "first_week": span.first_week,
                            "last_week": span.last_week,
                            "start": span.start,
                            "end": span.end,
                            **texts("deliverable", task.deliverable, codes),
                            **texts("target", task.target, codes),
                        }
                    )
    return Table(columns, rows)


def week1_table(data: Dataset) -> Table:
    """Return the week-1 timetable: one row a time slot, with its day and the day's theme."""
    codes = data.languages.codes
    columns = ["day", *each("theme", codes), "start", "end", *each("activity", codes)]
    rows: list[dict[str, Cell]] = [
        {
            "day": day.day,
            **texts("theme", day.theme, codes),
            "start": slot.start,
            "end": slot.end,
            **texts("activity", slot.activity, codes),
        }
        for day in data.execution.week1
        for slot in day.slots
    ]
    return Table(columns, rows)


def metric_change(metric: Metric) -> tuple[float | None, float | None]:
    """Return the change a metric aims at, as its page shows it: (target - baseline, that in
    percent of the baseline); with no baseline, the target is itself a change in percent.

    Thresholds (`at-least`, `at-most`) and `reach` have no change.
    """
    if metric.direction not in ("increase", "decrease") or metric.target is None:
        return None, None
    if metric.baseline is None:
        return None, -metric.target if metric.direction == "decrease" else metric.target
    difference = metric.target - metric.baseline
    return difference, difference / metric.baseline * 100


def metrics_table(data: Dataset) -> Table:
    """Return the success metrics with their computed change."""
    codes = data.languages.codes
    columns = ["group", "id", *each("name", codes), "direction", "unit", "baseline", "target"]
    columns += [*each("target_text", codes), "change", "change_percent"]
    rows: list[dict[str, Cell]] = []
    for group in data.metrics.groups:
        for metric in group.metrics:
            change, percent = metric_change(metric)
            rows.append(
                {
                    "group": group.id,
                    "id": metric.id,
                    **texts("name", metric.name, codes),
                    "direction": metric.direction,
                    "unit": metric.unit,
                    "baseline": metric.baseline,
                    "target": metric.target,
                    **texts("target_text", metric.target_text, codes),
                    "change": change,
                    "change_percent": percent,
                }
            )
    return Table(columns, rows)


def risks_table(data: Dataset) -> Table:
    """Return the risk register: each risk's level and probability."""
    codes = data.languages.codes
    columns = ["id", *each("title", codes), "level", "probability"]
    rows: list[dict[str, Cell]] = [
        {
            "id": risk.id,
            **texts("title", risk.title, codes),
            "level": risk.level,
            "probability": risk.probability,
        }
        for risk in data.risks.risks
    ]
    return Table(columns, rows)


def budget_table(data: Dataset) -> Table:
    """Return every budget line with its category and group (totals are sums of `amount`)."""
    codes = data.languages.codes
    columns = ["category", "group", "id", *each("label", codes), "amount", "currency"]
    columns += ["role", "count"]
    rows: list[dict[str, Cell]] = [
        {
            "category": category.id,
            "group": group.id,
            "id": line.id,
            **texts("label", line.label, codes),
            "amount": line.amount,
            "currency": data.budget.currency,
            "role": line.role,
            "count": line.count,
        }
        for category in data.budget.categories
        for group in category.groups
        for line in group.lines
    ]
    return Table(columns, rows)


def team_table(data: Dataset) -> Table:
    """Return every role: core team, advisors and other task owners (who have no head count)."""
    codes = data.languages.codes
    team = data.team
    sections = (("core", team.core), ("advisors", team.advisors))
    rows: list[dict[str, Cell]] = [
        {
            "section": section,
            "id": role.id,
            **texts("title", role.title, codes),
            "count": role.count,
        }
        for section, roles in sections
        for role in roles
    ]
    rows += [
        {
            "section": "other_owners",
            "id": role.id,
            **texts("title", role.title, codes),
            "count": None,
        }
        for role in team.other_owners
    ]
    return Table(["section", "id", *each("title", codes), "count"], rows)


def glossary_table(data: Dataset) -> Table:
    """Return the glossary: each term in every language, with its definition or expansion."""
    codes = data.languages.codes
    columns = ["id", *each("term", codes), *each("definition", codes), *each("expansion", codes)]
    rows: list[dict[str, Cell]] = [
        {
            "id": term.id,
            **texts("term", term.term, codes),
            **texts("definition", term.definition, codes),
            **texts("expansion", term.expansion, codes),
        }
        for term in data.glossary.terms
    ]
    return Table(columns, rows)


TABLES: tuple[tuple[str, Callable[[Dataset], Table]], ...] = (
    ("coverage", coverage_table),
    ("ratings", ratings_table),
    ("maturity", maturity_table),
    ("cncf-graduated", graduated_table),
    ("cncf-tracked", tracked_table),
    ("gaps", gaps_table),
    ("phases", phases_table),
    ("tasks", tasks_table),
    ("week1", week1_table),
    ("metrics", metrics_table),
    ("risks", risks_table),
    ("budget", budget_table),
    ("team", team_table),
    ("glossary", glossary_table),
)
"""Every CSV table: file name (under csv/) and the function that makes it, in site order."""


# iCalendar ------------------------------------------------------------------------------------


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
    team = data.team
    owners = {role.id: role.title for role in [*team.core, *team.advisors]}
    owners |= {role.id: role.title for role in team.other_owners}
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

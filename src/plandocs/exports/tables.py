"""The CSV tables, as definitions: each says which items make its rows and which columns it
has, and one function (`TableDefinition.table`) turns any of them into a Table.

A row is a namespace of the items it is made from (`row.category`, `row.gap`); a column reads a
dotted path from it. A text column becomes one column a language (`title_zh`, `title_en`); a
list of texts one line an item. Values the pages compute (gaps, dates, weeks, changes) come
from the models and plandocs.schedule, as on the pages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from types import SimpleNamespace as Row
from typing import Any, Literal

from plandocs import schedule
from plandocs.exports.csvfile import Cell, Table
from plandocs.model import Dataset

Kind = Literal["value", "text", "lines"]


@dataclass(frozen=True)
class Column:
    """A column of a table: its name, how it reads a row, and what kind of value it holds."""

    name: str
    read: Callable[[Any], Any]
    kind: Kind = "value"

    def names(self, codes: Sequence[str]) -> list[str]:
        """Return the CSV columns it makes: itself, or `<name>_<code>` for every language."""
        return [self.name] if self.kind == "value" else [f"{self.name}_{code}" for code in codes]

    def cells(self, row: Any, codes: Sequence[str]) -> list[Cell]:
        """Return its cells of `row`, in the order of `names`."""
        found = self.read(row)
        if self.kind == "value":
            return [found]
        if self.kind == "lines":
            return ["\n".join(item(code) for item in found) for code in codes]
        return [None if found is None else found(code) for code in codes]


def value(name: str, path: str | None = None) -> Column:
    """Return a column holding the value at `path` of a row (default: `name`)."""
    return Column(name, attrgetter(path or name))


def text(name: str, path: str | None = None) -> Column:
    """Return a column a language holding the text at `path` (empty where there is none)."""
    return Column(name, attrgetter(path or name), "text")


def lines(name: str, path: str | None = None) -> Column:
    """Return a column a language holding a list of texts, one line an item."""
    return Column(name, attrgetter(path or name), "lines")


@dataclass(frozen=True)
class TableDefinition:
    """A CSV table: its file name under csv/, its rows from the dataset, and its columns."""

    file: str
    rows: Callable[[Dataset], Iterable[Any]]
    columns: tuple[Column, ...]

    def table(self, data: Dataset) -> Table:
        """Return the table of `data`."""
        codes = data.languages.codes
        names = [name for column in self.columns for name in column.names(codes)]
        rows: list[dict[str, Cell]] = []
        for row in self.rows(data):
            cells = [cell for column in self.columns for cell in column.cells(row, codes)]
            rows.append(dict(zip(names, cells, strict=True)))
        return Table(names, rows)


def _phases(data: Dataset) -> Iterable[Row]:
    for phase in data.plan.phases:
        yield Row(phase=phase, span=schedule.phase_span(data.plan, phase))


def _tasks(data: Dataset) -> Iterable[Row]:
    for phase in data.plan.phases:
        for stream in phase.workstreams:
            for group in stream.groups:
                for task in group.tasks:
                    span = schedule.task_span(data.plan, phase, task)
                    yield Row(phase=phase, stream=stream, group=group, task=task, span=span)


def _metrics(data: Dataset) -> Iterable[Row]:
    for group in data.metrics.groups:
        for metric in group.metrics:
            change, percent = metric.change
            yield Row(group=group, metric=metric, change=change, percent=percent)


def _roles(data: Dataset) -> Iterable[Row]:
    team = data.team
    for section, roles in (("core", team.core), ("advisors", team.advisors)):
        for role in roles:
            yield Row(section=section, role=role, count=role.count)
    for other in team.other_owners:
        yield Row(section="other_owners", role=other, count=None)  # no head count


TABLES: tuple[TableDefinition, ...] = (
    # Wikipedia's coverage and ours by area, with the computed gap.
    TableDefinition(
        "coverage",
        lambda data: data.wikipedia.coverage,
        (
            value("id"),
            text("area"),
            value("wikipedia"),
            value("ours"),
            value("gap"),
            value("priority"),
            value("seed_gap"),
        ),
    ),
    # Every university's star ratings, theirs and ours, with the note on the gap.
    TableDefinition(
        "ratings",
        lambda data: (
            Row(university=university, rating=rating)
            for university in data.universities.universities
            for rating in university.ratings
        ),
        (
            value("university", "university.id"),
            value("id", "rating.id"),
            text("dimension", "rating.dimension"),
            value("theirs", "rating.theirs"),
            value("ours", "rating.ours"),
            text("gap_note", "rating.gap_note"),
        ),
    ),
    # The maturity assessment of the technology trends.
    TableDefinition(
        "maturity",
        lambda data: data.trends.maturity,
        (
            value("id"),
            text("area"),
            value("maturity"),
            value("adoption"),
            value("trend"),
            value("readiness"),
        ),
    ),
    # The CNCF graduated projects with our coverage and our gaps (one line a gap).
    TableDefinition(
        "cncf-graduated",
        lambda data: data.cncf.graduated,
        (value("id"), value("name"), value("coverage"), lines("gaps")),
    ),
    # The CNCF projects we track, with what each is for.
    TableDefinition(
        "cncf-tracked",
        lambda data: data.cncf.tracked,
        (value("id"), value("name"), text("focus")),
    ),
    # The critical gaps by category, with their priority.
    TableDefinition(
        "gaps",
        lambda data: (
            Row(category=category, gap=gap)
            for category in data.gaps.categories
            for gap in category.gaps
        ),
        (
            value("category", "category.id"),
            value("priority", "gap.priority"),
            value("id", "gap.id"),
            text("title", "gap.title"),
        ),
    ),
    # The plan's phases with their computed dates and plan weeks.
    TableDefinition(
        "phases",
        _phases,
        (
            value("id", "phase.id"),
            text("title", "phase.title"),
            value("start_month", "phase.start_month"),
            value("end_month", "phase.end_month"),
            value("first_week", "span.first_week"),
            value("last_week", "span.last_week"),
            value("start", "span.start"),
            value("end", "span.end"),
        ),
    ),
    # Every task of the plan with its computed dates and plan weeks (both inclusive).
    TableDefinition(
        "tasks",
        _tasks,
        (
            value("phase", "phase.id"),
            value("workstream", "stream.id"),
            value("group", "group.id"),
            value("id", "task.id"),
            text("title", "task.title"),
            value("owner", "task.owner"),
            value("weeks", "task.weeks"),
            value("ongoing", "task.ongoing"),
            value("first_week", "span.first_week"),
            value("last_week", "span.last_week"),
            value("start", "span.start"),
            value("end", "span.end"),
            text("deliverable", "task.deliverable"),
            text("target", "task.target"),
        ),
    ),
    # The week-1 timetable: one row a time slot, with its day and the day's theme.
    TableDefinition(
        "week1",
        lambda data: (
            Row(day=day, slot=slot) for day in data.execution.week1 for slot in day.slots
        ),
        (
            value("day", "day.day"),
            text("theme", "day.theme"),
            value("start", "slot.start"),
            value("end", "slot.end"),
            text("activity", "slot.activity"),
        ),
    ),
    # The success metrics with their computed change.
    TableDefinition(
        "metrics",
        _metrics,
        (
            value("group", "group.id"),
            value("id", "metric.id"),
            text("name", "metric.name"),
            value("direction", "metric.direction"),
            value("unit", "metric.unit"),
            value("baseline", "metric.baseline"),
            value("target", "metric.target"),
            text("target_text", "metric.target_text"),
            value("change"),
            value("change_percent", "percent"),
        ),
    ),
    # The risk register: each risk's level and probability.
    TableDefinition(
        "risks",
        lambda data: data.risks.risks,
        (value("id"), text("title"), value("level"), value("probability")),
    ),
    # Every budget line with its category and group (totals are sums of `amount`).
    TableDefinition(
        "budget",
        lambda data: (
            Row(category=category, group=group, line=line, currency=data.budget.currency)
            for category in data.budget.categories
            for group in category.groups
            for line in group.lines
        ),
        (
            value("category", "category.id"),
            value("group", "group.id"),
            value("id", "line.id"),
            text("label", "line.label"),
            value("amount", "line.amount"),
            value("currency"),
            value("role", "line.role"),
            value("count", "line.count"),
        ),
    ),
    # Every role: core team, advisors and other task owners (who have no head count).
    TableDefinition(
        "team",
        _roles,
        (value("section"), value("id", "role.id"), text("title", "role.title"), value("count")),
    ),
    # The glossary: each term in every language, with its definition or expansion.
    TableDefinition(
        "glossary",
        lambda data: data.glossary.terms,
        (value("id"), text("term"), text("definition"), text("expansion")),
    ),
)
"""Every CSV table, in site order."""

"""Consistency rules across the data: ids, references, budget and team, plan timing, totals.

Each rule yields Findings located by data file and field path; the loader turns them into
`file:line:column` problems. Schema-level checks (types, ranges, enums, translations) live
in the models.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from plandocs.model import Dataset
from plandocs.model.plan import Phase, Plan, Task
from plandocs.problems import Loc
from plandocs.registry import FILE_OF
from plandocs.schedule import phase_span


@dataclass(frozen=True)
class Finding:
    """A broken rule at `loc` inside data file `file` (relative to data/)."""

    file: str
    loc: Loc
    message: str


def check_rules(data: Dataset) -> list[Finding]:
    """Return every broken consistency rule in `data`."""
    return [
        *unique_ids(data),
        *coverage_discrepancies(data),
        *known_references(data),
        *budget_matches_team(data),
        *stated_totals(data),
        *tasks_fit_phases(data),
    ]


def _walk(model: BaseModel, loc: Loc) -> Iterator[tuple[Loc, list[BaseModel]]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from _walk(value, (*loc, name))
        elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
            yield (*loc, name), value
            for index, item in enumerate(value):
                yield from _walk(item, (*loc, name, index))


def plan_tasks(plan: Plan) -> Iterator[tuple[Loc, Phase, Task]]:
    """Yield every task of the plan with its location and phase."""
    for p, phase in enumerate(plan.phases):
        for w, stream in enumerate(phase.workstreams):
            for g, group in enumerate(stream.groups):
                for t, task in enumerate(group.tasks):
                    yield ("phases", p, "workstreams", w, "groups", g, "tasks", t), phase, task


def unique_ids(data: Dataset) -> Iterator[Finding]:
    """Ids are unique within each list of every file."""
    for name, file in FILE_OF.items():
        for loc, items in _walk(getattr(data, name), ()):
            seen: dict[object, int] = {}
            for index, item in enumerate(items):
                key = getattr(item, "id", None)
                if key is None:
                    continue
                if key in seen:
                    yield Finding(
                        file, (*loc, index, "id"), f"duplicate id `{key}` (also item {seen[key]})"
                    )
                seen.setdefault(key, index)


def coverage_discrepancies(data: Dataset) -> Iterator[Finding]:
    """A typed gap that contradicts the computed one must carry an explanation, and only then."""
    for index, area in enumerate(data.wikipedia.coverage):
        loc = ("coverage", index)
        if area.seed_gap is None or area.seed_gap == area.gap:
            if area.discrepancy is not None:
                yield Finding(
                    FILE_OF["wikipedia"],
                    (*loc, "discrepancy"),
                    f"no discrepancy to explain: the computed gap is {area.gap:g}",
                )
        elif area.discrepancy is None:
            yield Finding(
                FILE_OF["wikipedia"],
                (*loc, "seed_gap"),
                f"seed_gap {area.seed_gap:g} contradicts the computed gap "
                f"{area.gap:g} (wikipedia - ours); explain it in `discrepancy`",
            )


def known_references(data: Dataset) -> Iterator[Finding]:
    """Task owners, key-gap areas and focus-map links point at things that exist."""
    team = data.team
    owners = {role.id for role in team.core} | {role.id for role in team.advisors}
    owners |= {role.id for role in team.other_owners}
    for task_loc, _, task in plan_tasks(data.plan):
        if task.owner not in owners:
            yield Finding(
                FILE_OF["plan"],
                (*task_loc, "owner"),
                f"unknown owner `{task.owner}`: add it to team.yml "
                "(core, advisors or other_owners)",
            )
    areas = {area.id for area in data.wikipedia.coverage}
    for index, gap in enumerate(data.wikipedia.key_gaps):
        if gap.area not in areas:
            yield Finding(
                FILE_OF["wikipedia"],
                ("key_gaps", index, "area"),
                f"unknown coverage area `{gap.area}`",
            )
    for u, university in enumerate(data.universities.universities):
        focus = university.focus_map
        if focus is None:
            continue
        nodes = {
            node.id for node in [focus.theirs, focus.ours, *focus.their_focus, *focus.our_focus]
        }
        for index, link in enumerate(focus.links):
            for end in ("source", "target"):
                if getattr(link, end) not in nodes:
                    loc: Loc = ("universities", u, "focus_map", "links", index, end)
                    yield Finding(
                        FILE_OF["universities"], loc, f"unknown focus node `{getattr(link, end)}`"
                    )


def budget_matches_team(data: Dataset) -> Iterator[Finding]:
    """Every team role has one budget line, for the same number of people."""
    roles = {role.id: role for role in [*data.team.core, *data.team.advisors]}
    budgeted: set[str] = set()
    for c, category in enumerate(data.budget.categories):
        for g, group in enumerate(category.groups):
            for i, line in enumerate(group.lines):
                loc = ("categories", c, "groups", g, "lines", i)
                if line.role is None:
                    continue
                role = roles.get(line.role)
                if role is None:
                    yield Finding(
                        FILE_OF["budget"], (*loc, "role"), f"unknown team role `{line.role}`"
                    )
                    continue
                if line.role in budgeted:
                    yield Finding(
                        FILE_OF["budget"], (*loc, "role"), f"role `{line.role}` is budgeted twice"
                    )
                budgeted.add(line.role)
                count = line.count or 1
                if count != role.count:
                    yield Finding(
                        FILE_OF["budget"],
                        (*loc, "count"),
                        f"budgets {count} people but team.yml staffs `{line.role}` "
                        f"with {role.count}",
                    )
    for section in ("core", "advisors"):
        for index, role in enumerate(getattr(data.team, section)):
            if role.id not in budgeted:
                yield Finding(
                    FILE_OF["team"],
                    (section, index, "id"),
                    f"role `{role.id}` has no line in budget.yml",
                )


def stated_totals(data: Dataset) -> Iterator[Finding]:
    """Subtotals and totals typed from the seed equal the computed sums."""
    budget = data.budget
    for c, category in enumerate(budget.categories):
        for g, group in enumerate(category.groups):
            if group.stated_subtotal is not None and group.stated_subtotal != group.subtotal:
                yield Finding(
                    FILE_OF["budget"],
                    ("categories", c, "groups", g, "stated_subtotal"),
                    f"states {group.stated_subtotal} but the lines add up to {group.subtotal}",
                )
        if category.stated_total is not None and category.stated_total != category.total:
            yield Finding(
                FILE_OF["budget"],
                ("categories", c, "stated_total"),
                f"states {category.stated_total} but the groups add up to {category.total}",
            )
    if budget.stated_total != budget.total:
        yield Finding(
            FILE_OF["budget"],
            ("stated_total",),
            f"states {budget.stated_total} but the categories add up to {budget.total}",
        )


def tasks_fit_phases(data: Dataset) -> Iterator[Finding]:
    """Phases end after they start, and every task's duration fits inside its phase."""
    plan = data.plan
    for p, phase in enumerate(plan.phases):
        if phase.end_month <= phase.start_month:
            yield Finding(
                FILE_OF["plan"],
                ("phases", p, "end_month"),
                f"ends at month {phase.end_month}, not after its start month {phase.start_month}",
            )
    for loc, phase, task in plan_tasks(plan):
        if phase.end_month <= phase.start_month:
            continue
        span = phase_span(plan, phase)
        if task.weeks is not None and task.weeks > span.weeks:
            yield Finding(
                FILE_OF["plan"],
                (*loc, "weeks"),
                f"{task.weeks} weeks do not fit phase `{phase.id}` ({span.weeks} weeks)",
            )

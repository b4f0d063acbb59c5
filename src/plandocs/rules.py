"""Consistency rules across the data: ids and anchors, references, budget and team, plan timing,
totals.

Each rule reads the families it names and yields Findings located by family and field path;
the loader turns them into `file:line:column` problems. A rule runs whenever the families it
needs are valid, so one run reports schema problems and rule problems together. Schema-level
checks (types, ranges, enums, translations) live in the models.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from plandocs.model import Dataset
from plandocs.model.benchmarks import Cncf, Universities, Wikipedia
from plandocs.model.common import Model, Text
from plandocs.model.contradictions import Contradictions
from plandocs.model.glossary import Glossary
from plandocs.model.labels import Labels
from plandocs.model.languages import Languages
from plandocs.model.plan import Execution, Phase, Plan, Task
from plandocs.model.project import Budget, Team
from plandocs.problems import Loc, excerpt, format_loc
from plandocs.registry import PAGES
from plandocs.schedule import phase_span
from plandocs.wordmatch import abbreviation_problem, mention_problem


@dataclass(frozen=True)
class Finding:
    """A broken rule at `loc` inside the data file of family `family`."""

    family: str
    loc: Loc
    message: str


def check_rules(parts: dict[str, Model]) -> list[Finding]:
    """Return every broken rule among the valid families in `parts`.

    The anchors of the pages are checked after the pages are made (plandocs.site), with
    `duplicate_anchors` below: this layer reads data and renders nothing.
    """
    findings: list[Finding] = []
    for name, part in parts.items():
        findings += unique_ids(name, part)
    for needs, rule in RULES:
        if all(name in parts for name in needs):
            findings += rule(*(parts[name] for name in needs))
    return findings


def _walk(model: BaseModel, loc: Loc) -> Iterator[tuple[Loc, list[BaseModel]]]:
    """Yield every list of models under `model` with its location, in document order."""
    stack: list[tuple[Loc, BaseModel | list[BaseModel]]] = [(loc, model)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, list):
            yield where, node
            stack += reversed([((*where, index), item) for index, item in enumerate(node)])
            continue
        nested: list[tuple[Loc, BaseModel | list[BaseModel]]] = []
        for name in type(node).model_fields:
            value = getattr(node, name)
            if isinstance(value, BaseModel) or (
                isinstance(value, list) and value and isinstance(value[0], BaseModel)
            ):
                nested.append(((*where, name), value))
        stack += reversed(nested)


def items_with_ids(model: BaseModel) -> Iterator[tuple[Loc, BaseModel]]:
    """Yield the location of the id of every list item that has one, at any depth."""
    for loc, items in _walk(model, ()):
        for index, item in enumerate(items):
            if isinstance(getattr(item, "id", None), str):
                yield (*loc, index, "id"), item


def plan_tasks(plan: Plan) -> Iterator[tuple[Loc, Phase, Task]]:
    """Yield every task of the plan with its location and phase."""
    for p, phase in enumerate(plan.phases):
        for w, stream in enumerate(phase.workstreams):
            for g, group in enumerate(stream.groups):
                for t, task in enumerate(group.tasks):
                    yield ("phases", p, "workstreams", w, "groups", g, "tasks", t), phase, task


def unique_ids(name: str, model: BaseModel) -> Iterator[Finding]:
    """Ids are unique within each list of a file."""
    for loc, items in _walk(model, ()):
        seen: dict[object, int] = {}
        for index, item in enumerate(items):
            key = getattr(item, "id", None)
            if key is None:
                continue
            if key in seen:
                yield Finding(
                    name, (*loc, index, "id"), f"duplicate id `{key}` (also item {seen[key]})"
                )
            seen.setdefault(key, index)


def coverage_discrepancies(wiki: Wikipedia) -> Iterator[Finding]:
    """A typed gap that contradicts the computed one must carry an explanation, and only then."""
    for index, area in enumerate(wiki.coverage):
        loc = ("coverage", index)
        if area.seed_gap is None or area.seed_gap == area.gap:
            if area.discrepancy is not None:
                yield Finding(
                    "wikipedia",
                    (*loc, "discrepancy"),
                    f"no discrepancy to explain: the computed gap is {area.gap:g}",
                )
        elif area.discrepancy is None:
            yield Finding(
                "wikipedia",
                (*loc, "seed_gap"),
                f"seed_gap {area.seed_gap:g} contradicts the computed gap "
                f"{area.gap:g} (wikipedia - ours); explain it in `discrepancy`",
            )


def known_owners(plan: Plan, team: Team) -> Iterator[Finding]:
    """Every task's owner is a role of the team, one id a role across its three lists."""
    roles = [
        (section, index, role.id)
        for section in team.OWNER_SECTIONS
        for index, role in enumerate(getattr(team, section))
    ]
    first: dict[str, tuple[str, int]] = {}
    for section, index, role_id in roles:
        if role_id in first and first[role_id][0] != section:
            other = f"{first[role_id][0]}[{first[role_id][1]}]"
            yield Finding("team", (section, index, "id"), f"role id `{role_id}` is also {other}")
        first.setdefault(role_id, (section, index))
    for task_loc, _, task in plan_tasks(plan):
        if task.owner not in first:
            yield Finding(
                "plan",
                (*task_loc, "owner"),
                f"unknown owner `{task.owner}`: add it to team.yml "
                "(core, advisors or other_owners)",
            )


def known_areas(wiki: Wikipedia) -> Iterator[Finding]:
    """Every key gap names a coverage area."""
    areas = {area.id for area in wiki.coverage}
    for index, gap in enumerate(wiki.key_gaps):
        if gap.area not in areas:
            yield Finding(
                "wikipedia", ("key_gaps", index, "area"), f"unknown coverage area `{gap.area}`"
            )


def known_focus_nodes(universities: Universities) -> Iterator[Finding]:
    """Every focus-map link joins two nodes of its map."""
    for u, university in enumerate(universities.universities):
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
                    yield Finding("universities", loc, f"unknown focus node `{getattr(link, end)}`")


def budget_matches_team(budget: Budget, team: Team) -> Iterator[Finding]:
    """Every team role has one budget line, for the same number of people."""
    roles = {role.id: role for role in [*team.core, *team.advisors]}
    budgeted: set[str] = set()
    for c, category in enumerate(budget.categories):
        for g, group in enumerate(category.groups):
            for i, line in enumerate(group.lines):
                loc = ("categories", c, "groups", g, "lines", i)
                if line.role is None:
                    continue
                role = roles.get(line.role)
                if role is None:
                    yield Finding("budget", (*loc, "role"), f"unknown team role `{line.role}`")
                    continue
                if line.role in budgeted:
                    yield Finding("budget", (*loc, "role"), f"role `{line.role}` is budgeted twice")
                budgeted.add(line.role)
                count = line.count or 1
                if count != role.count:
                    yield Finding(
                        "budget",
                        (*loc, "count"),
                        f"budgets {count} people but team.yml staffs `{line.role}` "
                        f"with {role.count}",
                    )
    for section in ("core", "advisors"):
        for index, role in enumerate(getattr(team, section)):
            if role.id not in budgeted:
                yield Finding(
                    "team", (section, index, "id"), f"role `{role.id}` has no line in budget.yml"
                )


def stated_totals(budget: Budget) -> Iterator[Finding]:
    """Subtotals and totals typed from the seed equal the computed sums."""
    for c, category in enumerate(budget.categories):
        for g, group in enumerate(category.groups):
            if group.stated_subtotal is not None and group.stated_subtotal != group.subtotal:
                yield Finding(
                    "budget",
                    ("categories", c, "groups", g, "stated_subtotal"),
                    f"states {group.stated_subtotal} but the lines add up to {group.subtotal}",
                )
        if category.stated_total is not None and category.stated_total != category.total:
            yield Finding(
                "budget",
                ("categories", c, "stated_total"),
                f"states {category.stated_total} but the groups add up to {category.total}",
            )
    if budget.stated_total != budget.total:
        yield Finding(
            "budget",
            ("stated_total",),
            f"states {budget.stated_total} but the categories add up to {budget.total}",
        )


def _distinct(family: str, items: Sequence[tuple[Loc, Text | str]]) -> Iterator[Finding]:
    """Items a chart shows by their name: no two may share a name, in any language."""
    seen: dict[tuple[str, str], Loc] = {}
    for loc, name in items:
        named = [(code, name(code)) for code in name.languages()] if isinstance(name, Text) else []
        for code, value in named or [("", str(name))]:
            key = (code, " ".join(value.split()))
            where = (*loc, code) if code else loc
            if key in seen:
                first = format_loc(seen[key])
                message = f"`{excerpt(key[1])}` is also the name of {first}: a chart tells its "
                yield Finding(family, where, message + "items apart by name, so names must differ")
            seen.setdefault(key, loc)


def distinct_chart_names(budget: Budget, cncf: Cncf, wiki: Wikipedia) -> Iterator[Finding]:
    """Budget categories (a pie), CNCF projects and coverage areas (bar charts) have distinct
    names: Mermaid keys their slices and bars by name, and would merge two of the same name."""
    categories = [(("categories", i, "title"), c.title) for i, c in enumerate(budget.categories)]
    yield from _distinct("budget", categories)
    projects = [(("graduated", i, "name"), p.name) for i, p in enumerate(cncf.graduated)]
    yield from _distinct("cncf", projects)
    areas = [(("coverage", i, "area"), a.area) for i, a in enumerate(wiki.coverage)]
    yield from _distinct("wikipedia", areas)


def known_places(contradictions: Contradictions) -> Iterator[Finding]:
    """Every observed contradiction points at a generated page."""
    pages = {family.name for family in PAGES}
    for index, item in enumerate(contradictions.observed):
        if item.place.page not in pages:
            known = ", ".join(sorted(pages))
            message = f"no generated page `{item.place.page}` (pages: {known})"
            yield Finding("contradictions", ("observed", index, "place", "page"), message)


def distinct_terms(glossary: Glossary) -> Iterator[Finding]:
    """Each glossary term is written once in each language: two entries a language writes
    alike would show twice on its glossary page (merge them, or render one differently)."""
    seen: dict[tuple[str, str], int] = {}
    for index, term in enumerate(glossary.terms):
        for code, text in term.term.root.items():
            if code.endswith("_pin"):
                continue
            key = (code, text.casefold())
            if key in seen:
                first = glossary.terms[seen[key]].id
                message = (
                    f"`{text}` is already the `{code}` of term `{first}`: a glossary shows each "
                    "term once; merge the two, or write one of them differently"
                )
                yield Finding("glossary", ("terms", index, "term", code), message)
            else:
                seen[key] = index


def glossary_exceptions(glossary: Glossary, languages: Languages) -> Iterator[Finding]:
    """Each phrase a glossary term is excepted in contains the term, in the source language."""
    source_code = languages.codes[0]
    for index, term in enumerate(glossary.terms):
        original = term.term(source_code)
        for number, phrase in enumerate(term.except_in):
            if original not in phrase:
                message = f"`{phrase}` does not contain the term `{original}`"
                yield Finding("glossary", ("terms", index, "except_in", number), message)


def unique_keys(wiki: Wikipedia, execution: Execution) -> Iterator[Finding]:
    """Lists whose items are told apart by a value, not an id, hold each value once: one
    group of suggestions a priority, one timetable a weekday, one plan a week, one daily
    checkpoint a time and one weekly checkpoint a weekday (the calendar's UIDs use them)."""
    lists: list[tuple[str, Loc, list[object]]] = [
        ("wikipedia", ("suggestions",), [group.priority for group in wiki.suggestions]),
        ("execution", ("week1",), [day.day for day in execution.week1]),
        ("execution", ("weeks",), [week.week for week in execution.weeks]),
        ("execution", ("checkpoints", "daily"), [c.time for c in execution.checkpoints.daily]),
        ("execution", ("checkpoints", "weekly"), [c.day for c in execution.checkpoints.weekly]),
    ]
    keys = {"suggestions": "priority", "week1": "day", "weeks": "week", "daily": "time"}
    for family, loc, values in lists:
        key = keys.get(str(loc[-1]), "day")
        for index, value in enumerate(values):
            if value in values[:index]:
                first = values.index(value)
                message = f"`{value}` is given twice (also item {first}): merge the two"
                yield Finding(family, (*loc, index, key), message)


def tasks_fit_phases(plan: Plan) -> Iterator[Finding]:
    """Phases end after they start, and every task's duration fits inside its phase."""
    for p, phase in enumerate(plan.phases):
        if phase.end_month <= phase.start_month:
            yield Finding(
                "plan",
                ("phases", p, "end_month"),
                f"ends at month {phase.end_month}, not after its start month {phase.start_month}",
            )
    for loc, phase, task in plan_tasks(plan):
        if phase.end_month <= phase.start_month:
            continue
        span = phase_span(plan, phase)
        if task.weeks is not None and task.weeks > span.weeks:
            yield Finding(
                "plan",
                (*loc, "weeks"),
                f"{task.weeks} weeks do not fit phase `{phase.id}` ({span.weeks} weeks)",
            )


# A heading's `{#id}` at the end of its line, or an element's `id="…"`: both are made from
# data ids only (texts are escaped), so nothing in a text or a diagram can look like one.
_ANCHOR = re.compile(r'\{#([a-z0-9][a-z0-9-]*)\}$|<span id="([a-z0-9][a-z0-9-]*)">', re.MULTILINE)


def page_anchors(markdown: str) -> list[str]:
    """Return every anchor a generated page defines, in order, repeats included."""
    return [match[1] or match[2] for match in _ANCHOR.finditer(markdown)]


def duplicate_anchors(data: Dataset, page: str, markdown: str) -> Iterator[Finding]:
    """Every anchor of a generated page is unique on it: ids made into anchors may not meet
    each other across lists, nor a section's fixed anchor. `markdown` is the page of family
    `page` in the source language."""
    counts = Counter(page_anchors(markdown))
    for anchor in sorted(a for a, n in counts.items() if n > 1):
        yield from _locate_anchor(data, page, anchor)


def _locate_anchor(data: Dataset, page: str, anchor: str) -> Iterator[Finding]:
    """Yield a finding at each id of the page's data that makes `anchor`, after the first."""
    ids = [(loc, str(getattr(item, "id", ""))) for loc, item in items_with_ids(getattr(data, page))]
    owners = [(loc, key) for loc, key in ids if anchor == key or anchor.endswith(f"-{key}")]
    where = f"the {page} page"
    if not owners:
        yield Finding(page, (), f"the anchor `{anchor}` is made twice on {where}")
    if len(owners) == 1:
        loc, key = owners[0]
        message = f"id `{key}` makes the anchor `{anchor}`, which {where} uses for a section"
        yield Finding(page, loc, message + ": choose another id")
    for loc, key in owners[1:]:
        also = format_loc(owners[0][0])
        yield Finding(
            page, loc, f"id `{key}` makes the anchor `{anchor}` twice on {where} (also {also})"
        )


def mention_words(labels: Labels) -> Iterator[Finding]:
    """Mentions of the source, which the build links wherever they stand, are real words."""
    for name in ("source_mention", "appendix_mention"):
        text: Text = getattr(labels.site, name)
        for code in text.languages():
            if (message := mention_problem(text(code))) is not None:
                yield Finding("labels", ("site", name, code), message)


def glossary_abbreviations(glossary: Glossary) -> Iterator[Finding]:
    """Abbreviations, which every page explains wherever they stand, are not common words."""
    for index, term in enumerate(glossary.terms):
        if term.expansion is None:
            continue
        for code in term.term.languages():
            if (message := abbreviation_problem(term.term(code))) is not None:
                yield Finding("glossary", ("terms", index, "term", code), message)


Rule = Callable[..., Iterator[Finding]]
RULES: tuple[tuple[tuple[str, ...], Rule], ...] = (
    (("wikipedia",), coverage_discrepancies),
    (("wikipedia",), known_areas),
    (("plan", "team"), known_owners),
    (("universities",), known_focus_nodes),
    (("budget", "team"), budget_matches_team),
    (("budget",), stated_totals),
    (("plan",), tasks_fit_phases),
    (("budget", "cncf", "wikipedia"), distinct_chart_names),
    (("wikipedia", "execution"), unique_keys),
    (("contradictions",), known_places),
    (("labels",), mention_words),
    (("glossary",), glossary_abbreviations),
    (("glossary", "languages"), glossary_exceptions),
    (("glossary",), distinct_terms),
)
"""Each rule with the families it reads, in that order."""

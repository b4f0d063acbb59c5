"""The team page (`report/team`): core team, external advisors and other task owners."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.plan import Task
from plandocs.model.project import ExternalRole, Role
from plandocs.render import anchors, blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def owned_tasks(data: Dataset) -> dict[str, list[Task]]:
    """Return each owner role id -> the plan tasks it owns, in plan order."""
    owned: dict[str, list[Task]] = {}
    for phase in data.plan.phases:
        for task in phase.tasks:
            owned.setdefault(task.owner, []).append(task)
    return owned


def task_links(tasks: list[Task], lang: Lang) -> str | Md:
    """Return links to the plan's tasks in one cell, or a dash when there are none."""
    links = [md.link(task.title(lang), anchors.on("plan", anchors.task(task.id))) for task in tasks]
    return lang.listing(links) if links else blocks.NONE


def render_roles(data: Dataset, roles: list[Role], owned: dict[str, list[Task]], lang: Lang) -> Md:
    """Return a table of staffed roles with a computed head count row."""
    rows: list[list[str | Md]] = [
        [
            md.span(role.title(lang), anchors.role(role.id)),
            str(role.count),
            lang.listing(blocks.texts(role.duties, lang)),
            lang.listing(blocks.texts(role.experience, lang)),
            task_links(owned.get(role.id, []), lang),
        ]
        for role in roles
    ]
    total = sum(role.count for role in roles)
    rows.append([md.strong(data.labels.team.total(lang)), md.strong(str(total)), "", "", ""])
    return blocks.columns_table(data.labels.team.columns, rows, lang, align="lrlll")


def render_headcount(data: Dataset, lang: Lang) -> Md:
    """Return the computed head count of the core team and advisors together."""
    words = data.labels.team
    core = sum(role.count for role in data.team.core)
    advisors = sum(role.count for role in data.team.advisors)
    value = md.fill(
        words.headcount_value(lang),
        core=str(core),
        advisors=str(advisors),
        total=str(core + advisors),
    )
    return lang.fact(words.headcount(lang), value)


def render_others(
    data: Dataset, others: list[ExternalRole], owned: dict[str, list[Task]], lang: Lang
) -> Md:
    """Return the table of roles that own plan tasks but are not staffed."""
    rows = [
        [md.span(role.title(lang), anchors.role(role.id)), task_links(owned.get(role.id, []), lang)]
        for role in others
    ]
    columns = data.labels.team.columns
    return blocks.columns_table([columns.role, columns.tasks], rows, lang)


def render(data: Dataset, lang: Lang) -> str:
    """Return the team page in `lang`."""
    words = data.labels.team
    team = data.team
    owned = owned_tasks(data)
    note = team.other_owners_note
    others = (
        md.join(
            blocks.our_heading(2, words.others(lang), "other-owners", data.labels.common, lang),
            md.inline(words.others_intro(lang)),
            blocks.text_note(note, data.labels.common, lang) if note is not None else "",
            render_others(data, team.other_owners, owned, lang),
        )
        if team.other_owners or note
        else ""
    )
    return md.join(
        md.heading(1, words.title(lang), "team"),
        md.inline(words.intro(lang)),
        md.heading(2, words.core(lang), "core-team"),
        render_roles(data, team.core, owned, lang),
        md.heading(2, words.advisors(lang), "advisors"),
        render_roles(data, team.advisors, owned, lang),
        render_headcount(data, lang),
        others,
    )

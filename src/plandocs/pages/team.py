"""The team page (`report/team`): core team, external advisors and other task owners."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.common import Lang
from plandocs.model.plan import Task
from plandocs.model.project import ExternalRole, Role
from plandocs.render import markdown as md
from plandocs.render.labels import t
from plandocs.render.notes import text_note

TITLE = t("团队配置", "Team")
INTRO = t(
    "原文附录B建议的团队配置；“计划任务”一栏列出改进扩展计划中由该角色负责的任务。",
    "The team configuration recommended in Appendix B of the source. The \u201cplan tasks\u201d "
    "column lists the tasks the improvement plan assigns to each role.",
)
CORE = t("核心团队", "Core team")
ADVISORS = t("外部顾问", "External advisers")
OTHERS = t("其他任务负责人", "Other task owners")
OTHERS_INTRO = t(
    "以下角色在改进扩展计划中负责任务，但不在上面的团队配置中。",
    "These roles own tasks in the improvement plan but are not part of the team above.",
)
COLUMNS = (
    t("角色", "Role"),
    t("人数", "People"),
    t("职责", "Duties"),
    t("经验要求", "Experience"),
    t("计划任务", "Plan tasks"),
)
TOTAL = t("合计", "Total")
HEADCOUNT = t("人数合计", "Head count")
NONE = "—"


def anchor(role_id: str) -> str:
    """Return the stable anchor of a role (core, advisor or other owner)."""
    return f"role-{role_id}"


def owned_tasks(data: Dataset) -> dict[str, list[Task]]:
    """Return each owner role id -> the plan tasks it owns, in plan order."""
    owned: dict[str, list[Task]] = {}
    for phase in data.plan.phases:
        for task in phase.tasks:
            owned.setdefault(task.owner, []).append(task)
    return owned


def task_links(tasks: list[Task], lang: Lang) -> str:
    """Return links to the plan's tasks in one cell, or a dash when there are none."""
    links = [f"[{md.cell(task.title(lang))}](plan.md#task-{task.id})" for task in tasks]
    return md.listing(links, lang) if links else NONE


def render_roles(roles: list[Role], owned: dict[str, list[Task]], lang: Lang) -> str:
    """Return a table of staffed roles with a computed head count row."""
    rows = [
        [
            md.span(role.title(lang), anchor(role.id)),
            str(role.count),
            md.listing((md.cell(duty(lang)) for duty in role.duties), lang),
            md.listing((md.cell(item(lang)) for item in role.experience), lang),
            task_links(owned.get(role.id, []), lang),
        ]
        for role in roles
    ]
    total = sum(role.count for role in roles)
    rows.append([f"**{md.cell(TOTAL(lang))}**", f"**{total}**", "", "", ""])
    return md.table([md.cell(c(lang)) for c in COLUMNS], rows, align="lrlll")


def render_headcount(data: Dataset, lang: Lang) -> str:
    """Return the computed head count of the core team and advisors together."""
    core = sum(role.count for role in data.team.core)
    advisors = sum(role.count for role in data.team.advisors)
    if lang == "zh":
        value = f"核心团队 {core} 人，外部顾问 {advisors} 人，共 {core + advisors} 人"
    else:
        value = (
            f"{core} in the core team and {advisors} external advisers, {core + advisors} in all"
        )
    return md.fact(HEADCOUNT(lang), md.inline(value), lang)


def render_others(others: list[ExternalRole], owned: dict[str, list[Task]], lang: Lang) -> str:
    """Return the table of roles that own plan tasks but are not staffed."""
    rows = [
        [md.span(role.title(lang), anchor(role.id)), task_links(owned.get(role.id, []), lang)]
        for role in others
    ]
    return md.table([md.cell(COLUMNS[0](lang)), md.cell(COLUMNS[4](lang))], rows)


def render_note(data: Dataset, lang: Lang) -> str:
    """Return the note on the other owners as an admonition, or nothing."""
    note = data.team.other_owners_note
    if note is None:
        return ""
    return text_note(note, lang)


def render(data: Dataset, lang: Lang) -> str:
    """Return the team page in `lang`."""
    team = data.team
    owned = owned_tasks(data)
    others = (
        md.join(
            md.heading(2, OTHERS(lang), "other-owners"),
            md.inline(OTHERS_INTRO(lang)),
            render_note(data, lang),
            render_others(team.other_owners, owned, lang),
        )
        if team.other_owners or team.other_owners_note
        else ""
    )
    return md.join(
        md.heading(1, TITLE(lang), "team"),
        md.inline(INTRO(lang)),
        md.heading(2, CORE(lang), "core-team"),
        render_roles(team.core, owned, lang),
        md.heading(2, ADVISORS(lang), "advisors"),
        render_roles(team.advisors, owned, lang),
        render_headcount(data, lang),
        others,
    )

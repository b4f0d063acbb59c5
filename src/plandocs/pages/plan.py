"""The improvement plan page (`report/plan`): a timeline, the phases, every task, the resources."""

from __future__ import annotations

from plandocs import schedule
from plandocs.model import Dataset
from plandocs.model.common import Lang, Note, Text
from plandocs.model.plan import Phase, Task, TaskGroup, Workstream
from plandocs.render import format, mermaid
from plandocs.render import markdown as md
from plandocs.render.labels import t, word
from plandocs.render.notes import seed_note

TITLE = t("改进扩展计划", "Improvement and extension plan")
START = t("计划开始日期", "Plan start date")
INTRO = t(
    "所有日期和计划周均由开始日期与各阶段的月份计算得出：月份按整周折算（3个月 = 13周），"
    "因此每个阶段和任务都与计划开始日落在一周中的同一天；持续性任务贯穿整个阶段。",
    "Every date and plan week is computed from the start date and each phase's months, "
    "rounded to whole weeks (3 months = 13 weeks) so that every phase and task starts on the "
    "same weekday as the plan; ongoing tasks run for the whole phase.",
)
TIMELINE = t("计划时间线", "Plan timeline")
TIMELINE_DESCR = t(
    "按阶段分组的全部任务及其计算出的起止日期",
    "Every task grouped by phase with its computed start and end dates",
)
OVERVIEW = t("阶段概览", "Phase overview")
MONTHS_NOTE = t(
    "阶段标题沿用原文的写法；“月份”一栏从计划开始的第1个月起计数。",
    "Phase titles keep the source's wording; the Months column counts from the plan's first month.",
)
PHASE_COLUMNS = (
    t("阶段", "Phase"),
    t("月份", "Months"),
    t("开始日期", "Start date"),
    t("结束日期", "End date"),
    t("计划周", "Plan weeks"),
)
TASK = t("任务", "Task")
DATES = t("日期", "Dates")
OUTCOME = t("交付物或目标", "Deliverable or target")
WORKSTREAM = t("工作方向", "Workstream")
PERIOD = t("时间范围", "Period")
RESOURCES = t("学习资源", "Learning resources")


def task_anchor(task: Task) -> str:
    """Return the stable anchor of a task."""
    return f"task-{task.id}"


def months(phase: Phase, lang: Lang) -> str:
    """Return a phase's months, 1-based: `第1–3个月` or `Months 1–3`."""
    first, last = phase.start_month + 1, phase.end_month
    if lang == "zh":
        return f"第{first}–{last}个月"
    return f"Months {first}–{last}"


def weeks(span: schedule.Span, lang: Lang) -> str:
    """Return a span's plan weeks: `第1–2周` or `W1–W2`."""
    first, last = span.first_week, span.last_week
    if lang == "zh":
        return f"第{first}周" if first == last else f"第{first}–{last}周"
    return f"W{first}" if first == last else f"W{first}–W{last}"


def dates(span: schedule.Span, lang: Lang) -> str:
    """Return a span's first and last day."""
    dash = "–" if lang == "zh" else " – "
    return f"{format.date(span.start, lang)}{dash}{format.date(span.end, lang)}"


def duration(task: Task, lang: Lang) -> str:
    """Return a task's stated duration: `2周`, `2 weeks` or `持续`/`Ongoing`."""
    if task.weeks is None:
        return word("ongoing", lang)
    if lang == "zh":
        return f"{task.weeks}周"
    return f"{task.weeks} week" if task.weeks == 1 else f"{task.weeks} weeks"


def render_note(note: Note, lang: Lang) -> str:
    """Return the recorded note on the plan's start date."""
    return seed_note(note, lang)


def render_timeline(data: Dataset, lang: Lang) -> str:
    """Return a gantt chart of every task, one section per phase."""
    lines = ["gantt", "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m-%d"]
    for phase, tasks in _tasks_by_phase(data):
        lines.append(f"    section {mermaid.plain(phase.title(lang))}")
        for task in tasks:
            span = schedule.task_span(data.plan, phase, task)
            days = (span.end - span.start).days + 1
            name = mermaid.plain(task.title(lang))
            ident = mermaid.node_id("task", task.id)
            lines.append(f"    {name} :{ident}, {span.start.isoformat()}, {days}d")
    return mermaid.fence("\n".join(lines), title=TIMELINE(lang), description=TIMELINE_DESCR(lang))


def render_timeline_table(data: Dataset, lang: Lang) -> str:
    """Return the gantt chart's data: phase, task, weeks and dates."""
    rows = [
        [
            md.cell(phase.title(lang)),
            f"[{md.cell(task.title(lang))}](#{task_anchor(task)})",
            md.cell(weeks(span, lang)),
            md.cell(dates(span, lang)),
        ]
        for phase, tasks in _tasks_by_phase(data)
        for task in tasks
        for span in [schedule.task_span(data.plan, phase, task)]
    ]
    headers = [PHASE_COLUMNS[0], TASK, PHASE_COLUMNS[4], DATES]
    return md.table([md.cell(h(lang)) for h in headers], rows)


def render_overview(data: Dataset, lang: Lang) -> str:
    """Return the table of phases with their computed dates and plan weeks."""
    rows = []
    for phase in data.plan.phases:
        span = schedule.phase_span(data.plan, phase)
        rows.append(
            [
                f"[{md.cell(phase.title(lang))}](#phase-{phase.id})",
                md.cell(months(phase, lang)),
                md.cell(format.date(span.start, lang)),
                md.cell(format.date(span.end, lang)),
                md.cell(weeks(span, lang)),
            ]
        )
    return md.table([md.cell(c(lang)) for c in PHASE_COLUMNS], rows)


def render_group(data: Dataset, phase: Phase, group: TaskGroup, lang: Lang) -> str:
    """Return a task group: its heading, priority and task table."""
    owners = _owners(data)
    rows = []
    for task in group.tasks:
        span = schedule.task_span(data.plan, phase, task)
        outcome, kind = (
            (task.deliverable, "deliverable") if task.deliverable else (task.target, "target")
        )
        assert outcome is not None  # the model requires one of the two
        rows.append(
            [
                md.span(task.title(lang), task_anchor(task)),
                f"[{md.cell(owners[task.owner](lang))}](team.md#role-{task.owner})",
                md.cell(duration(task, lang)),
                md.cell(weeks(span, lang)),
                md.cell(dates(span, lang)),
                md.fact(word(kind, lang), md.cell(outcome(lang)), lang),
            ]
        )
    headers = [TASK(lang), word("owner", lang), word("duration", lang)]
    headers += [PHASE_COLUMNS[4](lang), DATES(lang), OUTCOME(lang)]
    priority = "" if group.priority is None else str(group.priority)
    return md.join(
        md.heading(4, group.title(lang), f"group-{group.id}"),
        md.fact(word("priority", lang), priority, lang) if priority else "",
        md.table([md.cell(h) for h in headers], rows),
    )


def render_workstream(data: Dataset, phase: Phase, stream: Workstream, lang: Lang) -> str:
    """Return a workstream: a heading naming it as such, then its groups."""
    colon = "：" if lang == "zh" else ": "
    return md.join(
        md.heading(3, f"{WORKSTREAM(lang)}{colon}{stream.title(lang)}", f"workstream-{stream.id}"),
        *(render_group(data, phase, group, lang) for group in stream.groups),
    )


def render_phase(data: Dataset, phase: Phase, lang: Lang) -> str:
    """Return a phase: its months and dates, then its workstreams."""
    span = schedule.phase_span(data.plan, phase)
    inner = f"{dates(span, lang)}{'，' if lang == 'zh' else ', '}{weeks(span, lang)}"
    when = (
        f"{months(phase, lang)}（{inner}）" if lang == "zh" else f"{months(phase, lang)} ({inner})"
    )
    return md.join(
        md.heading(2, phase.title(lang), f"phase-{phase.id}"),
        md.fact(PERIOD(lang), md.inline(when), lang),
        *(render_workstream(data, phase, stream, lang) for stream in phase.workstreams),
    )


def render_resources(data: Dataset, lang: Lang) -> str:
    """Return the learning resources, one list per kind."""
    return md.join(
        md.heading(2, RESOURCES(lang), "learning-resources"),
        *(
            md.join(
                md.heading(3, resources.title(lang), f"resources-{resources.id}"),
                md.bullets(md.inline(item(lang)) for item in resources.items),
            )
            for resources in data.plan.learning_resources
        ),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the improvement plan page in `lang`."""
    plan = data.plan
    return md.join(
        md.heading(1, TITLE(lang), "plan"),
        md.fact(START(lang), md.inline(format.date(plan.start, lang)), lang),
        render_note(plan.start_note, lang),
        md.inline(INTRO(lang)),
        md.heading(2, TIMELINE(lang), "plan-timeline"),
        render_timeline(data, lang),
        f"**{md.inline(word('data_table', lang))}**",
        render_timeline_table(data, lang),
        md.heading(2, OVERVIEW(lang), "phase-overview"),
        md.inline(MONTHS_NOTE(lang)),
        render_overview(data, lang),
        *(render_phase(data, phase, lang) for phase in plan.phases),
        render_resources(data, lang),
    )


def _tasks_by_phase(data: Dataset) -> list[tuple[Phase, list[Task]]]:
    return [(phase, phase.tasks) for phase in data.plan.phases]


def _owners(data: Dataset) -> dict[str, Text]:
    team = data.team
    titles = {role.id: role.title for role in [*team.core, *team.advisors]}
    return titles | {role.id: role.title for role in team.other_owners}

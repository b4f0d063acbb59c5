"""The improvement plan page (`report/plan`): a timeline, the phases, every task, the resources."""

from __future__ import annotations

from plandocs import schedule
from plandocs.model import Dataset
from plandocs.model.labels import PlanWords
from plandocs.model.plan import Phase, Task, TaskGroup, Workstream
from plandocs.render import anchors, blocks, mermaid
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def months(phase: Phase, words: PlanWords, lang: Lang) -> str:
    """Return a phase's months, 1-based: `第1–3个月` or `Months 1–3`."""
    return words.months(lang).format(first=phase.start_month + 1, last=phase.end_month)


def weeks(span: schedule.Span, words: PlanWords, lang: Lang) -> str:
    """Return a span's plan weeks: `第1–2周` or `W1–W2`."""
    first, last = span.first_week, span.last_week
    if first == last:
        return words.week(lang).format(week=first)
    return words.weeks(lang).format(first=first, last=last)


def duration(task: Task, data: Dataset, lang: Lang) -> str:
    """Return a task's stated duration: `2周`, `2 weeks` or `持续`/`Ongoing`."""
    if task.weeks is None:
        return data.labels.common.ongoing(lang)
    return lang.weeks(task.weeks)


SECTION_WIDTH = 24
"""Section titles of the timeline wrap at this many half-ems (a CJK character is two)."""


def render_timeline(data: Dataset, lang: Lang) -> str:
    """Return a gantt chart of every task, one section per phase."""
    words = data.labels.plan
    # No "today" line: the plan's dates, not the build's, make the axis.
    lines = ["gantt", "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m-%d", "    todayMarker off"]
    for phase in data.plan.phases:
        lines.append(f"    section {mermaid.wrapped_plain(phase.title(lang), SECTION_WIDTH)}")
        for task in phase.tasks:
            span = schedule.task_span(data.plan, phase, task)
            days = (span.end - span.start).days + 1
            name = mermaid.plain(task.title(lang))
            ident = mermaid.node_id("task", task.id)
            lines.append(f"    {name} :{ident}, {span.start.isoformat()}, {days}d")
    return mermaid.fence(
        "\n".join(lines), title=words.timeline(lang), description=words.timeline_description(lang)
    )


def render_timeline_pointer(data: Dataset, lang: Lang) -> Md:
    """Return what stands for the gantt chart's data: a link to each phase's task table (a
    table of every task here would repeat those tables; the phases' dates follow, in the phase
    overview)."""
    words = data.labels.plan
    links = [
        md.link(phase.title(lang), anchors.here(anchors.phase(phase.id)))
        for phase in data.plan.phases
    ]
    return md.join(md.inline(words.timeline_data(lang)), md.bullets(links))


def render_overview(data: Dataset, lang: Lang) -> Md:
    """Return the table of phases with their computed dates and plan weeks."""
    words = data.labels.plan
    rows = []
    for phase in data.plan.phases:
        span = schedule.phase_span(data.plan, phase)
        rows.append(
            [
                md.link(phase.title(lang), anchors.here(anchors.phase(phase.id))),
                months(phase, words, lang),
                lang.date(span.start),
                lang.date(span.end),
                weeks(span, words, lang),
            ]
        )
    return blocks.columns_table(words.phase_columns, rows, lang)


def render_group(data: Dataset, phase: Phase, group: TaskGroup, lang: Lang) -> Md:
    """Return a task group: its heading, priority and task table."""
    words, common = data.labels.plan, data.labels.common
    owners = data.team.owners
    rows = []
    for task in group.tasks:
        span = schedule.task_span(data.plan, phase, task)
        outcome, kind = (
            (task.deliverable, common.deliverable)
            if task.deliverable
            else (task.target, common.target)
        )
        assert outcome is not None  # the model requires one of the two
        rows.append(
            [
                md.span(task.title(lang), anchors.task(task.id)),
                md.link(owners[task.owner](lang), anchors.on("team", anchors.role(task.owner))),
                duration(task, data, lang),
                weeks(span, words, lang),
                lang.dates(span.start, span.end),
                lang.fact(kind(lang), outcome(lang)),
            ]
        )
    headers = [words.task, common.owner, common.duration, words.phase_columns.weeks]
    headers += [words.dates, words.outcome]
    return md.join(
        md.heading(4, group.title(lang), anchors.task_group(group.id)),
        lang.fact(common.priority(lang), str(group.priority)) if group.priority else "",
        blocks.columns_table(headers, rows, lang),
    )


def render_workstream(data: Dataset, phase: Phase, stream: Workstream, lang: Lang) -> Md:
    """Return a workstream: a heading naming it as such, then its groups."""
    title = lang.labelled(data.labels.plan.workstream(lang), stream.title(lang))
    return md.join(
        md.heading(3, title, anchors.workstream(stream.id)),
        *(render_group(data, phase, group, lang) for group in stream.groups),
    )


def render_phase(data: Dataset, phase: Phase, lang: Lang) -> Md:
    """Return a phase: its months and dates, then its workstreams."""
    words = data.labels.plan
    span = schedule.phase_span(data.plan, phase)
    inner = lang.clauses(lang.dates(span.start, span.end), weeks(span, words, lang))
    return md.join(
        md.heading(2, phase.title(lang), anchors.phase(phase.id)),
        lang.fact(words.period(lang), lang.paren(months(phase, words, lang), inner)),
        *(render_workstream(data, phase, stream, lang) for stream in phase.workstreams),
    )


def render_resources(data: Dataset, lang: Lang) -> Md:
    """Return the learning resources, one list per kind."""
    return md.join(
        md.heading(2, data.labels.plan.resources(lang), "learning-resources"),
        *(
            blocks.titled_list(
                3,
                resources.title(lang),
                anchors.resources(resources.id),
                blocks.texts(resources.items, lang),
            )
            for resources in data.plan.learning_resources
        ),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the improvement plan page in `lang`."""
    words = data.labels.plan
    plan = data.plan
    return md.join(
        md.heading(1, words.title(lang), "plan"),
        lang.fact(words.start(lang), lang.date(plan.start)),
        blocks.seed_note(plan.start_note, data.labels.common, lang),
        md.inline(words.intro(lang)),
        blocks.our_heading(2, words.timeline(lang), "plan-timeline", data.labels.common, lang),
        blocks.chart_with_data(
            render_timeline(data, lang),
            render_timeline_pointer(data, lang),
            data.labels.common,
            lang,
        ),
        blocks.our_heading(2, words.overview(lang), "phase-overview", data.labels.common, lang),
        md.inline(words.months_note(lang)),
        render_overview(data, lang),
        *(render_phase(data, phase, lang) for phase in plan.phases),
        render_resources(data, lang),
    )

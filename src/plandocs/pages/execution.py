"""The interruptible execution page (`report/execution`): triggers, recovery, weeks, checkpoints."""

from __future__ import annotations

from itertools import pairwise

from plandocs.model import Dataset
from plandocs.model.labels import ExecutionWords
from plandocs.model.plan import Checkpoints, Day, Slot, TriggerCategory, Week
from plandocs.render import anchors, blocks, mermaid
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def render_flow(data: Dataset, lang: Lang) -> str:
    """Return a flowchart: each category's triggers -> interrupt -> each of its recovery measures.

    The categories are stacked (an invisible `~~~` link) and run top to bottom, so that the
    chart fits the column instead of being drawn 3,500 px wide and shrunk.
    """
    words = data.labels.execution
    lines = ["flowchart TB"]
    groups = []
    for category in data.execution.triggers:
        group = mermaid.node_id("category", category.id)
        groups.append(group)
        stop = mermaid.node_id("interrupt", category.id)
        lines += [
            f"    subgraph {group}[{mermaid.quoted(category.title(lang))}]",
            "        direction TB",
            f"        {stop}{{{{{mermaid.quoted(words.interrupt(lang))}}}}}",
        ]
        for trigger in category.triggers:
            node = mermaid.node_id("trigger", category.id, trigger.id)
            lines.append(f"        {node}[{mermaid.quoted(trigger.title(lang))}] --> {stop}")
        # The source lists the recovery measures in no order: each follows the interruption.
        for step in category.recovery:
            node = mermaid.node_id("recovery", category.id, step.id)
            lines.append(f"        {stop} --> {node}[{mermaid.quoted(step.title(lang))}]")
        lines.append("    end")
    lines += [f"    {upper} ~~~ {lower}" for upper, lower in pairwise(groups)]
    return mermaid.fence(
        "\n".join(lines), title=words.flow(lang), description=words.flow_description(lang)
    )


def render_category(category: TriggerCategory, words: ExecutionWords, lang: Lang) -> Md:
    """Return a category's triggers and its recovery measures as tables."""
    triggers = [
        [md.span(trigger.title(lang), anchors.trigger(trigger.id)), trigger.text(lang)]
        for trigger in category.triggers
    ]
    steps = [
        [md.span(step.title(lang), anchors.recovery(step.id)), step.text(lang)]
        for step in category.recovery
    ]
    return md.join(
        md.heading(3, category.title(lang), f"triggers-{category.id}"),
        blocks.columns_table([words.trigger, words.description], triggers, lang),
        md.heading(4, category.recovery_title(lang), f"recovery-{category.id}"),
        blocks.columns_table([words.recovery, words.description], steps, lang),
    )


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _slot(slot: Slot) -> str:
    return f"{slot.start}–{slot.end}"


SECTION_WIDTH = 24
"""Section titles of the week-1 timetable wrap at this many half-ems."""


def render_week1(data: Dataset, lang: Lang) -> str:
    """Return a time-of-day gantt chart of week 1, one section per day."""
    words = data.labels.execution
    lines = ["gantt", "    dateFormat HH:mm", "    axisFormat %H:%M", "    todayMarker off"]
    for day in data.execution.week1:
        section = f"{lang.weekday(day.day)} · {day.theme(lang)}"  # a colon would turn full-width
        lines.append(f"    section {mermaid.wrapped_plain(section, SECTION_WIDTH)}")
        for slot in day.slots:
            ident = mermaid.node_id("slot", day.day, slot.start)
            length = _minutes(slot.end) - _minutes(slot.start)
            name = mermaid.plain(slot.activity(lang))
            lines.append(f"    {name} :{ident}, {slot.start}, {length}m")
    return mermaid.fence(
        "\n".join(lines), title=words.week1(lang), description=words.week1_description(lang)
    )


def render_day(day: Day, words: ExecutionWords, lang: Lang) -> Md:
    """Return a day of week 1 as a heading and a table of its slots."""
    rows = [[_slot(slot), slot.activity(lang)] for slot in day.slots]
    return md.join(
        md.heading(3, lang.labelled(lang.weekday(day.day), day.theme(lang)), f"week-1-{day.day}"),
        blocks.columns_table([words.time, words.activity], rows, lang),
    )


def render_week(week: Week, words: ExecutionWords, lang: Lang) -> Md:
    """Return one of the later weeks: its theme and work items."""
    title = lang.labelled(md.fill(words.week(lang), number=str(week.week)), week.theme(lang))
    return blocks.titled_list(3, title, f"week-{week.week}", blocks.texts(week.items, lang))


def render_checkpoints(checks: Checkpoints, words: ExecutionWords, lang: Lang) -> Md:
    """Return the daily, weekly and monthly checkpoints."""
    daily = [[c.time, c.text(lang)] for c in checks.daily]
    weekly = [[lang.weekday(c.day), c.text(lang)] for c in checks.weekly]
    monthly = [
        lang.fact(c.when(lang), c.text(lang)) if c.when else c.text(lang) for c in checks.monthly
    ]
    return md.join(
        md.heading(2, words.checkpoints(lang), "checkpoints"),
        md.heading(3, words.daily(lang), "checkpoints-daily"),
        blocks.columns_table([words.time, words.check], daily, lang),
        md.heading(3, words.weekly(lang), "checkpoints-weekly"),
        blocks.columns_table([words.day, words.check], weekly, lang),
        blocks.titled_list(3, words.monthly(lang), "checkpoints-monthly", monthly),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the interruptible execution page in `lang`."""
    words = data.labels.execution
    execution = data.execution
    numbers = [week.week for week in execution.weeks]
    later = md.fill(words.later(lang), first=str(min(numbers)), last=str(max(numbers)))
    return md.join(
        md.heading(1, words.title(lang), "execution"),
        md.inline(words.intro(lang)),
        md.heading(2, words.flow(lang), "interruption-recovery"),
        blocks.chart_with_data(
            render_flow(data, lang),
            md.join(*(render_category(c, words, lang) for c in execution.triggers)),
            data.labels.common,
            lang,
        ),
        md.heading(2, words.week1(lang), "week-1"),
        blocks.chart_with_data(
            render_week1(data, lang),
            md.join(*(render_day(day, words, lang) for day in execution.week1)),
            data.labels.common,
            lang,
        ),
        md.heading(2, later, "weeks-later"),
        *(render_week(week, words, lang) for week in execution.weeks),
        render_checkpoints(execution.checkpoints, words, lang),
    )

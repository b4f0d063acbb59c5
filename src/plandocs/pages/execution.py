"""The interruptible execution page (`report/execution`): triggers, recovery, weeks, checkpoints."""

from __future__ import annotations

from itertools import pairwise

from plandocs.model import Dataset
from plandocs.model.common import Lang
from plandocs.model.plan import Checkpoints, Day, Slot, TriggerCategory, Week
from plandocs.render import markdown as md
from plandocs.render import mermaid
from plandocs.render.labels import enum, t, word

TITLE = t("可中断执行计划", "Interruptible execution plan")
INTRO = t(
    "计划可以在任何触发条件出现时中断；每类中断都有按顺序执行的恢复步骤。",
    "The plan can be interrupted whenever a trigger occurs; each kind of interruption has "
    "recovery steps that are taken in order.",
)
FLOW = t("中断与恢复", "Interruption and recovery")
FLOW_DESCR = t(
    "每类触发条件导致中断，随后依次执行该类的恢复步骤",
    "Each category of trigger leads to an interruption followed by its recovery steps in order",
)
INTERRUPT = t("中断", "Interruption")
TRIGGER = t("触发条件", "Trigger")
DESCRIPTION = t("说明", "Description")
STEP = t("步骤", "Step")
RECOVERY = t("恢复措施", "Recovery step")
WEEK1 = t("第1周时间表", "Week 1 timetable")
WEEK1_DESCR = t("第1周每天的时间段与活动", "The time slots and activities of each day in week 1")
TIME = t("时间", "Time")
ACTIVITY = t("活动", "Activity")
LATER = t("第{first}–{last}周计划", "Plan for weeks {first}–{last}")
WEEK = t("第{n}周", "Week {n}")
CHECKPOINTS = t("检查点", "Checkpoints")
DAILY = t("每日检查点", "Daily checkpoints")
WEEKLY = t("每周检查点", "Weekly checkpoints")
MONTHLY = t("每月检查点", "Monthly checkpoints")
DAY = t("星期", "Day")
CHECK = t("检查内容", "Check")


def _colon(lang: Lang) -> str:
    return "：" if lang == "zh" else ": "


def render_flow(data: Dataset, lang: Lang) -> str:
    """Return a flowchart: each category's triggers -> interrupt -> its recovery steps.

    The categories are stacked (an invisible `~~~` link) and run top to bottom, so that the
    chart fits the column instead of being drawn 3,500 px wide and shrunk.
    """
    lines = ["flowchart TB"]
    groups = []
    for category in data.execution.triggers:
        group = mermaid.node_id("category", category.id)
        groups.append(group)
        stop = mermaid.node_id("interrupt", category.id)
        lines += [
            f"    subgraph {group}[{mermaid.quoted(category.title(lang))}]",
            "        direction TB",
            f"        {stop}{{{{{mermaid.quoted(INTERRUPT(lang))}}}}}",
        ]
        for trigger in category.triggers:
            node = mermaid.node_id(category.id, "trigger", trigger.id)
            lines.append(f"        {node}[{mermaid.quoted(trigger.title(lang))}] --> {stop}")
        previous = stop
        for number, step in enumerate(category.recovery, 1):
            node = mermaid.node_id(category.id, "recovery", step.id)
            label = mermaid.quoted(f"{STEP(lang)} {number}{_colon(lang)}{step.title(lang)}")
            lines.append(f"        {previous} --> {node}[{label}]")
            previous = node
        lines.append("    end")
    lines += [f"    {upper} ~~~ {lower}" for upper, lower in pairwise(groups)]
    return mermaid.fence("\n".join(lines), title=FLOW(lang), description=FLOW_DESCR(lang))


def render_category(category: TriggerCategory, lang: Lang) -> str:
    """Return a category's triggers and its recovery steps as tables."""
    triggers = [
        [md.span(trigger.title(lang), f"trigger-{trigger.id}"), md.cell(trigger.text(lang))]
        for trigger in category.triggers
    ]
    steps = [
        [str(number), md.span(step.title(lang), f"recovery-{step.id}"), md.cell(step.text(lang))]
        for number, step in enumerate(category.recovery, 1)
    ]
    return md.join(
        md.heading(3, category.title(lang), f"triggers-{category.id}"),
        md.table([md.cell(TRIGGER(lang)), md.cell(DESCRIPTION(lang))], triggers),
        md.heading(4, category.recovery_title(lang), f"recovery-{category.id}"),
        md.table([md.cell(c(lang)) for c in (STEP, RECOVERY, DESCRIPTION)], steps, align="r"),
    )


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def _slot(slot: Slot) -> str:
    return f"{slot.start}–{slot.end}"


def day_label(day: Day, lang: Lang) -> str:
    """Return a day's weekday and theme, e.g. `周一：理论深化启动`."""
    return f"{enum(day.day, lang)}{_colon(lang)}{day.theme(lang)}"


def render_week1(data: Dataset, lang: Lang) -> str:
    """Return a time-of-day gantt chart of week 1, one section per day."""
    lines = ["gantt", "    dateFormat HH:mm", "    axisFormat %H:%M"]
    for day in data.execution.week1:
        section = f"{enum(day.day, lang)} · {day.theme(lang)}"  # a colon would turn full-width
        lines.append(f"    section {mermaid.plain(section)}")
        for slot in day.slots:
            ident = mermaid.node_id("slot", day.day, slot.start)
            length = _minutes(slot.end) - _minutes(slot.start)
            name = mermaid.plain(slot.activity(lang))
            lines.append(f"    {name} :{ident}, {slot.start}, {length}m")
    return mermaid.fence("\n".join(lines), title=WEEK1(lang), description=WEEK1_DESCR(lang))


def render_day(day: Day, lang: Lang) -> str:
    """Return a day of week 1 as a heading and a table of its slots."""
    rows = [[md.cell(_slot(slot)), md.cell(slot.activity(lang))] for slot in day.slots]
    return md.join(
        md.heading(3, day_label(day, lang), f"week-1-{day.day}"),
        md.table([md.cell(TIME(lang)), md.cell(ACTIVITY(lang))], rows),
    )


def render_week(week: Week, lang: Lang) -> str:
    """Return one of the later weeks: its theme and work items."""
    title = f"{WEEK(lang).format(n=week.week)}{_colon(lang)}{week.theme(lang)}"
    return md.join(
        md.heading(3, title, f"week-{week.week}"),
        md.bullets(md.inline(item(lang)) for item in week.items),
    )


def render_checkpoints(checks: Checkpoints, lang: Lang) -> str:
    """Return the daily, weekly and monthly checkpoints."""
    daily = [[md.cell(c.time), md.cell(c.text(lang))] for c in checks.daily]
    weekly = [[md.cell(enum(c.day, lang)), md.cell(c.text(lang))] for c in checks.weekly]
    monthly = [
        md.fact(c.when(lang), md.inline(c.text(lang)), lang) if c.when else md.inline(c.text(lang))
        for c in checks.monthly
    ]
    return md.join(
        md.heading(2, CHECKPOINTS(lang), "checkpoints"),
        md.heading(3, DAILY(lang), "checkpoints-daily"),
        md.table([md.cell(TIME(lang)), md.cell(CHECK(lang))], daily),
        md.heading(3, WEEKLY(lang), "checkpoints-weekly"),
        md.table([md.cell(DAY(lang)), md.cell(CHECK(lang))], weekly),
        md.heading(3, MONTHLY(lang), "checkpoints-monthly"),
        md.bullets(monthly),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the interruptible execution page in `lang`."""
    execution = data.execution
    numbers = [week.week for week in execution.weeks]
    later = LATER(lang).format(first=min(numbers), last=max(numbers))
    return md.join(
        md.heading(1, TITLE(lang), "execution"),
        md.inline(INTRO(lang)),
        md.heading(2, FLOW(lang), "interruption-recovery"),
        render_flow(data, lang),
        f"**{md.inline(word('data_table', lang))}**",
        *(render_category(category, lang) for category in execution.triggers),
        md.heading(2, WEEK1(lang), "week-1"),
        render_week1(data, lang),
        f"**{md.inline(word('data_table', lang))}**",
        *(render_day(day, lang) for day in execution.week1),
        md.heading(2, later, "weeks-later"),
        *(render_week(week, lang) for week in execution.weeks),
        render_checkpoints(execution.checkpoints, lang),
    )

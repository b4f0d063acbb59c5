"""The critical gap analysis page (`report/gaps`): theory and toolchain gaps by priority."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.analysis import Gap, GapCategory
from plandocs.model.common import Lang
from plandocs.render import markdown as md
from plandocs.render.labels import enum, t

TITLE = t("关键差距分析", "Critical gap analysis")
INTRO = t(
    "差距分为理论体系与实践工具链两类，每类按优先级排列，高优先级在前。",
    "The gaps fall into two categories, the theoretical framework and the practical "
    "toolchain; within each, high-priority gaps come first.",
)
SUMMARY = t("差距总览", "Summary")
COLUMNS = (t("类别", "Category"), t("优先级", "Priority"), t("差距", "Gap"))
PRIORITIES = {
    "high": t("高优先级", "High priority"),
    "medium": t("中优先级", "Medium priority"),
}

_RANK = {"high": 0, "medium": 1, "low": 2}


def anchor(gap: Gap) -> str:
    """Return the stable anchor of a gap."""
    return f"gap-{gap.id}"


def by_priority(category: GapCategory) -> list[tuple[str, list[Gap]]]:
    """Return the category's gaps grouped by priority, high first, in data order within."""
    priorities = sorted({gap.priority for gap in category.gaps}, key=_RANK.__getitem__)
    return [(p, [gap for gap in category.gaps if gap.priority == p]) for p in priorities]


def render_summary(data: Dataset, lang: Lang) -> str:
    """Return the table of every gap, linking to its section."""
    rows = [
        [
            f"[{md.inline(category.title(lang))}](#category-{category.id})",
            md.cell(enum(priority, lang)),
            f"[{md.inline(gap.title(lang))}](#{anchor(gap)})",
        ]
        for category in data.gaps.categories
        for priority, gaps in by_priority(category)
        for gap in gaps
    ]
    return md.table([md.cell(c(lang)) for c in COLUMNS], rows)


def render_category(category: GapCategory, lang: Lang) -> str:
    """Return one category: a heading per priority and per gap, with the gap's points."""
    blocks = [md.heading(2, category.title(lang), f"category-{category.id}")]
    for priority, gaps in by_priority(category):
        blocks.append(md.heading(3, PRIORITIES[priority](lang), f"{category.id}-{priority}"))
        for gap in gaps:
            blocks.append(md.heading(4, gap.title(lang), anchor(gap)))
            blocks.append(md.bullets(md.inline(point(lang)) for point in gap.points))
    return md.join(*blocks)


def render(data: Dataset, lang: Lang) -> str:
    """Return the gap analysis page in `lang`."""
    return md.join(
        md.heading(1, TITLE(lang), "gaps"),
        md.inline(INTRO(lang)),
        md.heading(2, SUMMARY(lang), "gap-summary"),
        render_summary(data, lang),
        *(render_category(category, lang) for category in data.gaps.categories),
    )

"""The critical gap analysis page (`report/gaps`): theory and toolchain gaps by priority."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.analysis import Gap, GapCategory
from plandocs.render import anchors, blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def by_priority(category: GapCategory) -> list[tuple[str, list[Gap]]]:
    """Return the category's gaps grouped by priority, high first, in data order within."""
    priorities = sorted(
        {gap.priority for gap in category.gaps}, key=lambda p: blocks.PRIORITY_ORDER[p]
    )
    return [(p, [gap for gap in category.gaps if gap.priority == p]) for p in priorities]


def render_summary(data: Dataset, lang: Lang) -> Md:
    """Return the table of every gap, linking to its section."""
    values = data.labels.common.values
    rows = [
        [
            md.link(category.title(lang), anchors.here(anchors.gap_category(category.id))),
            values[priority](lang),
            md.link(gap.title(lang), anchors.here(anchors.gap(gap.id))),
        ]
        for category in data.gaps.categories
        for priority, gaps in by_priority(category)
        for gap in gaps
    ]
    return blocks.columns_table(data.labels.gaps.columns, rows, lang)


def render_category(data: Dataset, category: GapCategory, lang: Lang) -> Md:
    """Return one category: a heading per priority and per gap, with the gap's points."""
    priorities = data.labels.gaps.priorities
    parts = [md.heading(2, category.title(lang), anchors.gap_category(category.id))]
    for priority, gaps in by_priority(category):
        parts.append(md.heading(3, priorities[priority](lang), f"{category.id}-{priority}"))
        parts += [
            blocks.titled_list(
                4, gap.title(lang), anchors.gap(gap.id), blocks.texts(gap.points, lang)
            )
            for gap in gaps
        ]
    return md.join(*parts)


def render(data: Dataset, lang: Lang) -> str:
    """Return the gap analysis page in `lang`."""
    words = data.labels.gaps
    return md.join(
        md.heading(1, words.title(lang), "gaps"),
        md.inline(words.intro(lang)),
        blocks.our_heading(2, words.summary(lang), "gap-summary", data.labels.common, lang),
        render_summary(data, lang),
        *(render_category(data, category, lang) for category in data.gaps.categories),
    )

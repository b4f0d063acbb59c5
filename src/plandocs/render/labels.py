"""Fixed interface words in both languages: enum values and words shared by several pages.

A page family keeps its own headings next to its renderer; only what is shared lives here.
"""

from __future__ import annotations

from plandocs.model.common import Lang, Text


def t(zh: str, en: str) -> Text:
    """Return a bilingual text written in code."""
    return Text(zh=zh, en=en)


ENUMS: dict[str, Text] = {
    # priorities and levels
    "high": t("高", "High"),
    "medium": t("中", "Medium"),
    "low": t("低", "Low"),
    # technology maturity and trends
    "early": t("早期", "Early"),
    "developing": t("发展", "Developing"),
    "mature": t("成熟", "Mature"),
    "exploring": t("探索阶段", "Exploring"),
    "steady-growth": t("稳定增长", "Steady growth"),
    "rapid-growth": t("快速增长", "Rapid growth"),
    # weekdays
    "mon": t("周一", "Monday"),
    "tue": t("周二", "Tuesday"),
    "wed": t("周三", "Wednesday"),
    "thu": t("周四", "Thursday"),
    "fri": t("周五", "Friday"),
}


def enum(value: str, lang: Lang) -> str:
    """Return the label of an enum value in `lang`."""
    return ENUMS[value](lang)


WORDS: dict[str, Text] = {
    "owner": t("负责人", "Owner"),
    "duration": t("时间", "Duration"),
    "ongoing": t("持续", "Ongoing"),
    "deliverable": t("交付", "Deliverable"),
    "target": t("目标", "Target"),
    "priority": t("优先级", "Priority"),
    "data_table": t("图表数据", "Data behind the chart"),
    "seed_note": t("原文说明", "Note on the source"),
    "seed_says": t("原文写作", "The source says"),
}


def word(key: str, lang: Lang) -> str:
    """Return a shared interface word in `lang`."""
    return WORDS[key](lang)

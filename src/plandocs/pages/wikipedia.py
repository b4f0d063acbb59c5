"""The Wikipedia benchmark page (`report/wikipedia`): concept definitions and coverage."""

from __future__ import annotations

import re
from collections.abc import Iterable

from plandocs.model import Dataset
from plandocs.model.benchmarks import CoverageArea, KeyGap
from plandocs.model.common import Item, Lang, Note, Priority, Text
from plandocs.render import format, mermaid
from plandocs.render import markdown as md
from plandocs.render.labels import enum, t, word

TITLE = t("概念与技术栈对标：Wikipedia", "Benchmarking against Wikipedia")
CONCEPTS = t("概念定义对比", "Concept definitions compared")
STRENGTHS = t("我们的优势", "Where we are stronger")
GAPS = t("我们的差距", "Where we fall short")
SUGGESTIONS = t("改进建议", "Suggested improvements")
PRIORITIES: dict[Priority, Text] = {
    "high": t("高优先级", "High priority"),
    "medium": t("中优先级", "Medium priority"),
    "low": t("低优先级", "Low priority"),
}
COVERAGE = t("技术栈覆盖度对比", "Technology-stack coverage compared")
COVERAGE_INTRO = t(
    "下图与下表比较 Wikipedia 与我们对各技术领域的覆盖度。"
    "差距按“Wikipedia 覆盖度减去我们的覆盖度”计算：正值表示 Wikipedia 覆盖更多，负值表示我们领先。",
    "The chart and the table compare how much of each technology area Wikipedia and we cover. "
    "The gap is Wikipedia's coverage minus ours: a positive gap means Wikipedia covers more, "
    "a negative one means we are ahead.",
)
CHART = t("覆盖度对比图", "Coverage chart")
CHART_DESCR = t(
    "各技术领域的覆盖度（%）：柱为 Wikipedia，折线为我们",
    "Coverage per area as a percentage: bars for Wikipedia, a line for us",
)
SERIES = (t("Wikipedia", "Wikipedia"), t("我们", "Ours"))
Y_AXIS = t("覆盖度（%）", "Coverage (%)")
COLUMNS = (
    t("技术领域", "Area"),
    t("Wikipedia 覆盖度", "Wikipedia coverage"),
    t("我们的覆盖度", "Our coverage"),
    t("差距", "Gap"),
    t("优先级", "Priority"),
)
NOTE = t("注", "note")
NOTES = t("原文数据说明", "Notes on the source's figures")
KEY_GAPS = t("关键差距", "Key gaps")

_RANK = {"high": 0, "medium": 1, "low": 2}
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def area_anchor(area: CoverageArea) -> str:
    """Return the stable anchor of a coverage row."""
    return f"area-{area.id}"


def note_anchor(area: CoverageArea) -> str:
    """Return the stable anchor of a coverage row's note on the source."""
    return f"note-{area.id}"


def render_item(item: Item, kind: str, lang: Lang) -> str:
    """Return a titled point as a list item carrying its anchor, e.g. `strength-<id>`."""
    colon = "：" if lang == "zh" else ": "
    text = f"{colon}{md.inline(item.text(lang))}" if item.text else ""
    return f"**{md.span(item.title(lang), f'{kind}-{item.id}')}**{text}"


def render_concepts(data: Dataset, lang: Lang) -> str:
    """Return section 1.1: strengths, gaps and suggestions grouped by priority."""
    wiki = data.wikipedia
    groups = sorted(wiki.suggestions, key=lambda group: _RANK[group.priority])
    return md.join(
        md.heading(2, CONCEPTS(lang), "concepts"),
        md.heading(3, STRENGTHS(lang), "strengths"),
        md.bullets(render_item(item, "strength", lang) for item in wiki.strengths),
        md.heading(3, GAPS(lang), "concept-gaps"),
        md.bullets(render_item(item, "concept-gap", lang) for item in wiki.gaps),
        md.heading(3, SUGGESTIONS(lang), "suggestions"),
        *(
            md.join(
                md.heading(4, PRIORITIES[group.priority](lang), f"suggestions-{group.priority}"),
                md.bullets(md.inline(item(lang)) for item in group.items),
            )
            for group in groups
        ),
    )


def render_chart(data: Dataset, lang: Lang) -> str:
    """Return a chart per area: Wikipedia's coverage as bars, ours as a line over them.

    Mermaid draws two bar series on the same spot, hiding the shorter one; a line does not.
    """
    areas = data.wikipedia.coverage
    lines = [
        "xychart-beta",
        f"    x-axis [{', '.join(mermaid.quoted(area.area(lang)) for area in areas)}]",
        f"    y-axis {mermaid.quoted(Y_AXIS(lang))} 0 --> 100",
        f"    bar {mermaid.quoted(SERIES[0](lang))} [{_values(a.wikipedia for a in areas)}]",
        f"    line {mermaid.quoted(SERIES[1](lang))} [{_values(a.ours for a in areas)}]",
    ]
    return mermaid.fence("\n".join(lines), title=CHART(lang), description=CHART_DESCR(lang))


def _values(values: Iterable[float]) -> str:
    return ", ".join(f"{value:g}" for value in values)


def render_table(data: Dataset, lang: Lang) -> str:
    """Return the coverage table; rows whose source figure differs link to their note."""
    rows = []
    number = 0
    for area in data.wikipedia.coverage:
        gap = md.cell(format.signed_points(area.gap, lang))
        if area.discrepancy is not None:
            number += 1
            gap += f" [{md.inline(NOTE(lang))} {number}](#{note_anchor(area)})"
        rows.append(
            [
                md.span(area.area(lang), area_anchor(area)),
                md.cell(format.percent(area.wikipedia)),
                md.cell(format.percent(area.ours)),
                gap,
                md.cell(enum(area.priority, lang)),
            ]
        )
    return md.table([md.cell(c(lang)) for c in COLUMNS], rows, align="lrrrl")


def seed_says(note: Note, lang: Lang) -> str:
    """Return what the source typed, quoted; empty in English when the quote is Chinese."""
    if lang == "en" and _CJK.search(note.seed_says):
        return ""
    if lang == "zh":
        return f"{md.inline(word('seed_says', lang))}“{md.inline(note.seed_says)}”。"
    return f'{md.inline(word("seed_says", lang))} "{md.inline(note.seed_says)}". '


def render_notes(data: Dataset, lang: Lang) -> str:
    """Return the numbered notes on coverage rows where the source's gap differs."""
    items = []
    areas = [area for area in data.wikipedia.coverage if area.discrepancy is not None]
    for number, area in enumerate(areas, 1):
        assert area.discrepancy is not None
        head = md.span(f"{NOTE(lang).capitalize()} {number}", note_anchor(area))
        link = f"[{md.inline(area.area(lang))}](#{area_anchor(area)})"
        where = f"（{link}）：" if lang == "zh" else f" ({link}): "
        text = seed_says(area.discrepancy, lang) + md.inline(area.discrepancy.explanation(lang))
        items.append(f"**{head}**{where}{text}")
    if not items:
        return ""
    return md.join(md.heading(3, NOTES(lang), "coverage-notes"), md.bullets(items))


def render_key_gap(gap: KeyGap, data: Dataset, lang: Lang) -> str:
    """Return a key gap as a list item linking to its coverage row."""
    area = {area.id: area for area in data.wikipedia.coverage}[gap.area]
    link = f"[{md.inline(area.area(lang))}](#{area_anchor(area)})"
    gap_text = md.inline(format.signed_points(area.gap, lang))
    points = f"（{gap_text}）：" if lang == "zh" else f" ({gap_text}): "
    return f"{md.span('', f'key-gap-{gap.id}')}**{link}**{points}{md.inline(gap.text(lang))}"


def render(data: Dataset, lang: Lang) -> str:
    """Return the Wikipedia benchmark page in `lang`."""
    return md.join(
        md.heading(1, TITLE(lang), "wikipedia"),
        render_concepts(data, lang),
        md.heading(2, COVERAGE(lang), "coverage"),
        md.inline(COVERAGE_INTRO(lang)),
        render_chart(data, lang),
        f"**{md.inline(word('data_table', lang))}**",
        render_table(data, lang),
        render_notes(data, lang),
        md.heading(3, KEY_GAPS(lang), "key-gaps"),
        md.bullets(render_key_gap(gap, data, lang) for gap in data.wikipedia.key_gaps),
    )

"""The Wikipedia benchmark page (`report/wikipedia`): concept definitions and coverage."""

from __future__ import annotations

from collections.abc import Iterable

from plandocs.model import Dataset
from plandocs.model.benchmarks import CoverageArea, KeyGap
from plandocs.render import anchors, blocks, mermaid
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def render_concepts(data: Dataset, lang: Lang) -> Md:
    """Return section 1.1: strengths, gaps and suggestions grouped by priority."""
    words, priorities = data.labels.wikipedia, data.labels.common.priorities
    wiki = data.wikipedia
    groups = sorted(wiki.suggestions, key=lambda group: blocks.PRIORITY_ORDER[group.priority])
    return md.join(
        md.heading(2, words.concepts(lang), "concepts"),
        blocks.titled_list(
            3,
            words.strengths(lang),
            "strengths",
            (blocks.item(item, anchors.strength(item.id), lang) for item in wiki.strengths),
        ),
        blocks.titled_list(
            3,
            words.gaps(lang),
            "concept-gaps",
            (blocks.item(item, anchors.concept_gap(item.id), lang) for item in wiki.gaps),
        ),
        md.heading(3, words.suggestions(lang), "suggestions"),
        *(
            blocks.titled_list(
                4,
                priorities[group.priority](lang),
                f"suggestions-{group.priority}",
                blocks.texts(group.items, lang),
            )
            for group in groups
        ),
    )


def render_chart(data: Dataset, lang: Lang) -> str:
    """Return a chart per area: Wikipedia's coverage as bars, ours as a line over them.

    Mermaid draws two bar series on the same spot, hiding the shorter one; a line does not.
    """
    words = data.labels.wikipedia
    areas = data.wikipedia.coverage
    theirs, ours = words.series_wikipedia(lang), words.series_ours(lang)
    lines = [
        "xychart-beta",
        f"    x-axis [{', '.join(mermaid.quoted(area.area(lang)) for area in areas)}]",
        f"    y-axis {mermaid.quoted(words.y_axis(lang))} 0 --> 100",
        f"    bar {mermaid.quoted(theirs)} [{_values(a.wikipedia for a in areas)}]",
        f"    line {mermaid.quoted(ours)} [{_values(a.ours for a in areas)}]",
    ]
    return mermaid.fence(
        "\n".join(lines), title=words.chart(lang), description=words.chart_description(lang)
    )


def _values(values: Iterable[float]) -> str:
    return ", ".join(f"{value:g}" for value in values)


def _noted(data: Dataset) -> list[CoverageArea]:
    """Return the coverage rows whose source figure differs, in order: note 1, 2…"""
    return [area for area in data.wikipedia.coverage if area.discrepancy is not None]


def render_table(data: Dataset, lang: Lang) -> Md:
    """Return the coverage table; rows whose source figure differs link to their note."""
    words, values = data.labels.wikipedia, data.labels.common.values
    numbers = {area.id: number for number, area in enumerate(_noted(data), 1)}
    rows = []
    for area in data.wikipedia.coverage:
        gap = md.fill(data.labels.common.points(lang), value=lang.signed(area.gap))
        if area.id in numbers:
            note = md.fill(words.note_link(lang), number=str(numbers[area.id]))
            gap = md.concat(gap, Md(" "), md.link(note, anchors.here(anchors.area_note(area.id))))
        rows.append(
            [
                md.span(area.area(lang), anchors.area(area.id)),
                lang.percent(area.wikipedia),
                lang.percent(area.ours),
                gap,
                values[area.priority](lang),
            ]
        )
    return blocks.columns_table(words.columns, rows, lang, align="lrrrl")


def render_notes(data: Dataset, lang: Lang) -> Md:
    """Return the numbered notes on coverage rows where the source's gap differs."""
    words = data.labels.wikipedia
    items = []
    for number, area in enumerate(_noted(data), 1):
        note = area.discrepancy
        assert note is not None  # _noted keeps only rows with a note
        head = md.span(
            md.fill(words.note_title(lang), number=str(number)), anchors.area_note(area.id)
        )
        link = md.link(area.area(lang), anchors.here(anchors.area(area.id)))
        says = (
            md.fill(words.says(lang), quote=note.seed_says)
            if blocks.quotes_source(note, lang)
            else ""
        )
        items.append(
            lang.labelled(
                lang.paren(md.strong(head), link), md.concat(says, note.explanation(lang))
            )
        )
    if not items:
        return Md("")
    return blocks.titled_list(3, words.notes(lang), "coverage-notes", items)


def render_key_gap(gap: KeyGap, data: Dataset, lang: Lang) -> Md:
    """Return a key gap as a list item linking to its coverage row."""
    area = {area.id: area for area in data.wikipedia.coverage}[gap.area]
    link = md.strong(md.link(area.area(lang), anchors.here(anchors.area(area.id))))
    points = md.fill(data.labels.common.points(lang), value=lang.signed(area.gap))
    return md.concat(
        md.span("", anchors.key_gap(gap.id)),
        lang.labelled(lang.paren(link, points), gap.text(lang)),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the Wikipedia benchmark page in `lang`."""
    words = data.labels.wikipedia
    return md.join(
        md.heading(1, words.title(lang), "wikipedia"),
        render_concepts(data, lang),
        md.heading(2, words.coverage(lang), "coverage"),
        md.inline(words.coverage_intro(lang)),
        blocks.chart_with_data(
            render_chart(data, lang), render_table(data, lang), data.labels.common, lang
        ),
        render_notes(data, lang),
        blocks.titled_list(
            3,
            words.key_gaps(lang),
            "key-gaps",
            (render_key_gap(gap, data, lang) for gap in data.wikipedia.key_gaps),
        ),
    )

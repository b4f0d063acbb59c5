"""The CNCF benchmark page (`report/cncf`): graduated projects we cover and projects we track."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.render import anchors, blocks, mermaid
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def render_chart(data: Dataset, lang: Lang) -> str:
    """Return a bar chart of our coverage per graduated project."""
    words = data.labels.cncf
    projects = data.cncf.graduated
    lines = [
        "xychart-beta",
        f"    x-axis [{', '.join(mermaid.quoted(project.name) for project in projects)}]",
        f"    y-axis {mermaid.quoted(words.y_axis(lang))} 0 --> 100",
        f"    bar [{', '.join(f'{project.coverage:g}' for project in projects)}]",
    ]
    return mermaid.fence(
        "\n".join(lines), title=words.chart(lang), description=words.chart_description(lang)
    )


def render_graduated(data: Dataset, lang: Lang) -> Md:
    """Return the graduated projects table, the chart's text equivalent."""
    rows = [
        [
            md.span(project.name, anchors.project(project.id)),
            lang.percent(project.coverage),
            lang.listing(blocks.texts(project.gaps, lang)),
        ]
        for project in data.cncf.graduated
    ]
    return blocks.columns_table(data.labels.cncf.graduated_columns, rows, lang, align="lrl")


def render_tracked(data: Dataset, lang: Lang) -> Md:
    """Return the table of tracked projects and what each is for."""
    rows = [
        [md.span(project.name, anchors.tracked(project.id)), project.focus(lang)]
        for project in data.cncf.tracked
    ]
    return blocks.columns_table(data.labels.cncf.tracked_columns, rows, lang)


def render(data: Dataset, lang: Lang) -> str:
    """Return the CNCF benchmark page in `lang`."""
    words = data.labels.cncf
    note = data.cncf.tracked_note
    return md.join(
        md.heading(1, words.title(lang), "cncf"),
        md.heading(2, words.graduated(lang), "graduated"),
        md.inline(words.graduated_intro(lang)),
        blocks.chart_with_data(
            render_chart(data, lang), render_graduated(data, lang), data.labels.common, lang
        ),
        md.heading(2, words.tracked(lang), "tracked"),
        blocks.seed_note(note, data.labels.common, lang) if note is not None else "",
        render_tracked(data, lang),
    )

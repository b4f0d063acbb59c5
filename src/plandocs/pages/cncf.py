"""The CNCF benchmark page (`report/cncf`): graduated projects we cover and projects we track."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.common import Lang, Note
from plandocs.render import format, mermaid
from plandocs.render import markdown as md
from plandocs.render.labels import t, word
from plandocs.render.notes import seed_note

TITLE = t("CNCF 项目对标", "Benchmarking against CNCF projects")
GRADUATED = t("毕业项目覆盖度", "Coverage of graduated projects")
GRADUATED_INTRO = t(
    "下图与下表给出我们对各 CNCF 毕业项目的覆盖度，以及尚未覆盖的方面。",
    "The chart and the table give how much of each CNCF graduated project we cover, and "
    "what we do not cover yet.",
)
CHART = t("毕业项目覆盖度", "Coverage of graduated projects")
CHART_DESCR = t(
    "我们对各毕业项目的覆盖度（%）", "Our coverage of each graduated project as a percentage"
)
Y_AXIS = t("覆盖度（%）", "Coverage (%)")
GRADUATED_COLUMNS = (
    t("项目", "Project"),
    t("我们的覆盖度", "Our coverage"),
    t("差距", "Gaps"),
)
TRACKED = t("跟踪项目", "Tracked projects")
TRACKED_COLUMNS = (t("项目", "Project"), t("关注方向", "Focus"))


def render_chart(data: Dataset, lang: Lang) -> str:
    """Return a bar chart of our coverage per graduated project."""
    projects = data.cncf.graduated
    lines = [
        "xychart-beta",
        f"    x-axis [{', '.join(mermaid.quoted(project.name) for project in projects)}]",
        f"    y-axis {mermaid.quoted(Y_AXIS(lang))} 0 --> 100",
        f"    bar [{', '.join(f'{project.coverage:g}' for project in projects)}]",
    ]
    return mermaid.fence("\n".join(lines), title=CHART(lang), description=CHART_DESCR(lang))


def render_graduated(data: Dataset, lang: Lang) -> str:
    """Return the graduated projects table, the chart's text equivalent."""
    rows = [
        [
            md.span(project.name, f"project-{project.id}"),
            md.cell(format.percent(project.coverage)),
            md.listing((md.cell(gap(lang)) for gap in project.gaps), lang),
        ]
        for project in data.cncf.graduated
    ]
    return md.table([md.cell(c(lang)) for c in GRADUATED_COLUMNS], rows, align="lrl")


def render_note(note: Note | None, lang: Lang) -> str:
    """Return the note on the tracked projects, or nothing."""
    return seed_note(note, lang) if note is not None else ""


def render_tracked(data: Dataset, lang: Lang) -> str:
    """Return the table of tracked projects and what each is for."""
    rows = [
        [md.span(project.name, f"tracked-{project.id}"), md.cell(project.focus(lang))]
        for project in data.cncf.tracked
    ]
    return md.table([md.cell(c(lang)) for c in TRACKED_COLUMNS], rows)


def render(data: Dataset, lang: Lang) -> str:
    """Return the CNCF benchmark page in `lang`."""
    return md.join(
        md.heading(1, TITLE(lang), "cncf"),
        md.heading(2, GRADUATED(lang), "graduated"),
        md.inline(GRADUATED_INTRO(lang)),
        render_chart(data, lang),
        f"**{md.inline(word('data_table', lang))}**",
        render_graduated(data, lang),
        md.heading(2, TRACKED(lang), "tracked"),
        render_note(data.cncf.tracked_note, lang),
        render_tracked(data, lang),
    )

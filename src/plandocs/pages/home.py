"""What the home page shows from the data: the plan at a glance (its figures are computed), and
the site's contents, each link named as its page is titled."""

from __future__ import annotations

from plandocs import schedule
from plandocs.model import Dataset
from plandocs.render import anchors, blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md

GAPS_SHOWN = 3


def glance(data: Dataset, lang: Lang) -> Md:
    """Return the plan at a glance: the source, the total budget, the phases with their dates,
    how many tasks, checkpoints and high risks, and the largest coverage gaps."""
    words, points = data.labels.home, data.labels.common.points
    plan = data.plan
    phases = [
        md.concat(
            md.link(phase.title(lang), anchors.on("report/plan", anchors.phase(phase.id))),
            md.literal(lang.punctuation.colon),
            lang.dates(span.start, span.end),
        )
        for phase in plan.phases
        for span in [schedule.phase_span(plan, phase)]
    ]
    checks = data.execution.checkpoints
    tasks = sum(len(phase.tasks) for phase in plan.phases)
    high = sum(risk.level == "high" for risk in data.risks.risks)
    largest = sorted(data.wikipedia.coverage, key=lambda area: -area.gap)[:GAPS_SHOWN]
    gaps = [
        md.concat(
            md.link(area.area(lang), anchors.on("report/wikipedia", anchors.area(area.id))),
            md.literal(lang.punctuation.colon),
            md.fill(points(lang), value=lang.signed(area.gap)),
        )
        for area in largest
    ]
    rows = [
        [words.source(lang), md.link(data.source.title(lang), "report/source.md")],
        [words.date(lang), lang.date(data.source.date)],
        [
            words.budget(lang),
            md.link(lang.money(data.budget.total, data.budget.currency), "report/budget.md"),
        ],
        [words.phases(lang), Md("<br>".join(phases))],
        [words.tasks(lang), md.link(lang.number(tasks), "report/plan.md")],
        [
            words.checkpoints(lang),
            md.link(
                lang.number(len(checks.daily) + len(checks.weekly) + len(checks.monthly)),
                "report/execution.md#checkpoints",
            ),
        ],
        [words.high_risks(lang), md.link(lang.number(high), "report/risks.md")],
        [words.gaps(lang), Md("<br>".join(gaps))],
    ]
    return blocks.columns_table([words.item, words.value], rows, lang)


def contents(sections: list[tuple[str, list[tuple[Md, str]]]]) -> Md:
    """Return the contents: each section of the navigation with its pages as (title, link)."""
    return md.join(
        *(
            md.join(md.strong(section), md.bullets(md.link(title, href) for title, href in pages))
            for section, pages in sections
        )
    )

"""What the home page shows from the data: the plan's key figures (every one computed, each
linking to its page), and the site's contents, each link named as its page is titled."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plandocs import schedule
from plandocs.model import Dataset
from plandocs.render import anchors
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


@dataclass(frozen=True)
class Figures:
    """The plan's key figures, computed from the data."""

    budget: int
    currency: str
    months: int
    start: dt.date
    end: dt.date
    phases: int
    tasks: int
    high_risks: int
    key_gaps: tuple[str, ...]
    """The coverage areas (ids) the source names as its key gaps, in its order."""


def figures(data: Dataset) -> Figures:
    """Return the plan's key figures: the computed budget total, the plan's length in months
    and its first and last day, how many phases, tasks and high risks, and the source's key
    gaps (section 1.2 of the source, not the largest computed coverage gaps)."""
    plan = data.plan
    spans = [schedule.phase_span(plan, phase) for phase in plan.phases]
    months = max(p.end_month for p in plan.phases) - min(p.start_month for p in plan.phases)
    return Figures(
        budget=data.budget.total,
        currency=data.budget.currency,
        months=months,
        start=min(span.start for span in spans),
        end=max(span.end for span in spans),
        phases=len(plan.phases),
        tasks=sum(len(phase.tasks) for phase in plan.phases),
        high_risks=sum(risk.level == "high" for risk in data.risks.risks),
        key_gaps=tuple(gap.area for gap in data.wikipedia.key_gaps),
    )


def _figure(value: str | Md, caption: str | Md) -> Md:
    """Return one key figure: its value (already a link) over its caption."""
    return md.concat(Md('<span class="glance-value">'), value, Md("</span> "), caption)


def glance(data: Dataset, lang: Lang) -> Md:
    """Return the plan's key figures as a grid of linked figures (budget, period, phases,
    tasks, high risks, the source's key gaps)."""
    words, found = data.labels.home, figures(data)
    areas = {area.id: area for area in data.wikipedia.coverage}
    gaps = {gap.area: gap.id for gap in data.wikipedia.key_gaps}
    key_gaps = lang.listing(
        md.link(areas[area].area(lang), anchors.on("report/wikipedia", anchors.key_gap(gaps[area])))
        for area in found.key_gaps
    )
    items = [
        _figure(
            md.link(lang.money(found.budget, found.currency), "report/budget.md"),
            words.budget(lang),
        ),
        _figure(
            md.link(lang.months(found.months), anchors.on("report/plan", "phase-overview")),
            md.fill(words.duration(lang), dates=lang.dates(found.start, found.end)),
        ),
        _figure(
            md.link(lang.number(found.phases), anchors.on("report/plan", "phase-overview")),
            words.phases(lang),
        ),
        _figure(md.link(lang.number(found.tasks), "report/plan.md"), words.tasks(lang)),
        _figure(md.link(lang.number(found.high_risks), "report/risks.md"), words.high_risks(lang)),
        _figure(key_gaps, words.key_gaps(lang)),
    ]
    return Md('<div class="glance" markdown>\n\n' + md.bullets(items) + "\n</div>\n")


def contents(sections: list[tuple[str, list[tuple[Md, str]]]]) -> Md:
    """Return the contents: each section of the navigation with its pages as (title, link)."""
    return md.join(
        *(
            md.join(md.strong(section), md.bullets(md.link(title, href) for title, href in pages))
            for section, pages in sections
        )
    )

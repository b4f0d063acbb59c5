"""The page of the source's contradictions (`report/contradictions`): those the site computes
from the data (gaps typed against computed ones, key gaps where we lead, owners missing from the
team, a budget shorter than the plan), the notes the data records, and those readers observed."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.common import Note
from plandocs.render import anchors, blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def _item(text: Md, link_text: str, href: str, lang: Lang) -> Md:
    return lang.paren(text, md.link(link_text, href))


def gaps(data: Dataset, lang: Lang) -> list[Md]:
    """Return each coverage gap the source types differently from its own figures."""
    words, points = data.labels.contradictions, data.labels.common.points
    return [
        _item(
            md.fill(
                words.gap(lang),
                area=area.area(lang),
                typed=lang.percent(area.seed_gap),
                computed=md.fill(points(lang), value=lang.signed(area.gap)),
            ),
            words.where(lang),
            anchors.on("wikipedia", anchors.area_note(area.id)),
            lang,
        )
        for area in data.wikipedia.coverage
        if area.seed_gap is not None and area.seed_gap != area.gap
    ]


def ahead(data: Dataset, lang: Lang) -> list[Md]:
    """Return each key gap whose area we are ahead in, by the source's own figures."""
    words, points = data.labels.contradictions, data.labels.common.points
    areas = {area.id: area for area in data.wikipedia.coverage}
    return [
        _item(
            md.fill(
                words.ahead_item(lang),
                area=areas[gap.area].area(lang),
                computed=md.fill(points(lang), value=lang.signed(areas[gap.area].gap)),
            ),
            words.where(lang),
            anchors.on("wikipedia", anchors.key_gap(gap.id)),
            lang,
        )
        for gap in data.wikipedia.key_gaps
        if areas[gap.area].gap < 0
    ]


def owners(data: Dataset, lang: Lang) -> list[Md]:
    """Return the roles the plan gives tasks that the team does not staff, as one item (the
    same sentence for each role would repeat itself)."""
    words = data.labels.contradictions
    roles = [
        md.link(role.title(lang), anchors.on("team", anchors.role(role.id)))
        for role in data.team.other_owners
    ]
    return [lang.labelled(words.role_list(lang), lang.listing(roles))] if roles else []


def spans(data: Dataset, lang: Lang) -> list[Md]:
    """Return each budget group that pays for fewer months than the plan runs."""
    words = data.labels.contradictions
    plan = max(phase.end_month for phase in data.plan.phases) - min(
        phase.start_month for phase in data.plan.phases
    )
    return [
        _item(
            md.fill(
                words.span(lang),
                group=group.title(lang),
                months=lang.months(group.months),
                plan=lang.months(plan),
            ),
            words.where(lang),
            anchors.on("budget", anchors.budget_group(category.id, group.id)),
            lang,
        )
        for category in data.budget.categories
        for group in category.groups
        if group.months is not None and group.months < plan
    ]


def notes(data: Dataset, lang: Lang) -> list[Md]:
    """Return the notes the data records on the source, outside the coverage figures."""
    words = data.labels.contradictions
    found: list[tuple[Note, str, str]] = [(data.plan.start_note, "plan", "plan")]
    if data.cncf.tracked_note is not None:
        found.append((data.cncf.tracked_note, "cncf", "tracked"))
    return [
        _item(md.inline(note.explanation(lang)), words.where(lang), anchors.on(page, anchor), lang)
        for note, page, anchor in found
    ]


def observed(data: Dataset, lang: Lang) -> list[Md]:
    """Return the contradictions readers observed (data/contradictions.yml)."""
    words = data.labels.contradictions
    return [
        _item(
            lang.fact(item.title(lang), item.text(lang)),
            words.where(lang),
            anchors.on(item.place.page, item.place.anchor or item.place.page),
            lang,
        )
        for item in data.contradictions.observed
    ]


def render(data: Dataset, lang: Lang) -> str:
    """Return the contradictions page in `lang`."""
    words = data.labels.contradictions
    sections = [
        (words.gaps, "contradictions-gaps", gaps(data, lang)),
        (words.ahead, "contradictions-ahead", ahead(data, lang)),
        (words.roles, "contradictions-owners", owners(data, lang)),
        (words.spans, "contradictions-spans", spans(data, lang)),
        (words.notes, "contradictions-notes", notes(data, lang)),
        (words.observed, "contradictions-observed", observed(data, lang)),
    ]
    return md.join(
        md.heading(1, words.title(lang), "contradictions"),
        md.inline(words.intro(lang)),
        *(
            blocks.titled_list(2, title(lang), anchor, items)
            for title, anchor, items in sections
            if items
        ),
    )

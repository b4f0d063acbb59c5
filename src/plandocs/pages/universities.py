"""The university benchmark page (`report/universities`): MIT CSAIL, Stanford CS, Berkeley EECS."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.benchmarks import FocusMap, GraphNode, University
from plandocs.model.common import Lang, Text
from plandocs.render import format, mermaid
from plandocs.render import markdown as md
from plandocs.render.labels import t, word

TITLE = t("名校对标", "Benchmarking against leading universities")
INTRO = t(
    "本页将项目与三所大学的计算机研究单位对比：研究重点、技术优势评分、可借鉴之处与合作方向。",
    "This page compares the project with the computer science units of three universities: "
    "research focus, rated strengths, lessons and areas to work on together.",
)
FOCUS = t("研究重点对比", "Research focus compared")
FOCUS_DESCR = t("对方的研究重点以虚线连到我们对应的重点", "Their focus areas linked to ours")
LINK = t("对比维度", "Compared on")
RATINGS = t("技术优势对比", "Strengths compared")
RATINGS_CHART = t("{name} 与我们的评分", "Ratings of {name} and of us")
RATINGS_DESCR = t("各维度一至五星的评分", "Ratings from one to five stars per dimension")
OURS = t("我们", "Ours")
GAP_NOTE = t("差距说明", "What the gap is about")
DIMENSION = t("维度", "Dimension")
LESSONS = t("可借鉴之处", "Lessons to take")
THEIR_STRENGTHS = t("{name} 的优势", "Strengths of {name}")
OUR_STRENGTHS = t("我们的优势", "Our strengths")
OPPORTUNITIES = {
    "complementary": t("互补领域", "Complementary areas"),
    "collaboration": t("合作机会", "Collaboration opportunities"),
}
FRONTIER = t("前沿技术对应", "Frontier technologies and ours")
THEIR_FRONTIER = t("{name} 前沿技术", "Frontier technology at {name}")
OUR_ANSWER = t("我们的对应技术", "Our counterpart")


def heading_name(university: University, lang: Lang) -> str:
    """Return the university and its unit, e.g. `MIT CSAIL`."""
    return f"{university.name(lang)} {university.unit}"


def fill(text: Text, lang: Lang, university: University) -> str:
    """Return a label with the university's name filled in."""
    return text(lang).format(name=heading_name(university, lang))


def _node(node: GraphNode) -> str:
    return mermaid.node_id("focus", node.id)


def render_focus_chart(focus: FocusMap, lang: Lang) -> str:
    """Return the focus flowchart: each root with its focus areas, and dotted comparisons."""
    lines = ["flowchart LR"]
    for root, children in ((focus.theirs, focus.their_focus), (focus.ours, focus.our_focus)):
        lines.append(f"    {_node(root)}[{mermaid.quoted(root.label(lang))}]")
        lines += [
            f"    {_node(root)} --> {_node(child)}[{mermaid.quoted(child.label(lang))}]"
            for child in children
        ]
    lines += [
        f"    {mermaid.node_id('focus', link.source)} -. {mermaid.quoted(link.label(lang))} .-> "
        f"{mermaid.node_id('focus', link.target)}"
        for link in focus.links
    ]
    return mermaid.fence("\n".join(lines), title=FOCUS(lang), description=FOCUS_DESCR(lang))


def render_focus_table(uid: str, focus: FocusMap, lang: Lang) -> str:
    """Return the links of the focus map as a table; unlinked focus areas get a row too."""
    theirs = {node.id: node for node in focus.their_focus}
    ours = {node.id: node for node in focus.our_focus}
    rows = [
        (theirs.get(link.source), link.label(lang), ours.get(link.target)) for link in focus.links
    ]
    linked = {link.source for link in focus.links} | {link.target for link in focus.links}
    rows += [(node, "", None) for node in focus.their_focus if node.id not in linked]
    rows += [(None, "", node) for node in focus.our_focus if node.id not in linked]
    seen: set[str] = set()

    def cell(node: GraphNode | None) -> str:
        if node is None:
            return ""
        if node.id in seen:
            return md.cell(node.label(lang))
        seen.add(node.id)
        return md.span(node.label(lang), f"{uid}-focus-{node.id}")

    headers = [
        md.cell(focus.theirs.label(lang)),
        md.cell(LINK(lang)),
        md.cell(focus.ours.label(lang)),
    ]
    return md.table(headers, [[cell(a), md.cell(label), cell(b)] for a, label, b in rows])


def render_ratings(university: University, lang: Lang) -> str:
    """Return the radar chart of the ratings and the ratings table next to it."""
    name = heading_name(university, lang)
    ratings = university.ratings
    axes = ", ".join(
        f"{mermaid.node_id(r.id)}[{mermaid.quoted(r.dimension(lang))}]" for r in ratings
    )
    curves = [
        f"    curve {key}[{mermaid.quoted(label)}]{{{', '.join(str(v) for v in values)}}}"
        for key, label, values in (
            ("theirs", name, [r.theirs for r in ratings]),
            ("ours", OURS(lang), [r.ours for r in ratings]),
        )
    ]
    chart = "\n".join(["radar-beta", f"    axis {axes}", *curves, "    max 5", "    min 0"])
    rows = [
        [
            md.span(r.dimension(lang), f"{university.id}-rating-{r.id}"),
            md.cell(format.stars(r.theirs)),
            md.cell(format.stars(r.ours)),
            md.cell(r.gap_note(lang)),
        ]
        for r in ratings
    ]
    headers = [DIMENSION(lang), name, OURS(lang), GAP_NOTE(lang)]
    return md.join(
        md.heading(3, RATINGS(lang), f"{university.id}-ratings"),
        mermaid.fence(
            chart, title=fill(RATINGS_CHART, lang, university), description=RATINGS_DESCR(lang)
        ),
        f"**{md.inline(word('data_table', lang))}**",
        md.table([md.cell(h) for h in headers], rows),
    )


def render_list(
    university: University, title: str, suffix: str, items: list[Text], lang: Lang
) -> str:
    """Return a titled list of plain texts, or nothing when the list is empty."""
    if not items:
        return ""
    return md.join(
        md.heading(3, title, f"{university.id}-{suffix}"),
        md.bullets(md.inline(item(lang)) for item in items),
    )


def render_university(university: University, lang: Lang) -> str:
    """Return one university's section with whatever parts the source gives for it."""
    uid = university.id
    blocks = [md.heading(2, heading_name(university, lang), uid)]
    if university.focus_map is not None:
        blocks += [
            md.heading(3, FOCUS(lang), f"{uid}-focus"),
            render_focus_chart(university.focus_map, lang),
            f"**{md.inline(word('data_table', lang))}**",
            render_focus_table(uid, university.focus_map, lang),
        ]
    if university.ratings:
        blocks.append(render_ratings(university, lang))
    if university.lessons:
        colon = "：" if lang == "zh" else ": "
        lessons = [
            f"**{md.span(item.title(lang), f'{uid}-lesson-{item.id}')}**"
            + (f"{colon}{md.inline(item.text(lang))}" if item.text else "")
            for item in university.lessons
        ]
        blocks += [md.heading(3, LESSONS(lang), f"{uid}-lessons"), md.bullets(lessons)]
    their = fill(THEIR_STRENGTHS, lang, university)
    blocks.append(render_list(university, their, "strengths", university.their_strengths, lang))
    blocks.append(
        render_list(university, OUR_STRENGTHS(lang), "ours", university.our_strengths, lang)
    )
    if university.opportunities is not None:
        kind = university.opportunities.kind
        items = university.opportunities.items
        blocks.append(render_list(university, OPPORTUNITIES[kind](lang), kind, items, lang))
    if university.frontier:
        headers = [fill(THEIR_FRONTIER, lang, university), OUR_ANSWER(lang)]
        rows = [
            [md.span(pair.theirs(lang), f"{uid}-frontier-{pair.id}"), md.cell(pair.ours(lang))]
            for pair in university.frontier
        ]
        blocks += [
            md.heading(3, FRONTIER(lang), f"{uid}-frontier"),
            md.table([md.cell(h) for h in headers], rows),
        ]
    return md.join(*blocks)


def render(data: Dataset, lang: Lang) -> str:
    """Return the university benchmark page in `lang`."""
    return md.join(
        md.heading(1, TITLE(lang), "universities"),
        md.inline(INTRO(lang)),
        *(render_university(university, lang) for university in data.universities.universities),
    )

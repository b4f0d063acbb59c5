"""The university benchmark page (`report/universities`): MIT CSAIL, Stanford CS, Berkeley EECS."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.benchmarks import FocusMap, GraphNode, University
from plandocs.model.common import Text
from plandocs.model.labels import UniversitiesWords
from plandocs.render import anchors, blocks, mermaid
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def heading_name(university: University, lang: Lang) -> str:
    """Return the university and its unit, e.g. `MIT CSAIL`."""
    return f"{university.name(lang)} {university.unit}"


def fill(template: Text, lang: Lang, university: University) -> str:
    """Return a label with the university's name filled in (plain text)."""
    return template(lang).format(name=heading_name(university, lang))


def _node(node_id: str) -> str:
    return mermaid.node_id("focus", node_id)


def render_focus_chart(focus: FocusMap, words: UniversitiesWords, lang: Lang) -> str:
    """Return the focus flowchart: each root with its focus areas, and dotted comparisons."""
    lines = ["flowchart LR"]
    for root, children in ((focus.theirs, focus.their_focus), (focus.ours, focus.our_focus)):
        lines.append(f"    {_node(root.id)}[{mermaid.quoted(root.label(lang))}]")
        lines += [
            f"    {_node(root.id)} --> {_node(child.id)}[{mermaid.quoted(child.label(lang))}]"
            for child in children
        ]
    lines += [
        f"    {_node(link.source)} -. {mermaid.quoted(link.label(lang))} .-> {_node(link.target)}"
        for link in focus.links
    ]
    return mermaid.fence(
        "\n".join(lines), title=words.focus(lang), description=words.focus_description(lang)
    )


def render_focus_table(uid: str, focus: FocusMap, words: UniversitiesWords, lang: Lang) -> Md:
    """Return the links of the focus map as a table; unlinked focus areas get a row too."""
    theirs = {node.id: node for node in [focus.theirs, *focus.their_focus]}
    ours = {node.id: node for node in [focus.ours, *focus.our_focus]}
    rows = [
        (theirs.get(link.source), link.label(lang), ours.get(link.target)) for link in focus.links
    ]
    linked = {link.source for link in focus.links} | {link.target for link in focus.links}
    rows += [(node, "", None) for node in focus.their_focus if node.id not in linked]
    rows += [(None, "", node) for node in focus.our_focus if node.id not in linked]
    seen: set[str] = set()

    def cell(node: GraphNode | None) -> str | Md:
        if node is None:
            return ""
        if node.id in seen:
            return node.label(lang)
        seen.add(node.id)
        return md.span(node.label(lang), anchors.university(uid, "focus", node.id))

    headers = [focus.theirs.label(lang), words.compared_on(lang), focus.ours.label(lang)]
    return md.table(headers, [[cell(a), label, cell(b)] for a, label, b in rows])


def render_ratings(university: University, data: Dataset, lang: Lang) -> Md:
    """Return the radar chart of the ratings and the ratings table next to it."""
    words = data.labels.universities
    name = heading_name(university, lang)
    ratings = university.ratings
    axes = ", ".join(
        f"{mermaid.node_id('axis', r.id)}[{mermaid.quoted(r.dimension(lang))}]" for r in ratings
    )
    curves = [
        f"    curve {key}[{mermaid.quoted(label)}]{{{', '.join(str(v) for v in values)}}}"
        for key, label, values in (
            ("theirs", name, [r.theirs for r in ratings]),
            ("ours", words.ours(lang), [r.ours for r in ratings]),
        )
    ]
    # A straight-sided polygon a star (ticks 5 from 0 to 5): the scale can be read off the
    # rings, and no smoothed curve suggests values between the axes.
    scale = ["    max 5", "    min 0", "    ticks 5", "    graticule polygon"]
    chart = "\n".join(["radar-beta", f"    axis {axes}", *curves, *scale])
    rows = [
        [
            md.span(r.dimension(lang), anchors.university(university.id, "rating", r.id)),
            blocks.stars(r.theirs),
            blocks.stars(r.ours),
            r.gap_note(lang),
        ]
        for r in ratings
    ]
    headers = [words.dimension(lang), name, words.ours(lang), words.gap_note(lang)]
    figure = mermaid.fence(
        chart,
        title=fill(words.ratings_chart, lang, university),
        description=words.ratings_description(lang),
    )
    return md.join(
        md.heading(3, words.ratings(lang), anchors.university(university.id, "ratings")),
        blocks.chart_with_data(figure, md.table(headers, rows), data.labels.common, lang),
    )


def render_list(university: University, title: str, part: str, items: list[Text], lang: Lang) -> Md:
    """Return a titled list of plain texts, or nothing when the list is empty."""
    if not items:
        return Md("")
    anchor = anchors.university(university.id, part)
    return blocks.titled_list(3, title, anchor, blocks.texts(items, lang))


def render_university(university: University, data: Dataset, lang: Lang) -> Md:
    """Return one university's section with whatever parts the source gives for it."""
    words = data.labels.universities
    uid = university.id
    parts: list[str] = [md.heading(2, heading_name(university, lang), anchors.university(uid))]
    if university.focus_map is not None:
        parts += [
            md.heading(3, words.focus(lang), anchors.university(uid, "focus")),
            blocks.chart_with_data(
                render_focus_chart(university.focus_map, words, lang),
                render_focus_table(uid, university.focus_map, words, lang),
                data.labels.common,
                lang,
            ),
        ]
    if university.ratings:
        parts.append(render_ratings(university, data, lang))
    lessons = [
        blocks.item(item, anchors.university(uid, "lesson", item.id), lang)
        for item in university.lessons
    ]
    if lessons:
        parts.append(
            blocks.titled_list(3, words.lessons(lang), anchors.university(uid, "lessons"), lessons)
        )
    their = fill(words.their_strengths, lang, university)
    parts.append(render_list(university, their, "strengths", university.their_strengths, lang))
    parts.append(
        render_list(university, words.our_strengths(lang), "ours", university.our_strengths, lang)
    )
    if university.opportunities is not None:
        kind = university.opportunities.kind
        items = university.opportunities.items
        parts.append(render_list(university, words.opportunities[kind](lang), kind, items, lang))
    if university.frontier:
        headers = [fill(words.their_frontier, lang, university), words.our_answer(lang)]
        rows = [
            [
                md.span(pair.theirs(lang), anchors.university(uid, "frontier", pair.id)),
                pair.ours(lang),
            ]
            for pair in university.frontier
        ]
        parts += [
            md.heading(3, words.frontier(lang), anchors.university(uid, "frontier")),
            md.table(headers, rows),
        ]
    return md.join(*parts)


def render(data: Dataset, lang: Lang) -> str:
    """Return the university benchmark page in `lang`."""
    words = data.labels.universities
    return md.join(
        md.heading(1, words.title(lang), "universities"),
        md.inline(words.intro(lang)),
        *(render_university(u, data, lang) for u in data.universities.universities),
    )

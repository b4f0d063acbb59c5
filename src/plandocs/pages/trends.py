"""The technology trends page (`report/trends`): the trend mind map and the maturity assessment."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.benchmarks import TrendItem
from plandocs.render import anchors, blocks, mermaid
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md

ADOPTION = ("high", "medium", "low")
MATURITY = ("early", "developing", "mature")


def item_label(item: TrendItem, lang: Lang) -> str:
    """Return an item's name with its version when it has one, e.g. `Kata Containers 3.0`."""
    return f"{item.label(lang)} {item.version}" if item.version else item.label(lang)


def render_mindmap(data: Dataset, lang: Lang) -> str:
    """Return the mind map: root, branches, groups and items, drawn as a tree from left to
    right (one column a level, one row a leaf): Mermaid's radial mind map was twice as wide
    as the content column, and a tree keeps every label readable on a desktop and a phone."""
    trends = data.trends
    root = mermaid.node_id("root", "trends")
    lines = ["flowchart LR", f"    {root}(({mermaid.quoted(trends.root(lang))}))"]

    def child(parent: str, kind: str, key: str, label: str) -> str:
        node = mermaid.node_id(kind, key)
        lines.append(f"    {node}[{mermaid.quoted(label)}]")
        lines.append(f"    {parent} --> {node}")
        return node

    for branch in trends.branches:
        branch_node = child(root, "branch", branch.id, branch.label(lang))
        for group in branch.groups:
            group_node = child(branch_node, "group", group.id, group.label(lang))
            for item in group.items:
                child(group_node, "item", item.id, item_label(item, lang))
    return mermaid.fence("\n".join(lines), title=data.labels.trends.map(lang))


def render_outline(data: Dataset, lang: Lang) -> Md:
    """Return the mind map as nested lists, its text equivalent."""
    trends = data.trends
    lines = [f"- {md.inline(trends.root(lang))}"]
    for branch in trends.branches:
        lines.append(f"    - {md.span(branch.label(lang), anchors.trend('branch', branch.id))}")
        for group in branch.groups:
            lines.append(
                f"        - {md.span(group.label(lang), anchors.trend('group', group.id))}"
            )
            lines += [
                f"            - {md.span(item_label(item, lang), anchors.trend('item', item.id))}"
                for item in group.items
            ]
    return Md("\n".join(lines) + "\n")


def render_matrix(data: Dataset, lang: Lang) -> Md:
    """Return the maturity matrix: adoption (rows) by maturity (columns), each technology area
    in the cell of its two ratings, linked to its row of the table."""
    words, values = data.labels.trends, data.labels.common.values
    return blocks.rating_grid(
        caption=words.chart_description(lang),
        rows=(words.adoption_axis(lang), [(v, values[v](lang)) for v in ADOPTION]),
        columns=(words.maturity_axis(lang), [(v, values[v](lang)) for v in MATURITY]),
        items=[
            (
                row.adoption,
                row.maturity,
                md.link(row.area(lang), anchors.here(anchors.maturity(row.id))),
            )
            for row in data.trends.maturity
        ],
        lang=lang,
    )


def render_table(data: Dataset, lang: Lang) -> Md:
    """Return the maturity table, the quadrant chart's text equivalent."""
    values = data.labels.common.values
    rows = [
        [
            md.span(row.area(lang), anchors.maturity(row.id)),
            values[row.maturity](lang),
            values[row.adoption](lang),
            values[row.trend](lang),
            blocks.stars(row.readiness),
        ]
        for row in data.trends.maturity
    ]
    return blocks.columns_table(data.labels.trends.columns, rows, lang)


def render(data: Dataset, lang: Lang) -> str:
    """Return the technology trends page in `lang`."""
    words, common = data.labels.trends, data.labels.common
    return md.join(
        md.heading(1, words.title(lang), "trends"),
        md.heading(2, words.map(lang), "trend-map"),
        md.inline(words.map_intro(lang)),
        blocks.chart_with_data(
            render_mindmap(data, lang), render_outline(data, lang), common, lang
        ),
        md.heading(2, words.maturity(lang), "maturity"),
        md.inline(words.maturity_intro(lang)),
        render_matrix(data, lang),
        render_table(data, lang),
    )

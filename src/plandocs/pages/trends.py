"""The technology trends page (`report/trends`): the trend mind map and the maturity assessment."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.benchmarks import TrendItem
from plandocs.render import anchors, blocks, mermaid
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md

# Position on a 0-1 axis for each level; areas sharing a cell are spread apart.
_POSITION = {"early": 0.2, "developing": 0.5, "mature": 0.8, "low": 0.2, "medium": 0.5, "high": 0.8}


def item_label(item: TrendItem, lang: Lang) -> str:
    """Return an item's name with its version when it has one, e.g. `Kata Containers 3.0`."""
    return f"{item.label(lang)} {item.version}" if item.version else item.label(lang)


def render_mindmap(data: Dataset, lang: Lang) -> str:
    """Return the mind map: root, branches, groups and items."""
    trends = data.trends

    def node(indent: int, kind: str, key: str, label: str) -> str:
        return f"{' ' * indent}{mermaid.node_id(kind, key)}[{mermaid.quoted(label)}]"

    lines = ["mindmap", f"  root(({mermaid.quoted(trends.root(lang))}))"]
    for branch in trends.branches:
        lines.append(node(4, "branch", branch.id, branch.label(lang)))
        for group in branch.groups:
            lines.append(node(6, "group", group.id, group.label(lang)))
            lines += [node(8, "item", item.id, item_label(item, lang)) for item in group.items]
    return mermaid.fence("\n".join(lines), title=data.labels.trends.map(lang), accessible=False)


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


def render_quadrant(data: Dataset, lang: Lang) -> str:
    """Return a quadrant chart of the areas: maturity (x) against adoption (y)."""
    words = data.labels.trends
    source = mermaid.quadrant_chart(
        x_axis=(words.x_axis.low(lang), words.x_axis.high(lang)),
        y_axis=(words.y_axis.low(lang), words.y_axis.high(lang)),
        quadrants=[
            words.quadrants.q1(lang),
            words.quadrants.q2(lang),
            words.quadrants.q3(lang),
            words.quadrants.q4(lang),
        ],
        points=[
            (row.area(lang), _POSITION[row.maturity], _POSITION[row.adoption])
            for row in data.trends.maturity
        ],
    )
    return mermaid.fence(source, title=words.chart(lang), description=words.chart_description(lang))


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
        blocks.chart_with_data(render_quadrant(data, lang), render_table(data, lang), common, lang),
    )

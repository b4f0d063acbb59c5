"""The technology trends page (`report/trends`): the trend mind map and the maturity assessment."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.benchmarks import MaturityRow, TrendItem
from plandocs.model.common import Lang
from plandocs.render import format, mermaid
from plandocs.render import markdown as md
from plandocs.render.labels import enum, t, word

TITLE = t("技术趋势对标", "Benchmarking against technology trends")
MAP = t("热点技术思维导图", "Mind map of hot technologies")
MAP_INTRO = t(
    "思维导图按技术方向、技术类别和具体技术三层展开；下面的列表是其文字版。",
    "The mind map has three levels: technology direction, category and product or topic. "
    "The list below it gives the same content as text.",
)
MATURITY = t("技术成熟度评估", "Technology maturity assessment")
MATURITY_INTRO = t(
    "图中横轴为技术成熟度，纵轴为采用率；表中另列发展趋势与我们的准备度。",
    "The chart plots each technology's maturity against its adoption; the table adds its "
    "trend and how ready we are for it.",
)
CHART = t("技术成熟度与采用率", "Maturity and adoption")
CHART_DESCR = t(
    "按成熟度与采用率放置的技术领域", "Technology areas placed by maturity and adoption"
)
AXES = {
    "x": (t("早期", "Early"), t("成熟", "Mature")),
    "y": (t("低采用率", "Low adoption"), t("高采用率", "High adoption")),
}
QUADRANTS = (
    t("主流技术", "Mainstream"),
    t("快速普及", "Spreading fast"),
    t("前沿探索", "Frontier"),
    t("成熟小众", "Mature niche"),
)
COLUMNS = (
    t("技术领域", "Area"),
    t("成熟度", "Maturity"),
    t("采用率", "Adoption"),
    t("发展趋势", "Trend"),
    t("我们的准备度", "Our readiness"),
)

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
    return mermaid.fence("\n".join(lines), title=MAP(lang), accessible=False)


def render_outline(data: Dataset, lang: Lang) -> str:
    """Return the mind map as nested lists, its text equivalent."""
    trends = data.trends
    lines = [f"- {md.inline(trends.root(lang))}"]
    for branch in trends.branches:
        lines.append(f"    - {md.span(branch.label(lang), f'trend-branch-{branch.id}')}")
        for group in branch.groups:
            lines.append(f"        - {md.span(group.label(lang), f'trend-group-{group.id}')}")
            lines += [
                f"            - {md.span(item_label(item, lang), f'trend-item-{item.id}')}"
                for item in group.items
            ]
    return "\n".join(lines) + "\n"


def anchor(row: MaturityRow) -> str:
    """Return the stable anchor of a maturity row."""
    return f"maturity-{row.id}"


def render_quadrant(data: Dataset, lang: Lang) -> str:
    """Return a quadrant chart of the areas: maturity (x) against adoption (y)."""
    source = mermaid.quadrant_chart(
        x_axis=(AXES["x"][0](lang), AXES["x"][1](lang)),
        y_axis=(AXES["y"][0](lang), AXES["y"][1](lang)),
        quadrants=[quadrant(lang) for quadrant in QUADRANTS],
        points=[
            (row.area(lang), _POSITION[row.maturity], _POSITION[row.adoption])
            for row in data.trends.maturity
        ],
    )
    return mermaid.fence(source, title=CHART(lang), description=CHART_DESCR(lang))


def render_table(data: Dataset, lang: Lang) -> str:
    """Return the maturity table, the quadrant chart's text equivalent."""
    rows = [
        [
            md.span(row.area(lang), anchor(row)),
            md.cell(enum(row.maturity, lang)),
            md.cell(enum(row.adoption, lang)),
            md.cell(enum(row.trend, lang)),
            md.cell(format.stars(row.readiness)),
        ]
        for row in data.trends.maturity
    ]
    return md.table([md.cell(c(lang)) for c in COLUMNS], rows)


def render(data: Dataset, lang: Lang) -> str:
    """Return the technology trends page in `lang`."""
    return md.join(
        md.heading(1, TITLE(lang), "trends"),
        md.heading(2, MAP(lang), "trend-map"),
        md.inline(MAP_INTRO(lang)),
        render_mindmap(data, lang),
        f"**{md.inline(word('data_table', lang))}**",
        render_outline(data, lang),
        md.heading(2, MATURITY(lang), "maturity"),
        md.inline(MATURITY_INTRO(lang)),
        render_quadrant(data, lang),
        f"**{md.inline(word('data_table', lang))}**",
        render_table(data, lang),
    )

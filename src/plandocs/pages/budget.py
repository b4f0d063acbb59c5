"""The budget page (`report/budget`): computed totals by category, each group's lines, checks."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.common import Lang
from plandocs.model.project import BudgetCategory, BudgetGroup, BudgetLine
from plandocs.render import format, mermaid
from plandocs.render import markdown as md
from plandocs.render.labels import t, word

TITLE = t("预算估算", "Budget estimate")
INTRO = t(
    "原文附录C的预算估算。小计、合计与占比均由各项金额计算得出，并与原文给出的数字核对。",
    "The budget estimate from Appendix C of the source. Subtotals, totals and shares are "
    "computed from the line amounts and checked against the figures the source states.",
)
OVERVIEW = t("预算构成", "Budget by category")
CHART_DESCR = t(
    "各费用类别在预算总计中的金额", "The amount of each cost category in the total budget"
)
SUMMARY = (t("类别", "Category"), t("金额", "Amount"), t("占总计", "Share of total"))
TOTAL = t("总计", "Total")
CATEGORY_TOTAL = t("类别合计", "Category total")
DETAILS = t("预算明细", "Budget details")
LINES = (t("项目", "Item"), t("人数", "People"), t("金额", "Amount"), t("占本组", "Share of group"))
SUBTOTAL = t("小计", "Subtotal")
CHECKS = t("与原文核对", "Checked against the source")
CHECKS_INTRO = t(
    "原文给出的小计与合计，与本页计算值的对照：",
    "The subtotals and totals the source states, against the values computed on this page:",
)
NONE = "—"


def category_anchor(category: BudgetCategory) -> str:
    """Return the stable anchor of a budget category."""
    return f"category-{category.id}"


def group_anchor(category: BudgetCategory, group: BudgetGroup) -> str:
    """Return the stable anchor of a budget group inside its category."""
    return f"group-{category.id}-{group.id}"


def money(data: Dataset, amount: int, lang: Lang) -> str:
    """Return an amount in the budget's currency."""
    return format.money(amount, data.budget.currency, lang)


def render_pie(data: Dataset, lang: Lang) -> str:
    """Return a pie chart of the computed category totals."""
    lines = ["pie"]
    lines += [
        f"    {mermaid.quoted(category.title(lang))} : {category.total}"
        for category in data.budget.categories
    ]
    return mermaid.fence("\n".join(lines), title=OVERVIEW(lang), description=CHART_DESCR(lang))


def render_summary(data: Dataset, lang: Lang) -> str:
    """Return the category totals and shares with the grand total: the pie's data."""
    total = data.budget.total
    rows = [
        [
            f"[{md.cell(category.title(lang))}](#{category_anchor(category)})",
            money(data, category.total, lang),
            format.share(category.total, total),
        ]
        for category in data.budget.categories
    ]
    rows.append(
        [
            f"**{md.cell(TOTAL(lang))}**",
            f"**{money(data, total, lang)}**",
            f"**{format.share(total, total)}**",
        ]
    )
    return md.table([md.cell(c(lang)) for c in SUMMARY], rows, align="lrr")


def line_item(line: BudgetLine, lang: Lang) -> str:
    """Return a line's label; a personnel line links to its team role."""
    label = md.cell(line.label(lang))
    return f"[{label}](team.md#role-{line.role})" if line.role else label


def render_group(data: Dataset, category: BudgetCategory, group: BudgetGroup, lang: Lang) -> str:
    """Return a group's heading (with its period) and its lines with a computed subtotal."""
    title = group.title(lang)
    if group.period is not None:
        title = (
            f"{title}（{group.period(lang)}）"
            if lang == "zh"
            else f"{title} ({group.period(lang)})"
        )
    subtotal = group.subtotal
    counted = any(line.count is not None for line in group.lines)
    rows = [
        [
            line_item(line, lang),
            *([str(line.count) if line.count is not None else NONE] if counted else []),
            money(data, line.amount, lang),
            format.share(line.amount, subtotal),
        ]
        for line in group.lines
    ]
    rows.append(
        [
            f"**{md.cell(SUBTOTAL(lang))}**",
            *([""] if counted else []),
            f"**{money(data, subtotal, lang)}**",
            f"**{format.share(subtotal, subtotal)}**",
        ]
    )
    columns = [c for c in LINES if counted or c is not LINES[1]]
    return md.join(
        md.heading(4, title, group_anchor(category, group)),
        md.table([md.cell(c(lang)) for c in columns], rows, align="lrrr"),
    )


def render_category(data: Dataset, category: BudgetCategory, lang: Lang) -> str:
    """Return a category's heading, its computed total and each of its groups."""
    return md.join(
        md.heading(3, category.title(lang), category_anchor(category)),
        md.fact(CATEGORY_TOTAL(lang), money(data, category.total, lang), lang),
        *(render_group(data, category, group, lang) for group in category.groups),
    )


def check(data: Dataset, name: str, stated: int, computed: int, lang: Lang) -> str:
    """Return one check: what the source states against the computed value."""
    same = stated == computed
    x, y = money(data, stated, lang), money(data, computed, lang)
    if lang == "zh":
        value = f"原文给出 {x}，计算值为 {y}（{'一致' if same else '不一致'}）"
    else:
        verdict = "equal" if same else "different"
        value = f"the source states {x} and the computed value is {y} ({verdict})"
    return md.fact(name, md.inline(value), lang)


def render_checks(data: Dataset, lang: Lang) -> str:
    """Return the list of stated subtotals and totals against the computed ones."""
    items: list[str] = []
    for category in data.budget.categories:
        for group in category.groups:
            if group.stated_subtotal is not None:
                name = f"{group.title(lang)}{SUBTOTAL(lang) if lang == 'zh' else ' subtotal'}"
                items.append(check(data, name, group.stated_subtotal, group.subtotal, lang))
        if category.stated_total is not None:
            name = f"{category.title(lang)}{'合计' if lang == 'zh' else ' total'}"
            items.append(check(data, name, category.stated_total, category.total, lang))
    name = "预算总计" if lang == "zh" else "Total budget"
    items.append(check(data, name, data.budget.stated_total, data.budget.total, lang))
    return md.join(md.inline(CHECKS_INTRO(lang)), md.bullets(items))


def render(data: Dataset, lang: Lang) -> str:
    """Return the budget page in `lang`."""
    return md.join(
        md.heading(1, TITLE(lang), "budget"),
        md.inline(INTRO(lang)),
        md.heading(2, OVERVIEW(lang), "budget-overview"),
        render_pie(data, lang),
        f"**{md.inline(word('data_table', lang))}**",
        render_summary(data, lang),
        md.heading(2, DETAILS(lang), "budget-details"),
        *(render_category(data, category, lang) for category in data.budget.categories),
        md.heading(2, CHECKS(lang), "budget-checks"),
        render_checks(data, lang),
    )

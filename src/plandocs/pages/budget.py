"""The budget page (`report/budget`): computed totals by category, each group's lines, checks."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.labels import BudgetWords
from plandocs.model.project import BudgetCategory, BudgetGroup, BudgetLine
from plandocs.render import anchors, blocks, mermaid
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def money(data: Dataset, amount: int, lang: Lang) -> str:
    """Return an amount in the budget's currency."""
    return lang.money(amount, data.budget.currency)


def render_pie(data: Dataset, lang: Lang) -> str:
    """Return a pie chart of the computed category totals."""
    words = data.labels.budget
    lines = ["pie"]
    lines += [
        f"    {mermaid.quoted(category.title(lang))} : {category.total}"
        for category in data.budget.categories
    ]
    return mermaid.fence(
        "\n".join(lines), title=words.overview(lang), description=words.chart_description(lang)
    )


def render_summary(data: Dataset, lang: Lang) -> Md:
    """Return the category totals and shares with the grand total: the pie's data."""
    words = data.labels.budget
    total = data.budget.total
    rows: list[list[str | Md]] = [
        [
            md.link(category.title(lang), anchors.here(anchors.budget_category(category.id))),
            money(data, category.total, lang),
            lang.share(category.total, total),
        ]
        for category in data.budget.categories
    ]
    rows.append(
        [
            md.strong(words.total(lang)),
            md.strong(money(data, total, lang)),
            md.strong(lang.share(total, total)),
        ]
    )
    return blocks.columns_table(words.summary_columns, rows, lang, align="lrr")


def line_item(line: BudgetLine, lang: Lang) -> str | Md:
    """Return a line's label; a personnel line links to its team role."""
    if line.role is None:
        return line.label(lang)
    return md.link(line.label(lang), anchors.on("team", anchors.role(line.role)))


def _people(line: BudgetLine) -> str:
    """Return how many people a line pays for: its count, 1 for a role, a dash otherwise."""
    if line.count is not None:
        return str(line.count)
    return "1" if line.role is not None else blocks.NONE


def render_group(data: Dataset, category: BudgetCategory, group: BudgetGroup, lang: Lang) -> Md:
    """Return a group's heading (with its period) and its lines with a computed subtotal."""
    words = data.labels.budget
    title: str | Md = group.title(lang)
    if group.months is not None:
        title = lang.paren(title, lang.months(group.months))
    elif group.period is not None:
        title = lang.paren(title, group.period(lang))
    subtotal = group.subtotal
    counted = any(line.count is not None for line in group.lines)
    rows: list[list[str | Md]] = [
        [
            line_item(line, lang),
            *([_people(line)] if counted else []),
            money(data, line.amount, lang),
            lang.share(line.amount, subtotal),
        ]
        for line in group.lines
    ]
    rows.append(
        [
            md.strong(words.subtotal(lang)),
            *([""] if counted else []),
            md.strong(money(data, subtotal, lang)),
            md.strong(lang.share(subtotal, subtotal)),
        ]
    )
    columns = words.line_columns
    headers = [columns.item, *([columns.people] if counted else []), columns.amount, columns.share]
    anchor = anchors.budget_group(category.id, group.id)
    # A lone group named as its category would only repeat the heading above it.
    repeats = len(category.groups) == 1 and group.title(lang) == category.title(lang)
    return md.join(
        md.span("", anchor)
        if repeats and group.months is None and group.period is None
        else md.heading(4, title, anchor),
        blocks.columns_table(headers, rows, lang, align="lrrr"),
    )


def render_category(data: Dataset, category: BudgetCategory, lang: Lang) -> Md:
    """Return a category's heading and each of its groups (its total is in the summary)."""
    return md.join(
        md.heading(3, category.title(lang), anchors.budget_category(category.id)),
        *(render_group(data, category, group, lang) for group in category.groups),
    )


def check(data: Dataset, name: str | Md, stated: int, computed: int, lang: Lang) -> list[str | Md]:
    """Return one row of the checks: what the source states against the computed value."""
    words = data.labels.budget
    verdict = words.equal if stated == computed else words.different
    return [name, money(data, stated, lang), money(data, computed, lang), verdict(lang)]


def render_checks(data: Dataset, lang: Lang) -> Md:
    """Return the table of stated subtotals and totals against the computed ones (one row a
    figure: a repeated sentence for each would say the same thing seven times)."""
    words = data.labels.budget
    rows: list[list[str | Md]] = []
    for category in data.budget.categories:
        for group in category.groups:
            if group.stated_subtotal is not None:
                name = md.fill(words.subtotal_of(lang), title=group.title(lang))
                rows.append(check(data, name, group.stated_subtotal, group.subtotal, lang))
        if category.stated_total is not None:
            name = md.fill(words.total_of(lang), title=category.title(lang))
            rows.append(check(data, name, category.stated_total, category.total, lang))
    grand = md.strong(words.grand_total(lang))
    rows.append(check(data, grand, data.budget.stated_total, data.budget.total, lang))
    table = blocks.columns_table(words.check_columns, rows, lang, align="lrrl")
    return md.join(md.inline(words.checks_intro(lang)), table)


def render(data: Dataset, lang: Lang) -> str:
    """Return the budget page in `lang`."""
    words: BudgetWords = data.labels.budget
    return md.join(
        md.heading(1, words.title(lang), "budget"),
        md.inline(words.intro(lang)),
        md.heading(2, words.overview(lang), "budget-overview"),
        blocks.chart_with_data(
            render_pie(data, lang), render_summary(data, lang), data.labels.common, lang
        ),
        blocks.our_heading(2, words.details(lang), "budget-details", data.labels.common, lang),
        *(render_category(data, category, lang) for category in data.budget.categories),
        blocks.our_heading(2, words.checks(lang), "budget-checks", data.labels.common, lang),
        render_checks(data, lang),
    )

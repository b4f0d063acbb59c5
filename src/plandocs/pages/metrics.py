"""The success metrics page (`report/metrics`): each metric's baseline, target and change."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.labels import MetricsWords
from plandocs.model.plan import Metric, MetricGroup
from plandocs.render import anchors, blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md


def value(metric: Metric, figure: float, lang: Lang) -> str:
    """Return a figure in the metric's unit: `90%` or `4.5/5`."""
    if metric.unit == "score-of-5":
        return f"{lang.number(figure)}/5"
    return lang.percent(figure) if metric.unit == "percent" else lang.number(figure)


def target(metric: Metric, words: MetricsWords, lang: Lang) -> str | Md:
    """Return the target as the source states it."""
    if metric.target_text is not None:
        return metric.target_text(lang)
    assert metric.target is not None  # the model requires a number for every other direction
    if metric.baseline is None and metric.direction in ("increase", "decrease"):
        template = words.reduction if metric.direction == "decrease" else words.growth
        return md.fill(template(lang), value=lang.percent(metric.target))
    return value(metric, metric.target, lang)


def signed_percent(figure: float, lang: Lang) -> str:
    """Return a signed percentage in the language's pattern: `+50%`, `−15%`, `+50 %`."""
    signed = lang.signed(figure)
    sign = signed[0] if signed[0] in "+\u2212" else ""
    return sign + lang.percent(abs(figure))


def change(metric: Metric, data: Dataset, lang: Lang) -> str | Md:
    """Return the computed change from baseline to target, or the threshold."""
    words = data.labels.metrics
    goal = metric.target
    if metric.direction == "reach" or goal is None:
        return blocks.NONE
    if metric.direction in ("at-least", "at-most"):
        return f"{'≥' if metric.direction == 'at-least' else '≤'} {value(metric, goal, lang)}"
    difference, percent = metric.change
    assert percent is not None  # an increase or a decrease has a change
    relative = md.fill(words.relative(lang), value=signed_percent(percent, lang))
    if difference is None:  # the target is a relative change in percent
        return relative
    if metric.unit == "percent":
        absolute = md.fill(data.labels.common.points(lang), value=lang.signed(difference))
    else:
        absolute = md.inline(
            f"{lang.signed(difference)}{'/5' if metric.unit == 'score-of-5' else ''}"
        )
    return lang.paren(absolute, relative)


def render_group(group: MetricGroup, data: Dataset, lang: Lang) -> Md:
    """Return a group of metrics as a heading and a table."""
    words = data.labels.metrics
    rows = [
        [
            md.span(metric.name(lang), anchors.metric(metric.id)),
            words.directions[metric.direction](lang),
            words.no_baseline(lang)
            if metric.baseline is None
            else value(metric, metric.baseline, lang),
            target(metric, words, lang),
            change(metric, data, lang),
        ]
        for metric in group.metrics
    ]
    return md.join(
        md.heading(2, group.title(lang), f"metrics-{group.id}"),
        blocks.columns_table(words.columns, rows, lang),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the success metrics page in `lang`."""
    words = data.labels.metrics
    return md.join(
        md.heading(1, words.title(lang), "metrics"),
        md.inline(words.intro(lang)),
        *(render_group(group, data, lang) for group in data.metrics.groups),
    )

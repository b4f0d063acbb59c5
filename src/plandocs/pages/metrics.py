"""The success metrics page (`report/metrics`): each metric's baseline, target and change."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.common import Lang
from plandocs.model.plan import Metric, MetricGroup
from plandocs.render import format
from plandocs.render import markdown as md
from plandocs.render.labels import t

TITLE = t("成功指标", "Success metrics")
INTRO = t(
    "“变化或门槛”一栏由基线和目标计算得出：百分比指标给出相差的百分点和相对变化；"
    "没有基线的指标给出原文要求的相对变化或门槛。",
    "The Change or threshold column is computed from the baseline and the target. "
    "Percentage metrics show the difference in percentage points and the relative change; "
    "metrics without a baseline show the relative change or the threshold the source asks for.",
)
COLUMNS = (
    t("指标", "Metric"),
    t("方向", "Direction"),
    t("基线", "Baseline"),
    t("目标", "Target"),
    t("变化或门槛", "Change or threshold"),
)
DIRECTIONS = {
    "increase": t("提高", "Increase"),
    "decrease": t("降低", "Decrease"),
    "at-least": t("不低于", "At least"),
    "at-most": t("不高于", "At most"),
    "reach": t("达到", "Reach"),
}
NO_BASELINE = t("未给出", "Not stated")
RELATIVE = t("相对变化 {value}", "{value} relative")
REDUCTION = t("减少 {value}", "{value} lower")
GROWTH = t("增加 {value}", "{value} higher")
NOTHING = "—"


def anchor(metric: Metric) -> str:
    """Return the stable anchor of a metric."""
    return f"metric-{metric.id}"


def value(metric: Metric, figure: float) -> str:
    """Return a figure in the metric's unit: `90%` or `4.5/5`."""
    if metric.unit == "score-of-5":
        return f"{format.number(figure)}/5"
    return format.percent(figure) if metric.unit == "percent" else format.number(figure)


def _signed(figure: float) -> str:
    sign = "+" if figure > 0 else "−" if figure < 0 else ""
    return f"{sign}{format.number(abs(round(figure, 1)))}"


def target(metric: Metric, lang: Lang) -> str:
    """Return the target as the source states it, unescaped."""
    if metric.target_text is not None:
        return metric.target_text(lang)
    assert metric.target is not None  # the model requires a number for every other direction
    if metric.baseline is None and metric.direction in ("increase", "decrease"):
        words = REDUCTION if metric.direction == "decrease" else GROWTH
        return words(lang).format(value=format.percent(metric.target))
    return value(metric, metric.target)


def change(metric: Metric, lang: Lang) -> str:
    """Return the computed change from baseline to target, or the threshold; unescaped."""
    goal, base = metric.target, metric.baseline
    if metric.direction == "reach" or goal is None:
        return NOTHING
    if metric.direction in ("at-least", "at-most"):
        return f"{'≥' if metric.direction == 'at-least' else '≤'} {value(metric, goal)}"
    if base is None:  # the target is a relative change in percent
        signed = _signed(-goal if metric.direction == "decrease" else goal)
        return RELATIVE(lang).format(value=f"{signed}%")
    difference = goal - base
    relative = RELATIVE(lang).format(value=f"{_signed(difference / base * 100)}%")
    if metric.unit == "percent":
        absolute = format.signed_points(difference, lang)
    else:
        absolute = f"{_signed(difference)}{'/5' if metric.unit == 'score-of-5' else ''}"
    return f"{absolute}（{relative}）" if lang == "zh" else f"{absolute} ({relative})"


def render_group(group: MetricGroup, lang: Lang) -> str:
    """Return a group of metrics as a heading and a table."""
    rows = [
        [
            md.span(metric.name(lang), anchor(metric)),
            md.cell(DIRECTIONS[metric.direction](lang)),
            md.cell(
                NO_BASELINE(lang) if metric.baseline is None else value(metric, metric.baseline)
            ),
            md.cell(target(metric, lang)),
            md.cell(change(metric, lang)),
        ]
        for metric in group.metrics
    ]
    return md.join(
        md.heading(2, group.title(lang), f"metrics-{group.id}"),
        md.table([md.cell(c(lang)) for c in COLUMNS], rows),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the success metrics page in `lang`."""
    return md.join(
        md.heading(1, TITLE(lang), "metrics"),
        md.inline(INTRO(lang)),
        *(render_group(group, lang) for group in data.metrics.groups),
    )

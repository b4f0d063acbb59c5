"""The improvement page (`report/improvement`): success factors, the PDCA cycle, indicators."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.common import Item, Lang
from plandocs.model.project import FactorGroup, IndicatorGroup, PdcaStage
from plandocs.render import markdown as md
from plandocs.render import mermaid
from plandocs.render.labels import t, word

TITLE = t("关键成功因素与持续改进", "Key success factors and continuous improvement")
FACTORS = t("关键成功因素", "Key success factors")
FACTORS_INTRO = t(
    "原文把关键成功因素分为技术、团队与管理三类。",
    "The source sorts the key success factors into technical, team and management factors.",
)
PDCA = t("PDCA 持续改进循环", "The PDCA improvement cycle")
PDCA_DESCR = t(
    "计划、执行、检查、改进四个阶段依次相连，改进之后回到计划",
    "Four stages in a loop from Plan to Do to Check to Act and back to Plan",
)
PDCA_INTRO = t(
    "持续改进按计划、执行、检查、改进的顺序循环进行：每个阶段之后进入下一阶段，"
    "改进阶段之后重新回到计划阶段。各阶段的具体步骤如下。",
    "Continuous improvement runs as a loop: each stage leads to the next, and the Act stage "
    "leads back to Plan. The steps of each stage follow.",
)
INDICATORS = t("改进指标", "Improvement metrics")
INDICATORS_INTRO = t(
    "原文用以下三类指标衡量改进效果。",
    "The source measures improvement with three kinds of metrics.",
)

# The cycle's order; the data holds each stage exactly once.
_ORDER = ("plan", "do", "check", "act")


def factor_anchor(factor: Item) -> str:
    """Return the stable anchor of a success factor."""
    return f"factor-{factor.id}"


def pdca_anchor(stage: PdcaStage) -> str:
    """Return the stable anchor of a PDCA stage."""
    return f"pdca-{stage.id}"


def render_factor(factor: Item, lang: Lang) -> str:
    """Return one factor as `**title**: text`, the title carrying the factor's anchor."""
    title = f"**{md.span(factor.title(lang), factor_anchor(factor))}**"
    if factor.text is None:
        return title
    colon = "：" if lang == "zh" else ": "
    return f"{title}{colon}{md.inline(factor.text(lang))}"


def render_factor_group(group: FactorGroup, lang: Lang) -> str:
    """Return one factor group: a heading and its numbered factors."""
    return md.join(
        md.heading(3, group.title(lang), f"factors-{group.id}"),
        md.bullets((render_factor(factor, lang) for factor in group.factors), numbered=True),
    )


def stages(data: Dataset) -> list[PdcaStage]:
    """Return the PDCA stages in the cycle's order."""
    return sorted(data.improvement.pdca, key=lambda stage: _ORDER.index(stage.id))


def render_cycle(data: Dataset, lang: Lang) -> str:
    """Return the PDCA cycle as a flowchart: plan -> do -> check -> act -> plan."""
    cycle = stages(data)
    ids = [mermaid.node_id("pdca", stage.id) for stage in cycle]
    lines = ["flowchart LR"]
    lines += [f"    {ids[i]}[{mermaid.quoted(s.title(lang))}]" for i, s in enumerate(cycle)]
    lines += [f"    {ids[i]} --> {ids[(i + 1) % len(ids)]}" for i in range(len(ids))]
    return mermaid.fence("\n".join(lines), title=PDCA(lang), description=PDCA_DESCR(lang))


def render_stage(stage: PdcaStage, lang: Lang) -> str:
    """Return one PDCA stage: a heading and its steps."""
    return md.join(
        md.heading(3, stage.title(lang), pdca_anchor(stage)),
        md.bullets(md.inline(step(lang)) for step in stage.steps),
    )


def render_indicator_group(group: IndicatorGroup, lang: Lang) -> str:
    """Return one indicator group: a heading and its indicators."""
    return md.join(
        md.heading(3, group.title(lang), f"indicators-{group.id}"),
        md.bullets(md.inline(indicator(lang)) for indicator in group.indicators),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the improvement page in `lang`."""
    improvement = data.improvement
    return md.join(
        md.heading(1, TITLE(lang), "improvement"),
        md.heading(2, FACTORS(lang), "success-factors"),
        md.inline(FACTORS_INTRO(lang)),
        *(render_factor_group(group, lang) for group in improvement.factors),
        md.heading(2, PDCA(lang), "pdca"),
        render_cycle(data, lang),
        f"**{md.inline(word('data_table', lang))}**",
        md.inline(PDCA_INTRO(lang)),
        *(render_stage(stage, lang) for stage in stages(data)),
        md.heading(2, INDICATORS(lang), "improvement-indicators"),
        md.inline(INDICATORS_INTRO(lang)),
        *(render_indicator_group(group, lang) for group in improvement.indicators),
    )

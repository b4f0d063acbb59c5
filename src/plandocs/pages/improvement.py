"""The improvement page (`report/improvement`): success factors, the PDCA cycle, indicators."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.project import PdcaStage
from plandocs.render import anchors, blocks, mermaid
from plandocs.render import markdown as md
from plandocs.render.locale import Lang

# The cycle's order; the data holds each stage exactly once.
_ORDER = ("plan", "do", "check", "act")


def stages(data: Dataset) -> list[PdcaStage]:
    """Return the PDCA stages in the cycle's order."""
    return sorted(data.improvement.pdca, key=lambda stage: _ORDER.index(stage.id))


def render_cycle(data: Dataset, lang: Lang) -> str:
    """Return the PDCA cycle as a flowchart: plan -> do -> check -> act -> plan."""
    words = data.labels.improvement
    cycle = stages(data)
    ids = [mermaid.node_id("pdca", stage.id) for stage in cycle]
    lines = ["flowchart LR"]
    lines += [f"    {ids[i]}[{mermaid.quoted(s.title(lang))}]" for i, s in enumerate(cycle)]
    lines += [f"    {ids[i]} --> {ids[(i + 1) % len(ids)]}" for i in range(len(ids))]
    return mermaid.fence(
        "\n".join(lines), title=words.pdca(lang), description=words.pdca_description(lang)
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the improvement page in `lang`."""
    words = data.labels.improvement
    improvement = data.improvement
    factors = [
        blocks.titled_list(
            3,
            group.title(lang),
            f"factors-{group.id}",
            (blocks.item(factor, anchors.factor(factor.id), lang) for factor in group.factors),
            numbered=True,
        )
        for group in improvement.factors
    ]
    steps = [
        blocks.titled_list(
            3, stage.title(lang), anchors.pdca(stage.id), blocks.texts(stage.steps, lang)
        )
        for stage in stages(data)
    ]
    indicators = [
        blocks.titled_list(
            3, group.title(lang), f"indicators-{group.id}", blocks.texts(group.indicators, lang)
        )
        for group in improvement.indicators
    ]
    return md.join(
        md.heading(1, words.title(lang), "improvement"),
        md.heading(2, words.factors(lang), "success-factors"),
        md.inline(words.factors_intro(lang)),
        *factors,
        md.heading(2, words.pdca(lang), "pdca"),
        blocks.chart_with_data(
            render_cycle(data, lang),
            md.join(md.inline(words.pdca_intro(lang)), *steps),
            data.labels.common,
            lang,
        ),
        md.heading(2, words.indicators(lang), "improvement-indicators"),
        md.inline(words.indicators_intro(lang)),
        *indicators,
    )

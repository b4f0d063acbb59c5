"""The risk register page (`report/risks`): a risk-level x probability matrix, then each risk."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.project import Risk
from plandocs.render import anchors, blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md

SCALE = ("high", "medium", "low")
_RANK = {"high": 2, "medium": 1, "low": 0}


def label(risk: Risk, lang: Lang) -> str:
    """Return a risk's display name, e.g. `R1 技术复杂度超预期`."""
    return f"{risk.id.upper()} {risk.title(lang)}"


def render_matrix(data: Dataset, lang: Lang) -> Md:
    """Return the risk matrix: the source's risk level (rows) by probability (columns), each
    risk in the cell of its two ratings, linked to its details; each cell shaded by how high
    it lies on both scales (the shade repeats what the axes say, for a glance)."""
    words, values = data.labels.risks, data.labels.common.values
    return blocks.rating_grid(
        caption=words.chart_description(lang),
        rows=(words.level_axis(lang), [(v, values[v](lang)) for v in SCALE]),
        columns=(words.probability_axis(lang), [(v, values[v](lang)) for v in reversed(SCALE)]),
        items=[
            (
                risk.level,
                risk.probability,
                md.link(label(risk, lang), anchors.here(anchors.risk(risk.id))),
            )
            for risk in data.risks.risks
        ],
        lang=lang,
        # A cell's shade: how far up both scales it lies (0: low and low, 4: high and high).
        tones={
            (level, probability): _RANK[level] + _RANK[probability]
            for level in SCALE
            for probability in SCALE
        },
    )


def render_risk(risk: Risk, data: Dataset, lang: Lang) -> Md:
    """Return one risk's section: impact, probability, level, mitigations and contingency."""
    words, values = data.labels.risks, data.labels.common.values
    facts = [
        lang.fact(words.impact(lang), lang.listing(blocks.texts(risk.impacts, lang))),
        lang.fact(words.columns.probability(lang), values[risk.probability](lang)),
        lang.fact(words.columns.level(lang), values[risk.level](lang)),
    ]
    return md.join(
        md.heading(3, label(risk, lang), anchors.risk(risk.id)),
        md.bullets(facts),
        lang.fact(words.mitigations(lang), ""),
        md.bullets(blocks.texts(risk.mitigations, lang)),
        lang.fact(words.contingency(lang), risk.contingency(lang)),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the risks page in `lang`."""
    words = data.labels.risks
    return md.join(
        md.heading(1, words.title(lang), "risks"),
        md.inline(words.intro(lang)),
        blocks.our_heading(2, words.chart(lang), "risk-matrix", data.labels.common, lang),
        render_matrix(data, lang),
        blocks.our_heading(2, words.details(lang), "risk-details", data.labels.common, lang),
        *(render_risk(risk, data, lang) for risk in data.risks.risks),
    )

"""The risk register page (`report/risks`): a probability x level chart, a table, each risk."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.project import Risk
from plandocs.render import anchors, blocks, mermaid
from plandocs.render import markdown as md
from plandocs.render.locale import Lang
from plandocs.render.markdown import Md

# Position on a 0-1 axis for each level.
_POSITION = {"low": 0.2, "medium": 0.5, "high": 0.8}


def label(risk: Risk, lang: Lang) -> str:
    """Return a risk's display name, e.g. `R1 技术复杂度超预期`."""
    return f"{risk.id.upper()} {risk.title(lang)}"


def render_matrix(data: Dataset, lang: Lang) -> str:
    """Return a quadrant chart of the risks: probability (x) against level (y)."""
    words = data.labels.risks
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
            (label(risk, lang), _POSITION[risk.probability], _POSITION[risk.level])
            for risk in data.risks.risks
        ],
    )
    return mermaid.fence(source, title=words.chart(lang), description=words.chart_description(lang))


def render_table(data: Dataset, lang: Lang) -> Md:
    """Return the summary table of risks, the matrix's text equivalent."""
    values = data.labels.common.values
    rows = [
        [
            md.link(risk.id.upper(), anchors.here(anchors.risk(risk.id))),
            risk.title(lang),
            values[risk.level](lang),
            values[risk.probability](lang),
        ]
        for risk in data.risks.risks
    ]
    return blocks.columns_table(data.labels.risks.columns, rows, lang)


def render_risk(risk: Risk, data: Dataset, lang: Lang) -> Md:
    """Return one risk's section: impact, probability, mitigations and contingency."""
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
        md.heading(2, words.chart(lang), "risk-matrix"),
        blocks.chart_with_data(
            render_matrix(data, lang), render_table(data, lang), data.labels.common, lang
        ),
        md.heading(2, words.details(lang), "risk-details"),
        *(render_risk(risk, data, lang) for risk in data.risks.risks),
    )

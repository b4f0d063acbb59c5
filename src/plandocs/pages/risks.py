"""The risk register page (`report/risks`): a probability x impact chart, a table, each risk."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.common import Lang
from plandocs.model.project import Risk
from plandocs.render import markdown as md
from plandocs.render import mermaid
from plandocs.render.labels import enum, t, word

TITLE = t("风险识别与缓解", "Risks and mitigation")
INTRO = t(
    "风险按原文分为高风险项目与中风险项目；图中横轴为发生概率，纵轴为影响等级。",
    "The source groups risks into high and medium risks; the chart plots each risk's "
    "probability against its level of impact.",
)
CHART = t("风险矩阵", "Risk matrix")
CHART_DESCR = t("按发生概率与影响等级放置的五项风险", "Five risks placed by probability and impact")
AXES = {
    "x": (t("低概率", "Low probability"), t("高概率", "High probability")),
    "y": (t("低影响", "Low impact"), t("高影响", "High impact")),
}
QUADRANTS = (
    t("重点应对", "Act first"),
    t("预案准备", "Prepare a contingency"),
    t("持续观察", "Watch"),
    t("定期复查", "Review regularly"),
)
COLUMNS = (t("编号", "ID"), t("风险", "Risk"), t("等级", "Level"), t("概率", "Probability"))
IMPACT = t("影响", "Impact")
MITIGATIONS = t("缓解措施", "Mitigations")
CONTINGENCY = t("应急预案", "Contingency plan")
DETAILS = t("风险明细", "Risk details")

# Position on a 0-1 axis for each level.
_POSITION = {"low": 0.2, "medium": 0.5, "high": 0.8}


def anchor(risk: Risk) -> str:
    """Return the stable anchor of a risk."""
    return f"risk-{risk.id}"


def label(risk: Risk, lang: Lang) -> str:
    """Return a risk's display name, e.g. `R1 技术复杂度超预期`."""
    return f"{risk.id.upper()} {risk.title(lang)}"


def render_matrix(data: Dataset, lang: Lang) -> str:
    """Return a quadrant chart of the risks: probability (x) against level (y)."""
    source = mermaid.quadrant_chart(
        x_axis=(AXES["x"][0](lang), AXES["x"][1](lang)),
        y_axis=(AXES["y"][0](lang), AXES["y"][1](lang)),
        quadrants=[quadrant(lang) for quadrant in QUADRANTS],
        points=[
            (label(risk, lang), _POSITION[risk.probability], _POSITION[risk.level])
            for risk in data.risks.risks
        ],
    )
    return mermaid.fence(source, title=CHART(lang), description=CHART_DESCR(lang))


def render_table(data: Dataset, lang: Lang) -> str:
    """Return the summary table of risks, the matrix's text equivalent."""
    rows = [
        [
            f"[{risk.id.upper()}](#{anchor(risk)})",
            md.cell(risk.title(lang)),
            md.cell(enum(risk.level, lang)),
            md.cell(enum(risk.probability, lang)),
        ]
        for risk in data.risks.risks
    ]
    return md.table([md.cell(c(lang)) for c in COLUMNS], rows)


def render_risk(risk: Risk, lang: Lang) -> str:
    """Return one risk's section: impact, probability, mitigations and contingency."""
    impacts = md.listing((md.inline(impact(lang)) for impact in risk.impacts), lang)
    facts = [
        md.fact(IMPACT(lang), impacts, lang),
        md.fact(COLUMNS[3](lang), md.inline(enum(risk.probability, lang)), lang),
        md.fact(COLUMNS[2](lang), md.inline(enum(risk.level, lang)), lang),
    ]
    return md.join(
        md.heading(3, label(risk, lang), anchor(risk)),
        md.bullets(facts),
        md.fact(MITIGATIONS(lang), "", lang),
        md.bullets(md.inline(mitigation(lang)) for mitigation in risk.mitigations),
        md.fact(CONTINGENCY(lang), md.inline(risk.contingency(lang)), lang),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the risks page in `lang`."""
    return md.join(
        md.heading(1, TITLE(lang), "risks"),
        md.inline(INTRO(lang)),
        md.heading(2, CHART(lang), "risk-matrix"),
        render_matrix(data, lang),
        f"**{md.inline(word('data_table', lang))}**",
        render_table(data, lang),
        md.heading(2, DETAILS(lang), "risk-details"),
        *(render_risk(risk, lang) for risk in data.risks.risks),
    )

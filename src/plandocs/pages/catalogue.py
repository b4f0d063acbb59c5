"""The page of each data family that has one: the function that renders it, by family name.

The data layer (plandocs.registry) says which families have a page and in which order; this
table, one layer above it, says which module renders each, so that reading the data never
imports a page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from plandocs.model import Dataset
from plandocs.pages import (
    budget,
    cncf,
    contradictions,
    execution,
    gaps,
    glossary,
    improvement,
    metrics,
    plan,
    references,
    risks,
    team,
    trends,
    universities,
    wikipedia,
)
from plandocs.registry import PAGES, Family
from plandocs.render.locale import Lang

Render = Callable[[Dataset, Lang], str]

RENDERERS: Mapping[str, Render] = MappingProxyType(
    {
        "wikipedia": wikipedia.render,
        "universities": universities.render,
        "trends": trends.render,
        "cncf": cncf.render,
        "gaps": gaps.render,
        "plan": plan.render,
        "execution": execution.render,
        "metrics": metrics.render,
        "improvement": improvement.render,
        "risks": risks.render,
        "budget": budget.render,
        "team": team.render,
        "references": references.render,
        "glossary": glossary.render,
        "contradictions": contradictions.render,
    }
)
"""Family name -> the function that renders its page (model + language in, Markdown out)."""

if set(RENDERERS) != {family.name for family in PAGES}:  # said twice: fail on import, loudly
    raise RuntimeError("plandocs.pages.catalogue and plandocs.registry disagree on the pages")


def render_page(data: Dataset, family: Family, lang: Lang) -> str:
    """Return the page of `family` in `lang` (Markdown, without front matter)."""
    return RENDERERS[family.name](data, lang)

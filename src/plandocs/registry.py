"""The one registry of data families: each data file, the model of its content and its page.

The loader reads the files in this order (the languages first: every other file is validated
against them), the generator renders the families that have a page, in site order, and the
schema export writes one schema a file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from plandocs.model import Dataset
from plandocs.model.analysis import GapAnalysis
from plandocs.model.benchmarks import Cncf, Trends, Universities, Wikipedia
from plandocs.model.common import Model
from plandocs.model.contradictions import Contradictions
from plandocs.model.glossary import Glossary
from plandocs.model.labels import Labels
from plandocs.model.languages import Languages
from plandocs.model.messages import Messages
from plandocs.model.plan import Execution, Metrics, Plan
from plandocs.model.project import Budget, Improvement, References, Risks, Team
from plandocs.model.source import SourceDocument
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
from plandocs.render.locale import Lang

Render = Callable[[Dataset, Lang], str]


@dataclass(frozen=True)
class Family:
    """A data file (relative to data/), the model of its content, and the page made from it.

    `name` is the family's field in the Dataset and, where there is a page, its slug under
    report/.
    """

    name: str
    file: str
    model: type[Model]
    render: Render | None = None

    @property
    def schema(self) -> str:
        """Return the file name of the family's JSON Schema, e.g. `risks.schema.json`."""
        return f"{Path(self.file).stem}.schema.json"


LANGUAGES = Family("languages", "languages.yml", Languages)

FAMILIES: tuple[Family, ...] = (
    LANGUAGES,
    Family("labels", "labels.yml", Labels),
    Family("messages", "messages.yml", Messages),
    Family("source", "source.yml", SourceDocument),
    Family("wikipedia", "benchmarks/wikipedia.yml", Wikipedia, wikipedia.render),
    Family("universities", "benchmarks/universities.yml", Universities, universities.render),
    Family("trends", "benchmarks/trends.yml", Trends, trends.render),
    Family("cncf", "benchmarks/cncf.yml", Cncf, cncf.render),
    Family("gaps", "gaps.yml", GapAnalysis, gaps.render),
    Family("plan", "plan.yml", Plan, plan.render),
    Family("execution", "execution.yml", Execution, execution.render),
    Family("metrics", "metrics.yml", Metrics, metrics.render),
    Family("improvement", "improvement.yml", Improvement, improvement.render),
    Family("risks", "risks.yml", Risks, risks.render),
    Family("budget", "budget.yml", Budget, budget.render),
    Family("team", "team.yml", Team, team.render),
    Family("references", "references.yml", References, references.render),
    Family("glossary", "glossary.yml", Glossary, glossary.render),
    Family("contradictions", "contradictions.yml", Contradictions, contradictions.render),
)

PAGES: tuple[Family, ...] = tuple(family for family in FAMILIES if family.render is not None)
"""The families that have a generated page, in site order."""

FILE_OF: dict[str, str] = {family.name: family.file for family in FAMILIES}
"""Family name -> its data file, for messages located by family."""

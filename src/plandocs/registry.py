"""The one registry of data families: each data file, the model of its content, and whether
it has a page of its own.

The loader reads the files in this order (the languages first: every other file is validated
against them), the generator renders the families that have a page, in site order (the function
that renders each is in plandocs.pages.catalogue, a layer above), and the schema export writes
one schema a file. This module is part of the data layer: it imports no page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class Family:
    """A data file (relative to data/), the model of its content, and whether a page is made
    from it.

    `name` is the family's field in the Dataset and, where there is a page, its slug under
    report/.
    """

    name: str
    file: str
    model: type[Model]
    page: bool = False

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
    Family("wikipedia", "benchmarks/wikipedia.yml", Wikipedia, page=True),
    Family("universities", "benchmarks/universities.yml", Universities, page=True),
    Family("trends", "benchmarks/trends.yml", Trends, page=True),
    Family("cncf", "benchmarks/cncf.yml", Cncf, page=True),
    Family("gaps", "gaps.yml", GapAnalysis, page=True),
    Family("plan", "plan.yml", Plan, page=True),
    Family("execution", "execution.yml", Execution, page=True),
    Family("metrics", "metrics.yml", Metrics, page=True),
    Family("improvement", "improvement.yml", Improvement, page=True),
    Family("risks", "risks.yml", Risks, page=True),
    Family("budget", "budget.yml", Budget, page=True),
    Family("team", "team.yml", Team, page=True),
    Family("references", "references.yml", References, page=True),
    Family("glossary", "glossary.yml", Glossary, page=True),
    Family("contradictions", "contradictions.yml", Contradictions, page=True),
)

PAGES: tuple[Family, ...] = tuple(family for family in FAMILIES if family.page)
"""The families that have a generated page, in site order."""

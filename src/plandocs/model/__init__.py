"""Typed, frozen models of every data file, and the dataset that gathers them."""

from __future__ import annotations

from plandocs.model.analysis import GapAnalysis
from plandocs.model.benchmarks import Cncf, Trends, Universities, Wikipedia
from plandocs.model.common import Model
from plandocs.model.plan import Execution, Metrics, Plan
from plandocs.model.project import Budget, Improvement, References, Risks, Team

# data file (relative to data/) -> the model of its content; one schema is exported per entry.
FILES: dict[str, type[Model]] = {
    "benchmarks/wikipedia.yml": Wikipedia,
    "benchmarks/universities.yml": Universities,
    "benchmarks/trends.yml": Trends,
    "benchmarks/cncf.yml": Cncf,
    "gaps.yml": GapAnalysis,
    "plan.yml": Plan,
    "execution.yml": Execution,
    "metrics.yml": Metrics,
    "improvement.yml": Improvement,
    "risks.yml": Risks,
    "budget.yml": Budget,
    "team.yml": Team,
    "references.yml": References,
}


class Dataset(Model):
    """Every data file, loaded and validated."""

    wikipedia: Wikipedia
    universities: Universities
    trends: Trends
    cncf: Cncf
    gaps: GapAnalysis
    plan: Plan
    execution: Execution
    metrics: Metrics
    improvement: Improvement
    risks: Risks
    budget: Budget
    team: Team
    references: References

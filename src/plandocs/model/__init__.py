"""Typed, frozen models of every data file, and the dataset that gathers them.

Which file holds which model is said once, in plandocs.registry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


class Dataset(Model):
    """Every data file, loaded and validated: one field a family of plandocs.registry."""

    languages: Languages
    labels: Labels
    messages: Messages
    glossary: Glossary
    source: SourceDocument
    contradictions: Contradictions
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

    @classmethod
    def assemble(cls, parts: Mapping[str, Model]) -> Dataset:
        """Return the dataset of `parts`, one validated model a family (as the loader makes
        them): each part's type is checked here, the parts are not validated again."""
        for name, info in cls.model_fields.items():
            if not isinstance(parts.get(name), info.annotation):  # type: ignore[arg-type]
                raise TypeError(f"{name}: expected a validated {info.annotation}")
        if set(parts) != set(cls.model_fields):
            raise TypeError(f"unknown parts: {sorted(set(parts) - set(cls.model_fields))}")
        values: dict[str, Any] = dict(parts)
        return cls.model_construct(**values)

"""Values the site computes (never typed twice in data/), checked on the fixture by hand.

The real data's own stated figures are checked by the rules (`make check`); here the arithmetic
itself is pinned with figures worked out by hand from tests/fixtures/data/.
"""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.schedule import phase_span, task_span


def test_budget_subtotals_and_totals(fixture_dataset: Dataset) -> None:
    budget = fixture_dataset.budget
    personnel, technical = budget.categories
    core, advisers = personnel.groups
    assert (core.subtotal, advisers.subtotal) == (20_000 + 30_000, 10_000 + 7_500)
    assert personnel.total == 67_500
    assert technical.total == 3_000 + 1_200
    assert budget.total == 67_500 + 4_200


def test_coverage_gaps_are_wikipedia_minus_ours(fixture_dataset: Dataset) -> None:
    gaps = {area.id: area.gap for area in fixture_dataset.wikipedia.coverage}
    assert gaps == {"containers": 5, "service-mesh": -5, "serverless": 0, "edge": 5.5}


def test_phase_spans_and_task_weeks(fixture_dataset: Dataset) -> None:
    plan = fixture_dataset.plan
    short, medium = plan.phases
    # 2025-01-06 is a Monday; 3 months are 13 weeks.
    assert (phase_span(plan, short).start.isoformat(), phase_span(plan, short).end.isoformat()) == (
        "2025-01-06",
        "2025-04-06",
    )
    assert phase_span(plan, medium).start.isoformat() == "2025-04-07"
    assert (phase_span(plan, medium).first_week, phase_span(plan, medium).last_week) == (14, 26)
    consensus = short.tasks[0]
    span = task_span(plan, short, consensus)
    assert (consensus.weeks, span.first_week, span.last_week) == (2, 1, 2)
    assert (span.start.isoformat(), span.end.isoformat()) == ("2025-01-06", "2025-01-19")
    ongoing = next(task for task in short.tasks if task.ongoing)
    assert task_span(plan, short, ongoing) == phase_span(plan, short)

"""The seed's own figures, asserted from the computed values (never typed twice in data/)."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.schedule import phase_span, task_span


def _budget(dataset: Dataset) -> dict[str, int]:
    out = {"total": dataset.budget.total}
    for category in dataset.budget.categories:
        out[category.id] = category.total
        for group in category.groups:
            out[f"{category.id}/{group.id}"] = group.subtotal
    return out


def test_budget_totals_match_the_seed(dataset: Dataset) -> None:
    figures = _budget(dataset)
    assert figures["personnel/core-team"] == 135_000
    assert figures["personnel/advisors"] == 25_000
    assert figures["personnel"] == 160_000
    assert figures["technical/cloud"] == 4_800
    assert figures["technical/software"] == 7_000
    assert figures["technical"] == 11_800
    assert figures["other"] == 5_000
    assert figures["total"] == 176_800


def test_developers_are_three_people_for_45000(dataset: Dataset) -> None:
    [line] = [
        line
        for category in dataset.budget.categories
        for group in category.groups
        for line in group.lines
        if line.role == "developer"
    ]
    [role] = [role for role in dataset.team.core if role.id == "developer"]
    assert (line.amount, line.count, role.count) == (45_000, 3, 3)
    assert role.title("zh") == "开发工程师"


def test_coverage_gaps_are_computed_and_three_seed_figures_are_flagged(dataset: Dataset) -> None:
    gaps = {area.area("zh"): area.gap for area in dataset.wikipedia.coverage}
    assert gaps == {
        "容器技术": 5,
        "微服务架构": -5,
        "服务网格": -5,
        "Serverless": -5,
        "AI微服务": -15,
        "边缘计算": -5,
        "量子计算": -25,
    }
    flagged = {a.area("zh") for a in dataset.wikipedia.coverage if a.discrepancy is not None}
    assert flagged == {"服务网格", "Serverless", "边缘计算"}
    assert all(a.seed_gap == 5 for a in dataset.wikipedia.coverage if a.discrepancy)


def test_success_metrics_keep_the_seed_targets(dataset: Dataset) -> None:
    metrics = {m.id: m for group in dataset.metrics.groups for m in group.metrics}
    theory = metrics["theory-coverage"]
    assert (theory.baseline, theory.target, theory.unit) == (90, 95, "percent")
    assert (metrics["container-start-time"].direction, metrics["container-start-time"].target) == (
        "decrease",
        30,
    )
    assert (metrics["task-completion"].direction, metrics["task-completion"].target) == (
        "at-least",
        90,
    )
    assert (metrics["defect-rate"].direction, metrics["defect-rate"].target) == ("at-most", 5)
    satisfaction = metrics["team-satisfaction"]
    assert (satisfaction.target, satisfaction.unit) == (4.5, "score-of-5")
    assert metrics["user-acceptance"].target == 80


def test_phase_spans_and_task_weeks_are_computed(dataset: Dataset) -> None:
    plan = dataset.plan
    phases = {phase.id: phase for phase in plan.phases}
    assert [phase_span(plan, phases[p]).start.isoformat() for p in ("short", "medium", "long")] == [
        "2025-01-06",
        "2025-04-07",
        "2025-07-07",
    ]
    assert phase_span(plan, phases["long"]).end.isoformat() == "2026-01-04"
    assert [phase_span(plan, phases[p]).weeks for p in ("short", "medium", "long")] == [13, 13, 26]
    tasks = {
        task.id: (phase, task)
        for phase in plan.phases
        for stream in phase.workstreams
        for group in stream.groups
        for task in group.tasks
    }
    assert len(tasks) == 20
    phase, task = tasks["aiops-platform"]
    span = task_span(plan, phase, task)
    assert (task.weeks, span.first_week, span.last_week) == (20, 27, 46)
    assert (span.start.isoformat(), span.end.isoformat()) == ("2025-07-07", "2025-11-23")

"""Anchors of the generated pages: each kind of item's anchor is made here, once, and used both
where the anchor is defined and where it is linked (on its page or from another one).

Anchors are built from data ids only, so they are the same in every language.
"""

from __future__ import annotations


def on(page: str, anchor: str) -> str:
    """Return a link to `anchor` on the generated page `page` (a slug under report/)."""
    return f"{page}.md#{anchor}"


def here(anchor: str) -> str:
    """Return a link to `anchor` on the same page."""
    return f"#{anchor}"


# Wikipedia
def strength(item_id: str) -> str:
    return f"strength-{item_id}"


def concept_gap(item_id: str) -> str:
    return f"concept-gap-{item_id}"


def area(area_id: str) -> str:
    return f"area-{area_id}"


def area_note(area_id: str) -> str:
    return f"note-{area_id}"


def key_gap(gap_id: str) -> str:
    return f"key-gap-{gap_id}"


# Universities: every anchor is scoped by the university's id.
def university(university_id: str, part: str = "", item_id: str = "") -> str:
    return "-".join(x for x in (university_id, part, item_id) if x)


# Trends and CNCF
def trend(kind: str, item_id: str) -> str:
    return f"trend-{kind}-{item_id}"


def maturity(row_id: str) -> str:
    return f"maturity-{row_id}"


def project(project_id: str) -> str:
    return f"project-{project_id}"


def tracked(project_id: str) -> str:
    return f"tracked-{project_id}"


# Gaps
def gap_category(category_id: str) -> str:
    return f"category-{category_id}"


def gap(gap_id: str) -> str:
    return f"gap-{gap_id}"


# Plan and execution
def phase(phase_id: str) -> str:
    return f"phase-{phase_id}"


def workstream(stream_id: str) -> str:
    return f"workstream-{stream_id}"


def task_group(group_id: str) -> str:
    return f"group-{group_id}"


def task(task_id: str) -> str:
    return f"task-{task_id}"


def resources(list_id: str) -> str:
    return f"resources-{list_id}"


def trigger(trigger_id: str) -> str:
    return f"trigger-{trigger_id}"


def recovery(step_id: str) -> str:
    return f"recovery-{step_id}"


def metric(metric_id: str) -> str:
    return f"metric-{metric_id}"


# Improvement, risks, budget, team, references
def factor(factor_id: str) -> str:
    return f"factor-{factor_id}"


def pdca(stage_id: str) -> str:
    return f"pdca-{stage_id}"


def risk(risk_id: str) -> str:
    return f"risk-{risk_id}"


def budget_category(category_id: str) -> str:
    return f"category-{category_id}"


def budget_group(category_id: str, group_id: str) -> str:
    return f"group-{category_id}-{group_id}"


def role(role_id: str) -> str:
    return f"role-{role_id}"


def references(group_id: str) -> str:
    return f"refs-{group_id}"


# Glossary
def term(term_id: str) -> str:
    return f"term-{term_id}"

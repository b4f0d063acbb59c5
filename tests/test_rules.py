"""Each consistency rule fails on a broken copy of the fixture, naming file, line and field."""

from __future__ import annotations

from tests.conftest import DataCopy

PLAN_TASK = "phases[0].workstreams[0].groups[0].tasks[0]"


def test_duplicate_id(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "  - id: r2\n", "  - id: r1\n")
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:9: risks[1].id: duplicate id `r1` (also item 0)"
    ]


def test_task_owner_must_be_a_known_role(data_copy: DataCopy) -> None:
    line = data_copy.replace("plan.yml", "owner: theorist", "owner: wizard")
    assert data_copy.problems() == [
        f"data/plan.yml:{line}:24: {PLAN_TASK}.owner: unknown owner `wizard`: "
        "add it to team.yml (core, advisors or other_owners)"
    ]


def test_key_gap_area_must_exist(data_copy: DataCopy) -> None:
    line = data_copy.replace("benchmarks/wikipedia.yml", "area: edge\n", "area: fog\n")
    assert data_copy.problems() == [
        f"data/benchmarks/wikipedia.yml:{line}:11: key_gaps[0].area: unknown coverage area `fog`"
    ]


def test_focus_link_must_join_known_nodes(data_copy: DataCopy) -> None:
    line = data_copy.replace("benchmarks/universities.yml", "target: our-root", "target: nowhere")
    assert data_copy.problems() == [
        f"data/benchmarks/universities.yml:{line}:19: "
        "universities[0].focus_map.links[2].target: unknown focus node `nowhere`"
    ]


def test_budget_head_count_matches_team(data_copy: DataCopy) -> None:
    line = data_copy.replace("budget.yml", "            count: 2\n", "            count: 3\n")
    assert data_copy.problems() == [
        f"data/budget.yml:{line}:20: categories[0].groups[0].lines[1].count: "
        "budgets 3 people but team.yml staffs `developer` with 2"
    ]


def test_budget_role_must_exist_and_every_role_is_budgeted(data_copy: DataCopy) -> None:
    line = data_copy.replace("budget.yml", "role: industry-advisor", "role: qa")
    adviser = data_copy.line_of("team.yml", "id: industry-advisor")
    assert data_copy.problems() == [
        f"data/budget.yml:{line}:19: categories[0].groups[1].lines[1].role: unknown team role `qa`",
        f"data/team.yml:{adviser}:9: advisors[1].id: role `industry-advisor` has no line in "
        "budget.yml",
    ]


def test_stated_subtotal_must_equal_computed(data_copy: DataCopy) -> None:
    line = data_copy.replace("budget.yml", "amount: 30000", "amount: 31000")
    subtotal = data_copy.line_of("budget.yml", "stated_subtotal: 50000")
    personnel = data_copy.line_of("budget.yml", "stated_total: 67500")
    grand = data_copy.line_of("budget.yml", "stated_total: 71700")
    assert line < subtotal
    assert data_copy.problems() == [
        f"data/budget.yml:{subtotal}:26: categories[0].groups[0].stated_subtotal: "
        "states 50000 but the lines add up to 51000",
        f"data/budget.yml:{personnel}:19: categories[0].stated_total: "
        "states 67500 but the groups add up to 68500",
        f"data/budget.yml:{grand}:15: stated_total: "
        "states 71700 but the categories add up to 72700",
    ]


def test_task_must_fit_its_phase(data_copy: DataCopy) -> None:
    line = data_copy.replace("plan.yml", "weeks: 2\n", "weeks: 15\n")
    assert data_copy.problems() == [
        f"data/plan.yml:{line}:24: {PLAN_TASK}.weeks: 15 weeks do not fit phase `short` (13 weeks)"
    ]


def test_phase_must_end_after_it_starts(data_copy: DataCopy) -> None:
    data_copy.replace("plan.yml", "start_month: 0\n", "start_month: 5\n")
    line = data_copy.line_of("plan.yml", "end_month: 3")
    assert data_copy.problems() == [
        f"data/plan.yml:{line}:16: phases[0].end_month: "
        "ends at month 3, not after its start month 5"
    ]


def test_contradicting_seed_gap_needs_an_explanation(data_copy: DataCopy) -> None:
    text = data_copy.text("benchmarks/wikipedia.yml")
    start = text.index("    discrepancy:", text.index("id: service-mesh"))
    end = text.index("  # discrepancy whose seed_says has no Chinese")
    data_copy.write("benchmarks/wikipedia.yml", text[:start] + text[end:])
    line = data_copy.line_of("benchmarks/wikipedia.yml", "seed_gap: 5", nth=2)
    assert data_copy.problems() == [
        f"data/benchmarks/wikipedia.yml:{line}:15: coverage[1].seed_gap: seed_gap 5 contradicts "
        "the computed gap -5 (wikipedia - ours); explain it in `discrepancy`"
    ]


def test_explanation_without_contradiction_is_refused(data_copy: DataCopy) -> None:
    line = data_copy.replace(
        "benchmarks/wikipedia.yml", "    wikipedia: 85\n", "    wikipedia: 95\n"
    )
    discrepancy = data_copy.line_of("benchmarks/wikipedia.yml", "discrepancy:")
    assert line < discrepancy
    assert data_copy.problems() == [
        f"data/benchmarks/wikipedia.yml:{discrepancy + 1}:7: coverage[1].discrepancy: "
        "no discrepancy to explain: the computed gap is 5"
    ]


def test_percentages_stay_within_0_and_100(data_copy: DataCopy) -> None:
    line = data_copy.replace("benchmarks/cncf.yml", "coverage: 95", "coverage: 105")
    assert data_copy.problems() == [
        f"data/benchmarks/cncf.yml:{line}:15: graduated[0].coverage: "
        "Input should be less than or equal to 100"
    ]


def test_star_ratings_stay_within_1_and_5(data_copy: DataCopy) -> None:
    line = data_copy.replace(
        "benchmarks/universities.yml", "        ours: 1\n", "        ours: 6\n"
    )
    assert data_copy.problems() == [
        f"data/benchmarks/universities.yml:{line}:15: universities[0].ratings[0].ours: "
        "Input should be less than or equal to 5"
    ]


def test_schema_and_rule_problems_are_reported_together(data_copy: DataCopy) -> None:
    schema = data_copy.replace("risks.yml", "probability: low", "probability: rare")
    rule = data_copy.replace("plan.yml", "owner: theorist", "owner: wizard")
    assert data_copy.problems() == [
        f"data/plan.yml:{rule}:24: {PLAN_TASK}.owner: unknown owner `wizard`: "
        "add it to team.yml (core, advisors or other_owners)",
        f"data/risks.yml:{schema}:18: risks[1].probability: "
        "Input should be 'high', 'medium' or 'low' (got 'rare')",
    ]


def test_a_task_id_reused_in_another_group_makes_a_duplicate_anchor(data_copy: DataCopy) -> None:
    line = data_copy.replace("plan.yml", "- id: maintain\n", "- id: consensus\n")
    assert data_copy.problems() == [
        f"data/plan.yml:{line}:21: phases[0].workstreams[0].groups[1].tasks[0].id: id `consensus` "
        "makes the anchor `task-consensus` twice on the plan page "
        "(also phases[0].workstreams[0].groups[0].tasks[0].id)"
    ]


def test_an_adviser_cannot_reuse_a_core_role_id(data_copy: DataCopy) -> None:
    # Otherwise the plan would show tasks owned by the wrong person, and the budget check
    # would match the wrong line.
    line = data_copy.replace("team.yml", "- id: industry-advisor\n", "- id: theorist\n")
    budget = data_copy.line_of("budget.yml", "role: industry-advisor")
    assert data_copy.problems() == [
        f"data/budget.yml:{budget}:19: categories[0].groups[1].lines[1].role: "
        "unknown team role `industry-advisor`",
        f"data/team.yml:{line}:9: advisors[1].id: role id `theorist` is also core[0]",
    ]


def test_an_id_equal_to_a_section_anchor_is_refused(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "  - id: r2\n", "  - id: details\n")
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:9: risks[1].id: id `details` makes the anchor `risk-details`, "
        "which the risks page uses for a section: choose another id"
    ]


def test_chart_categories_have_distinct_names(data_copy: DataCopy) -> None:
    # Mermaid keys pie slices and bars by name: two of the same name would become one.
    line = data_copy.replace("budget.yml", "en: Technical costs %% cloud", "en: Personnel | team")
    assert data_copy.problems() == [
        f"data/budget.yml:{line}:11: categories[1].title.en: `Personnel | team` is also the name "
        "of categories[0].title: a chart tells its items apart by name, so names must differ"
    ]


def test_items_told_apart_by_a_value_hold_each_value_once(data_copy: DataCopy) -> None:
    line = data_copy.replace("execution.yml", "  - week: 3\n", "  - week: 2\n")
    assert data_copy.problems() == [
        f"data/execution.yml:{line}:11: weeks[1].week: `2` is given twice (also item 0): "
        "merge the two"
    ]


def test_a_glossary_exception_must_contain_its_term(data_copy: DataCopy) -> None:
    glossary = data_copy.text("glossary.yml")
    data_copy.write(
        "glossary.yml",
        glossary.replace("  - id: gap\n", "  - id: gap\n    except_in: [差异分析]\n", 1),
    )
    line = data_copy.line_of("glossary.yml", "except_in: [差异分析]")
    assert data_copy.problems() == [
        f"data/glossary.yml:{line}:17: terms[0].except_in[0]: "
        "`差异分析` does not contain the term `差距`"
    ]

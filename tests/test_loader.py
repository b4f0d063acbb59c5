"""The loader reports every problem of a run with file:line:column and the field path."""

from __future__ import annotations

from tests.conftest import DataCopy


def test_real_data_loads(data_copy: DataCopy) -> None:
    from plandocs.loader import load_dataset

    assert load_dataset(data_copy.folder).budget.total == 176_800


def test_yaml_syntax_error(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "  - id: r2\n", "  - id: [r2\n")
    [problem] = data_copy.problems()
    assert problem.startswith(f"data/risks.yml:{line + 1}:")
    assert "YAML: " in problem


def test_duplicate_key_is_not_silently_dropped(data_copy: DataCopy) -> None:
    line = data_copy.replace(
        "budget.yml",
        "            amount: 45000\n",
        "            amount: 45000\n            amount: 40000\n",
    )
    assert data_copy.problems() == [
        f"data/budget.yml:{line + 1}:13: categories[0].groups[0].lines[4].amount: "
        f"duplicate key `amount` (first given at line {line})"
    ]


def test_aliases_are_refused(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "  - id: r1\n", "  - &first\n    id: r1\n")
    line = data_copy.replace("risks.yml", "  - id: r5\n", "  - *first\n  - id: r5\n")
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:5: YAML: aliases (*name) are not allowed in data files"
    ]


def test_oversized_file(data_copy: DataCopy) -> None:
    path = data_copy.folder / "references.yml"
    path.write_text(path.read_text(encoding="utf-8") + "#" * 300_000 + "\n", encoding="utf-8")
    [problem] = data_copy.problems()
    assert problem.startswith("data/references.yml:1:1: file is ")
    assert problem.endswith("bytes; data files are limited to 262144")


def test_wrong_type(data_copy: DataCopy) -> None:
    line = data_copy.replace("budget.yml", "amount: 45000", "amount: lots")
    assert data_copy.problems() == [
        f"data/budget.yml:{line}:21: categories[0].groups[0].lines[4].amount: "
        "Input should be a valid integer (got 'lots')"
    ]


def test_unknown_key(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "  - id: r2\n", "  - id: r2\n    owner: pm\n")
    assert data_copy.problems() == [
        f"data/risks.yml:{line + 1}:5: risks[1].owner: unknown key `owner`"
    ]


def test_missing_translation(data_copy: DataCopy) -> None:
    line = data_copy.line_of("references.yml", "en:")
    data_copy.replace("references.yml", "en:", "fr:")
    assert data_copy.problems() == [
        f"data/references.yml:{line - 1}:7: groups[0].title.en: missing `en` translation",
        f"data/references.yml:{line}:7: groups[0].title.fr: unknown key `fr`",
    ]


def test_empty_translation(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "en: Insufficient resources", 'en: "  "')
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:11: risks[2].title.en: translation is empty"
    ]


def test_unknown_enum_value(data_copy: DataCopy) -> None:
    line = data_copy.line_of("risks.yml", "probability: low")
    data_copy.replace("risks.yml", "probability: low", "probability: rare")
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:18: risks[2].probability: "
        "Input should be 'high', 'medium' or 'low' (got 'rare')"
    ]


def test_every_problem_of_a_run_is_reported(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "probability: low", "probability: rare")
    data_copy.replace("budget.yml", "amount: 45000", "amount: lots")
    data_copy.replace("team.yml", "count: 3", "count: three")
    problems = data_copy.problems()
    assert [p.split(":")[0] for p in problems] == [
        "data/budget.yml",
        "data/risks.yml",
        "data/team.yml",
    ]


def test_missing_and_unknown_files(data_copy: DataCopy) -> None:
    (data_copy.folder / "risks.yml").rename(data_copy.folder / "risk.yml")
    assert data_copy.problems() == [
        "data/risk.yml:1:1: unknown data file (see plandocs.registry)",
        "data/risks.yml:1:1: file is missing",
    ]

"""The loader reports every problem of a run with file:line:column and the field path.

Each test breaks a copy of the fixture dataset the way a contributor (or an attacker) could,
and asserts the exact message and place.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from plandocs import yamlsource
from plandocs.loader import load_dataset
from plandocs.model import Dataset
from tests.conftest import DataCopy


def test_fixture_data_loads(data_copy: DataCopy) -> None:
    assert load_dataset(data_copy.folder).budget.total == 71_700


def test_yaml_syntax_error(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "  - id: r2\n", "  - id: [r2\n")
    [problem] = data_copy.problems()
    assert problem.startswith(f"data/risks.yml:{line + 1}:")
    assert "YAML: " in problem


def test_duplicate_key_is_not_silently_dropped(data_copy: DataCopy) -> None:
    line = data_copy.replace(
        "budget.yml",
        "            amount: 30000\n",
        "            amount: 30000\n            amount: 1\n",
    )
    assert data_copy.problems() == [
        f"data/budget.yml:{line + 1}:13: categories[0].groups[0].lines[1].amount: "
        f"duplicate key `amount` (first given at line {line})"
    ]


def test_aliases_are_refused(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "  - id: r1\n", "  - &first\n    id: r1\n")
    line = data_copy.replace("risks.yml", "  - id: r4\n", "  - *first\n  - id: r4\n")
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
    line = data_copy.replace("budget.yml", "amount: 30000", "amount: lots")
    assert data_copy.problems() == [
        f"data/budget.yml:{line}:21: categories[0].groups[0].lines[1].amount: "
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
    line = data_copy.replace("risks.yml", "en: Lower quality", 'en: "  "')
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:13: risks[1].impacts[0].en: translation is empty"
    ]


def test_unknown_enum_value(data_copy: DataCopy) -> None:
    line = data_copy.line_of("risks.yml", "probability: low")
    data_copy.replace("risks.yml", "probability: low", "probability: rare")
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:18: risks[1].probability: "
        "Input should be 'high', 'medium' or 'low' (got 'rare')"
    ]


def test_every_problem_of_a_run_is_reported(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "probability: low", "probability: rare")
    data_copy.replace("budget.yml", "amount: 30000", "amount: lots")
    data_copy.replace("team.yml", "count: 2", "count: two")
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


# YAML 1.1 surprises: refused with a message instead of read as 1.1 or 1.2 would.
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("012", "`012` is octal in YAML 1.1: drop the leading zero, or quote it"),
        ("4:10:00", "`4:10:00` is a base-60 number in YAML 1.1: quote it"),
        ("yes", "`yes` is a boolean in YAML 1.1: write true or false, or quote it"),
        ("Off", "`Off` is a boolean in YAML 1.1: write true or false, or quote it"),
        ("1_000", "`1_000` is a number in YAML 1.1: drop the `_`, or quote it"),
        ("0x1F", "`0x1F`: write numbers in decimal, or quote it"),
        (".inf", "`.inf` is not a finite number"),
        ("-.nan", "`-.nan` is not a finite number"),
        ("1e400", "`1e400` is not a finite number"),
        ("9" * 4000, "number with more than 15 digits"),
    ],
)
def test_yaml_1_1_surprises_and_unsafe_numbers_are_refused(
    data_copy: DataCopy, typed: str, message: str
) -> None:
    line = data_copy.replace("budget.yml", "amount: 30000", f"amount: {typed}")
    assert data_copy.problems() == [
        f"data/budget.yml:{line}:21: categories[0].groups[0].lines[1].amount: {message}"
    ]


def test_impossible_date(data_copy: DataCopy) -> None:
    line = data_copy.line_of("plan.yml", "start: ")
    text = data_copy.text("plan.yml")
    start = text.splitlines()[line - 1]
    data_copy.replace("plan.yml", start, "start: 2025-02-30")
    assert data_copy.problems() == [
        f"data/plan.yml:{line}:8: start: `2025-02-30` is not a real date"
    ]


def test_date_near_the_end_of_time(data_copy: DataCopy) -> None:
    line = data_copy.line_of("plan.yml", "start: ")
    start = data_copy.text("plan.yml").splitlines()[line - 1]
    data_copy.replace("plan.yml", start, "start: 9999-12-27")
    assert data_copy.problems() == [
        f"data/plan.yml:{line}:8: start: Input should be less than or equal to 2099-12-31"
    ]


def test_tags_are_refused(data_copy: DataCopy) -> None:
    line = data_copy.replace("budget.yml", "amount: 30000", "amount: !!int abc")
    assert data_copy.problems() == [
        f"data/budget.yml:{line}:21: YAML tags such as `tag:yaml.org,2002:int` "
        "are not allowed in data files"
    ]


def test_deep_nesting_is_refused(data_copy: DataCopy) -> None:
    data_copy.write("references.yml", "groups: " + "[" * 5000 + "]" * 5000 + "\n")
    assert data_copy.problems() == ["data/references.yml:1:40: nested more than 32 levels deep"]


def test_one_document_a_file(data_copy: DataCopy) -> None:
    text = data_copy.text("references.yml")
    data_copy.write("references.yml", text + "---\ngroups: []\n")
    line = text.count("\n") + 1
    assert data_copy.problems() == [
        f"data/references.yml:{line}:1: one document a file: remove this `---`"
    ]


@pytest.mark.parametrize(
    ("raw", "where", "message"),
    [
        (
            b"groups:\n  - id: a\x00b\n",
            "2:10",
            "groups[0].id: text holds the control character U+0000 NULL; remove it",
        ),
        (
            b"groups:\n  - id: a\x1b[31m\n",
            "2:10",
            "groups[0].id: text holds the control character U+001B ESCAPE; remove it",
        ),
        (b"groups:\n  - id: \xff\xfe\n", "2:9", "not UTF-8: byte 0xff at offset 16"),
    ],
)
def test_control_bytes_and_bad_encoding_are_located(
    data_copy: DataCopy, raw: bytes, where: str, message: str
) -> None:
    (data_copy.folder / "references.yml").write_bytes(raw)
    assert f"data/references.yml:{where}: {message}" in data_copy.problems()


@pytest.mark.parametrize(
    ("char", "name"),
    [("\x00", "U+0000 NULL"), ("\x1b", "U+001B ESCAPE"), ("\x7f", "U+007F DELETE")],
)
def test_raw_controls_after_wide_characters_are_located_by_character(
    data_copy: DataCopy, char: str, name: str
) -> None:
    """Columns count characters, not bytes: three Chinese characters (nine bytes) before the
    control put it at column 22, not 28."""
    line = data_copy.replace("risks.yml", "en: Lower quality", f"en: Lower 质量差{char}quality")
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:22: risks[1].impacts[0].en: text holds the control character "
        f"{name}; remove it"
    ]


@pytest.mark.parametrize(
    ("escaped", "message"),
    [
        ("\\0", "text holds the control character U+0000 NULL; remove it"),
        ("\\e[31m", "text holds the control character U+001B ESCAPE; remove it"),
        (
            "\\u202Eevil",
            "text holds the direction control U+202E RIGHT-TO-LEFT OVERRIDE; remove it",
        ),
    ],
)
def test_escaped_controls_bidi_overrides_and_surrogates_are_refused(
    data_copy: DataCopy, escaped: str, message: str
) -> None:
    line = data_copy.replace("risks.yml", "en: Lower quality", f'en: "Lower{escaped} quality"')
    assert data_copy.problems() == [f"data/risks.yml:{line}:13: risks[1].impacts[0].en: {message}"]


def test_a_lone_surrogate_escape_is_refused_where_it_is(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "en: Lower quality", 'en: "Lower\\ud800 quality"')
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:21: YAML: found invalid Unicode character escape code"
    ]


def test_invisible_text_is_empty(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "en: Lower quality", 'en: "\\u00a0\\u3000 "')
    assert data_copy.problems() == [
        f"data/risks.yml:{line}:13: risks[1].impacts[0].en: translation is empty"
    ]


def test_an_unclosed_quote_is_reported_where_it_opens(data_copy: DataCopy) -> None:
    data_copy.write("references.yml", 'groups:\n  - id: "unclosed\n    title: x\n\n')
    [problem] = data_copy.problems()
    assert problem.startswith("data/references.yml:2:9: YAML: ")
    assert problem.endswith("(while scanning a quoted scalar that starts here)")


def test_a_quoted_key_cannot_forge_report_lines(data_copy: DataCopy) -> None:
    forged = "x\\ndata/risks.yml:1:1: all good\\n::error file=README.md::pwned"
    line = data_copy.replace("risks.yml", "  - id: r2\n", f'  - id: r2\n    "{forged}": 1\n')
    [problem] = data_copy.problems()
    assert problem == (
        f"data/risks.yml:{line + 1}:5: risks[1]: keys must be plain names, not "
        "'x\\ndata/risks.yml:1:1: all good\\n::error file=README.md::pwned'"
    )
    assert "\n" not in problem


def test_long_values_are_quoted_in_short(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "probability: low", "probability: " + "x" * 10_000)
    [problem] = data_copy.problems()
    assert len(problem) < 200
    assert problem.endswith("(got '" + "x" * 58 + "…)")


def test_a_symlinked_data_file_is_refused_before_it_is_read(
    data_copy: DataCopy, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.yml"
    secret.write_text("groups:\n  - id: token-1234567890\n", encoding="utf-8")
    (data_copy.folder / "references.yml").unlink()
    (data_copy.folder / "references.yml").symlink_to(secret)
    problems = data_copy.problems()
    assert problems == [
        "data/references.yml:1:1: is a symbolic link: data files must be regular files in the "
        "repository"
    ]
    assert "token" not in " ".join(problems)


def test_a_symlink_anywhere_under_data_is_refused(data_copy: DataCopy) -> None:
    (data_copy.folder / "schema").mkdir(exist_ok=True)
    (data_copy.folder / "schema" / "risks.schema.json").symlink_to("/etc/passwd")
    (data_copy.folder / "linked").symlink_to("/etc", target_is_directory=True)
    assert data_copy.problems() == [
        "data/linked:1:1: is a symbolic link: data files must be regular files in the repository",
        "data/schema/risks.schema.json:1:1: is a symbolic link: data files must be regular files "
        "in the repository",
    ]


def test_special_files_are_refused(data_copy: DataCopy) -> None:
    os.mkfifo(data_copy.folder / "pipe.yml")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(data_copy.folder / "socket.yml"))
        assert data_copy.problems() == [
            "data/pipe.yml:1:1: is not a regular file",
            "data/socket.yml:1:1: is not a regular file",
        ]


def test_times_and_plain_words_are_read_as_text(data_copy: DataCopy) -> None:
    # `09:00` is a string in YAML 1.1 as in 1.2 (a base-60 number starts with 1-9).
    data_copy.replace("execution.yml", "start: '09:00'", "start: 09:00")
    data = load_dataset(data_copy.folder)
    assert data.execution.week1[0].slots[0].start == "09:00"


def test_a_dataset_is_assembled_only_from_validated_parts(fixture_dataset: Dataset) -> None:
    """The loader assembles the dataset from the parts it validated, without validating them
    again; a part of the wrong model, or a missing one, is refused."""
    parts = {name: getattr(fixture_dataset, name) for name in Dataset.model_fields}
    assembled = Dataset.assemble(parts)
    assert all(getattr(assembled, name) is part for name, part in parts.items())
    with pytest.raises(TypeError, match="budget"):
        Dataset.assemble({**parts, "budget": parts["team"]})
    with pytest.raises(TypeError, match="risks"):
        Dataset.assemble({name: part for name, part in parts.items() if name != "risks"})


def _outcome(read: Callable[[str], object], text: str) -> tuple[str, object]:
    try:
        return "value", read(text)
    except Exception as refused:  # the loader's refusal, with its message
        return type(refused).__name__, str(refused)


@given(
    st.text()
    | st.text(alphabet=st.sampled_from("0123456789+-.~_:eExXoO yYnNtTrRuUfFaAlLsSiI \u200b\x85"))
    | st.sampled_from(
        [
            *("", "~", "null", "Yes", "off", "012", "4:10:00", "1_000", ".inf", "2025-02-30"),
            *("\n", "null\n", "true\n", "1\n", "2025-01-06\n"),  # `$` matches before a `\n`
        ]
    )
)
def test_the_plain_text_shortcut_reads_every_scalar_as_the_full_rules_do(text: str) -> None:
    """`plain_value` returns most texts without trying the rules: never one the rules would
    read otherwise or refuse."""
    assert _outcome(yamlsource.plain_value, text) == _outcome(yamlsource.resolve_plain, text)

"""The workflow lint (`make lint-workflows`): passes on the real .github/ files, and fails, naming
the rule, on a copy broken on purpose.

zizmor and check-jsonschema both run offline: zizmor's online audits are off, and the GitHub
schemas ship inside check-jsonschema.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(
    path for path in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if path.name != "config.yml"
)
# zizmor's exit codes from 10 up mean "findings" (10 + the highest severity); 1 and 2 are its
# own failures, which must not pass for a finding.
ZIZMOR_FINDINGS = 10


def zizmor(*inputs: Path) -> subprocess.CompletedProcess[str]:
    """zizmor as `make lint-workflows` runs it, with JSON output."""
    return subprocess.run(
        [
            str(BIN / "zizmor"),
            "--offline",
            "--no-progress",
            "--min-severity",
            "medium",
            "--format",
            "json",
            *map(str, inputs),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def rules(result: subprocess.CompletedProcess[str]) -> set[str]:
    """The rule names of zizmor's findings."""
    return {finding["ident"] for finding in json.loads(result.stdout)}


def check_jsonschema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_real_files_pass() -> None:
    assert {path.name for path in WORKFLOWS} >= {"ci.yml", "deploy.yml"}
    assert {path.name for path in ISSUE_FORMS} == {
        "data-correction.yml",
        "translation.yml",
        "site-problem.yml",
    }
    found = zizmor(GITHUB / "workflows", GITHUB / "dependabot.yml")
    assert found.returncode == 0, found.stdout + found.stderr
    assert json.loads(found.stdout) == []
    for schema, files in (
        ("vendor.github-workflows", WORKFLOWS),
        ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
        ("vendor.github-issue-forms", ISSUE_FORMS),
        ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
    ):
        checked = check_jsonschema(schema, *files)
        assert checked.returncode == 0, f"{schema}: {checked.stdout}{checked.stderr}"


def test_every_action_is_pinned_by_a_full_sha_with_its_version() -> None:
    for workflow in WORKFLOWS:
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.fullmatch(
                    r"\s+(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line
                ), f"{workflow.name}: {line.strip()}"


def broken_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of .github/workflows/ in `tmp_path` with `old` replaced by `new` in `name`."""
    folder = tmp_path / ".github" / "workflows"
    shutil.copytree(GITHUB / "workflows", folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        pytest.param(
            "actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0",
            "actions/checkout@v4",
            "unpinned-uses",
            id="pinned-by-tag",
        ),
        pytest.param(
            "\n  pull_request:\n",
            "\n  pull_request_target:\n",
            "dangerous-triggers",
            id="pull-request-target",
        ),
    ],
)
def test_zizmor_names_the_rule_a_broken_workflow_breaks(
    tmp_path: Path, old: str, new: str, rule: str
) -> None:
    found = zizmor(broken_copy(tmp_path, "ci.yml", old, new))
    assert found.returncode >= ZIZMOR_FINDINGS, found.stdout + found.stderr
    assert rules(found) == {rule}


def test_an_issue_form_with_a_schema_error_fails(tmp_path: Path) -> None:
    form = tmp_path / "data-correction.yml"
    text = (GITHUB / "ISSUE_TEMPLATE" / "data-correction.yml").read_text(encoding="utf-8")
    # "textbox" is not a field type of GitHub's issue forms ("textarea" is).
    assert text.count("  - type: textarea\n") >= 1
    form.write_text(text.replace("  - type: textarea\n", "  - type: textbox\n", 1), "utf-8")
    checked = check_jsonschema("vendor.github-issue-forms", form)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert "Schema validation errors were encountered." in checked.stdout + checked.stderr
    assert "textbox" in checked.stdout + checked.stderr

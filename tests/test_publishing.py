"""Publishing people can trust: the deploy waits for CI on main, the preview does not wait for
the tests, Dependabot covers every manifest, and no action runs on the retired Node 20."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # PyYAML reads the key `on` as True (YAML 1.1).
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_the_deploy_runs_only_after_ci_succeeds_on_main() -> None:
    ci, deploy = workflow("ci.yml"), workflow("deploy.yml")
    assert set(deploy["on"]) == {"workflow_run"}, "no other trigger may publish"
    run = deploy["on"]["workflow_run"]
    assert run == {"workflows": [ci["name"]], "types": ["completed"], "branches": ["main"]}
    guard = " ".join(deploy["jobs"]["build"]["if"].split())
    for condition in (
        "github.event.workflow_run.conclusion == 'success'",
        "github.event.workflow_run.event == 'push'",
        "github.event.workflow_run.head_branch == 'main'",
        "github.event.workflow_run.head_repository.full_name == github.repository",
    ):
        assert condition in guard
    checkout = deploy["jobs"]["build"]["steps"][0]
    assert checkout["with"]["ref"] == "${{ github.event.workflow_run.head_sha }}"
    assert deploy["jobs"]["deploy"]["needs"] == "build"


def test_the_preview_does_not_wait_for_the_tests() -> None:
    preview = workflow("preview.yml")
    assert "pull_request" in preview["on"]
    for job in preview["jobs"].values():
        assert "needs" not in job
        runs = " ".join(str(step.get("run", "")) for step in job["steps"])
        assert "make preview" in runs and "plandocs changes" in runs
        assert "make test" not in runs and "pytest" not in runs
        uploads = [s for s in job["steps"] if "upload-artifact" in str(s.get("uses", ""))]
        assert uploads and uploads[0]["with"]["name"] == "site-preview"


def manifests() -> set[tuple[str, str]]:
    """Return (ecosystem, directory) of every dependency manifest in the repository."""
    found = set()
    for path in ROOT.rglob("package.json"):
        if "node_modules" not in path.parts and ".venv" not in path.parts:
            found.add(("npm", "/" + path.parent.relative_to(ROOT).as_posix().strip(".")))
    found.add(("pip", "/"))  # pyproject.toml and requirements/*.txt
    if any(WORKFLOWS.glob("*.yml")):
        found.add(("github-actions", "/"))
    return {(kind, "/" if folder in ("/", "") else folder) for kind, folder in found}


def test_dependabot_covers_every_manifest() -> None:
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    covered = {(u["package-ecosystem"], u["directory"]) for u in config["updates"]}
    assert ("npm", "/bench") in manifests()
    assert manifests() <= covered


def test_python_updates_regenerate_the_lock() -> None:
    lock = workflow("lock.yml")
    [job] = lock["jobs"].values()
    runs = " ".join(str(step.get("run", "")) for step in job["steps"])
    assert "make" in runs and " lock" in runs and "--require-hashes" in runs
    assert "dependabot/pip/" in job["if"]
    assert job["permissions"] == {"contents": "write"}


# Actions that still run on Node 20 at the versions this project once pinned.
NODE_20 = {
    "actions/upload-artifact": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
    "actions/configure-pages": 6,
}


def test_no_action_runs_on_node_20() -> None:
    pins = re.compile(r"uses: ([\w-]+/[\w-]+)@[0-9a-f]{40} # v(\d+)")
    for path in WORKFLOWS.glob("*.yml"):
        for action, major in pins.findall(path.read_text(encoding="utf-8")):
            if action in NODE_20:
                assert int(major) >= NODE_20[action], f"{path.name}: {action} v{major} is Node 20"
        assert 'node-version: "20"' not in path.read_text(encoding="utf-8")

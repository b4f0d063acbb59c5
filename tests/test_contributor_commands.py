"""Every command the contributing guides show, and the command the stale-translation warning
prints, works as written: in a fresh shell with no activated environment, on a scratch copy of
the project holding the fixture dataset, with every argument a shell could expand quoted."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURE, ROOT

GUIDES = ("CONTRIBUTING.md", "CONTRIBUTING.zh.md")
_BLOCK = re.compile(r"^( *)```sh\n(.*?)^\1```", re.MULTILINE | re.DOTALL)
# Commands that run until stopped (a server) or for minutes (every test): the test proves the
# make target exists and what it would run (`make -n`), or that the option exists.
LONG_RUNNING = {
    "make serve": ["make", "-n", "serve"],
    "make test": ["make", "-n", "test"],
    "python3 -m http.server -d site": ["python3", "-m", "http.server", "--help"],
}
SHELLS = [shell for shell in ("bash", "zsh") if shutil.which(shell)]


def guide_commands() -> list[tuple[str, str]]:
    """Return (guide, command) for every line of every `sh` code block of both guides."""
    out = []
    for guide in GUIDES:
        for block in _BLOCK.finditer((ROOT / guide).read_text(encoding="utf-8")):
            lines = [line.strip() for line in block[2].splitlines()]
            out += [(guide, line) for line in lines if line and not line.startswith("#")]
    return out


def fresh_environment() -> dict[str, str]:
    """Return the environment of a new terminal: no virtual environment on PATH."""
    venv = str(ROOT / ".venv")
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if not p.startswith(venv)]
    path = [p for p in path if "/.venv/" not in p and not p.endswith("/.venv/bin")]
    return {"PATH": os.pathsep.join(path), "HOME": os.environ.get("HOME", "/"), "LANG": "C.UTF-8"}


@pytest.fixture
def scratch(tmp_path: Path) -> Path:
    """A copy of the project with the fixture dataset; its .venv and node_modules are the
    project's own (linked), so nothing is installed."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("Makefile", "pyproject.toml", "package.json", "package-lock.json", "mkdocs.yml"):
        shutil.copy2(ROOT / name, project / name)
    for name in ("tools", "requirements", "docs", "hooks", "overrides"):
        ignore = shutil.ignore_patterns("report")
        shutil.copytree(ROOT / name, project / name, copy_function=shutil.copy2, ignore=ignore)
    shutil.copytree(FIXTURE, project / "data")
    shutil.copytree(ROOT / "data" / "schema", project / "data" / "schema")
    for name in (".venv", "node_modules", "src"):
        (project / name).symlink_to(ROOT / name)
    # The linked environments are the ones this test runs in, already set up: date their inputs
    # no later than their stamps, so that `make` does not try to rebuild them through the links
    # (a checkout newer than its .venv, e.g. after a pull or in a fresh clone, would).
    inputs = {
        ".venv/.ready": [
            "pyproject.toml",
            *(f"requirements/{n}" for n in ("dev.txt", "runtime.txt")),
        ],
        "node_modules/.ready": ["package.json", "package-lock.json"],
    }
    for stamp, names in inputs.items():
        if (ROOT / stamp).exists():
            when = (ROOT / stamp).stat().st_mtime_ns  # in ns: a float would round up past it
            for name in names:
                os.utime(project / name, ns=(when, when))
    return project


def run(command: str, project: Path, shell: str = "bash") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [shell, "-c", command],
        cwd=project,
        env=fresh_environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def unquoted_globs(command: str) -> list[str]:
    """Return the words of `command` that a shell would expand (`[`, `]`, `*`, `?` unquoted)."""
    words = re.findall(r"""(?:'[^']*'|"[^"]*"|[^\s'"])+""", command)
    bare = [re.sub(r"""'[^']*'|"[^"]*\"""", "", word) for word in words]
    return [word for word, rest in zip(words, bare, strict=True) if re.search(r"[][*?]", rest)]


def test_the_guides_show_the_commands_a_contributor_needs() -> None:
    commands = {command for _, command in guide_commands()}
    assert {"make check", "make serve", "make translations"} <= commands
    assert any(command.startswith("make accept FIELD='") for command in commands)
    assert not [c for c in commands if "python -m plandocs" in c or c.startswith("plandocs ")]


@pytest.mark.parametrize(("guide", "command"), guide_commands())
def test_every_guide_command_quotes_what_a_shell_would_expand(guide: str, command: str) -> None:
    assert unquoted_globs(command) == [], f"{guide}: quote the argument in `{command}`"


def test_the_quoting_check_can_fail() -> None:
    assert unquoted_globs("make accept FIELD=data/risks.yml:risks[0].title") != []
    assert unquoted_globs("make accept FIELD='data/risks.yml:risks[0].title'") == []


@pytest.mark.parametrize("shell", SHELLS)
def test_every_guide_command_runs_without_an_activated_environment(
    scratch: Path, shell: str
) -> None:
    for guide, command in guide_commands():
        probe = LONG_RUNNING.get(command)
        if probe is not None:
            result = subprocess.run(
                probe, cwd=scratch, env=fresh_environment(), capture_output=True, text=True
            )
        else:
            result = run(command, scratch, shell)
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"{guide}: `{command}` failed in {shell}:\n{output}"
        assert "Traceback" not in output and "command not found" not in output, output


@pytest.mark.parametrize("shell", SHELLS)
def test_the_stale_translation_hint_runs_as_printed(scratch: Path, shell: str) -> None:
    risks = scratch / "data" / "risks.yml"
    risks.write_text(
        risks.read_text(encoding="utf-8").replace("zh: 质量下降", "zh: 质量明显下降", 1), "utf-8"
    )
    check = run("make check", scratch, shell)
    assert check.returncode == 0, check.stdout + check.stderr
    hints = re.findall(r"then run `([^`]+)`", check.stderr)
    assert hints, check.stderr
    command = hints[0]
    assert command.startswith("make accept FIELD='") and unquoted_globs(command) == []
    accepted = run(command, scratch, shell)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    again = run("make check", scratch, shell)
    assert "then run" not in again.stderr, again.stderr

"""Problems as they reach a pull request: GitHub annotations, the ones on the lines the pull
request changed first, and every problem in the job summary (`$GITHUB_STEP_SUMMARY`) as a table
with a link to each line, because GitHub shows at most 10 errors and 10 warnings of a step as
annotations. Nothing is left out silently: past that limit a notice says how many more there are.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from plandocs.explain import Explained, explainer
from plandocs.history import git_output
from plandocs.problems import Problem, _github_message, _github_property, excerpt, printable
from plandocs.render.markdown import Md, link, table

SHOWN_PER_SEVERITY = 10
"""How many annotations of each severity GitHub shows for one step."""

_HUNK = re.compile(r"^@@ -\S+ \+(\d+)(?:,(\d+))? @@")


def changed_lines(root: Path, base: str) -> set[tuple[str, int]]:
    """Return (file, line) of every line added or changed since `base` (empty without git)."""
    diff = git_output(
        root, "diff", "--unified=0", "--no-color", f"{base}...HEAD", "--", "data", "docs"
    )
    if diff is None:
        return set()
    found: set[tuple[str, int]] = set()
    file = ""
    for line in diff.splitlines():
        if line.startswith("+++ "):
            file = line[6:] if line.startswith("+++ b/") else ""
        elif (hunk := _HUNK.match(line)) and file:
            start, count = int(hunk[1]), int(hunk[2] or "1")
            found.update((file, number) for number in range(start, start + count))
    return found


def ordered(problems: list[Problem], changed: set[tuple[str, int]]) -> list[Problem]:
    """Return the problems on changed lines first, then the others; errors before warnings,
    then by file and line."""

    def key(problem: Problem) -> tuple[bool, bool, Problem]:
        on_change = (problem.file, problem.line) in changed
        return (not on_change, problem.severity != "error", problem)

    return sorted(problems, key=key)


def annotation(item: Explained, languages: tuple[str, ...]) -> str:
    """Return one problem as a workflow command, its message in every language."""
    problem = item.problem
    message = "\n".join(printable(item.texts[c]) for c in languages if c in item.texts)
    title = _github_property(excerpt(problem.field, 120) or "data")
    file = _github_property(printable(problem.file))
    where = f"file={file},line={problem.line},col={problem.column}"
    return f"::{problem.severity} {where},title={title}::{_github_message(message)}"


def summary(
    explained: list[Explained],
    languages: tuple[str, ...],
    changed: set[tuple[str, int]],
    blob_url: str,
) -> str:
    """Return the Markdown table of every problem, each linked to its line."""
    errors = sum(item.problem.severity == "error" for item in explained)
    warnings = len(explained) - errors
    heading = f"## Data check: {errors} error(s), {warnings} warning(s) / 数据检查"
    if not explained:
        return f"{heading}\n\nNo problems. / 没有发现问题。\n"
    rows = []
    for item in explained:
        problem = item.problem
        place = f"{problem.file}:{problem.line}:{problem.column}"
        where: str | Md = link(place, f"{blob_url}/{problem.file}#L{problem.line}")
        changed_mark = "✎" if (problem.file, problem.line) in changed else ""
        texts = [item.texts.get(code, "") for code in languages]
        rows.append([problem.severity, changed_mark, where, problem.field, *texts])
    headers = ["", "changed / 改动", "where / 位置", "field / 字段", *languages]
    return f"{heading}\n\n{table(headers, rows)}"


def annotate(
    problems: list[Problem],
    data_dir: Path,
    *,
    changed_from: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> None:
    """Print the problems as annotations (changed lines first, a notice past GitHub's limit)
    and append every one of them to the job summary when the step has one."""
    env = os.environ if environ is None else environ
    words = explainer(data_dir)
    root = data_dir.resolve().parent
    changed = changed_lines(root, changed_from) if changed_from else set()
    explained = [words.explain(problem) for problem in ordered(problems, changed)]
    for item in explained:
        print(annotation(item, words.languages))
    for severity in ("error", "warning"):
        more = sum(item.problem.severity == severity for item in explained) - SHOWN_PER_SEVERITY
        if more > 0:
            print(
                f"::notice title=More {severity}s::{more} more {severity}(s) than GitHub shows "
                "as annotations: every problem is listed in the job summary"
            )
    target = env.get("GITHUB_STEP_SUMMARY")
    if target:
        server = env.get("GITHUB_SERVER_URL", "https://github.com")
        repository = env.get("GITHUB_REPOSITORY", "")
        revision = env.get("PLANDOCS_HEAD_SHA") or env.get("GITHUB_SHA", "HEAD")
        blob_url = f"{server}/{repository}/blob/{revision}"
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(summary(explained, words.languages, changed, blob_url) + "\n")

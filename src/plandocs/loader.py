"""Load every file under data/ into a validated Dataset, or raise DataError with all problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from plandocs.model import FILES, Dataset
from plandocs.model.common import Model
from plandocs.problems import DataError, Problem
from plandocs.rules import check_rules
from plandocs.yamlsource import SourceFile, read_source


def load_dataset(data_dir: Path, *, label: str = "data") -> Dataset:
    """Return the validated dataset in `data_dir`; raise DataError listing every problem.

    `label` is how file names start in messages (the data folder as the contributor sees it).
    """
    problems: list[Problem] = []
    sources: dict[str, SourceFile] = {}
    parts: dict[str, Model] = {}
    for relative, model in FILES.items():
        name = f"{label}/{relative}"
        path = data_dir / relative
        if not path.is_file():
            problems.append(Problem(name, 1, 1, "", "file is missing"))
            continue
        source = read_source(name, path.read_bytes())
        sources[relative] = source
        problems.extend(source.problems)
        if source.problems:
            continue
        try:
            parts[Path(relative).stem] = model.model_validate(source.data)
        except ValidationError as error:
            problems.extend(_describe(source, detail) for detail in error.errors())
    known = {f"{label}/{relative}" for relative in FILES}
    for extra in sorted(data_dir.rglob("*.y*ml")):
        name = f"{label}/{extra.relative_to(data_dir).as_posix()}"
        if name not in known:
            problems.append(Problem(name, 1, 1, "", "unknown data file (see FILES in model)"))
    if problems:
        raise DataError(problems)
    dataset = Dataset.model_validate(parts)
    findings = check_rules(dataset)
    if findings:
        raise DataError(
            [sources[finding.file].problem(finding.loc, finding.message) for finding in findings]
        )
    return dataset


def _describe(source: SourceFile, detail: ErrorDetails) -> Problem:
    """Turn one pydantic error into a located, contributor-friendly Problem."""
    loc = tuple(part for part in detail["loc"] if isinstance(part, int) or "[" not in part)
    kind = detail["type"]
    given: Any = detail.get("input")
    if kind == "extra_forbidden":
        return source.problem(loc, f"unknown key `{loc[-1]}`", key=True)
    if kind == "missing":
        if loc and loc[-1] in ("zh", "en"):
            return source.problem(loc, f"missing `{loc[-1]}` translation")
        return source.problem(loc, f"missing required key `{loc[-1]}`")
    message = detail["msg"].removeprefix("Value error, ")
    if kind in ("literal_error", "string_pattern_mismatch") or kind.endswith("_type"):
        message = f"{message} (got {given!r})"
    return source.problem(loc, message)

"""Load every file under data/ into a validated Dataset, or raise DataError with all problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from plandocs.model import Dataset
from plandocs.model.common import Model
from plandocs.model.languages import Languages
from plandocs.problems import DataError, Problem
from plandocs.registry import FAMILIES, LANGUAGES
from plandocs.rules import check_rules
from plandocs.yamlsource import SourceFile, read_source

# Custom errors that name the key they are about: the message is located under that key.
_UNDER_KEY = {"empty_translation", "placeholders"}


def load_dataset(data_dir: Path, *, label: str = "data") -> Dataset:
    """Return the validated dataset in `data_dir`; raise DataError listing every problem.

    `label` is how file names start in messages (the data folder as the contributor sees it).
    The languages are read first: every text of every other file is checked against them.
    """
    problems: list[Problem] = []
    sources: dict[str, SourceFile] = {}
    parts: dict[str, Model] = {}
    context: dict[str, Any] = {}
    for family in FAMILIES:
        name = f"{label}/{family.file}"
        path = data_dir / family.file
        if not path.is_file():
            problems.append(Problem(name, 1, 1, "", "file is missing"))
            continue
        source = read_source(name, path.read_bytes())
        sources[family.file] = source
        problems.extend(source.problems)
        if source.problems:
            continue
        try:
            parts[family.name] = family.model.model_validate(source.data, context=context)
        except ValidationError as error:
            problems.extend(p for detail in error.errors() for p in _describe(source, detail))
        if family is LANGUAGES and isinstance(parts.get(family.name), Languages):
            context["languages"] = parts[family.name].codes  # type: ignore[attr-defined]
    known = {f"{label}/{family.file}" for family in FAMILIES}
    for extra in sorted(data_dir.rglob("*.y*ml")):
        name = f"{label}/{extra.relative_to(data_dir).as_posix()}"
        if name not in known:
            problems.append(Problem(name, 1, 1, "", "unknown data file (see plandocs.registry)"))
    if problems:
        raise DataError(problems)
    dataset = Dataset.model_validate(parts)
    findings = check_rules(dataset)
    if findings:
        raise DataError(
            [sources[finding.file].problem(finding.loc, finding.message) for finding in findings]
        )
    return dataset


def _describe(source: SourceFile, detail: ErrorDetails) -> list[Problem]:
    """Turn one pydantic error into located, contributor-friendly Problems."""
    loc = tuple(part for part in detail["loc"] if isinstance(part, int) or "[" not in part)
    kind = detail["type"]
    given: Any = detail.get("input")
    context = detail.get("ctx", {})
    if kind == "text_keys":
        return [
            *(
                source.problem((*loc, key), f"missing `{key}` translation")
                for key in context["missing"]
            ),
            *(
                source.problem((*loc, key), f"unknown key `{key}`", key=True)
                for key in context["unknown"]
            ),
        ]
    if kind in _UNDER_KEY:
        return [source.problem((*loc, str(context.get("key", ""))), detail["msg"])]
    if kind == "extra_forbidden":
        return [source.problem(loc, f"unknown key `{loc[-1]}`", key=True)]
    if kind == "missing":
        return [source.problem(loc, f"missing required key `{loc[-1]}`")]
    message = detail["msg"].removeprefix("Value error, ")
    if kind in ("literal_error", "string_pattern_mismatch") or kind.endswith("_type"):
        message = f"{message} (got {given!r})"
    return [source.problem(loc, message)]

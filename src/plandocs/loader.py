"""Load every file under data/ into a validated Dataset, or raise DataError with all problems.

data/ comes from strangers. Before anything is read, every entry under it must be a regular
file or a folder, not a symbolic link, a device or a pipe; a file is read only up to the size
limit. Then each file is parsed (plandocs.yamlsource), validated against its model with the
configured languages, and the consistency rules run on whatever validated.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from plandocs import sourcedoc, yamlsource
from plandocs.model import Dataset
from plandocs.model.common import Model
from plandocs.model.labels import Labels
from plandocs.model.languages import Languages
from plandocs.model.source import SourceDocument
from plandocs.problems import DataError, Problem, excerpt
from plandocs.registry import FAMILIES, LANGUAGES
from plandocs.rules import check_rules
from plandocs.translations import texts_in
from plandocs.yamlsource import SourceFile, read_source

# Custom errors that name the key they are about: the message is located under that key.
_UNDER_KEY = {"empty_translation", "placeholders", "out_of_range"}


@dataclass(frozen=True)
class Loaded:
    """A validated dataset with the parsed files it came from (their positions)."""

    dataset: Dataset
    sources: dict[str, SourceFile]
    """Family name -> its parsed file."""
    source_text: str
    """The verbatim copy of the source document (data/source.yml says which file)."""

    def families(self) -> dict[str, tuple[str, Model, SourceFile]]:
        """Return family name -> (data file as named in messages, model, parsed file)."""
        return {
            family.name: (
                self.sources[family.name].name,
                getattr(self.dataset, family.name),
                self.sources[family.name],
            )
            for family in FAMILIES
        }


def load_dataset(data_dir: Path, *, label: str = "data") -> Dataset:
    """Return the validated dataset in `data_dir`; raise DataError listing every problem.

    `label` is how file names start in messages (the data folder as the contributor sees it).
    """
    return load(data_dir, label=label).dataset


def load(data_dir: Path, *, label: str = "data") -> Loaded:
    """Return the validated dataset in `data_dir` with its parsed files; raise DataError
    listing every problem.

    The languages are read first: every text of every other file is checked against them.
    """
    problems = unsafe_entries(data_dir, label)
    if problems:
        raise DataError(problems)
    sources: dict[str, SourceFile] = {}
    parts: dict[str, Model] = {}
    context: dict[str, Any] = {}
    for family in FAMILIES:
        name = f"{label}/{family.file}"
        read = read_capped(data_dir / family.file)
        if read is None:
            problems.append(Problem(name, 1, 1, "", "file is missing"))
            continue
        source = read_source(name, read[0], size=read[1])
        sources[family.name] = source
        problems.extend(source.problems)
        if source.data is None:
            continue
        try:
            parts[family.name] = family.model.model_validate(source.data, context=context)
        except ValidationError as error:
            problems += [
                problem
                for detail in error.errors()
                for problem in _describe(source, detail)
                if not source.was_refused(problem_loc(detail))
            ]
        if family is LANGUAGES and isinstance(parts.get(family.name), Languages):
            context["languages"] = parts[family.name].codes  # type: ignore[attr-defined]
    known = {family.file for family in FAMILIES}
    for extra in sorted(data_dir.rglob("*.y*ml")):
        relative = extra.relative_to(data_dir).as_posix()
        if relative not in known:
            message = "unknown data file (see plandocs.registry)"
            problems.append(Problem(f"{label}/{relative}", 1, 1, "", message))
    source_text = ""
    document = parts.get("source")
    if isinstance(document, SourceDocument):
        source_text, found = read_source_copy(data_dir, document, sources["source"])
        problems += found
        labels = parts.get("labels")
        if source_text and isinstance(labels, Labels):
            name = _copy_name(sources["source"], document)
            problems += missing_appendices(parts, labels, source_text, name)
    valid = {name: part for name, part in parts.items() if not _has_errors(sources[name], problems)}
    findings = check_rules(valid)
    problems += [sources[f.family].problem(f.loc, f.message) for f in findings]
    if problems:
        raise DataError(problems)
    return Loaded(Dataset.assemble(parts), sources, source_text)


def read_source_copy(
    data_dir: Path, document: SourceDocument, source: SourceFile
) -> tuple[str, list[Problem]]:
    """Return the verbatim copy of the source document, checked against its SHA-256."""
    read = read_capped(data_dir / document.file)
    if read is None:
        return "", [source.problem(("file",), f"no file data/{document.file}")]
    raw, size = read
    if len(raw) > size or len(raw) > yamlsource.MAX_BYTES:
        return "", [source.problem(("file",), "the copy is larger than a data file may be")]
    digest = hashlib.sha256(raw).hexdigest()
    if digest != document.sha256:
        message = (
            f"the copy's SHA-256 is {digest}: the source is kept verbatim; if the source "
            "itself has a new version, replace the copy and record its SHA-256 here"
        )
        return "", [source.problem(("sha256",), message)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return "", [source.problem(("file",), "the copy is not UTF-8")]
    name = _copy_name(source, document)
    found = [
        Problem(name, line, column, "", message)
        for line, column, message in sourcedoc.problems(text)
    ]
    return ("" if found else text), found


def _copy_name(source: SourceFile, document: SourceDocument) -> str:
    """Return how problems name the source copy: `data/source/plan.zh.md`."""
    folder = source.name.rsplit("/", 1)[0]
    return f"{folder}/{document.file}" if "/" in source.name else document.file


def missing_appendices(
    parts: dict[str, Model], labels: Labels, text: str, name: str
) -> list[Problem]:
    """Return a problem for each appendix of the source that a data text mentions (the pages
    link each mention to its anchor) but the source copy has no heading for."""
    mention = labels.site.appendix_mention
    patterns = [
        re.compile(re.escape(mention(code)).replace(r"\{letter\}", "([A-Z])"))
        for code in mention.root
        if not code.endswith("_pin")
    ]
    linked: set[str] = set()
    for part in parts.values():
        for _, found in texts_in(part):
            for code, value in found.root.items():
                if not code.endswith("_pin"):
                    linked.update(m[1] for p in patterns for m in p.finditer(value))
    anchors = {section.anchor for section in sourcedoc.sections(text)}
    message = (
        "the pages link to `#{anchor}` (a text mentions appendix {letter}), but the source "
        "has no heading for it"
    )
    return [
        Problem(name, 1, 1, "", message.format(anchor=f"appendix-{letter.lower()}", letter=letter))
        for letter in sorted(linked)
        if f"appendix-{letter.lower()}" not in anchors
    ]


def _has_errors(source: SourceFile, problems: list[Problem]) -> bool:
    return any(problem.file == source.name for problem in problems)


def unsafe_entries(data_dir: Path, label: str) -> list[Problem]:
    """Return a problem for every symbolic link or special file under `data_dir`.

    Nothing is followed: a link is reported where it is, before anything is read through it.
    """
    problems: list[Problem] = []
    if data_dir.is_symlink():
        return [Problem(label, 1, 1, "", "the data folder is a symbolic link")]
    for folder, folders, files in os.walk(data_dir, followlinks=False):
        for entry in sorted([*folders, *files]):
            path = Path(folder) / entry
            name = f"{label}/{path.relative_to(data_dir).as_posix()}"
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                message = "is a symbolic link: data files must be regular files in the repository"
                problems.append(Problem(name, 1, 1, "", message))
            elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                problems.append(Problem(name, 1, 1, "", "is not a regular file"))
    return problems


def read_capped(path: Path) -> tuple[bytes, int] | None:
    """Return at most yamlsource.MAX_BYTES + 1 bytes of a regular file and its size (None if
    missing, a symbolic link or not a regular file).

    The file is opened without following a link, and only as much is read as the size check
    needs, whatever the file's real size.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:  # a symbolic link: never read through
            return None
        raise
    with os.fdopen(handle, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            return None
        return file.read(yamlsource.MAX_BYTES + 1), status.st_size


def problem_loc(detail: ErrorDetails) -> tuple[str | int, ...]:
    """Return the data location of a pydantic error (without pydantic's union branches)."""
    return tuple(part for part in detail["loc"] if isinstance(part, int) or "[" not in part)


def _describe(source: SourceFile, detail: ErrorDetails) -> list[Problem]:
    """Turn one pydantic error into located, contributor-friendly Problems."""
    loc = problem_loc(detail)
    kind = detail["type"]
    given: Any = detail.get("input")
    context = detail.get("ctx", {})
    if kind == "text_keys":
        missing = context["missing"]
        unknown = context["unknown"]
        return [
            *(source.problem((*loc, key), f"missing `{key}` translation") for key in missing),
            *(source.problem((*loc, key), f"unknown key `{key}`", key=True) for key in unknown),
        ]
    if kind == "setting":  # a model's check of several fields, about the one at `path`
        return [source.problem((*loc, *context["path"]), detail["msg"])]
    if kind in _UNDER_KEY:
        return [source.problem((*loc, str(context.get("key", ""))), detail["msg"])]
    if kind == "extra_forbidden":
        return [source.problem(loc, f"unknown key `{loc[-1]}`", key=True)]
    if kind == "missing":
        return [source.problem(loc, f"missing required key `{loc[-1]}`")]
    message = detail["msg"].removeprefix("Value error, ")
    if kind in ("literal_error", "string_pattern_mismatch") or kind.endswith("_type"):
        message = f"{message} (got {excerpt(repr(given))})"
    return [source.problem(loc, message)]

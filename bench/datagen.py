"""Valid synthetic data at N times the seed's: list items replicated along the models.

Every list of every data file, found by walking the pydantic models of plandocs.registry, gets
N - 1 more rounds of copies of its items, each round in an order shuffled with a fixed seed.
A copy made in round r has every id inside it suffixed `-r<r>`. Lists inside a copied item are
not replicated again, so the data grows about N times (not N to the power of its depth).

What keeps the result valid (it must pass `python -m plandocs --data DIR check`):
- ids stay unique within their list; references that point inside a copy follow its ids
  (focus-map links between the copied nodes);
- references to things outside a copy keep pointing at the originals, which exist (task
  owners, key-gap areas);
- team roles and budget categories are both replicated N times with the same suffixes, so
  the copy `x-r<r>` of a role has exactly one budget line, `role: x-r<r>`, with the same count;
- stated subtotals and totals are recomputed from the new lines;
- copied tasks stay in (a copy of) their phase, with the same months and weeks, so they fit.

Not scaled: languages.yml (more languages would be more pages, not more data); lists whose
length the model fixes (the four PDCA stages: their steps are scaled instead); lists whose
items have a fixed set of ids (`Literal` ids, e.g. the gap categories: their inner lists are).

`python -m bench.datagen OUT --scale N` writes the data and checks it with `plandocs check`.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from annotated_types import MaxLen
from pydantic import BaseModel, RootModel

import plandocs.yamlsource
from plandocs.cli import main as plandocs_main
from plandocs.model.benchmarks import FocusLink, PrioritisedSuggestions
from plandocs.model.plan import Day, TimedCheck, Week, WeeklyCheck
from plandocs.model.project import BudgetLine
from plandocs.registry import FAMILIES, LANGUAGES
from plandocs.yamlsource import reads_as_text

SEED = 20261201
"""The fixed seed of the copy order: the same N always gives the same files."""

FOLLOW_THE_COPY: dict[type[BaseModel], frozenset[str]] = {
    FocusLink: frozenset({"source", "target"}),
    BudgetLine: frozenset({"role"}),
}
"""Reference fields that get the copy's suffix, besides `id` (see the module docstring)."""

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes strings quoted where YAML 1.2 (the loader's rules) would read something else:
    PyYAML's YAML 1.1 resolver leaves `042e8065` bare, which 1.2 reads as a number."""


def _string(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = None if reads_as_text(text) else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _string)


@dataclass(frozen=True)
class Generated:
    """Synthetic data written to `folder`: the size of each data file, in bytes."""

    folder: Path
    scale: int
    sizes: dict[str, int]

    @property
    def total(self) -> int:
        """Return the size of every data file together, in bytes."""
        return sum(self.sizes.values())

    def over(self, limit: int) -> dict[str, int]:
        """Return the files larger than `limit` bytes, with their size."""
        return {name: size for name, size in self.sizes.items() if size > limit}


def default_cap() -> int:
    """Return the loader's per-file size cap, as plandocs defines it today."""
    return int(getattr(plandocs.yamlsource, "MAX_BYTES", 256 * 1024))


@contextmanager
def size_cap(limit: int) -> Iterator[None]:
    """Raise the loader's per-file cap to `limit` bytes in this process only, then restore it.

    The default stays as it is for every other user; this exists so the benchmark can load
    synthetic files larger than the cap (see README, "Measuring performance").
    """
    modules = [m for m in (plandocs.yamlsource,) if hasattr(m, "MAX_BYTES")]
    saved = [m.MAX_BYTES for m in modules]
    for module in modules:
        module.MAX_BYTES = max(limit, module.MAX_BYTES)
    try:
        yield
    finally:
        for module, value in zip(modules, saved, strict=True):
            module.MAX_BYTES = value


def generate(source: Path, target: Path, scale: int, *, seed: int = SEED) -> Generated:
    """Write the data of `source` at `scale` times into `target`; return the file sizes."""
    rng = random.Random(seed)
    sizes: dict[str, int] = {}
    for family in FAMILIES:
        raw = yaml.load((source / family.file).read_text(encoding="utf-8"), Loader=_Loader)
        if family is not LANGUAGES:
            raw = scale_model(raw, family.model, scale, rng)
        if family.name == "budget":
            raw = restate_budget(raw)
        for items, key in _CHART_NAMES.get(family.name, []):
            _number_names(raw[items], key)
        if family.name == "glossary":
            _number_terms(raw["terms"])
        text = yaml.dump(
            raw, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100, indent=2
        )
        path = target / family.file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        sizes[family.file] = len(text.encode("utf-8"))
    # Files the data points at (the verbatim source document) are copied as they are.
    for attachment in sorted((source / "source").glob("*")):
        (target / "source").mkdir(parents=True, exist_ok=True)
        (target / "source" / attachment.name).write_bytes(attachment.read_bytes())
    return Generated(target, scale, sizes)


# Names a chart keys its slices or bars by must stay distinct (a rule of plandocs.rules).
_CHART_NAMES = {
    "budget": [("categories", "title")],
    "cncf": [("graduated", "name")],
    "wikipedia": [("coverage", "area")],
}


def _number_terms(terms: list[dict[str, Any]]) -> None:
    """Give every copy of a glossary term a distinct text (a glossary shows each term once,
    plandocs.rules.distinct_terms); its exceptions follow."""
    before = [dict(term["term"]) for term in terms]
    _number_names(terms, "term")
    for term, old in zip(terms, before, strict=True):
        zh, new = old.get("zh", ""), term["term"].get("zh", "")
        if zh != new and term.get("except_in"):
            term["except_in"] = [phrase.replace(zh, new) for phrase in term["except_in"]]


def _number_names(items: list[dict[str, Any]], key: str) -> None:
    """Give every copy of a named item a distinct name: `Envoy`, `Envoy 2`, `Envoy 3`…"""
    seen: dict[str, int] = {}
    for item in items:
        value = item[key]
        first = value if isinstance(value, str) else next(iter(value.values()))
        seen[first] = seen.get(first, 0) + 1
        if seen[first] > 1:
            n = seen[first]
            item[key] = (
                f"{value} {n}"
                if isinstance(value, str)
                else {
                    code: text if code.endswith("_pin") else f"{text} {n}"
                    for code, text in value.items()
                }
            )


def scale_model(data: Any, model: type[BaseModel], scale: int, rng: random.Random) -> Any:
    """Return `data` (the raw value of `model`) with its lists replicated `scale` times."""
    if not isinstance(data, dict):
        return data
    out = dict(data)
    for name, info in model.model_fields.items():
        if name in out:
            out[name] = _scale(out[name], info.annotation, info.metadata, scale, rng)
    return out


def _scale(value: Any, annotation: Any, metadata: list[Any], scale: int, rng: random.Random) -> Any:
    core, more = _core(annotation)
    metadata = [*metadata, *more]
    if value is None:
        return value
    if get_origin(core) is list and isinstance(value, list):
        (item_type,) = get_args(core)
        if not _replicable(item_type, metadata):
            return [_scale(item, item_type, [], scale, rng) for item in value]
        copies: list[Any] = []
        for round_ in range(2, scale + 1):
            order = list(value)
            rng.shuffle(order)
            copies.extend(_renamed(copy.deepcopy(item), item_type, f"-r{round_}") for item in order)
        return [*value, *copies]
    if _is_model(core):
        return scale_model(value, core, scale, rng)
    return value


# Lists whose items are told apart by a value that cannot be copied (plandocs.rules.unique_keys).
KEYED_BY_VALUE = {PrioritisedSuggestions, Day, Week, TimedCheck, WeeklyCheck}


def _replicable(item_type: Any, metadata: list[Any]) -> bool:
    """A list can grow unless its length is capped or its items' ids are a fixed set."""
    if any(isinstance(m, MaxLen) for m in metadata):
        return False
    core, _ = _core(item_type)
    if core in KEYED_BY_VALUE:
        return False
    if _is_model(core) and "id" in core.model_fields:
        id_type, _ = _core(core.model_fields["id"].annotation)
        return get_origin(id_type) is not Literal
    return True


def _renamed(value: Any, annotation: Any, suffix: str) -> Any:
    """Return a copy's raw value with its ids, and the references that follow them, suffixed."""
    core, _ = _core(annotation)
    if get_origin(core) is list and isinstance(value, list):
        (item_type,) = get_args(core)
        return [_renamed(item, item_type, suffix) for item in value]
    if not (_is_model(core) and isinstance(value, dict)):
        return value
    follow = {"id"} | FOLLOW_THE_COPY.get(core, frozenset())
    out = dict(value)
    for name, info in core.model_fields.items():
        if name not in out:
            continue
        field_type, _ = _core(info.annotation)
        if name in follow and isinstance(out[name], str) and get_origin(field_type) is not Literal:
            out[name] = out[name] + suffix
        else:
            out[name] = _renamed(out[name], info.annotation, suffix)
    return out


def restate_budget(raw: dict[str, Any]) -> dict[str, Any]:
    """Return the raw budget with every stated subtotal and total set to the computed sum."""
    grand = 0
    for category in raw["categories"]:
        total = 0
        for group in category["groups"]:
            subtotal = sum(int(line["amount"]) for line in group["lines"])
            if group.get("stated_subtotal") is not None:
                group["stated_subtotal"] = subtotal
            total += subtotal
        if category.get("stated_total") is not None:
            category["stated_total"] = total
        grand += total
    raw["stated_total"] = grand
    return raw


def _core(annotation: Any) -> tuple[Any, list[Any]]:
    """Strip `Annotated[...]` and `X | None` from a type; return it and the Annotated metadata."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            metadata.extend(extra)
        elif origin in (Union, types.UnionType):
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return annotation, metadata
            annotation = members[0]
        else:
            return annotation, metadata


def _is_model(core: Any) -> bool:
    """A data model whose fields can be walked (a RootModel such as Text is a leaf)."""
    return (
        isinstance(core, type) and issubclass(core, BaseModel) and not issubclass(core, RootModel)
    )


def main(argv: list[str] | None = None) -> int:
    """Write synthetic data, then check it as `plandocs check` does; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m bench.datagen", description=__doc__)
    parser.add_argument("out", type=Path, help="folder to write the data into (created)")
    parser.add_argument("--scale", type=int, default=10, help="times the seed's data (10)")
    parser.add_argument("--data", type=Path, default=Path("data"), help="seed data (data)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"copy order seed ({SEED})")
    args = parser.parse_args(argv)
    made = generate(args.data, args.out, args.scale, seed=args.seed)
    print(f"{made.total} bytes of data at {args.scale}x in {args.out.as_posix()}/")
    over = made.over(default_cap())
    if not over:
        return plandocs_main(["--data", str(args.out), "check"])
    for name, size in over.items():
        print(f"{name}: {size} bytes, over the loader's cap of {default_cap()}", file=sys.stderr)
    print("checking with the cap raised in this process only", file=sys.stderr)
    with size_cap(max(over.values())):
        return plandocs_main(["--data", str(args.out), "check"])


if __name__ == "__main__":
    raise SystemExit(main())

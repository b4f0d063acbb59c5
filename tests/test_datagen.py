"""The benchmark's synthetic data (bench/datagen.py) is valid and really N times the seed's."""

from __future__ import annotations

from pathlib import Path

import plandocs.yamlsource
from bench import datagen
from plandocs.loader import load_dataset
from plandocs.model import Dataset
from plandocs.site import build_pages
from tests.conftest import ROOT


def test_scale_one_is_the_seed_data(tmp_path: Path, dataset: Dataset) -> None:
    datagen.generate(ROOT / "data", tmp_path, 1)
    copy = load_dataset(tmp_path)
    assert copy == dataset
    assert build_pages(copy) == build_pages(dataset)


def test_scaled_data_is_valid_and_replicated_along_the_models(
    tmp_path: Path, dataset: Dataset
) -> None:
    datagen.generate(ROOT / "data", tmp_path, 3)
    data = load_dataset(tmp_path)  # every model and consistency rule holds

    assert len(data.risks.risks) == 3 * len(dataset.risks.risks)
    assert len(data.team.core) == 3 * len(dataset.team.core)
    assert len(data.glossary.terms) == 3 * len(dataset.glossary.terms)
    # Lists inside a copy are not replicated again: a copied risk has the original's impacts.
    first = dataset.risks.risks[0]
    copies = [risk for risk in data.risks.risks if risk.id in (f"{first.id}-r2", f"{first.id}-r3")]
    assert [len(risk.impacts) for risk in copies] == [len(first.impacts)] * 2
    # Fixed-length lists and fixed ids are kept; their inner lists grow.
    assert [stage.id for stage in data.improvement.pdca] == ["plan", "do", "check", "act"]
    assert len(data.improvement.pdca[0].steps) == 3 * len(dataset.improvement.pdca[0].steps)
    assert data.languages == dataset.languages
    # Totals are restated from the new lines.
    assert data.budget.stated_total == data.budget.total == 3 * dataset.budget.total
    # Links inside a copied focus map follow its nodes.
    mit = next(u for u in data.universities.universities if u.id.endswith("-r2") and u.focus_map)
    assert mit.focus_map is not None
    assert all(link.source.endswith("-r2") for link in mit.focus_map.links)


def test_same_seed_same_files(tmp_path: Path) -> None:
    one = datagen.generate(ROOT / "data", tmp_path / "one", 2)
    two = datagen.generate(ROOT / "data", tmp_path / "two", 2)
    for name in one.sizes:
        assert (one.folder / name).read_bytes() == (two.folder / name).read_bytes(), name


def test_size_cap_is_raised_only_inside_the_block() -> None:
    default = plandocs.yamlsource.MAX_BYTES
    with datagen.size_cap(default * 10):
        assert default * 10 == plandocs.yamlsource.MAX_BYTES
    assert default == plandocs.yamlsource.MAX_BYTES

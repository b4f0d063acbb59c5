"""The committed JSON Schemas match the models, and every data file points at its schema."""

from __future__ import annotations

from pathlib import Path

from plandocs.registry import FAMILIES
from plandocs.schema import configured_languages, stale_schemas
from tests.conftest import ROOT


def test_committed_schemas_are_up_to_date() -> None:
    assert stale_schemas(ROOT / "data" / "schema", configured_languages(ROOT / "data")) == [], (
        "run `make schema`"
    )


def test_a_changed_model_makes_the_schema_stale(tmp_path: Path) -> None:
    folder = tmp_path / "schema"
    folder.mkdir()
    for name in (ROOT / "data" / "schema").iterdir():
        (folder / name.name).write_text(name.read_text(encoding="utf-8"), encoding="utf-8")
    risks = folder / "risks.schema.json"
    risks.write_text(risks.read_text(encoding="utf-8").replace('"low"', '"rare"'), "utf-8")
    assert stale_schemas(folder, ("zh", "en")) == ["risks.schema.json"]


def test_every_data_file_declares_its_schema() -> None:
    for family in FAMILIES:
        first = (ROOT / "data" / family.file).read_text(encoding="utf-8").splitlines()[0]
        depth = "../" * family.file.count("/")
        assert first == f"# yaml-language-server: $schema={depth}schema/{family.schema}"

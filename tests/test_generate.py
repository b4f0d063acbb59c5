"""One load per build: both languages' passes and the assets script share one load of data/,
keyed by its content (so `mkdocs serve` still sees an edit)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plandocs import build
from tests.conftest import ROOT, DataCopy


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every load of data/ that `generate` makes, by folder."""
    seen: list[Path] = []
    real = build.load

    def counting(folder: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(folder)
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(build, "load", counting)
    monkeypatch.setattr(build, "_LAST", {})
    return seen


def test_one_build_loads_once(data_copy: DataCopy, loads: list[Path]) -> None:
    (data_copy.folder.parent / "docs").mkdir()
    first = build.generate(data_copy.folder, site_url="https://example.org/", pdf=True)
    second = build.generate(data_copy.folder, site_url="https://example.org/", pdf=True)
    assets = build.generate(data_copy.folder, site_url="https://example.org/", pdf=None)
    assert first is second is assets
    assert len(loads) == 1


def test_an_edit_or_another_choice_loads_again(data_copy: DataCopy, loads: list[Path]) -> None:
    (data_copy.folder.parent / "docs").mkdir()
    first = build.generate(data_copy.folder, site_url="https://example.org/", pdf=False)
    data_copy.replace("risks.yml", "en: Lower quality", "en: Scarce quality")
    edited = build.generate(data_copy.folder, site_url="https://example.org/", pdf=False)
    assert "Scarce quality" in edited.pages["report/risks.en.md"]
    printed = build.generate(data_copy.folder, site_url="https://example.org/", pdf=True)
    assert first is not edited is not printed
    assert len(loads) == 3
    assert ROOT not in loads  # the copy, never the project's own data

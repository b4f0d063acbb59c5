"""One load per build: a build (every language, the assets script) shares one load of data/,
and the next build of the same process loads again only when data/ or docs/ changed (so
`mkdocs serve` still sees an edit); `plandocs generate` writes exactly what a build writes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from plandocs import sitebuild
from plandocs.cli import main
from plandocs.sitebuild import BuildSettings, SiteBuild
from tests.conftest import ROOT, DataCopy


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every load of data/ that a SiteBuild makes, by folder."""
    seen: list[Path] = []
    real = sitebuild.generate  # type: ignore[attr-defined]

    def counting(folder: Path, *args: Any, **kwargs: Any) -> Any:
        seen.append(folder)
        return real(folder, *args, **kwargs)

    monkeypatch.setattr(sitebuild, "generate", counting)
    return seen


def _settings(project: Path, **environ: str) -> BuildSettings:
    return BuildSettings(
        command="build",
        root=project,
        docs_dir=project / "docs",
        site_url="https://example.org/",
        environ={"PLANDOCS_PDF": "off", **environ},
    )


def test_a_build_loads_once_and_the_next_reuses_unchanged_data(
    data_copy: DataCopy, loads: list[Path]
) -> None:
    project = data_copy.folder.parent
    (project / "docs").mkdir()
    first = SiteBuild(_settings(project))
    first.generate()
    assert first.generated is not None
    assert sorted(p.name for p in (project / "docs" / "report").iterdir()) == sorted(
        Path(path).name for path in first.generated.pages
    )
    again = SiteBuild(_settings(project), previous=first)
    again.generate()
    assert again.generated is first.generated
    assert loads == [data_copy.folder]


def test_an_edit_or_another_choice_loads_again(data_copy: DataCopy, loads: list[Path]) -> None:
    project = data_copy.folder.parent
    (project / "docs").mkdir()
    first = SiteBuild(_settings(project))
    first.generate()
    data_copy.replace("risks.yml", "en: Lower quality", "en: Scarce quality")
    edited = SiteBuild(_settings(project), previous=first)
    edited.generate()
    assert edited.generated is not None
    assert "Scarce quality" in edited.generated.pages["report/risks.en.md"]
    # Printing changes the downloads page: any existing file stands in for the browser.
    printing = _settings(project, PLANDOCS_PDF="on", PLANDOCS_CHROMIUM=sys.executable)
    printed = SiteBuild(printing, previous=edited)
    printed.generate()
    assert printed.decision.prints
    assert first.generated is not edited.generated is not printed.generated
    assert len(loads) == 3
    assert ROOT / "data" not in loads  # the copy, never the project's own data


def test_generate_writes_the_pages_a_build_writes(data_copy: DataCopy, tmp_path: Path) -> None:
    project = data_copy.folder.parent
    (project / "docs").mkdir()
    build = SiteBuild(_settings(project))
    build.generate()
    out = tmp_path / "out"
    argv = ["--data", str(data_copy.folder), "generate", str(out)]
    assert main([*argv, "--site-url", "https://example.org/"]) == 0
    built = {p.name: p.read_text(encoding="utf-8") for p in (project / "docs/report").iterdir()}
    generated = {p.name: p.read_text(encoding="utf-8") for p in (out / "report").iterdir()}
    assert len(built) > 30
    assert generated == built


def test_serve_keeps_the_last_good_data_and_loads_again_once_fixed(
    data_copy: DataCopy, loads: list[Path]
) -> None:
    project = data_copy.folder.parent
    (project / "docs").mkdir()
    serving = BuildSettings(
        command="serve", root=project, docs_dir=project / "docs", site_url="https://x.org/"
    )
    good = SiteBuild(serving)
    good.generate()
    data_copy.replace("team.yml", "count: 2", "count: two")
    broken = SiteBuild(serving, previous=good)
    assert broken.generate() == []  # logged, not raised: the server stays up
    assert broken.generated is good.generated
    unchanged = SiteBuild(serving, previous=broken)
    unchanged.generate()  # still broken: reported again, never taken for a good load
    assert unchanged.generated is good.generated and len(loads) == 3
    data_copy.replace("team.yml", "count: two", "count: 2")
    fixed = SiteBuild(serving, previous=unchanged)
    fixed.generate()
    assert fixed.generated is not None and fixed.generated is not good.generated
    assert len(loads) == 4

"""The MkDocs plugin is a thin adapter: its options reach the build under the environment, a
build starts at the outermost on_pre_build and is finished once, at the outermost
on_post_build (static-i18n nests one build a language), and a failed build resets it."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest
from mkdocs.config.defaults import MkDocsConfig

from plandocs import plugin
from plandocs.plugin import PlandocsPlugin
from plandocs.sitebuild import BuildSettings


class FakeBuild:
    """Stands in for a SiteBuild: records what the plugin asks of it."""

    made: list[FakeBuild] = []

    def __init__(self, settings: BuildSettings, previous: Any = None) -> None:
        self.settings = settings
        self.previous = previous
        self.calls: list[str] = []
        self.not_found: list[dict[str, str]] = []
        self.feed_titles: dict[str, str] = {}
        FakeBuild.made.append(self)

    def generate(self) -> list[str]:
        self.calls.append("generate")
        return []

    def write_diagram_files(self, site_dir: Path) -> None:
        self.calls.append("diagram files")

    def finish(self, site_dir: Path) -> None:
        self.calls.append("finish")


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[FakeBuild]:
    """Every build the plugin starts, in order."""
    made: list[FakeBuild] = []
    monkeypatch.setattr(FakeBuild, "made", made)
    monkeypatch.setattr(plugin, "SiteBuild", FakeBuild)
    return made


def _config(tmp_path: Path) -> MkDocsConfig:
    config = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs")})
    config.site_url = "https://example.org/"
    return config


def _plugin(**options: str) -> PlandocsPlugin:
    made = PlandocsPlugin()
    errors, warnings = made.load_config(options)
    assert (errors, warnings) == ([], [])
    return made


def test_options_reach_the_build_and_the_environment_overrides_them(
    tmp_path: Path, builds: list[FakeBuild], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLANDOCS_DIAGRAMS", raising=False)
    monkeypatch.setenv("PLANDOCS_PDF", "off")
    made = _plugin(diagrams="client", pdf="on")
    made.on_pre_build(config=_config(tmp_path))
    environ = builds[0].settings.environ
    assert environ["PLANDOCS_DIAGRAMS"] == "client"  # the option
    assert environ["PLANDOCS_PDF"] == "off"  # the environment wins


def test_auto_leaves_the_choice_to_the_environment_and_ci(
    tmp_path: Path, builds: list[FakeBuild], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLANDOCS_DIAGRAMS", raising=False)
    monkeypatch.delenv("PLANDOCS_PDF", raising=False)
    _plugin().on_pre_build(config=_config(tmp_path))
    environ = builds[0].settings.environ
    assert "PLANDOCS_DIAGRAMS" not in environ and "PLANDOCS_PDF" not in environ


def test_an_unknown_option_value_is_refused() -> None:
    errors, _ = PlandocsPlugin().load_config({"diagrams": "sometimes"})
    assert [name for name, _ in errors] == ["diagrams"]


def test_nested_builds_share_one_build_finished_once(
    tmp_path: Path, builds: list[FakeBuild]
) -> None:
    made = _plugin()
    config = _config(tmp_path)
    made.on_startup(command="serve", dirty=False)
    made.on_pre_build(config=config)  # the first language
    made.on_pre_build(config=config)  # static-i18n's build of the second, inside the first
    made.on_post_build(config=config)
    assert builds[0].calls == ["generate", "diagram files"]
    made.on_post_build(config=config)
    assert builds[0].calls == ["generate", "diagram files", "diagram files", "finish"]
    assert len(builds) == 1 and builds[0].settings.command == "serve"
    made.on_pre_build(config=config)  # the next build of `mkdocs serve`
    assert len(builds) == 2 and builds[1].previous is builds[0]


def test_a_failed_build_does_not_leave_the_next_one_nested(
    tmp_path: Path, builds: list[FakeBuild]
) -> None:
    made = _plugin()
    config = _config(tmp_path)
    made.on_pre_build(config=config)
    made.on_pre_build(config=config)
    made.on_build_error(error=RuntimeError("broken"))
    made.on_pre_build(config=config)
    assert len(builds) == 2  # a new build, not a language of the failed one
    made.on_post_build(config=config)
    assert builds[1].calls[-1] == "finish"


def test_an_event_before_any_build_is_an_error() -> None:
    made = _plugin()
    with pytest.raises(Exception, match="no build has started"):
        made.on_files(cast(Any, []), config=cast(MkDocsConfig, None))

"""The build-time renderer in Chromium: what it draws, and diagrams that fail or never finish."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from plandocs.diagrams import renderer
from plandocs.diagrams.renderer import RenderAssets, render_diagrams
from tests.browser.conftest import CHROMIUM
from tests.conftest import ROOT

# A layout script that never returns for a source mentioning HANG: the page's thread is stuck.
HANG = """
(() => {
  const config = window.plandocsDiagrams.config;
  window.plandocsDiagrams.config = (sources, column) => {
    if (sources[0].includes("HANG")) { for (;;) {} }
    return config(sources, column);
  };
})();
"""


def test_renderer_draws_text_labels_and_survives_errors_and_hangs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = RenderAssets.of_project(ROOT)
    layout = tmp_path / "layout.js"
    layout.write_text(real.layout_js.read_text(encoding="utf-8") + HANG, encoding="utf-8")
    theme = tmp_path / "theme.css"
    shutil.copy(real.theme_css, theme)
    assets = RenderAssets(mermaid_js=real.mermaid_js, layout_js=layout, theme_css=theme)
    monkeypatch.setattr(renderer, "TIMEOUT_MS", 2_000)

    result = render_diagrams(
        [
            ("d1", 'pie\n    "Personnel costs" : 9\n    "Other" : 1'),
            ("d2", 'pie\n    "HANG" : 1'),
            ("d3", 'flowchart LR\n    a["Plan"] --> b["Do"]'),
            ("d4", "pie\n    broken ]]"),
        ],
        assets=assets,
        chromium=Path(CHROMIUM),
    )

    assert sorted(result.svgs) == ["d1", "d3"]
    assert result.errors["d2"] == "no result after 2 s"
    assert "d4" in result.errors
    pie, flowchart = result.svgs["d1"], result.svgs["d3"]
    assert pie.startswith('<svg id="d1" ') and "Personnel costs</text>" in pie
    assert "foreignObject" not in flowchart and re.search(r">Plan</tspan>", flowchart)
    assert re.search(r"#d1\{--diagram-min-width:\d+px\}", pie)
    width, height = (
        float(n) for n in re.findall(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', pie)[0]
    )
    assert f'width="{width:g}"' in pie and f'height="{height:g}"' in pie

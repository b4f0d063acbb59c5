"""Diagrams drawn at build time: cache keys, cache hits, the HTML swap, and the mode chosen."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

import markdown
import pytest
from pymdownx.superfences import fence_code_format

from plandocs.diagrams import DiagramError, DiagramMode, diagram_mode, prepare_diagrams
from plandocs.diagrams import build as diagram_build
from plandocs.diagrams.build import collect_blocks, standalone_svg
from plandocs.diagrams.cache import DiagramCache, diagram_key, svg_id
from plandocs.diagrams.inline import Diagram, block_source, inline_diagrams
from plandocs.diagrams.renderer import RenderAssets, RenderResult
from plandocs.render import mermaid
from tests.conftest import ROOT

PIE = 'pie\n    "Personnel costs" : 160000\n    "Other <costs> & more" : 5000'
GANTT = "gantt\n    dateFormat YYYY-MM-DD\n    section A\n    Task one :t1, 2025-01-06, 14d"


# Cache keys ------------------------------------------------------------------------------


def test_cache_key_changes_with_source_mermaid_version_and_theme() -> None:
    key = diagram_key(PIE, mermaid_version="11.17.2", theme="t1")
    assert re.fullmatch(r"[0-9a-f]{20}", key)
    assert key == diagram_key(PIE, mermaid_version="11.17.2", theme="t1")
    assert key != diagram_key(PIE + " ", mermaid_version="11.17.2", theme="t1")
    assert key != diagram_key(PIE, mermaid_version="11.17.3", theme="t1")
    assert key != diagram_key(PIE, mermaid_version="11.17.2", theme="t2")
    assert svg_id(key) == f"diagram-{key[:12]}"


def test_theme_fingerprint_follows_the_colour_rules_and_the_layout(tmp_path: Path) -> None:
    project = _project(tmp_path)
    assets = RenderAssets.of_project(project)
    before = assets.fingerprint()
    assert assets.mermaid_version() == "11.17.2"
    theme = project / "docs" / "assets" / "diagrams" / "theme.css"
    theme.write_text(theme.read_text(encoding="utf-8") + "\n.x { fill: red; }\n", encoding="utf-8")
    assert assets.fingerprint() != before
    after_theme = assets.fingerprint()
    layout = project / "docs" / "assets" / "diagrams" / "layout.js"
    layout.write_text(layout.read_text(encoding="utf-8") + "\n// changed\n", encoding="utf-8")
    assert assets.fingerprint() != after_theme


def test_cache_stores_and_returns_svg(tmp_path: Path) -> None:
    cache = DiagramCache(tmp_path, Path("cache"))
    key = "0123456789abcdef0123"
    assert cache.get(key) is None
    cache.put(key, "<svg/>")
    assert cache.get(key) == "<svg/>"
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [f"{key}.svg"]


# Drawing only what the cache lacks ---------------------------------------------------------


class FakeRenderer:
    """Stands in for Chromium: draws a labelled SVG per job and counts what it was asked."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(
        self, jobs: Sequence[tuple[str, str]], *, assets: RenderAssets, chromium: Path
    ) -> RenderResult:
        self.calls.append([source for _, source in jobs])
        result = RenderResult()
        for svg_id_, source in jobs:
            if "broken" in source:
                result.errors[svg_id_] = "Parse error on line 2"
            else:
                label = source.splitlines()[0]
                result.svgs[svg_id_] = (
                    f'<svg id="{svg_id_}" xmlns="http://www.w3.org/2000/svg" '
                    f'aria-roledescription="{label}"><text>{label}</text></svg>'
                )
        return result


@pytest.fixture
def fake_renderer(monkeypatch: pytest.MonkeyPatch) -> FakeRenderer:
    fake = FakeRenderer()
    monkeypatch.setattr(diagram_build, "render_diagrams", fake)
    return fake


def _project(tmp_path: Path, pages: dict[str, str] | None = None) -> Path:
    """A project with the real theme and a stand-in Mermaid package, and `pages` under docs/."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs" / "assets" / "diagrams", project / "docs" / "assets" / "diagrams")
    mermaid_dir = project / "node_modules" / "mermaid"
    (mermaid_dir / "dist").mkdir(parents=True)
    shutil.copy(ROOT / "node_modules" / "mermaid" / "package.json", mermaid_dir / "package.json")
    (mermaid_dir / "dist" / "mermaid.min.js").write_text("/* stand-in */\n", encoding="utf-8")
    for name, text in (pages or {}).items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_text(text, encoding="utf-8")
    return project


def _page(*sources: str) -> str:
    return "\n".join(mermaid.fence(source, title=f"Chart {n}") for n, source in enumerate(sources))


def _prepare(project: Path, **env: str) -> diagram_build.DiagramBuild:
    environ = {"PLANDOCS_DIAGRAMS": "svg", **env}
    return prepare_diagrams(root=project, docs_dir=project / "docs", environ=environ)


def test_blocks_are_collected_from_every_page_of_both_languages(tmp_path: Path) -> None:
    project = _project(
        tmp_path,
        {
            "report/a.zh.md": _page(PIE),
            "report/a.en.md": _page(GANTT),
            "about.en.md": "Text\n\n- item\n\n    ```mermaid\n    "
            + PIE.replace("\n", "\n    ")
            + "\n    ```\n",
        },
    )
    blocks = collect_blocks(project / "docs")
    assert [(b.file, b.number) for b in blocks] == [
        ("about.en.md", 1),
        ("report/a.en.md", 1),
        ("report/a.zh.md", 1),
    ]
    assert blocks[0].source == PIE  # the list item's indentation is not part of the source
    assert blocks[2].source.startswith("pie\n    accTitle: Chart 0\n")


def test_a_cached_diagram_is_not_drawn_again(tmp_path: Path, fake_renderer: FakeRenderer) -> None:
    project = _project(tmp_path, {"a.zh.md": _page(PIE), "a.en.md": _page(GANTT)})
    first = _prepare(project)
    assert (first.rendered, first.from_cache) == (2, 0)
    assert first.summary == "plandocs: diagrams: 2 rendered, 0 from cache"
    second = _prepare(project)
    assert (second.rendered, second.from_cache) == (0, 2)
    assert second.summary == "plandocs: diagrams: 0 rendered, 2 from cache"
    assert len(fake_renderer.calls) == 1  # the second build started no browser at all
    # The pie's desktop and phone drawings, the gantt's (its phone timeline is not Mermaid's).
    assert len(list((project / ".cache" / "diagrams").glob("*.svg"))) == 3

    # An edit re-draws only the diagram it changed.
    (project / "docs" / "a.en.md").write_text(_page(GANTT.replace("one", "two")), "utf-8")
    third = _prepare(project)
    assert (third.rendered, third.from_cache) == (1, 1)
    [changed] = fake_renderer.calls[-1]
    assert "Task two" in changed


def test_mermaid_errors_name_the_page_and_the_diagram(
    tmp_path: Path, fake_renderer: FakeRenderer
) -> None:
    project = _project(tmp_path, {"report/x.en.md": _page(PIE, "pie\n    broken")})
    built = _prepare(project)
    assert built.errors == ["docs/report/x.en.md: diagram 2: Parse error on line 2"]
    assert built.rendered == 1
    # Only the good one's drawings (desktop and phone); the broken one's error said once.
    assert len(list((project / ".cache" / "diagrams").glob("*.svg"))) == 2


# The HTML swap ------------------------------------------------------------------------------


def _html(page_markdown: str) -> str:
    """The page as MkDocs renders it with this site's extensions."""
    fences = [{"name": "mermaid", "class": "mermaid", "format": fence_code_format}]
    return str(
        markdown.markdown(
            page_markdown,
            extensions=["md_in_html", "tables", "pymdownx.superfences"],
            extension_configs={"pymdownx.superfences": {"custom_fences": fences}},
        )
    )


def _diagram(source: str) -> Diagram:
    key = diagram_key(source, mermaid_version="11.17.2", theme="t")
    ident = svg_id(key)
    svg = (
        f'<svg id="{ident}" xmlns="http://www.w3.org/2000/svg" role="graphics-document document" '
        f'aria-roledescription="pie" aria-labelledby="chart-title-{ident}" '
        f'aria-describedby="chart-desc-{ident}"><title id="chart-title-{ident}">x</title>'
        f"<style>#{ident} text{{fill:red}}</style><text>Personnel costs</text></svg>"
    )
    return Diagram(key, ident, svg)


def test_swap_keeps_the_caption_and_the_table_after_the_figure() -> None:
    table = "\n| Category | Amount |\n| --- | --: |\n| Personnel costs | 160000 |\n"
    page = _html(mermaid.fence(PIE, title="Budget <by> category") + table)
    [code] = re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', page, re.DOTALL)
    source = block_source(code)
    diagram = _diagram(source)
    swapped = inline_diagrams(
        page,
        {source: diagram}.get,
        lang="en",
        page_url="en/report/budget/",
        full_size="View <the> full-size diagram",
    )

    html = swapped.html
    assert swapped.left == 0
    assert '<pre class="mermaid">' not in html
    caption_id = f"{diagram.svg_id}-caption"
    assert f'<figcaption id="{caption_id}">Budget &lt;by&gt; category</figcaption>' in html
    figure = html[html.index("<figure") : html.index("</figure>")]
    assert f'<svg id="{diagram.svg_id}"' in figure
    assert 'role="img"' in figure and f'aria-labelledby="{caption_id}"' in figure
    assert "aria-roledescription" not in figure and 'data-diagram-type="pie"' in figure
    after = html[html.index("</figure>") :]
    link = re.search(r'<p class="diagram-full-size"><a href="([^"]+)"[^>]*>([^<]+)</a></p>', after)
    assert link is not None
    assert link[1] == f"../../../assets/diagrams/{diagram.key}.svg"
    assert link[2] == "View &lt;the&gt; full-size diagram"  # plain text, escaped
    assert after.index("diagram-full-size") < after.index("<table>")
    assert "<td>Personnel costs</td>" in after
    assert swapped.used == [(diagram, "Budget <by> category")]


def test_swap_speaks_the_page_language_and_keeps_unknown_diagrams() -> None:
    page = _html(_page(PIE, GANTT))
    [pie_code, _] = re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', page, re.DOTALL)
    diagram = _diagram(block_source(pie_code))
    swapped = inline_diagrams(
        page,
        {block_source(pie_code): diagram}.get,
        lang="zh",
        page_url="report/plan/",
        full_size="查看全尺寸图表",
    )
    assert swapped.left == 1
    assert swapped.html.count('<pre class="mermaid">') == 1  # the gantt: drawn in the browser
    assert '<a href="../../assets/diagrams/' in swapped.html
    assert ">查看全尺寸图表</a>" in swapped.html


def test_the_same_diagram_twice_on_a_page_gets_distinct_ids() -> None:
    page = _html(mermaid.fence(PIE, title="Same") + mermaid.fence(PIE, title="Same"))
    code = re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', page, re.DOTALL)[0]
    diagram = _diagram(block_source(code))
    lookup = {block_source(code): diagram}.get
    html = inline_diagrams(page, lookup, lang="en", page_url="", full_size="Full size").html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), ids
    assert f'id="{diagram.svg_id}-2"' in html and f"#{diagram.svg_id}-2 text" in html


def test_standalone_file_is_an_svg_document_with_a_title() -> None:
    diagram = Diagram(
        "k" * 20,
        "diagram-x",
        '<svg id="diagram-x" xmlns="http://www.w3.org/2000/svg"><text>a</text></svg>',
    )
    text = standalone_svg(diagram, "Mind map & more")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.findtext("{http://www.w3.org/2000/svg}title") == "Mind map & more"


# Modes --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, DiagramMode.AUTO),
        ({"PLANDOCS_DIAGRAMS": "auto"}, DiagramMode.AUTO),
        ({"PLANDOCS_DIAGRAMS": "SVG"}, DiagramMode.SVG),
        ({"PLANDOCS_DIAGRAMS": "client"}, DiagramMode.CLIENT),
        ({"CI": "true"}, DiagramMode.SVG),
        ({"CI": "false"}, DiagramMode.AUTO),
        ({"CI": "true", "PLANDOCS_DIAGRAMS": "client"}, DiagramMode.CLIENT),
        ({"CI": "true", "PLANDOCS_DIAGRAMS": "auto"}, DiagramMode.AUTO),
    ],
)
def test_mode_comes_from_the_environment(environ: dict[str, str], expected: DiagramMode) -> None:
    assert diagram_mode(environ) is expected


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(
        DiagramError, match=r"PLANDOCS_DIAGRAMS='png' is not one of: auto, svg, client"
    ):
        diagram_mode({"PLANDOCS_DIAGRAMS": "png"})


def test_client_mode_draws_nothing(tmp_path: Path, fake_renderer: FakeRenderer) -> None:
    project = _project(tmp_path, {"a.en.md": _page(PIE)})
    built = _prepare(project, PLANDOCS_DIAGRAMS="client")
    assert built.mode is DiagramMode.CLIENT and fake_renderer.calls == []
    page = _html(_page(PIE))
    assert built.inline(page, lang="en", page_url="", full_size="Full size") == (page, None)


MISSING = "/nonexistent/chromium"


def test_svg_mode_without_a_browser_fails_with_what_to_do(tmp_path: Path) -> None:
    project = _project(tmp_path, {"a.en.md": _page(PIE, GANTT)})
    with pytest.raises(DiagramError) as caught:
        _prepare(project, PLANDOCS_DIAGRAMS="svg", PLANDOCS_CHROMIUM=MISSING)
    assert str(caught.value) == (
        "plandocs: diagrams: PLANDOCS_DIAGRAMS=svg draws every diagram at build time, but 2 "
        f"diagram(s) are not in .cache/diagrams/ and there is no browser at {MISSING}. Install "
        "Chromium (`make browser-deps`), point PLANDOCS_CHROMIUM at one, or build with "
        "PLANDOCS_DIAGRAMS=client."
    )


def test_ci_without_a_browser_fails_like_svg_mode(tmp_path: Path) -> None:
    project = _project(tmp_path, {"a.en.md": _page(PIE)})
    with pytest.raises(DiagramError, match="PLANDOCS_DIAGRAMS=svg draws every diagram"):
        prepare_diagrams(
            root=project,
            docs_dir=project / "docs",
            environ={"CI": "true", "PLANDOCS_CHROMIUM": MISSING},
        )


def test_auto_mode_without_a_browser_falls_back_to_the_client_with_one_notice(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path, {"a.en.md": _page(PIE)})
    built = _prepare(project, PLANDOCS_DIAGRAMS="auto", PLANDOCS_CHROMIUM=MISSING)
    assert built.mode is DiagramMode.CLIENT
    assert built.notice == (
        f"plandocs: diagrams: not pre-rendered (there is no browser at {MISSING}): pages load "
        "Mermaid and draw them client-side (PLANDOCS_DIAGRAMS=svg makes this an error)"
    )


def test_a_full_cache_needs_no_browser(tmp_path: Path, fake_renderer: FakeRenderer) -> None:
    project = _project(tmp_path, {"a.en.md": _page(PIE)})
    _prepare(project)
    built = _prepare(project, PLANDOCS_DIAGRAMS="svg", PLANDOCS_CHROMIUM=MISSING)
    assert built.mode is DiagramMode.SVG and (built.rendered, built.from_cache) == (0, 1)

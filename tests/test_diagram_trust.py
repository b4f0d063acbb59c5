"""The build trusts only what it made: the diagram cache is read only through real folders and
regular files whose content matches their key, and every SVG is rebuilt from an allowlist
before a page holds it (a committed, linked or Mermaid-made SVG with script never reaches one)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pytest

from plandocs.diagrams import DiagramError
from plandocs.diagrams import build as diagram_build
from plandocs.diagrams.cache import CACHE_FOLDER, DiagramCache, diagram_key
from plandocs.diagrams.renderer import RenderAssets, RenderResult
from plandocs.diagrams.sanitise import UnsafeSvgError, sanitise_svg
from tests.conftest import copy_project, run_mkdocs_build
from tests.test_diagrams import PIE, FakeRenderer, _page, _prepare, _project

NS = 'xmlns="http://www.w3.org/2000/svg"'
KEY = "0123456789abcdef0123"
MERMAID_LIKE = (
    '<svg id="d" viewBox="0 0 10 10" role="graphics-document document" '
    f'aria-roledescription="pie" {NS}><title id="t">A &amp; B</title>'
    "<style>#d .x{fill:#333;}"
    '#d &gt; g{stroke:url(#d_grad);}</style><defs><marker id="m" refX="1"><path d="M0,0">'
    '</path></marker></defs><g class="x" data-id="a" style="opacity:1;"><text x="1">'
    '&lt;script&gt;</text><path marker-end="url(#m)" d="M0,0L1,1"></path>'
    '<use href="#m"></use></g></svg>'
)


def _header(key: str, svg: str) -> str:
    digest = hashlib.sha256(svg.encode("utf-8")).hexdigest()
    return f"<!--plandocs-diagram key={key} sha256={digest}-->\n{svg}"


# The allowlist ----------------------------------------------------------------------------


def test_what_mermaid_draws_passes_unchanged() -> None:
    assert sanitise_svg(MERMAID_LIKE) == MERMAID_LIKE
    assert sanitise_svg('<?xml version="1.0" encoding="UTF-8"?>\n' + MERMAID_LIKE) == MERMAID_LIKE


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        (f"<svg {NS}><script>alert(1)</script></svg>", "the element `script` is not allowed"),
        (f'<svg {NS} onload="alert(1)"></svg>', "the attribute `onload` of `svg` is not allowed"),
        (f'<svg {NS}><g ONCLICK="x"></g></svg>', "the attribute `ONCLICK` of `g` is not allowed"),
        (
            f"<svg {NS}><foreignObject><div>x</div></foreignObject></svg>",
            "the element `foreignObject` is not allowed",
        ),
        (f'<svg {NS}><a href="javascript:alert(1)"></a></svg>', "the element `a` is not allowed"),
        (f'<svg {NS}><image href="x.png"></image></svg>', "the element `image` is not allowed"),
        (
            f'<svg {NS}><animate attributeName="href" to="javascript:x"></animate></svg>',
            "the element `animate` is not allowed",
        ),
        (
            f'<svg {NS}><use href="https://evil.test/a.svg#x"></use></svg>',
            "`use` links to `https://evil.test/a.svg#x`: only `#id` links are allowed",
        ),
        (
            f'<svg {NS} xmlns:l="http://www.w3.org/1999/xlink"><use l:href="javascript:x">'
            "</use></svg>",
            "`use` links to `javascript:x`: only `#id` links are allowed",
        ),
        (
            f'<svg {NS}><g style="fill:url(https://evil.test/x)"></g></svg>',
            "`style` of `g` refers to `url(https://evil.test/x)`: only `url(#id)`",
        ),
        (
            f"<svg {NS}><style>@import 'https://evil.test/x.css';</style></svg>",
            "a <style> holds an escape, `@import` or script",
        ),
        (
            f"<svg {NS}><style>.a{{background:u\\72l(//evil.test)}}</style></svg>",
            "a <style> holds an escape, `@import` or script",
        ),
        (
            f"<svg {NS}><style>.a{{background:url( '//evil.test/x' )}}</style></svg>",
            "a <style> refers to `url(//evil.test/x)`: only `url(#id)`",
        ),
        (
            f'<svg {NS}><?x y="><img src=x onerror=alert(1)>"?></svg>',
            "comments, CDATA, document types and processing instructions",
        ),
        (
            f"<svg {NS}><style><![CDATA[</style><script>alert(1)</script>]]></style></svg>",
            "comments, CDATA, document types and processing instructions",
        ),
        (
            f'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg {NS}>&a;</svg>',
            "comments, CDATA, document types and processing instructions",
        ),
        (
            '<svg xmlns="http://www.w3.org/1999/xhtml"><script>x</script></svg>',
            "the root element is `svg (namespace http://www.w3.org/1999/xhtml)`, not `svg`",
        ),
        (
            f'<svg {NS}><h:script xmlns:h="http://www.w3.org/1999/xhtml">x</h:script></svg>',
            "the element `script (namespace http://www.w3.org/1999/xhtml)` is not allowed",
        ),
        (f"<svg {NS}><g></svg>", "not well-formed XML (mismatched tag: line 1, column 45)"),
    ],
)
def test_anything_outside_the_allowlist_refuses_the_svg(svg: str, message: str) -> None:
    with pytest.raises(UnsafeSvgError) as caught:
        sanitise_svg(svg)
    assert str(caught.value) == message


# The cache ---------------------------------------------------------------------------------


def test_a_file_whose_content_does_not_match_its_key_is_not_read(tmp_path: Path) -> None:
    cache = DiagramCache(tmp_path)
    cache.put(KEY, MERMAID_LIKE)
    assert cache.get(KEY) == MERMAID_LIKE
    path = cache.path(KEY)
    path.write_text(path.read_text(encoding="utf-8").replace("A &amp; B", "C"), "utf-8")
    assert cache.get(KEY) is None  # the SVG changed, its recorded SHA-256 did not
    path.write_text(_header("f" * 20, MERMAID_LIKE), encoding="utf-8")
    assert cache.get(KEY) is None  # another key's file under this key's name
    path.write_text(MERMAID_LIKE, encoding="utf-8")
    assert cache.get(KEY) is None  # no header at all


def test_a_linked_file_is_not_read_and_is_replaced_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.svg"
    outside.write_text(_header(KEY, MERMAID_LIKE), encoding="utf-8")
    cache = DiagramCache(tmp_path / "repo")
    (tmp_path / "repo" / CACHE_FOLDER).mkdir(parents=True)
    cache.path(KEY).symlink_to(outside)
    assert cache.get(KEY) is None
    cache.put(KEY, "<svg/>")
    assert not cache.path(KEY).is_symlink()
    assert outside.read_text(encoding="utf-8") == _header(KEY, MERMAID_LIKE)


@pytest.mark.parametrize("linked", [".cache", ".cache/diagrams"])
def test_a_linked_cache_folder_is_an_error(tmp_path: Path, linked: str) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    repo = tmp_path / "repo"
    (repo / linked).parent.mkdir(parents=True, exist_ok=True)
    (repo / linked).symlink_to(outside, target_is_directory=True)
    cache = DiagramCache(repo)
    expected = (
        f"plandocs: diagrams: {linked} is a symbolic link: the diagram cache must be a plain "
        "folder in the repository; remove it"
    )
    with pytest.raises(DiagramError) as read:
        cache.get(KEY)
    with pytest.raises(DiagramError) as written:
        cache.put(KEY, "<svg/>")
    assert str(read.value) == str(written.value) == expected
    assert list(outside.iterdir()) == []


@pytest.fixture
def fake_renderer(monkeypatch: pytest.MonkeyPatch) -> FakeRenderer:
    fake = FakeRenderer()
    monkeypatch.setattr(diagram_build, "render_diagrams", fake)
    return fake


def test_a_committed_svg_with_script_is_drawn_again(
    tmp_path: Path, fake_renderer: FakeRenderer
) -> None:
    project = _project(tmp_path, {"report/a.en.md": _page(PIE)})
    assets = RenderAssets.of_project(project)
    [block] = diagram_build.collect_blocks(project / "docs")
    key = diagram_key(
        block.source, mermaid_version=assets.mermaid_version(), theme=assets.fingerprint()
    )
    poisoned = f'<svg {NS} id="diagram-{key[:12]}"><script>alert(1)</script></svg>'
    (project / CACHE_FOLDER).mkdir(parents=True)
    (project / CACHE_FOLDER / f"{key}.svg").write_text(_header(key, poisoned), encoding="utf-8")
    build = _prepare(project)
    assert fake_renderer.calls[0][0] == block.source  # drawn again (with its phone drawing)
    assert build.from_cache == 0
    assert build.diagrams
    assert all("<script" not in diagram.svg for diagram in build.diagrams.values())
    assert "<script" not in (project / CACHE_FOLDER / f"{key}.svg").read_text(encoding="utf-8")


def test_an_svg_mermaid_draws_with_script_is_a_build_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def hostile(
        jobs: Sequence[tuple[str, str]], *, assets: RenderAssets, chromium: Path
    ) -> RenderResult:
        result = RenderResult()
        for svg_id, _ in jobs:
            result.svgs[svg_id] = f'<svg {NS} id="{svg_id}"><g onclick="x"></g></svg>'
        return result

    monkeypatch.setattr(diagram_build, "render_diagrams", hostile)
    project = _project(tmp_path, {"report/a.en.md": _page(PIE)})
    build = _prepare(project)
    assert build.errors == [
        "docs/report/a.en.md: diagram 1: the SVG Mermaid drew is not allowed in a page: "
        "the attribute `onclick` of `g` is not allowed"
    ]
    assert build.diagrams == {}
    assert not (project / CACHE_FOLDER).exists() or list((project / CACHE_FOLDER).iterdir()) == []


# A real build -------------------------------------------------------------------------------


@pytest.mark.build
def test_committed_and_linked_cache_files_never_reach_the_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    cache = project / CACHE_FOLDER
    first = run_mkdocs_build(project, tmp_path / "site", PLANDOCS_DIAGRAMS="svg")
    assert first.returncode == 0, first.stderr
    # The diagrams this build uses: each has its full-size file in the site.
    used = sorted(path.stem for path in (tmp_path / "site" / "assets" / "diagrams").glob("*.svg"))
    assert len(used) >= 20
    files = [cache / f"{key}.svg" for key in used]
    secret = tmp_path / "secret.svg"
    secret.write_text("<svg><text>OUTSIDE-THE-REPOSITORY</text></svg>", encoding="utf-8")
    files[0].unlink()
    files[0].symlink_to(secret)  # a committed link to a file outside the repository
    for path in files[1:]:  # committed files whose header matches: script inside
        key = path.stem
        poisoned = f'<svg {NS} id="diagram-{key[:12]}"><script>alert(1)</script></svg>'
        path.write_text(_header(key, poisoned), encoding="utf-8")
    second = run_mkdocs_build(project, tmp_path / "site", PLANDOCS_DIAGRAMS="svg")
    assert second.returncode == 0, second.stderr
    assert f"plandocs: diagrams: {len(used)} rendered, 0 from cache" in second.stderr
    for page in (tmp_path / "site").rglob("*"):
        if page.suffix in (".html", ".svg", ".json"):
            text = page.read_text(encoding="utf-8")
            assert "OUTSIDE-THE-REPOSITORY" not in text, page
            assert "alert(1)" not in text, page
    assert secret.read_text(encoding="utf-8") == "<svg><text>OUTSIDE-THE-REPOSITORY</text></svg>"
    assert not files[0].is_symlink()

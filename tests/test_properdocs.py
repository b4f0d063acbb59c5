"""ProperDocs, the maintained continuation of MkDocs 1.x, builds the same site as MkDocs.

ProperDocs reads plugins from both the `properdocs.plugins` and the `mkdocs.plugins` entry
points (Material, static-i18n and gen-files register only the latter) and redirects every
`mkdocs.*` import to `properdocs.*`, so mkdocs.yml, hooks/ and overrides/ are used unchanged.
See MAINTAINING.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MKDOCS_ENV, ROOT
from tests.sitepages import read_page

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once with `properdocs build --strict -f mkdocs.yml`."""
    site = tmp_path_factory.mktemp("properdocs") / "site"
    command = ["properdocs", "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)]
    result = subprocess.run(
        [sys.executable, "-m", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **MKDOCS_ENV},
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert warnings == []
    return site


def _html(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*.html")}


def test_properdocs_really_built_it(properdocs_site: Path, built_site: Path) -> None:
    generator = '<meta name="generator" content="mkdocs-ProperDocs'
    assert generator in (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert generator not in (built_site / "index.html").read_text(encoding="utf-8")
    # gen-files ran (served Mermaid), static-i18n ran (English tree), Material ran (search).
    for site in (properdocs_site, built_site):
        assert (site / "assets" / "vendor" / "mermaid.min.js").is_file()
        assert (site / "en" / "index.html").is_file()
        assert (site / "search" / "search_index.json").is_file()


def test_same_pages(properdocs_site: Path, built_site: Path) -> None:
    mkdocs_pages, properdocs_pages = _html(built_site), _html(properdocs_site)
    assert len(mkdocs_pages) > 30
    assert properdocs_pages == mkdocs_pages


def test_same_anchors_on_every_page(properdocs_site: Path, built_site: Path) -> None:
    differences = []
    for page in sorted(_html(built_site)):
        mkdocs_ids = read_page(built_site / page).ids
        properdocs_ids = read_page(properdocs_site / page).ids
        if mkdocs_ids != properdocs_ids:
            only_mkdocs = sorted(mkdocs_ids - properdocs_ids)[:5]
            only_properdocs = sorted(properdocs_ids - mkdocs_ids)[:5]
            differences.append(
                f"{page}: only mkdocs {only_mkdocs}, only properdocs {only_properdocs}"
            )
    assert differences == []

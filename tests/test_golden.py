"""Golden files: every generated page family in both languages, compared byte for byte.

The pages are built from the fixture dataset (tests/fixtures/data/), not from the content, so
a change to data/ never touches them. After an intended change to the code, refresh with
`make golden` (UPDATE_GOLDEN=1) and review the diff.
"""

from __future__ import annotations

import os

import pytest

from plandocs.model import Dataset
from plandocs.registry import PAGES
from plandocs.site import build_pages
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("slug", [family.name for family in PAGES])
def test_page_matches_golden_file(fixture_dataset: Dataset, slug: str, lang: str) -> None:
    page = build_pages(fixture_dataset)[f"report/{slug}.{lang}.md"]
    golden = GOLDEN / f"{slug}.{lang}.md"
    if UPDATE:
        golden.write_text(page, encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden.name}: run `make golden` and review it"
    assert page == golden.read_text(encoding="utf-8"), f"{golden.name} differs: see `make golden`"


def test_no_orphan_golden_files() -> None:
    expected = {f"{family.name}.{lang}.md" for family in PAGES for lang in ("zh", "en")}
    assert {p.name for p in GOLDEN.glob("*.md")} == expected

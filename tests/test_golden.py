"""Golden files: every generated page in both languages, compared byte for byte.

The pages are built from the fixture dataset (tests/fixtures/data/), not from the content, so
a change to data/ never touches them. After an intended change to the code, refresh with
`make golden` (which writes them with `python -m tests.test_golden`, then runs this test) and
review the diff. The test itself only compares: it never writes what it checks.
"""

from __future__ import annotations

import datetime as dt

import pytest

from plandocs.changelog import Commit, Entry, History
from plandocs.exports import build_exports
from plandocs.loader import load
from plandocs.registry import PAGES
from plandocs.site import build_pages
from plandocs.translations import tracked_in_data
from tests.conftest import FIXTURE, ROOT

GOLDEN = ROOT / "tests" / "golden"
DERIVED = ("translations", "source", "downloads", "changes")
STAMP = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)
# A fixed history for the changes page: every kind of entry, a page that is gone, a whole file.
HISTORY = History(
    available=True,
    commits=(
        Commit(
            "0123456789abcdef0123456789abcdef01234567",
            STAMP,
            (
                Entry("data/risks.yml", "risks:r2", "changed"),
                Entry("data/risks.yml", "risks:r9", "added"),
                Entry("data/labels.yml", "", "changed"),
                Entry("docs/about.zh.md", "", "changed"),
                Entry("docs/old.zh.md", "", "removed", exists=False),
            ),
        ),
    ),
)


def fixture_pages() -> dict[str, str]:
    """Return every page of the fixture dataset, the ones made from several files included."""
    loaded = load(FIXTURE)
    data = loaded.dataset
    tracked = tracked_in_data(loaded.families(), data.languages.codes)
    downloads = build_exports(data, generated_at=STAMP, site_url="https://example.org/plan/")
    return build_pages(data, tracked, loaded.source_text, downloads, history=HISTORY)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """Every page of the fixture dataset."""
    return fixture_pages()


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("slug", [*(family.name for family in PAGES), *DERIVED])
def test_page_matches_golden_file(pages: dict[str, str], slug: str, lang: str) -> None:
    page = pages[f"report/{slug}.{lang}.md"]
    golden = GOLDEN / f"{slug}.{lang}.md"
    assert golden.is_file(), f"no golden file {golden.name}: run `make golden` and review it"
    assert page == golden.read_text(encoding="utf-8"), f"{golden.name} differs: see `make golden`"


def test_no_orphan_golden_files(pages: dict[str, str]) -> None:
    assert {p.name for p in GOLDEN.glob("*.md")} == {path.split("/")[1] for path in pages}


def write_golden_files() -> None:
    """Rewrite tests/golden/ from the code as it is (`make golden`); remove orphans."""
    pages = fixture_pages()
    for path, page in pages.items():
        (GOLDEN / path.split("/")[1]).write_text(page, encoding="utf-8")
    for orphan in set(GOLDEN.glob("*.md")) - {GOLDEN / path.split("/")[1] for path in pages}:
        orphan.unlink()
    print(f"{len(pages)} golden files written under {GOLDEN.relative_to(ROOT)}/: review the diff")


if __name__ == "__main__":
    write_golden_files()

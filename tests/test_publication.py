"""One setting for every address: the repository (and its branch) gives the site's address,
the repository links and the edit links; a fork changes that setting and nothing else."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from plandocs.publication import PublicationError, publication
from tests.conftest import FIXTURE, ROOT, configured_publication, copy_project, run_mkdocs_build
from tests.sitepages import site_pages


def test_addresses_follow_the_repository() -> None:
    fork = publication("Someone/plan-fork", "trunk")
    assert fork.site_url == "https://someone.github.io/plan-fork/"
    assert fork.repo_url == "https://github.com/Someone/plan-fork"
    assert (fork.edit_uri, fork.data_edit_uri) == ("edit/trunk/docs/", "edit/trunk/")
    assert publication("someone/someone.github.io").site_url == "https://someone.github.io/"
    assert (
        publication("a/b", site_url="https://plan.example.org").site_url
        == "https://plan.example.org/"
    )


@pytest.mark.parametrize(
    ("repository", "branch", "site_url"),
    [
        ("no-slash", "main", ""),
        ("a/b c", "main", ""),
        ("a/b", "../x", ""),
        ("a/b", "main", "javascript:x"),
    ],
)
def test_a_setting_that_makes_no_address_is_refused(
    repository: str, branch: str, site_url: str
) -> None:
    with pytest.raises(PublicationError):
        publication(repository, branch, site_url)


@pytest.mark.build
def test_a_fork_changes_one_setting_and_every_address_follows(tmp_path: Path) -> None:
    env = {"PLANDOCS_REPOSITORY": "someone/plan-fork", "PLANDOCS_BRANCH": "trunk"}
    fork = configured_publication(ROOT / "mkdocs.yml", **env)
    assert fork.site_url == "https://someone.github.io/plan-fork/"
    project = copy_project(tmp_path / "project", data=FIXTURE)
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site, **env)
    assert result.returncode == 0, result.stderr[-2000:]

    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>|href=\"([^\"]+)\"", sitemap)
    assert locations and all((a or b).startswith(fork.site_url) for a, b in locations)
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/plan-fork/"' in not_found and 'href="/plan-fork/en/"' in not_found
    pages = site_pages(site)
    for relative, facts in pages.items():
        for href, _ in facts.links:
            host = urlparse(href).netloc
            if host.endswith(("github.com", "github.io")) and "squidfunk" not in href:
                # the site's own and its repository's addresses (the theme credits its author)
                assert href.startswith((fork.site_url, fork.repo_url)), f"{relative}: {href}"
            assert "cms-benchmarking-plan" not in href, f"{relative}: {href}"
        canonical = re.search(
            r'<link rel="canonical" href="([^"]+)"',
            relative and (site / relative).read_text(encoding="utf-8"),
        )
        assert canonical and canonical[1].startswith(fork.site_url), relative
    assert (
        pages["en/report/risks/index.html"].edit_url == f"{fork.repo_url}/edit/trunk/data/risks.yml"
    )
    assert pages["about/index.html"].edit_url == f"{fork.repo_url}/edit/trunk/docs/about.zh.md"

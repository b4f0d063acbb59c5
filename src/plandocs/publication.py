"""Where the site is published and where its sources live, from one setting: the repository
(`owner/name`), its branch, and optionally the published address."""

from __future__ import annotations

import re
from dataclasses import dataclass

_REPOSITORY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]{1,100}$")
_BRANCH = re.compile(r"^[A-Za-z0-9._/-]{1,100}$")
_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%/-]*)?$")


class PublicationError(ValueError):
    """A setting that cannot make an address."""


@dataclass(frozen=True)
class Publication:
    """The addresses derived from the repository: site, repository, edit links."""

    repository: str
    branch: str
    site_url: str

    @property
    def repo_url(self) -> str:
        """Return the repository's address on GitHub."""
        return f"https://github.com/{self.repository}"

    @property
    def edit_uri(self) -> str:
        """Return the edit path of hand-written pages (relative to repo_url)."""
        return f"edit/{self.branch}/docs/"

    @property
    def data_edit_uri(self) -> str:
        """Return the edit path of the repository's root, for data files."""
        return f"edit/{self.branch}/"


def publication(repository: str, branch: str = "main", site_url: str = "") -> Publication:
    """Return the addresses of a repository; `site_url` overrides GitHub Pages' default
    (`https://<owner>.github.io/<name>/`, or the owner's root for `<owner>.github.io`)."""
    if not _REPOSITORY.match(repository):
        raise PublicationError(f"repository `{repository[:80]}` is not `owner/name`")
    if not _BRANCH.match(branch) or ".." in branch:
        raise PublicationError(f"branch `{branch[:80]}` is not a branch name")
    owner, name = repository.split("/")
    if site_url:
        if not _URL.match(site_url):
            raise PublicationError(f"site address `{site_url[:80]}` is not an http(s) address")
        url = site_url if site_url.endswith("/") else site_url + "/"
    elif name.lower() == f"{owner.lower()}.github.io":
        url = f"https://{owner.lower()}.github.io/"
    else:
        url = f"https://{owner.lower()}.github.io/{name}/"
    return Publication(repository, branch, url)

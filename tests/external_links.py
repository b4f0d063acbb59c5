"""Opt-in network check of every external link in a built site: `make check-external-links`.

Not part of `make test` (which needs no network): run it before publishing. Prints each
unreachable URL with the pages that link to it, and exits 1 if there is any.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

from tests.sitepages import site_pages


def external_links(site: Path) -> dict[str, list[str]]:
    """Return each external http(s) URL of the site with the pages that link to it."""
    found: dict[str, list[str]] = defaultdict(list)
    for relative, facts in site_pages(site).items():
        for href, _ in facts.links:
            if urlparse(href).scheme in ("http", "https"):
                found[href.split("#")[0]].append(relative)
    return dict(found)


def unreachable(url: str) -> str | None:
    """Return why `url` cannot be fetched, or None when it answers below 400."""
    request = urllib.request.Request(url, headers={"User-Agent": "link-check"}, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return None if response.status < 400 else f"HTTP {response.status}"
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code}"
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        return str(getattr(error, "reason", error))


def main(argv: list[str]) -> int:
    """Check the site folder given (default `site`); return the exit status."""
    site = Path(argv[0] if argv else "site")
    links = external_links(site)
    failed = 0
    for url, pages in sorted(links.items()):
        if (reason := unreachable(url)) is not None:
            failed += 1
            print(f"{url}: {reason} (linked from {len(pages)} page(s), e.g. {pages[0]})")
    print(f"{len(links)} external URL(s) checked, {failed} unreachable")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""A Content-Security-Policy for every built page, as a `<meta>` tag at the top of its `<head>`.

The site needs nothing from another host: scripts, styles, images, fonts and the search index
all come from the site itself. Script comes only from the project: the inline scripts allowed
are those the theme and the overrides ship, hashed from their template sources (`shipped_scripts`),
never from what a finished page holds, so a script that data or a hand-written page smuggles
into a page is refused by the browser (and reported). The package itself writes no inline
script. Styles of a diagram's SVG are allowed by the hash of their text; a page that still
draws diagrams in the browser (no Chromium at build time) allows inline styles too: Mermaid
writes a `<style>` into each diagram it draws.
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import jinja2
import jinja2.meta

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_TYPE = re.compile(r"""\btype=["']?([^"'\s>]+)""", re.IGNORECASE)
_SOURCE = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_JINJA = re.compile(r"\{[{%#]")
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)

PAGE_TEMPLATES = ("main.html", "404.html")
"""The templates MkDocs renders pages with (hand-written pages may not choose another one)."""


class PolicyError(Exception):
    """A shipped inline script whose text is not fixed by its template (it cannot be hashed)."""


def script_hash(text: str) -> str:
    """Return the CSP source expression (`'sha256-…'`) that allows exactly `text`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def executable(attributes: str) -> bool:
    """Return whether a `<script>` with these attributes runs inline code (not a file, not
    data such as `type="application/json"`)."""
    kind = _TYPE.search(attributes)
    return not _SOURCE.search(attributes) and (kind is None or kind[1].lower() in _EXECUTABLE)


def inline_scripts(text: str) -> list[str]:
    """Return the text of every inline script that runs in an HTML page or template."""
    return [body for attributes, body in _SCRIPT.findall(text) if executable(attributes)]


def shipped_scripts(
    template_dirs: Sequence[Path], roots: Iterable[str] = PAGE_TEMPLATES
) -> list[str]:
    """Return the text of every inline script the templates reachable from `roots` can write.

    `template_dirs` are searched in order (overrides first, then the theme), as MkDocs does.
    Raises PolicyError for a script whose text holds template code: its text depends on the
    page, so no hash of a source can allow it; override the template and move the values into
    a `<script type="application/json">` element.
    """
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in template_dirs])
    )
    loader = environment.loader
    assert loader is not None
    waiting, seen, scripts = list(roots), set(), []
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, filename, _ = loader.get_source(environment, name)
        except jinja2.TemplateNotFound:
            continue
        source = source.replace("\r\n", "\n")
        for found in _SCRIPT.finditer(source):
            if not executable(found[1]):
                continue
            if _JINJA.search(found[2]):
                line = source.count("\n", 0, found.start()) + 1
                raise PolicyError(
                    f"{filename}:{line}: an inline script's text depends on the page, so no "
                    "hash can allow it: override the template and give the values to the "
                    'script in a <script type="application/json"> element'
                )
            scripts.append(found[2])
        parsed = environment.parse(source)
        waiting += [ref for ref in jinja2.meta.find_referenced_templates(parsed) if ref]
    return sorted(set(scripts))


def _stamp(template_dirs: Sequence[Path]) -> tuple[tuple[str, int], ...]:
    """Return the templates' paths and modification times: a changed override is read again."""
    out: list[tuple[str, int]] = []
    waiting = [str(folder) for folder in template_dirs]
    while waiting:
        with os.scandir(waiting.pop()) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue  # Material's icons: thousands of SVG files, no template
                if entry.is_dir(follow_symlinks=False):
                    waiting.append(entry.path)
                elif entry.name.endswith(".html"):
                    out.append((entry.path, entry.stat().st_mtime_ns))
    return tuple(out)


@lru_cache(maxsize=4)
def _hashes(dirs: tuple[str, ...], stamp: tuple[tuple[str, int], ...]) -> tuple[str, ...]:
    return tuple(script_hash(text) for text in shipped_scripts([Path(d) for d in dirs]))


def shipped_hashes(template_dirs: Sequence[str | Path]) -> tuple[str, ...]:
    """Return the hashes of the shipped inline scripts (computed once while the templates stay
    unchanged). A folder listed twice counts once (static-i18n adds its own again for each
    language built): the first one is where a template is found, so the order is kept."""
    dirs = tuple(dict.fromkeys(str(d) for d in template_dirs))
    return _hashes(dirs, _stamp([Path(d) for d in dirs]))


def policy(page: str, *, scripts: Iterable[str], client_diagrams: bool = False) -> str:
    """Return the policy for a page's HTML: its own origin only, the inline scripts allowed by
    `scripts` (hashes of the shipped scripts), its inline styles by hash."""
    # Inside an inline SVG a <style> is foreign content: the browser decodes its character
    # references (`&gt;`) before hashing, so such a style is allowed by its decoded text too.
    styles = {script_hash(t) for body in _STYLE.findall(page) for t in (body, html.unescape(body))}
    attributes = {script_hash(html.unescape(a or b)) for a, b in _STYLE_ATTRIBUTE.findall(page)}
    if client_diagrams:
        style_sources, style_attributes = "'unsafe-inline'", "'unsafe-inline'"
    else:
        style_sources = " ".join(sorted(styles))
        style_attributes = (
            " ".join(["'unsafe-hashes'", *sorted(attributes)]) if attributes else "'none'"
        )
    directives = [
        "default-src 'self'",
        f"script-src 'self' {' '.join(sorted(set(scripts)))}".rstrip(),
        f"style-src 'self' {style_sources}".rstrip(),
        f"style-src-attr {style_attributes}",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-src 'none'",
    ]
    return "; ".join(directives)


def with_policy(page: str, template_dirs: Sequence[str | Path]) -> str:
    """Return the page with its policy at the top of its `<head>`, after the charset; the
    scripts allowed are those the templates in `template_dirs` ship."""
    head = _CHARSET.search(page) or _HEAD.search(page)
    if head is None:
        return page
    client_diagrams = '<pre class="mermaid">' in page
    found = policy(page, scripts=shipped_hashes(template_dirs), client_diagrams=client_diagrams)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(found)}">'
    return page[: head.end()] + meta + page[head.end() :]

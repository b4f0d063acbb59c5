"""A Content-Security-Policy for every built page, as a `<meta>` tag at the top of its `<head>`.

The site needs nothing from another host: scripts, styles, images, fonts and the search index
all come from the site itself. What the theme writes inline (a few scripts, styles of a
diagram's SVG) is allowed by the hash of its exact text, so no other inline code can run, and
no injected URL can be fetched. A page that still draws diagrams in the browser (no Chromium at
build time) allows inline styles too: Mermaid writes a `<style>` into each diagram it draws.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_STYLE_ATTRIBUTE = re.compile(r"""\sstyle=(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_TYPE = re.compile(r"""\btype=["']?([^"'\s>]+)""", re.IGNORECASE)
_EXECUTABLE = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.IGNORECASE)


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(page: str, *, client_diagrams: bool = False) -> str:
    """Return the policy for a page's HTML: its own origin only, its inline code by hash."""
    scripts = set()
    for match in _SCRIPT.finditer(page):
        attributes, body = match[1], match[2]
        kind = _TYPE.search(attributes)
        if "src=" in attributes.lower() or (kind and kind[1].lower() not in _EXECUTABLE):
            continue  # a file of the site, or data (JSON) that no browser runs
        scripts.add(_hash(body))
    # Inside an inline SVG a <style> is foreign content: the browser decodes its character
    # references (`&gt;`) before hashing, so such a style is allowed by its decoded text too.
    styles = {_hash(text) for body in _STYLE.findall(page) for text in (body, html.unescape(body))}
    attributes = {_hash(html.unescape(a or b)) for a, b in _STYLE_ATTRIBUTE.findall(page)}
    if client_diagrams:
        style_sources, style_attributes = "'unsafe-inline'", "'unsafe-inline'"
    else:
        style_sources = " ".join(sorted(styles))
        style_attributes = (
            " ".join(["'unsafe-hashes'", *sorted(attributes)]) if attributes else "'none'"
        )
    directives = [
        "default-src 'self'",
        f"script-src 'self' {' '.join(sorted(scripts))}".rstrip(),
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


def with_policy(page: str) -> str:
    """Return the page with its policy at the top of its `<head>`, after the charset."""
    head = _CHARSET.search(page) or _HEAD.search(page)
    if head is None:
        return page
    client_diagrams = '<pre class="mermaid">' in page
    content = html.escape(policy(page, client_diagrams=client_diagrams))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return page[: head.end()] + meta + page[head.end() :]

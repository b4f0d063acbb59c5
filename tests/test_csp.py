"""The Content-Security-Policy of a page, computed from its HTML (the browser tier checks that
Chromium enforces it)."""

from __future__ import annotations

import base64
import hashlib

from plandocs.csp import policy


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_a_style_inside_an_svg_is_allowed_by_its_decoded_text() -> None:
    # The HTML parser decodes `&gt;` in an SVG <style> (foreign content), not in an HTML one.
    page = "<html><head></head><body><svg><style>#d &gt; g{fill:red}</style></svg></body></html>"
    found = policy(page)
    assert _sha("#d > g{fill:red}") in found
    assert "'unsafe-inline'" not in found


def test_scripts_are_allowed_by_hash_and_files_by_origin_only() -> None:
    page = (
        '<html><head><script src="x.js"></script><script>var a=1</script>'
        '<script type="application/json">{"a": 1}</script></head><body></body></html>'
    )
    script_src = next(d for d in policy(page).split("; ") if d.startswith("script-src"))
    assert script_src == f"script-src 'self' {_sha('var a=1')}"


def test_a_page_drawing_diagrams_in_the_browser_allows_inline_styles() -> None:
    page = '<html><head></head><body><pre class="mermaid">pie</pre></body></html>'
    assert "style-src 'self' 'unsafe-inline'" in policy(page, client_diagrams=True)

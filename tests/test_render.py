"""Escaping happens in one place and survives nasty strings; formatting follows the language."""

from __future__ import annotations

import datetime as dt

from plandocs.loader import load_dataset
from plandocs.model import Dataset
from plandocs.pages import risks
from plandocs.render import blocks, mermaid
from plandocs.render import markdown as md
from plandocs.site import languages
from tests.conftest import DataCopy

NASTY = 'a|b "q" [x](y) <script>alert(1)</script> #1: x; y（中文，标点）'


def test_inline_escapes_markdown_and_html() -> None:
    assert md.inline(NASTY) == (
        'a\\|b "q" \\[x\\](y) &lt;script&gt;alert(1)&lt;/script&gt; \\#1: x; y（中文，标点）'
    )
    assert md.inline("two\nlines | here") == "two lines \\| here"


def test_table_rows_cannot_be_broken_by_a_pipe() -> None:
    table = md.table(["h1", "h2"], [[md.inline("a|b"), md.inline("c")]], align="lr")
    assert table == "| h1 | h2 |\n| :-- | --: |\n| a\\|b | c |\n"


def test_mermaid_quoted_label_escapes_quotes_and_specials() -> None:
    assert mermaid.quoted('say "hi"; #1 <b> & more') == (
        '"say #quot;hi#quot;#59; #35;1 #lt;b#gt; #amp; more"'
    )


def test_mermaid_plain_label_has_no_syntax_characters() -> None:
    assert mermaid.plain('a: b; #c, "d" <e>') == "a： b； ＃c， ”d” ‹e›"


def test_mermaid_node_ids_come_from_data_ids() -> None:
    assert mermaid.node_id("risk", "r1-high") == "risk_r1_high"


def test_fence_names_the_diagram_in_svg_and_figure_caption() -> None:
    fenced = mermaid.fence('pie\n    "a" : 1', title="Budget\nshare", description="By category")
    assert fenced == (
        '<figure class="diagram" tabindex="0" markdown="1">\n\n'
        "```mermaid\npie\n    accTitle: Budget share\n    accDescr: By category\n"
        '    "a" : 1\n```\n\n'
        "<figcaption>Budget share</figcaption>\n</figure>\n"
    )


def test_formats_follow_the_language(dataset: Dataset) -> None:
    zh, en = languages(dataset)
    assert zh.money(176_800, "USD") == "$176,800"
    assert en.money(176_800, "USD") == "US$176,800"
    assert zh.date(dt.date(2025, 1, 6)) == "2025年1月6日"
    assert en.date(dt.date(2025, 1, 6)) == "6 Jan 2025"
    assert en.signed(5) == "+5"
    assert zh.signed(-15) == "−15"
    assert (zh.weeks(2), en.weeks(1), en.weeks(2)) == ("2周", "1 week", "2 weeks")
    assert (zh.weekday("mon"), en.weekday("fri")) == ("周一", "Friday")
    assert blocks.stars(4) == "★★★★☆ (4/5)"
    assert en.share(135_000, 176_800) == "76.4%"


def test_a_nasty_risk_title_is_escaped_in_table_heading_and_chart(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "en: Insufficient resources", f"en: '{NASTY}'")
    data = load_dataset(data_copy.folder)
    page = risks.render(data, languages(data)[1])
    escaped = md.inline(NASTY)
    assert f"| [R3](#risk-r3) | {escaped} | High | Low |" in page
    assert f"### R3 {escaped} {{#risk-r3}}" in page
    assert f"    {mermaid.quoted('R3 ' + NASTY)}: [0.20, 0.80]" in page
    assert "<script>" not in page

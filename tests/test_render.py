"""Escaping happens in one place and survives nasty strings; formatting follows the language."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("- not a list", "&#45; not a list"),
        ("+ not a list", "&#43; not a list"),
        ("1. not a list", "1&#46; not a list"),
        ("12) not a list", "12&#41; not a list"),
        ("---", "&#45;--"),
        ("~~~mermaid", "&#126;~~mermaid"),
        ("???+ note", "&#63;??+ note"),
        ("!!! danger", "\\!\\!\\! danger"),
        ("=== heading", "&#61;== heading"),
        (": definition", "&#58; definition"),
        ("> quote", "&gt; quote"),
        ("# heading", "\\# heading"),
        ("+5 and -5 stay as typed", "+5 and -5 stay as typed"),
        ("1.5 stays", "1.5 stays"),
    ],
)
def test_block_syntax_at_the_start_of_a_text_stays_text(text: str, markdown: str) -> None:
    assert md.inline(text) == markdown


@given(
    st.text()
    | st.text(alphabet=st.sampled_from(" \t\n\r\x0b\x0c\\`*_[]{}|!#&<>-+:=~?.)0123a中"))
    | st.text(alphabet=st.sampled_from(" \u200b\u2028\x85\x00\x1b\u202e%%{}init:-1."))
)
def test_inline_returns_texts_it_would_not_change_as_they_are(text: str) -> None:
    """The fast path of `inline` gives exactly what escaping gives."""
    assert md.inline(text) == md.escaped_inline(text)


def test_table_rows_cannot_be_broken_by_a_pipe() -> None:
    table = md.table(["h1", "h2"], [[md.inline("a|b"), md.inline("c")]], align="lr")
    assert table == "| h1 | h2 |\n| :-- | --: |\n| a\\|b | c |\n"


def test_mermaid_quoted_label_escapes_quotes_and_specials() -> None:
    assert mermaid.quoted('say "hi"; #1 <b> & 50% `md`') == (
        '"say #quot;hi#quot;#59; #35;1 #lt;b#gt; #amp; 50#37; #96;md#96;"'
    )


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("a: b; #c, d", "a#58; b#59; #35;c#44; d"),
        ("%%{init: {'theme': 'dark'}}%%", "#37;#37;{init#58; {'theme'#58; 'dark'}}#37;#37;"),
        ("excludes weekends", "#101;xcludes weekends"),
        ("Click here", "#67;lick here"),
        ("Title and section review", "#84;itle and section review"),
        ("2025-01-06 kick-off", "#50;025-01-06 kick-off"),
        ("Sectional review", "Sectional review"),
    ],
)
def test_mermaid_bare_text_is_never_a_statement_directive_or_comment(text: str, safe: str) -> None:
    assert mermaid.plain(text) == safe


def test_mermaid_node_ids_come_from_data_ids_behind_a_kind() -> None:
    assert mermaid.node_id("risk", "r1-high") == "risk_r1_high"
    assert mermaid.node_id("axis", "max") == "axis_max"


def test_fence_names_the_diagram_in_svg_and_figure_caption() -> None:
    fenced = mermaid.fence(
        'pie\n    "a" : 1', title="Budget\nshare 100%", description="By category"
    )
    assert fenced == (
        '<figure class="diagram" tabindex="0" markdown="1">\n\n'
        "```mermaid\npie\n    accTitle: Budget share 100#37;\n    accDescr: By category\n"
        '    "a" : 1\n```\n\n'
        "<figcaption>Budget share 100%</figcaption>\n</figure>\n"
    )


def test_formats_follow_the_language(fixture_dataset: Dataset) -> None:
    zh, en = languages(fixture_dataset)
    assert zh.money(176_800, "USD") == "$176,800"
    assert en.money(176_800, "USD") == "US$176,800"
    assert zh.date(dt.date(2025, 1, 6)) == "2025年1月6日"
    assert en.date(dt.date(2025, 1, 6)) == "6 Jan 2025"
    assert en.signed(5) == "+5"
    assert zh.signed(-15) == "−15"
    assert en.signed(0) == "0"
    assert (zh.weeks(2), en.weeks(1), en.weeks(2)) == ("2周", "1 week", "2 weeks")
    assert (zh.weekday("mon"), en.weekday("fri")) == ("周一", "Friday")
    assert blocks.stars(4) == "★★★★☆ (4/5)"
    assert en.share(135_000, 176_800) == "76.4%"
    assert (zh.percent(84.9), en.percent(95)) == ("84.9%", "95%")
    assert zh.paren("a", "b") == "a（b）"
    assert en.paren("a", "b") == "a (b)"


def test_a_nasty_risk_title_is_escaped_in_matrix_and_heading(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "en: 'Schedule #slip'", f"en: '{NASTY}'")
    data = load_dataset(data_copy.folder)
    page = risks.render(data, languages(data)[1])
    escaped = md.inline(NASTY)
    assert f"[R4 {escaped}](#risk-r4)" in page
    assert f"### R4 {escaped} {{#risk-r4}}" in page
    assert "<script>" not in page


def test_gantt_section_titles_wrap_without_letting_text_break_lines() -> None:
    from plandocs.render.mermaid import wrapped_plain

    assert wrapped_plain("Short-term improvement plan (months 1–3)", 24) == (
        "Short-term improvement<br>plan (months 1–3)"
    )
    assert wrapped_plain("短期改进计划（一到三个月）以及更多的文字", 24) == (
        "短期改进计划（一到三个月）<br>以及更多的文字"
    )
    hostile = wrapped_plain("a<br>b: c; #d", 24)
    assert "<br>" not in hostile and "#lt;br#gt;" in hostile

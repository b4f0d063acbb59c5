"""Locale settings validated by using them (plandocs.model.formats): every money pattern of
data/languages.yml is tried on sample amounts; one that would fail or mislead a page is
refused where it is written; no figure shows as `-0`."""

from __future__ import annotations

import re

import pytest

from plandocs.model import formats
from plandocs.model.languages import Language
from plandocs.render.locale import Lang
from tests.conftest import DataCopy

MONEY = 'money: "$#,##0"'
FIELD = "languages[0].formats.money"


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("$#,##0." + "0" * 40, f"`$#,##0.{'0' * 33}` shows 40 decimals; at most 4"),
        ("$#,##0." + "0" * 5, "`$#,##0.00000` shows 5 decimals; at most 4"),
        ("'TBD'", "`'TBD'` shows no amount: every amount would read `TBD`"),
        ("'TBD';'TBD'", "`'TBD';'TBD'` shows no amount: every amount would read `TBD`"),
        ("$#,##0;$#,##0", "`$#,##0;$#,##0` shows negative amounts as positive ones"),
        ("$#,##0;", "`$#,##0;` shows negative amounts as positive ones"),
        ("'", "`'` shows no amount: every amount would read `'`"),
        ("$#,##0E0", "`$#,##0E0`: write amounts without an exponent (`E`)"),
        ("$#,##0%", "`$#,##0%` shows a percentage or per mille (`%`, `‰`), not an amount"),
        ("$" + "0" * 20, f"`${'0' * 20}` forces 20 digits; at most 15"),
        (
            "$#,##0.0.0",
            "`$#,##0.0.0` is not a CLDR currency pattern (e.g. `¤#,##0` or `$#,##0.00`)",
        ),
    ],
)
def test_a_money_pattern_that_fails_or_misleads_is_refused_where_it_is(
    data_copy: DataCopy, pattern: str, message: str
) -> None:
    line = data_copy.replace("languages.yml", MONEY, f"money: {pattern!r}".replace("\\\\", "\\"))
    problems = data_copy.problems()
    assert problems[0] == f"data/languages.yml:{line}:14: {FIELD}: {message}"


@pytest.mark.parametrize("pattern", ["$#,##0", "¤#,##0", "¤#,##0.00", "#,##0 ¤", "$#,##0;($#,##0)"])
def test_sane_money_patterns_pass_and_show_every_sample(pattern: str) -> None:
    assert formats.money_pattern_problem(pattern, "zh_CN") is None
    shown = [formats.money(amount, "USD", pattern, "en_GB") for amount in formats.SAMPLE_AMOUNTS]
    assert all(any(char.isdigit() for char in text) for text in shown)


@pytest.fixture
def english(fixture_languages: list[Language]) -> Lang:
    return Lang(fixture_languages[1], source_code="zh")


@pytest.fixture
def fixture_languages() -> list[Language]:
    from plandocs.loader import load_dataset
    from tests.conftest import FIXTURE

    return load_dataset(FIXTURE).languages.languages


@pytest.mark.parametrize("value", [-0.0, -0.04, 0.0, -1e-12])
def test_no_figure_shows_as_minus_zero(english: Lang, value: float) -> None:
    assert english.percent(value) == "0%"
    assert english.share(value, 1000) == "0.0%"
    assert english.number(value) == "0"
    assert english.signed(value) == "0"
    assert english.money(value, "USD") == "US$0"  # type: ignore[arg-type]


def test_negative_figures_keep_their_sign(english: Lang) -> None:
    assert english.percent(-0.06) == "-0.1%"
    assert english.number(-1234.56) == "-1,234.6"
    assert english.money(-1234, "USD") == "-US$1,234"


@pytest.mark.parametrize("locale", ["ar", "he", "fa", "fr", "de_CH", "root"])
def test_locales_whose_minus_sign_carries_a_direction_mark_pass(locale: str) -> None:
    assert formats.locale_problem(locale, "long", "wide") is None
    assert formats.money_pattern_problem("¤#,##0", locale) is None
    assert formats.money_pattern_problem("$#,##0;$#,##0", locale) is not None


def test_a_negative_zero_in_the_data_is_read_as_zero(data_copy: DataCopy) -> None:
    """`-0.0` passes `ge=0`; read as 0.0, no page, chart or export can show `-0`."""
    import math

    from plandocs.loader import load_dataset
    from plandocs.site import build_pages

    # The area without a stated gap: both figures -0.0, so the computed gap is 0 too.
    edge = "    wikipedia: 75.5\n    ours: 70\n"
    data_copy.replace("benchmarks/wikipedia.yml", edge, "    wikipedia: -0.0\n    ours: -0.0\n")
    data = load_dataset(data_copy.folder)
    zero = data.wikipedia.coverage[3].ours
    assert zero == 0 and math.copysign(1, zero) == 1
    minus_zero = re.compile(r"(?<![\w.])[-−]0(?![\w.,])")  # -0 or −0 as a figure of its own
    assert [path for path, page in build_pages(data).items() if minus_zero.search(page)] == []

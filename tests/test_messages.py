"""Problems told in Chinese and English (data/messages.yml): list items named 1-based with their
id, and a hint for each usual slip; annotations with changed lines first and a job summary."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from plandocs.annotations import SHOWN_PER_SEVERITY, annotate, changed_lines, ordered
from plandocs.explain import explainer, report
from plandocs.loader import load
from plandocs.problems import DataError, Problem
from tests.conftest import DataCopy


def _report(data: DataCopy) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(data.folder, label="data")
    return report(caught.value.problems, data.folder).splitlines()


def test_a_list_item_is_named_from_one_with_its_id_in_both_languages(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "probability: low", "probability: lowish")
    assert _report(data_copy) == [
        f"data/risks.yml:{line}:18: risks[1].probability: 风险 2 (r2)："
        "只能是 'high', 'medium' or 'low' 之一（现在是 'lowish'）",
        "    risk 2 (r2): must be one of 'high', 'medium' or 'low' (got 'lowish')",
        "1 problem in data/ / data/ 中有 1 个问题",
    ]


def test_a_full_width_colon_is_named_as_such(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "probability: low", "probability： low")
    chinese, english, _ = _report(data_copy)
    assert chinese.startswith(f"data/risks.yml:{line + 1}:")  # where libyaml notices it
    assert f"第 {line} 行用了全角冒号“：”" in chinese
    assert f"line {line} has a full-width colon `：`" in english


def test_a_colon_inside_a_text_says_to_quote_it(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "en: Lower quality", "en: Lower quality: worse")
    chinese, english, _ = _report(data_copy)
    assert "把整段文字放进双引号" in chinese
    assert "put the whole text in double quotes" in english
    assert "full-width" not in english


def test_a_bad_indentation_says_to_check_it(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "\n    probability: low", "\n   probability: low")
    chinese, english, _ = _report(data_copy)
    assert "检查缩进" in chinese
    assert "check the indentation" in english


def test_a_computed_field_typed_by_hand_says_to_remove_it(data_copy: DataCopy) -> None:
    line = data_copy.replace(
        "budget.yml", "stated_subtotal: 50000", "stated_subtotal: 50000\n        subtotal: 50000"
    )
    assert _report(data_copy)[:2] == [
        f"data/budget.yml:{line + 1}:9: categories[0].groups[0].subtotal: "
        "预算类别 1 (personnel) › 预算分组 1 (core-team)："
        "`subtotal` 由各明细行计算得出，请勿手填：删除这一行",
        "    budget category 1 (personnel) › budget group 1 (core-team): "
        "`subtotal` is computed from the lines; remove it",
    ]


def test_a_stated_total_that_no_longer_matches_says_how_to_record_a_contradiction(
    data_copy: DataCopy,
) -> None:
    data_copy.replace("budget.yml", "amount: 20000", "amount: 20001")
    lines = _report(data_copy)
    english = [line for line in lines if "the source states" in line]
    assert len(english) == 3  # the group's subtotal, the category's total, the budget's total
    assert all("data/contradictions.yml" in line and "`observed`" in line for line in english)
    assert "原文写的是 50000，但各明细行加起来是 50001" in lines[0]


def test_an_invisible_character_is_named_in_chinese_too(data_copy: DataCopy) -> None:
    line = data_copy.replace("risks.yml", "en: Lower quality", "en: Lower\u200bquality")
    chinese, english, _ = _report(data_copy)
    assert chinese == (
        f"data/risks.yml:{line}:18: risks[1].impacts[0].en: 风险 2 (r2) › 影响 1："
        "文字里有不可见字符 U+200B ZERO WIDTH SPACE：请删除它（这种字符看不见，常随复制粘贴混进来）"
    )
    original = "text holds the invisible character U+200B ZERO WIDTH SPACE; remove it"
    assert english == f"    risk 2 (r2) › impact 1: {original}"


def test_a_character_in_a_key_or_a_comment_is_named_in_chinese_too(data_copy: DataCopy) -> None:
    data_copy.replace("risks.yml", "    probability: low", "    proba\u200bbility: low")
    text = data_copy.text("risks.yml")
    data_copy.write("risks.yml", "# note \u202e\n# next\u2028line\n" + text)
    lines = _report(data_copy)
    chinese = [line for line in lines if not line.startswith("    ")]
    assert chinese[0] == (
        "data/risks.yml:1:8: 数据文件里不能有文字方向控制符 U+202E RIGHT-TO-LEFT OVERRIDE，"
        "注释里也不行"
    )
    assert chinese[1] == (
        "data/risks.yml:2:7: "
        "行分隔符 U+2028 LINE SEPARATOR 直接写在了文件里：YAML 在这里换行，编辑器却不换行；"
        "请删除它，或在双引号里写成 `\\u2028`"
    )
    assert chinese[3].endswith(
        "risks[1]: 风险 2 (r2)：键里有不可见字符 U+200B ZERO WIDTH SPACE：请删除它"
        "（这种字符看不见，常随复制粘贴混进来）"
    )
    assert not [line for line in lines if "此消息暂无中文" in line]


def test_messages_fall_back_to_english_when_messages_yml_is_broken(data_copy: DataCopy) -> None:
    data_copy.replace("messages.yml", "item:\n", "item: [\n")
    data_copy.replace("risks.yml", "probability: low", "probability: lowish")
    problems = [Problem("data/risks.yml", 39, 18, "risks[1].probability", "bad value")]
    assert report(problems, data_copy.folder).splitlines() == [
        "data/risks.yml:39:18: risks[1].probability: bad value",
        "1 problem in data/",
    ]


def test_every_message_template_fills_in_every_language(data_copy: DataCopy) -> None:
    words = explainer(data_copy.folder)
    assert words.messages is not None and words.languages == ("zh", "en")
    for code in words.languages:
        assert "{" not in words.explain(Problem("x.yml", 1, 1, "", "file is missing")).texts[code]


# Annotations ---------------------------------------------------------------------------


def _problems() -> list[Problem]:
    errors = [Problem("data/risks.yml", n, 1, f"risks[{n}]", "file is missing") for n in range(12)]
    warning = Problem("data/plan.yml", 3, 1, "", "file is missing", "warning")
    return [*errors, warning]


def test_problems_on_changed_lines_come_first() -> None:
    problems = _problems()
    changed = {("data/plan.yml", 3), ("data/risks.yml", 7)}
    first = ordered(problems, changed)
    assert [(p.file, p.line) for p in first[:2]] == [("data/risks.yml", 7), ("data/plan.yml", 3)]
    assert first[2:] == sorted(p for p in problems if (p.file, p.line) not in changed)


def test_every_problem_reaches_the_job_summary_and_none_is_capped_silently(
    data_copy: DataCopy, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "summary.md"
    environ = {"GITHUB_STEP_SUMMARY": str(summary), "GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "abc"}
    annotate(_problems(), data_copy.folder, environ=environ)
    printed = capsys.readouterr().out.splitlines()
    assert sum(line.startswith("::error ") for line in printed) == 12
    more = 12 - SHOWN_PER_SEVERITY
    assert f"::notice title=More errors::{more} more error(s)" in printed[-1]
    table = summary.read_text(encoding="utf-8")
    assert "Data check: 12 error(s), 1 warning(s)" in table
    assert table.count("https://github.com/o/r/blob/abc/data/risks.yml#L") == 12
    assert "[data/plan.yml:3:1](https://github.com/o/r/blob/abc/data/plan.yml#L3)" in table


def test_changed_lines_come_from_the_diff_against_the_base(tmp_path: Path) -> None:
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(tmp_path)]
    (tmp_path / "data").mkdir()
    risks = tmp_path / "data" / "risks.yml"
    risks.write_text("a: 1\nb: 2\nc: 3\n", encoding="utf-8")
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "base"], check=True)
    risks.write_text("a: 1\nb: 20\nc: 3\nd: 4\n", encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "change"], check=True)
    assert changed_lines(tmp_path, "HEAD~1") == {("data/risks.yml", 2), ("data/risks.yml", 4)}
    assert changed_lines(tmp_path / "data", "no-such-ref") == set()

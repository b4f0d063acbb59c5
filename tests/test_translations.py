"""Translation tracking: pins, stale translations reported and marked, accepted after review;
the glossary's check; the translation status page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plandocs.cli import main
from plandocs.loader import load, load_dataset
from plandocs.model.common import fingerprint
from plandocs.render import markdown as md
from plandocs.review import tracked, warnings
from plandocs.site import build_pages
from plandocs.webpage import mark_page, source_twin
from tests.conftest import FIXTURE, ROOT, DataCopy, copy_project, run_mkdocs_build
from tests.sitepages import read_page


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m plandocs --data data ARGS` in the project folder that holds `folder`."""
    return subprocess.run(
        [sys.executable, "-m", "plandocs", "--data", "data", *args],
        cwd=folder.parent,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def pinned(data_copy: DataCopy) -> DataCopy:
    """The fixture dataset with every translation pinned, and the real hand-written pages."""
    shutil.copytree(
        ROOT / "docs", data_copy.folder.parent / "docs", ignore=shutil.ignore_patterns("report")
    )
    result = run(
        data_copy.folder,
        "translations",
        "--accept",
        "data/risks.yml",
        "--accept",
        "docs/about.en.md",
    )
    assert result.returncode == 0, result.stderr
    return data_copy


def test_the_fingerprint_ignores_spacing_only() -> None:
    assert fingerprint("质量  下降\n") == fingerprint("质量 下降") != fingerprint("质量下降")
    assert len(fingerprint("x")) == 8


def test_accept_writes_a_pin_beside_each_translation(pinned: DataCopy) -> None:
    text = pinned.text("risks.yml")
    assert f'        en: Lower quality\n        en_pin: "{fingerprint("质量下降")}"\n' in text
    states = {
        item.state for item in tracked(load(pinned.folder), None) if item.file == "data/risks.yml"
    }
    assert states == {"current"}


def test_a_changed_chinese_text_is_a_located_warning_and_check_still_passes(
    pinned: DataCopy,
) -> None:
    line = pinned.replace("risks.yml", "zh: 质量下降", "zh: 质量明显下降")
    result = run(pinned.folder, "check")
    assert result.returncode == 0
    command = "make accept FIELD='data/risks.yml:risks[1].impacts[0]'"
    assert result.stderr.splitlines() == [
        f"data/risks.yml:{line}:13: risks[1].impacts[0].en: 警告：风险 2 (r2) › 影响 1："
        f"中文改动过，英文可能已过时：复核并更新英文后运行 `{command}`",
        "    warning: risk 2 (r2) › impact 1: the Chinese changed since this translation was "
        f"made: review the English, then run `{command}`",
    ]
    github = run(pinned.folder, "check", "--format", "github").stdout.splitlines()[0]
    assert github.startswith(f"::warning file=data/risks.yml,line={line},col=13,")


def test_translations_shows_the_chinese_then_and_now_from_git_history(pinned: DataCopy) -> None:
    project = pinned.folder.parent
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(project)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "pinned"], check=True)
    pinned.replace("risks.yml", "zh: 质量下降", "zh: 质量明显下降")
    lines = run(pinned.folder, "translations").stdout.splitlines()
    command = "make accept FIELD='data/risks.yml:risks[1].impacts[0]'"
    assert lines[0].endswith(f"复核并更新英文后运行 `{command}`")
    assert lines[1].startswith("    warning: risk 2 (r2) › impact 1: the Chinese changed")
    assert lines[2:5] == [
        "    zh now: 质量明显下降",
        "    zh then: 质量下降",
        "    difference: 质量{+明显+}下降",
    ]
    assert lines[-1] == "1 translation(s) to review"


def test_accept_one_field_clears_that_field_only(pinned: DataCopy) -> None:
    pinned.replace("risks.yml", "zh: 质量下降", "zh: 质量明显下降")
    pinned.replace("risks.yml", "zh: 项目延期", "zh: 项目推迟")
    assert (
        run(
            pinned.folder, "translations", "--accept", "data/risks.yml:risks[1].impacts[0]"
        ).returncode
        == 0
    )
    stale = [item.path for item in tracked(load(pinned.folder), None) if item.state != "current"]
    assert stale == ["risks[0].impacts[0].en"]


def test_a_hand_written_section_is_tracked_the_same_way(pinned: DataCopy) -> None:
    about = pinned.folder.parent / "docs" / "about.zh.md"
    about.write_text(about.read_text(encoding="utf-8").replace("## 许可", "## 许可与版权"), "utf-8")
    docs = pinned.folder.parent / "docs"
    # Reported on the page the pull request changed, at the changed heading.
    [warning] = [w for w in warnings(load(pinned.folder), docs) if w.file.startswith("docs/")]
    assert warning.file == "docs/about.zh.md"
    assert warning.field == "#licence"
    assert "the translation may be out of date" in warning.message
    assert "make accept FIELD='docs/about.en.md:licence'" in warning.message
    lines = about.read_text(encoding="utf-8").split("\n")
    assert warning.line == lines.index("## 许可与版权 {#licence}") + 1
    assert (
        run(pinned.folder, "translations", "--accept", "docs/about.en.md:licence").returncode == 0
    )
    assert [w for w in warnings(load(pinned.folder), docs) if w.file.startswith("docs/")] == []


def test_a_stale_translation_is_marked_and_its_page_says_so_at_the_top(pinned: DataCopy) -> None:
    pinned.replace("risks.yml", "zh: 质量下降", "zh: 质量明显下降")
    pages = build_pages(load_dataset(pinned.folder))
    english, chinese = pages["report/risks.en.md"], pages["report/risks.zh.md"]
    assert f"Lower quality{md.STALE_MARK}" in english
    assert '!!! warning "Parts of this translation may be out of date"' in english
    assert md.STALE_MARK not in chinese and "!!! warning" not in chinese
    assert md.STALE_MARK not in pages["report/plan.en.md"]


def test_a_mark_links_to_the_same_place_on_the_source_page(pinned: DataCopy) -> None:
    data = load_dataset(pinned.folder)
    page = (
        f'<h3 id="risk-r2">R2</h3><p>Lower quality{md.STALE_MARK}</p>'
        f'<td><a href="#risk-r1">R1 title{md.STALE_MARK}</a></td><p>{md.SOURCE_LINK}</p>'
    )
    marked = mark_page(page, "en/report/risks/", data, "en")
    mark = (
        '<a class="stale-translation" href="../../../report/risks/#risk-r2" '
        'title="Translation may be out of date" aria-label="Translation may be out of date">⚠</a>'
    )
    assert f"Lower quality{mark}</p>" in marked
    assert f"R1 title</a>{mark.replace('risk-r2', 'risk-r2')}</td>" in marked  # after the link
    assert '<a class="source-page" href="../../../report/risks/">Chinese page</a>' in marked
    assert mark_page(page, "report/risks/", data, "zh") == page
    # A link to the source page before the marks does not move them.
    linked_first = mark_page(f"<p>{md.SOURCE_LINK}</p>" + page, "en/report/risks/", data, "en")
    assert f"Lower quality{mark}</p>" in linked_first
    assert source_twin("en/about/", "en", "zh") == "../../about/"


def test_the_status_page_counts_what_is_stale(pinned: DataCopy) -> None:
    pinned.replace("risks.yml", "zh: 质量下降", "zh: 质量明显下降")
    loaded = load(pinned.folder)
    page = build_pages(loaded.dataset, tracked(loaded, None))["report/translations.en.md"]
    assert "| data/risks.yml | 17 | 1 | 0 |" in page  # 4 risks: 6 + 4 + 4 + 4 translations
    assert (
        "| [data/risks.yml risks\\[1\\].impacts\\[0\\].en](risks.md#risks) | May be out of date |"
        in page
    )


def test_the_glossary_check_finds_a_translation_that_ignores_a_term(data_copy: DataCopy) -> None:
    glossary = data_copy.text("glossary.yml")
    data_copy.write(
        "glossary.yml",
        glossary + "  - id: quality\n    term:\n      zh: 质量\n      en: quality\n",
    )
    line = data_copy.line_of("risks.yml", "en: Lower quality")
    data_copy.replace("risks.yml", "en: Lower quality", "en: Worse work")
    found = [w for w in warnings(load(data_copy.folder), None) if "glossary term" in w.message]
    assert [str(w) for w in found] == [
        f"data/risks.yml:{line}:13: risks[1].impacts[0].en: warning: the source text uses the "
        "glossary term `质量`: write its rendering `quality` (data/glossary.yml, `quality`)"
    ]


def test_a_glossary_term_is_not_required_inside_its_excepted_phrases(data_copy: DataCopy) -> None:
    # 国际化标准 reads "international standards": writing "internationalisation" there too
    # would make a tautology, so the term allows that phrase; elsewhere it is still required.
    glossary = data_copy.text("glossary.yml")
    data_copy.write(
        "glossary.yml",
        glossary
        + "  - id: quality\n    term:\n      zh: 质量\n      en: quality\n"
        + "    except_in: [质量下降]\n",
    )
    data_copy.replace("risks.yml", "en: Lower quality", "en: Worse work")
    found = [w for w in warnings(load(data_copy.folder), None) if "glossary term" in w.message]
    assert found == []
    data_copy.replace("risks.yml", "zh: 质量下降", "zh: 质量不够")
    found = [w for w in warnings(load(data_copy.folder), None) if "glossary term" in w.message]
    assert [w.field for w in found] == ["risks[1].impacts[0].en"]


def test_the_real_data_passes_and_follows_the_glossary() -> None:
    # A translation that is stale (the Chinese changed) or not yet pinned is a tracked state
    # (marked on the site, counted on the status page), not a failure: a contributor may change
    # the Chinese and leave the English to someone else. Every other warning is a failure.
    assert main(["--data", str(ROOT / "data"), "check"]) == 0
    tracked_states = ("the translation may be out of date", "translation not pinned")
    found = warnings(load(ROOT / "data"), ROOT / "docs")
    assert [w for w in found if not w.message.startswith(tracked_states)] == []


@pytest.mark.build
def test_a_built_english_page_shows_the_marks_and_the_status_page_counts_them(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project", data=FIXTURE)
    risks = project / "data" / "risks.yml"
    risks.write_text(
        risks.read_text(encoding="utf-8").replace("zh: 质量下降", "zh: 质量明显下降"), "utf-8"
    )
    about = project / "docs" / "about.zh.md"
    about.write_text(
        about.read_text(encoding="utf-8").replace("代码采用 MIT 许可", "全部代码采用 MIT 许可"),
        "utf-8",
    )
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site, PLANDOCS_DIAGRAMS="client")
    assert result.returncode == 0, result.stderr
    page = (site / "en" / "report" / "risks" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r'Lower quality<a class="stale-translation" href="\.\./\.\./\.\./report/risks/#[\w-]+"',
        page,
    )
    assert "Parts of this translation may be out of date" in page
    about_en = (site / "en" / "about" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../about/#licence"' in about_en and "stale-translation" in about_en
    status = read_page(site / "en" / "report" / "translations" / "index.html").content_text
    assert "data/risks.yml" in status and "docs/about.en.md" in status
    chinese = (site / "report" / "risks" / "index.html").read_text(encoding="utf-8")
    assert "stale-translation" not in chinese

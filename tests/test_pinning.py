"""`plandocs translations --accept` (plandocs.pinning): it edits only regular files under data/
and docs/, by the reader's positions, keeps line endings, writes only what reads back as
intended, atomically, and refuses what it cannot pin safely, writing nothing."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from plandocs import pinning
from plandocs.cli import main
from plandocs.loader import load
from plandocs.model.common import fingerprint
from plandocs.pinning import PinError
from plandocs.review import tracked
from tests.conftest import ROOT, DataCopy

LOWER = fingerprint("质量下降")
STALE = 'en_pin: "1d61c783"'
SEPARATED = fingerprint("质量\u2028下降")


def accept(capsys: pytest.CaptureFixture[str], data: DataCopy, target: str) -> tuple[int, str]:
    """Run `plandocs translations --accept TARGET`; return its exit status and its output."""
    status = main(["--data", str(data.folder), "translations", "--accept", target])
    out, err = capsys.readouterr()
    return status, out + err


def states(data: DataCopy, file: str = "data/risks.yml") -> set[str]:
    return {item.state for item in tracked(load(data.folder), None) if item.file == file}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def test_a_stale_pin_is_replaced_in_place(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy
) -> None:
    data_copy.replace("risks.yml", "zh: 质量下降", "zh: 质量明显下降")
    status, out = accept(capsys, data_copy, "data/risks.yml")
    want = fingerprint("质量明显下降")
    assert (status, out) == (0, f"pinned data/risks.yml:risks[1].impacts[0].en_pin = {want}\n")
    assert f'        en: Lower quality\n        en_pin: "{want}"\n    probability' in (
        data_copy.text("risks.yml")
    )
    assert states(data_copy) == {"current"}


def test_nothing_to_pin_says_so(capsys: pytest.CaptureFixture[str], data_copy: DataCopy) -> None:
    before = snapshot(data_copy.folder)
    assert accept(capsys, data_copy, "data/risks.yml") == (
        0,
        "data/risks.yml: nothing to pin (every translation is pinned to its source)\n",
    )
    assert snapshot(data_copy.folder) == before


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_are_kept(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy, newline: str
) -> None:
    data_copy.replace("risks.yml", f"        {STALE}\n", "")
    data_copy.replace("risks.yml", "zh: 项目延期", "zh: 项目推迟")
    path = data_copy.folder / "risks.yml"
    path.write_bytes(data_copy.text("risks.yml").replace("\n", newline).encode("utf-8"))
    status, _ = accept(capsys, data_copy, "data/risks.yml")
    assert status == 0
    raw = path.read_bytes().decode("utf-8")
    assert raw.replace(newline, "") == raw.replace("\r", "").replace("\n", "")  # one kind only
    assert f'en: Lower quality{newline}        en_pin: "{LOWER}"{newline}' in raw
    assert states(data_copy) == {"current"}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # the translation as the first key of a list item
        (
            "      - en: Lower quality\n        zh: 质量下降\n",
            f'      - en: Lower quality\n        en_pin: "{LOWER}"\n        zh: 质量下降\n',
        ),
        # a comment after the translation
        (
            "      - zh: 质量下降\n        en: Lower quality  # reviewed\n",
            f"      - zh: 质量下降\n        en: Lower quality  # reviewed\n"
            f'        en_pin: "{LOWER}"\n',
        ),
        # the value on the line after its key
        (
            "      - zh: 质量下降\n        en:\n          Lower quality\n",
            f"      - zh: 质量下降\n        en:\n          Lower quality\n"
            f'        en_pin: "{LOWER}"\n',
        ),
        # a block scalar
        (
            "      - zh: 质量下降\n        en: |\n          Lower quality\n",
            f"      - zh: 质量下降\n        en: |\n          Lower quality\n"
            f'        en_pin: "{LOWER}"\n',
        ),
        # an escaped line separator in the text before it
        (
            '      - zh: "质量\\u2028下降"\n        en: Lower quality\n',
            f'      - zh: "质量\\u2028下降"\n        en: Lower quality\n'
            f'        en_pin: "{SEPARATED}"\n',
        ),
    ],
)
def test_texts_laid_out_otherwise_are_pinned_by_their_positions(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy, written: str, expected: str
) -> None:
    original = f"      - zh: 质量下降\n        en: Lower quality\n        {STALE}\n"
    data_copy.replace("risks.yml", original, written)
    status, out = accept(capsys, data_copy, "data/risks.yml:risks[1]")
    assert status == 0, out
    assert expected in data_copy.text("risks.yml")
    assert states(data_copy) == {"current"}


def test_a_flow_mapping_is_refused_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy
) -> None:
    original = f"      - zh: 质量下降\n        en: Lower quality\n        {STALE}\n"
    line = data_copy.replace("risks.yml", original, "      - {zh: 质量下降, en: Lower quality}\n")
    data_copy.replace("risks.yml", "zh: 项目延期", "zh: 项目推迟")
    before = snapshot(data_copy.folder)
    status, out = accept(capsys, data_copy, "data/risks.yml")
    assert (status, out) == (
        1,
        f"data/risks.yml:{line}: risks[1].impacts[0]: this text is written in flow style "
        "(`{zh: …, en: …}` or inside `[…]`); write it as a block, one key a line, then accept "
        "again\ndata/risks.yml: nothing was pinned\n",
    )
    assert "pinned data" not in out
    assert snapshot(data_copy.folder) == before


def test_a_file_with_a_raw_line_separator_is_refused(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy
) -> None:
    line = data_copy.replace("risks.yml", "zh: 项目延期", "zh: 项目\u2028推迟")
    before = snapshot(data_copy.folder)
    status, out = accept(capsys, data_copy, "data/risks.yml")
    assert status == 1
    assert out.startswith(f"data/risks.yml:{line}:15: risks[0].impacts[0].zh: the line separator")
    assert out.endswith("data/risks.yml: fix its problems first (`make check`); not pinned\n")
    assert snapshot(data_copy.folder) == before


def test_a_symlinked_folder_under_data_is_refused(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(data_copy.folder / "risks.yml", outside / "risks.yml")
    (outside / "risks.yml").write_text(
        (outside / "risks.yml").read_text(encoding="utf-8").replace(f"        {STALE}\n", ""),
        encoding="utf-8",
    )
    (data_copy.folder / "linked").symlink_to(outside, target_is_directory=True)
    before = (outside / "risks.yml").read_bytes()
    assert accept(capsys, data_copy, "data/linked/risks.yml") == (
        1,
        f"{data_copy.folder.as_posix()}/linked:1:1: is a symbolic link: data files must be "
        "regular files in the repository\n1 problem in data/\n",
    )
    # The pinning itself refuses it too, whoever calls it.
    with pytest.raises(PinError) as refused:
        pinning.accept("data/linked/risks.yml", data_copy.folder.parent, ("zh", "en"))
    assert str(refused.value) == (
        "data/linked/risks.yml: data/linked is a symbolic link; only files inside the project"
    )
    assert (outside / "risks.yml").read_bytes() == before


def test_a_symlinked_data_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", real)
    project = tmp_path / "project"
    project.mkdir()
    (project / "data").symlink_to(real, target_is_directory=True)
    status = main(["--data", str(project / "data"), "translations", "--accept", "data/risks.yml"])
    assert (status, capsys.readouterr().err) == (
        1,
        f"{(project / 'data').as_posix()}:1:1: the data folder is a symbolic link\n"
        "1 problem in data/\n",
    )
    with pytest.raises(PinError) as refused:
        pinning.accept("data/risks.yml", project, ("zh", "en"))
    assert str(refused.value) == (
        "data/risks.yml: data is a symbolic link; only files inside the project"
    )


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (
            "../outside.yml",
            "../outside.yml: give a file under data/ or docs/, relative to the project",
        ),
        ("/etc/passwd", "/etc/passwd: give a file under data/ or docs/, relative to the project"),
        (
            "data/../../x.yml",
            "data/../../x.yml: give a file under data/ or docs/, relative to the project",
        ),
        ("data", "data: give a file under data/ or docs/, relative to the project"),
        ("data/nothing.yml", "data/nothing.yml: no such file"),
    ],
)
def test_targets_outside_data_and_docs_are_refused(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy, target: str, message: str
) -> None:
    assert accept(capsys, data_copy, target) == (1, f"{message}\n")


def test_the_file_is_replaced_atomically_and_keeps_its_mode(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy
) -> None:
    path = data_copy.folder / "risks.yml"
    path.chmod(0o640)
    data_copy.replace("risks.yml", "zh: 质量下降", "zh: 质量明显下降")
    inode = path.stat().st_ino
    assert accept(capsys, data_copy, "data/risks.yml")[0] == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.stat().st_ino != inode  # a new file put in place, not the old one rewritten
    assert [p.name for p in data_copy.folder.iterdir() if p.name.startswith(".")] == []


@pytest.fixture
def pages(data_copy: DataCopy) -> Path:
    docs = data_copy.folder.parent / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("report"))
    return docs


def test_a_crlf_page_keeps_its_line_endings(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy, pages: Path
) -> None:
    page = pages / "about.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_bytes(text.replace('  licence: "', '  licence: "0').replace("\n", "\r\n").encode())
    status, out = accept(capsys, data_copy, "docs/about.en.md:licence")
    assert status == 0, out
    raw = page.read_bytes().decode("utf-8")
    assert "\n" not in raw.replace("\r\n", "")
    assert raw.replace("\r\n", "\n") == text
    assert states(data_copy, "docs/about.en.md") <= {"current"}


def test_a_page_with_broken_front_matter_is_refused(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy, pages: Path
) -> None:
    page = pages / "about.en.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("translated_from:", "translated_from: [", 1),
        encoding="utf-8",
    )
    before = page.read_bytes()
    assert accept(capsys, data_copy, "docs/about.en.md") == (
        1,
        "docs/about.en.md:1: its front matter (between `---` lines) does not read; fix it "
        "(`make check`), then accept again\n",
    )
    assert page.read_bytes() == before


def test_an_edit_that_does_not_read_back_as_intended_is_refused() -> None:
    """The last guard before writing: the edited text must read back as the old data with
    exactly the new pins."""
    from plandocs.pinning import _check_pins

    before = {"t": {"zh": "甲", "en": "A"}}
    _check_pins(
        "data/x.yml",
        't:\n  zh: 甲\n  en: A\n  en_pin: "12345678"\n',
        before,
        {("t", "en_pin"): "12345678"},
    )
    with pytest.raises(PinError, match="would not land where intended"):
        _check_pins(
            "data/x.yml",
            't:\n  zh: 甲\n  en: A\nen_pin: "12345678"\n',
            before,
            {("t", "en_pin"): "12345678"},
        )
    with pytest.raises(PinError, match="would not land where intended"):
        _check_pins(
            "data/x.yml",
            't: {zh: 甲, en: A}\n  en_pin: "1"\n',
            before,
            {("t", "en_pin"): "12345678"},
        )


def test_a_file_that_cannot_be_written_is_reported_without_a_traceback(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(13, "Permission denied", str(path.parent / ".risks.yml.tmp"))

    monkeypatch.setattr("plandocs.pinning.write_atomically", refuse)
    data_copy.replace("risks.yml", "zh: 质量下降", "zh: 质量明显下降")
    before = snapshot(data_copy.folder)
    status, out = accept(capsys, data_copy, "data/risks.yml")
    assert (status, out) == (
        1,
        f"{data_copy.folder / '.risks.yml.tmp'}: cannot be written (Permission denied)\n",
    )
    assert snapshot(data_copy.folder) == before


def test_front_matter_problems_are_located_on_the_page_s_own_lines(tmp_path: Path) -> None:
    from plandocs.translations import Page

    text = "---\ntitle: About\nhidden: \u200bx\n---\n# About\n"
    page = Page.parse(tmp_path / "about.en.md", text, "docs/about.en.md")
    assert page.front_source is not None
    assert [str(problem) for problem in page.front_source.problems] == [
        "docs/about.en.md:3:9: hidden: text holds the invisible character U+200B ZERO WIDTH "
        "SPACE; remove it"
    ]


def test_the_translation_list_shows_page_texts_printable(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy, pages: Path
) -> None:
    """Hand-written pages are not read by the data reader: their text reaches the terminal
    only as escapes."""
    source = pages / "about.zh.md"
    text = source.read_text(encoding="utf-8")
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    source.write_text(text.replace(heading, heading + "\x1b]0;pwned\x07\u202e", 1), "utf-8")
    status = main(["--data", str(data_copy.folder), "translations"])
    out = capsys.readouterr().out
    assert status == 0
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "\\x1b]0;pwned\\x07\\u202e" in out


def test_schema_is_not_written_through_a_linked_schema_folder(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (data_copy.folder / "schema").mkdir(exist_ok=True)
    shutil.rmtree(data_copy.folder / "schema")
    (data_copy.folder / "schema").symlink_to(outside, target_is_directory=True)
    status = main(["--data", str(data_copy.folder), "schema"])
    err = capsys.readouterr().err
    assert status == 1
    assert f"{data_copy.folder.as_posix()}/schema:1:1: is a symbolic link" in err
    assert list(outside.iterdir()) == []


def test_the_languages_are_not_read_through_a_link(
    capsys: pytest.CaptureFixture[str], data_copy: DataCopy, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "languages.yml"
    elsewhere.write_bytes((data_copy.folder / "languages.yml").read_bytes())
    (data_copy.folder / "languages.yml").unlink()
    (data_copy.folder / "languages.yml").symlink_to(elsewhere)
    assert accept(capsys, data_copy, "data/risks.yml")[0] == 1
    from plandocs.schema import configured_languages

    assert configured_languages(data_copy.folder) == ()

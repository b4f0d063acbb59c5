"""Shared fixtures: the project root, a mutable copy of data/, and a failing-on-warning log."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from plandocs.loader import load_dataset
from plandocs.model import Dataset
from plandocs.problems import DataError
from plandocs.publication import Publication, publication
from plandocs.site import load_checked

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "data"
"""A small dataset made for the tests (not content): every branch, hostile characters."""


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    """The real data, loaded once: for properties that hold whatever the content says."""
    return load_dataset(ROOT / "data")


@pytest.fixture(scope="session")
def fixture_dataset() -> Dataset:
    """The fixture dataset, loaded once: for exact expectations (golden files, figures)."""
    return load_dataset(FIXTURE)


class DataCopy:
    """A copy of the fixture dataset that a test breaks on purpose, then loads."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def replace(self, relative: str, old: str, new: str, *, count: int = 1) -> int:
        """Replace `old` (first `count` times) in a data file; return its 1-based line."""
        path = self.folder / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {relative}"
        line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new, count), encoding="utf-8")
        return line

    def line_of(self, relative: str, needle: str, *, nth: int = 1) -> int:
        """Return the 1-based line of the `nth` occurrence of `needle` in a data file."""
        text = (self.folder / relative).read_text(encoding="utf-8")
        at = -1
        for _ in range(nth):
            at = text.index(needle, at + 1)
        return text[:at].count("\n") + 1

    def write(self, relative: str, text: str) -> None:
        """Replace a data file's whole text."""
        (self.folder / relative).write_text(text, encoding="utf-8")

    def text(self, relative: str) -> str:
        """Return a data file's text."""
        return (self.folder / relative).read_text(encoding="utf-8")

    def problems(self) -> list[str]:
        """Check the copy as `plandocs check` does; return every reported problem as text (fails
        if the check passes)."""
        with pytest.raises(DataError) as caught:
            load_checked(self.folder, label="data")
        return [str(problem) for problem in caught.value.problems]


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[DataCopy]:
    """A fresh copy of the fixture dataset in a temporary folder called data/."""
    folder = tmp_path / "data"
    shutil.copytree(FIXTURE, folder)
    yield DataCopy(folder)


# Builds print no PDFs unless a test asks (`built_site` does: printing takes ~15 s).
MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PLANDOCS_PDF": "off"}


class _EnvLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for `!ENV [NAME, default]`; other tags are ignored."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    name, default = loader.construct_sequence(node)  # type: ignore[arg-type]
    return os.environ.get(str(name), default)


_EnvLoader.add_constructor("!ENV", _env)
_EnvLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda *_: None)


def configured_publication(mkdocs_yml: Path = ROOT / "mkdocs.yml", **env: str) -> Publication:
    """Return the addresses the hook derives from mkdocs.yml (with `env` set), as it does."""
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_EnvLoader)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    settings = config["extra"]["publication"]
    return publication(settings["repository"], settings["branch"], settings["site_url"])


def run_mkdocs_build(project: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `mkdocs build --strict` for `project` into `site`; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **MKDOCS_ENV, **env},
        check=False,
        timeout=300,
    )


DIAGRAM_CACHE = ROOT / ".cache" / "diagrams"


def _strict_build(site: Path, mode: str, **env: str) -> Path:
    result = run_mkdocs_build(ROOT, site, PLANDOCS_DIAGRAMS=mode, **env)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert warnings == []
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once with `mkdocs build --strict` into a temporary folder, as
    it is published: every diagram drawn to SVG at build time (PLANDOCS_DIAGRAMS=svg), and the
    PDFs printed when a browser is there."""
    printing = os.environ.get("PLANDOCS_PDF", "auto")
    return _strict_build(tmp_path_factory.mktemp("built") / "site", "svg", PLANDOCS_PDF=printing)


@pytest.fixture(scope="session")
def client_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built with PLANDOCS_DIAGRAMS=client: diagrams drawn in the browser."""
    return _strict_build(tmp_path_factory.mktemp("client") / "site", "client")


def copy_project(target: Path, *, data: Path = ROOT / "data", diagram_cache: bool = True) -> Path:
    """Copy what a build needs into `target` (node_modules is linked); return the copy.

    `data` is the data folder to build from: the content, or the fixture dataset. With
    `diagram_cache`, the copy starts with the project's drawn diagrams (.cache/diagrams, keyed by
    each diagram's source, so datasets do not mix): a real folder of hard links (a build reads
    its cache only through real folders, never a symbolic link), so a build starts no browser
    unless its diagrams are new. A test of the cache itself passes `diagram_cache=False` and
    starts from an empty one.
    """
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "hooks", "overrides"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("report"))
        else:
            shutil.copy(source, target / name)
    shutil.copytree(data, target / "data")
    if data != ROOT / "data":
        shutil.copytree(ROOT / "data" / "schema", target / "data" / "schema")
    (target / "node_modules").symlink_to(ROOT / "node_modules")
    (target / "src").symlink_to(ROOT / "src")
    if diagram_cache:
        DIAGRAM_CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copytree(
            DIAGRAM_CACHE,
            target / ".cache" / "diagrams",
            ignore=shutil.ignore_patterns(".*"),
            copy_function=_link_or_copy,
        )
    return target


def _link_or_copy(source: str, target: str) -> None:
    """Hard-link `source` as `target` (a copy when they lie on different file systems)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


# Script and markup through every text channel that passes the check (the browser tier shows
# each blocked; tests/test_hostile_text.py walks every template slot of the built pages).
PWNED = "window.pwned"
HOSTILE_LABELS = {
    # a page title: the H1, <title>, the header, the navigation, the footer's links, search
    "    en: Risks and mitigation\n": (
        "    en: \"Risks </title><script>window.pwned='title'</script>"
        '<img id=\\"pwned-title\\" src=x onerror=\\"window.pwned=1\\">'
        ' &lt;b&gt; &amp;lt;i&amp;gt;"\n'
    ),
    "    zh: 风险识别与缓解\n": (
        '    zh: "风险</title><script>window.pwned=\'标题\'</script><b id=\\"pwned-zh\\">"\n'
    ),
    # a section heading: the table of contents
    "    en: Risk matrix\n": (
        '    en: "Risk matrix <b id=\\"pwned-toc\\" onmouseover=\\"window.pwned=1\\">x</b>"\n'
    ),
}
HOSTILE_GLOSSARY = {
    # an abbreviation's expansion: the `title` attribute of every <abbr>
    "      en: Cloud Native Computing Foundation\n": (
        '      en: "Cloud \\"><script>window.pwned=\'abbr\'</script><b id=\\"pwned-abbr\\">"\n'
    ),
}


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture dataset with script and markup in labels and glossary texts that pass the
    check, built with `mkdocs build --strict` (diagrams drawn in the browser: no Chromium)."""
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project", data=FIXTURE, diagram_cache=False)
    for name, edits in (("labels.yml", HOSTILE_LABELS), ("glossary.yml", HOSTILE_GLOSSARY)):
        path = project / "data" / name
        text = path.read_text(encoding="utf-8")
        for old, new in edits.items():
            assert old in text, old
            text = text.replace(old, new, 1)
        path.write_text(text, encoding="utf-8")
    result = run_mkdocs_build(project, root / "site", PLANDOCS_DIAGRAMS="client")
    assert result.returncode == 0, result.stderr
    return root / "site"

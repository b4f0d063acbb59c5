"""Shared fixtures: the project root, a mutable copy of data/, and a failing-on-warning log."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from filelock import FileLock

from plandocs.loader import load_dataset
from plandocs.model import Dataset
from plandocs.problems import DataError
from plandocs.publication import Publication, publication
from plandocs.site import load_checked

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "data"
"""A small dataset made for the tests (not content): every branch, hostile characters."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Hand out the slowest tiers first: browser modules, then build ones, then the rest.

    `make test` runs two pytest-xdist processes, each taking whole modules (`--dist loadscope`:
    a module's fixtures are made once); with the long modules first, the many quick ones fill
    the gaps at the end instead of one process idling while the other finishes a long module.
    A module keeps its tests together. Without xdist only the order changes; every test passes
    in any order.
    """
    if seed := os.environ.get(SHUFFLE):
        random.Random(seed).shuffle(items)  # CI's random-order job: any order must pass
        return
    tiers: dict[Path, int] = {}
    for item in items:
        tiers[item.path] = min(tiers.get(item.path, 2), _tier(item))
    items.sort(key=lambda item: tiers[item.path])


SHUFFLE = "PLANDOCS_TEST_SHUFFLE"
"""Set to any text, the tests run in an order shuffled with it as seed (the same text, the
same order): `PLANDOCS_TEST_SHUFFLE=42 make test-unit PYTEST_WORKERS=0`."""


def pytest_report_header() -> str | None:
    seed = os.environ.get(SHUFFLE)
    return f"test order shuffled: {SHUFFLE}={seed}" if seed else None


def _tier(item: pytest.Item) -> int:
    if item.nodeid.startswith("tests/browser/"):
        return 0
    return 1 if item.get_closest_marker("build") else 2


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
    """Run `mkdocs build --strict` for `project` into `site`; return the finished process.

    A build of the project itself writes docs/report/ and .cache/diagrams/ in place: those
    builds take turns (`ROOT_LOCK`), whichever test process runs them."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    ROOT_LOCK.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(ROOT_LOCK) if project.resolve() == ROOT else contextlib.nullcontext():
        return subprocess.run(
            command,
            cwd=project,
            capture_output=True,
            text=True,
            env={**os.environ, **MKDOCS_ENV, **env},
            check=False,
            timeout=300,
        )


ROOT_LOCK = ROOT / ".cache" / "tests-root-build.lock"
"""Held while a test builds the project in place (.cache/ is git-ignored)."""


def shared(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """Return the folder `name`, made once for the whole test run by `make(folder)`.

    Under pytest-xdist (`make test` runs two worker processes) each worker has its own session
    fixtures; the workers share this folder instead: the first one to need it makes it while
    the others wait on a lock, then every worker reads the same files (a build runs once, not
    once a worker). A failed `make` leaves no mark, so the next worker tries again and fails
    with its own message.
    """
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    folder, done = base / name, base / f"{name}.done"
    with FileLock(base / f"{name}.lock"):
        if not done.exists():
            if folder.exists():
                shutil.rmtree(folder)
            make(folder)
            done.touch()
    return folder


DIAGRAM_CACHE = ROOT / ".cache" / "diagrams"


def _strict_build(site: Path, mode: str) -> None:
    result = run_mkdocs_build(ROOT, site, PLANDOCS_DIAGRAMS=mode)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "WARNING" in line]
    assert warnings == []


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project, built once with `mkdocs build --strict` into a temporary folder, as
    it is published (every diagram drawn to SVG at build time, PLANDOCS_DIAGRAMS=svg) but for
    the PDFs: printing takes longer than the build, so the PDF tests read the fixture
    dataset's print (`printed_fixture_site`), and CI's browser job prints the real ones with
    `make build`."""
    return shared(tmp_path_factory, "built", lambda site: _strict_build(site, "svg"))


@pytest.fixture(scope="session")
def client_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built with PLANDOCS_DIAGRAMS=client: diagrams drawn in the browser."""
    return shared(tmp_path_factory, "client", lambda site: _strict_build(site, "client"))


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
    return shared(tmp_path_factory, "hostile", _build_hostile) / "site"


def _build_hostile(root: Path) -> None:
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

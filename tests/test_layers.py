"""The package's imports point one way: the data layer knows no page, no module imports a layer
above its own, and no import cycle exists.

The layers, lowest first (a module may import its own layer and the ones below):
data (read and check data/) < render < pages < generator < outputs < assembler < transforms
< build < adapters (MkDocs plugin, command line). A new module must be placed in LAYERS.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "plandocs"

LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "data",
        frozenset(
            {
                "yamlsource",
                "sourcedoc",
                "characters",
                "problems",
                "model",
                "registry",
                "rules",
                "loader",
                "schedule",
                "translations",
                "pinning",
                "glossary",
                "history",
                "schema",
                "review",
                "settings",
                "publication",
                "pagecheck",
                "configtext",
                "wordmatch",
                "languagecheck",
                "commands",
                "quiet",
                "explain",
                "changelog",
            }
        ),
    ),
    ("render", frozenset({"render"})),
    ("pages", frozenset({"pages"})),
    ("generator", frozenset({"site"})),
    (
        "outputs",
        frozenset(
            {
                "exports",
                "browser",
                "diagrams",
                "printable",
                "search",
                "csp",
                "localserver",
                "feeds",
                "annotations",
                "changes",
            }
        ),
    ),
    ("assembler", frozenset({"build"})),
    ("transforms", frozenset({"webpage", "tables"})),
    ("build", frozenset({"sitebuild"})),
    ("adapters", frozenset({"plugin", "cli", "__main__"})),
)
DATA_LAYER = sorted(f"plandocs.{name}" for name in LAYERS[0][1])


def _module(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int:
    top = module.split(".")[1] if "." in module else ""
    for number, (_, names) in enumerate(LAYERS):
        if top in names:
            return number
    return -1 if module == "plandocs" else -2


def _imports(package: Path = PACKAGE) -> dict[str, set[str]]:
    """Return each module of the package -> the package modules it imports (anywhere in it)."""
    graph: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        module = _module(path, package)
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module.startswith("plandocs"):
                    found.add(node.module)
                    found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("plandocs"))
        graph[module] = found
    known = set(graph)
    return {module: {name for name in found if name in known} for module, found in graph.items()}


def test_every_module_has_a_layer() -> None:
    unplaced = [module for module in _imports() if _layer(module) == -2]
    assert unplaced == []


def test_no_import_runs_back_up() -> None:
    upward = [
        f"{module} ({LAYERS[_layer(module)][0]}) imports {name} ({LAYERS[_layer(name)][0]})"
        for module, names in _imports().items()
        for name in sorted(names)
        if _layer(name) > _layer(module)
    ]
    assert upward == []


def test_the_layer_check_sees_an_upward_import() -> None:
    # The check above must be able to fail: the loader importing a page would be caught.
    assert _layer("plandocs.pages.risks") > _layer("plandocs.loader")
    assert "plandocs.registry" in _imports()["plandocs.loader"]


def test_no_import_cycle() -> None:
    graph = _imports()
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycles.append([*path[path.index(module) :], module])
            return
        if module in done:
            return
        for name in sorted(graph[module]):
            if name != module and not module.startswith(f"{name}."):  # a package's own parent
                visit(name, [*path, module])
        done.add(module)

    for module in sorted(graph):
        visit(module, [])
    assert cycles == []


def test_importing_the_data_layer_loads_no_page_and_no_engine() -> None:
    program = (
        "import importlib, json, sys\n"
        f"for name in {DATA_LAYER!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    loaded = json.loads(result.stdout)
    assert "plandocs.loader" in loaded  # the import really ran
    above = ("plandocs.pages", "plandocs.render", "plandocs.site", "plandocs.build", "mkdocs")
    assert [name for name in loaded if name.startswith(above)] == []


def draw(package: Path = PACKAGE) -> None:
    """Print the layers, lowest first, with their modules, then every import that runs back
    up: `python -m tests.test_layers [PATH/TO/plandocs]` (another checkout's package too)."""
    graph = _imports(package)
    for number, (name, _) in enumerate(LAYERS):
        modules = sorted(m for m in graph if _layer(m) == number)
        print(f"{number} {name}: {len(modules)} modules: {', '.join(modules)}")
    unplaced = sorted(m for m in graph if _layer(m) == -2)
    print(f"not in a layer: {', '.join(unplaced) or 'none'}")
    upward = [
        f"  {module} -> {name}"
        for module, names in sorted(graph.items())
        for name in sorted(names)
        if _layer(name) > _layer(module) >= 0
    ]
    print(f"imports running back up: {len(upward)}", *upward, sep="\n")


if __name__ == "__main__":
    draw(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else PACKAGE)

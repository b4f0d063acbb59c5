"""mkdocs-gen-files script: serve files that are not pages.

- `assets/vendor/mermaid.min.js`: the pinned Mermaid from node_modules (run `npm ci` first),
  so that no page fetches it from a CDN;
- `schema/*.schema.json`: the JSON Schemas of the data files, for editors and contributors,
  rendered from the models (never copied from data/, whose files come from strangers);
- `api/v1/*.json`, `csv/*.csv`, `calendar/*.ics`: the data to reuse (plandocs.exports), from the
  same load of data/ as the pages.

Pages are not generated here: static-i18n drops pages that live outside docs/ (see README).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import mkdocs_gen_files

from plandocs.schema import configured_languages, render_schemas
from plandocs.sitebuild import SiteBuild


def publish(config: Any) -> None:
    """Write the files that are not pages, for the build the plandocs plugin started."""
    root = Path(config.config_file_path).parent
    mermaid = root / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
    if not mermaid.is_file():
        raise SystemExit(f"{mermaid.relative_to(root)} is missing: run `npm ci` (or `make setup`)")
    with mkdocs_gen_files.open("assets/vendor/mermaid.min.js", "wb") as target:
        target.write(mermaid.read_bytes())
    # The build's data is loaded and checked already; on bad data (`mkdocs serve` keeps
    # going) there is none, and the languages are read as the schema command does.
    build: SiteBuild | None = getattr(config.plugins.get("plandocs"), "build", None)
    generated = build.generated if build else None
    codes = generated.data.languages.codes if generated else configured_languages(root / "data")
    for name, text in render_schemas(codes).items():
        with mkdocs_gen_files.open(f"schema/{name}", "w") as target:
            target.write(text)
    files = {**build.downloads, **build.feeds} if build else {}
    for path, body in files.items():
        with mkdocs_gen_files.open(path, "wb") as target:
            target.write(body)


publish(mkdocs_gen_files.config)

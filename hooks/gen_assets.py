"""mkdocs-gen-files script: serve files that are not pages.

- `assets/vendor/mermaid.min.js`: the pinned Mermaid from node_modules (run `npm ci` first),
  so that no page fetches it from a CDN;
- `schema/*.schema.json`: the JSON Schemas of the data files, for editors and contributors,
  rendered from the models (never copied from data/, whose files come from strangers);
- `api/v1/*.json`, `csv/*.csv`, `calendar/*.ics`: the data to reuse (plandocs.exports), and
  `feed-<code>.atom`, the Atom feeds of the changes page (plandocs.feeds), from the same load
  of data/ as the pages.

Pages are not generated here: static-i18n drops pages that live outside docs/ (see README).
"""

from __future__ import annotations

from pathlib import Path

import mkdocs_gen_files

from plandocs.build import Generated, generate, last_generated
from plandocs.problems import DataError
from plandocs.schema import configured_languages, render_schemas

CONFIG = mkdocs_gen_files.config
ROOT = Path(CONFIG.config_file_path).parent
MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"

if not MERMAID.is_file():
    raise SystemExit(f"{MERMAID.relative_to(ROOT)} is missing: run `npm ci` (or `make setup`)")
with mkdocs_gen_files.open("assets/vendor/mermaid.min.js", "wb") as target:
    target.write(MERMAID.read_bytes())
for name, text in render_schemas(configured_languages(ROOT / "data")).items():
    with mkdocs_gen_files.open(f"schema/{name}", "w") as target:
        target.write(text)
# The hook has loaded (and checked) the data before this script runs: this is its cache. Bad
# data under `mkdocs serve` was reported by the hook, which keeps the last good pages; the last
# good downloads stay with them (their links on the downloads page keep working).
generated: Generated | None
try:
    generated = generate(ROOT / "data", site_url=CONFIG.site_url or "", pdf=None)
except DataError:
    generated = last_generated()
downloads = {**generated.downloads, **generated.feeds} if generated is not None else {}
for path, body in downloads.items():
    with mkdocs_gen_files.open(path, "wb") as target:
        target.write(body)

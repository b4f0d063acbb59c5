"""JSON Schemas of the data files, exported from the models into data/schema/."""

from __future__ import annotations

import json
from pathlib import Path

from plandocs.model import FILES


def schema_name(relative: str) -> str:
    """Return the schema file name of a data file, e.g. `risks.schema.json`."""
    return f"{Path(relative).stem}.schema.json"


def render_schemas() -> dict[str, str]:
    """Return every schema as file name -> JSON text."""
    out: dict[str, str] = {}
    for relative, model in FILES.items():
        schema = model.model_json_schema()
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        schema["title"] = f"data/{relative}"
        out[schema_name(relative)] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def stale_schemas(folder: Path) -> list[str]:
    """Return the schema files in `folder` that are missing, outdated or no longer produced."""
    expected = render_schemas()
    stale = [
        name
        for name, text in expected.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
    stale += [p.name for p in sorted(folder.glob("*.schema.json")) if p.name not in expected]
    return stale


def write_schemas(folder: Path) -> list[str]:
    """Rewrite the schemas in `folder`; return the names that changed."""
    changed = stale_schemas(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for p in folder.glob("*.schema.json"):
        p.unlink()
    for name, text in render_schemas().items():
        (folder / name).write_text(text, encoding="utf-8")
    return changed

"""JSON Schemas of the data files, exported from the models into data/schema/.

A text's schema lists the languages of data/languages.yml, so an editor asks for each of them.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

from plandocs.loader import read_capped
from plandocs.model.common import PIN
from plandocs.registry import FAMILIES, LANGUAGES
from plandocs.yamlsource import read_source

PIN_PATTERN = "^[0-9a-f]{8}$"


def configured_languages(data_dir: Path) -> tuple[str, ...]:
    """Return the language codes of `data_dir`/languages.yml (empty if it does not load)."""
    read = read_capped(data_dir / LANGUAGES.file)  # never through a link, never unbounded
    source = read_source(LANGUAGES.file, read[0], size=read[1]) if read else None
    if source is None or source.problems:
        return ()
    try:
        return LANGUAGES.model.model_validate(source.data).codes  # type: ignore[attr-defined,no-any-return]
    except ValueError:
        return ()


def text_schema(languages: tuple[str, ...]) -> dict[str, Any]:
    """Return the schema of a text: one string a language, and a pin for each translation."""
    properties: dict[str, Any] = {
        code: {"type": "string", "minLength": 1, "description": f"the text in `{code}`"}
        for code in languages
    }
    for code in languages[1:]:
        properties[f"{code}{PIN}"] = {
            "type": "string",
            "pattern": PIN_PATTERN,
            "description": f"fingerprint of the `{languages[0]}` text this `{code}` text "
            "was translated from (written by `make accept FIELD='FILE:FIELD'`)",
        }
    return {
        "type": "object",
        "title": "Text",
        "description": "A text in every language of data/languages.yml.",
        "properties": properties,
        "required": list(languages),
        "additionalProperties": False,
    }


def render_schemas(languages: tuple[str, ...]) -> dict[str, str]:
    """Return every schema as file name -> JSON text (the models do not change while a process
    runs: each language's build reuses the first one's)."""
    return dict(_rendered(languages))


@functools.cache
def _rendered(languages: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}
    for family in FAMILIES:
        schema = family.model.model_json_schema()
        if "Text" in schema.get("$defs", {}):
            schema["$defs"]["Text"] = text_schema(languages)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        schema["title"] = f"data/{family.file}"
        out[family.schema] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return tuple(out.items())


def stale_schemas(folder: Path, languages: tuple[str, ...]) -> list[str]:
    """Return the schema files in `folder` that are missing, outdated or no longer produced."""
    expected = render_schemas(languages)
    stale = [
        name
        for name, text in expected.items()
        if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text
    ]
    stale += [p.name for p in sorted(folder.glob("*.schema.json")) if p.name not in expected]
    return stale


def write_schemas(folder: Path, languages: tuple[str, ...]) -> list[str]:
    """Rewrite the schemas in `folder`; return the names that changed."""
    changed = stale_schemas(folder, languages)
    folder.mkdir(parents=True, exist_ok=True)
    for p in folder.glob("*.schema.json"):
        p.unlink()
    for name, text in render_schemas(languages).items():
        (folder / name).write_text(text, encoding="utf-8")
    return changed

"""Every language of data/languages.yml is built: mkdocs.yml's i18n plugin lists the same
languages, the source language as the default, each one built.

Without this check a language complete in data/ but missing from mkdocs.yml was dropped
silently (while its calendar was still published), and one listed only in mkdocs.yml had no
generated pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from plandocs.loader import read_capped
from plandocs.model.languages import Languages
from plandocs.problems import Problem, excerpt
from plandocs.yamlsource import SourceFile


@dataclass(frozen=True)
class BuiltLanguage:
    """One entry of the i18n plugin's `languages` in mkdocs.yml, and where it is."""

    code: str
    line: int
    column: int
    field: str
    default: bool
    build: bool


class _Composer(yaml.SafeLoader):
    """Composes mkdocs.yml into nodes (with their positions) without constructing any value,
    so its `!ENV` and `!!python/…` tags are never run."""


def built_languages(config: Path, name: str) -> tuple[list[BuiltLanguage], list[Problem]]:
    """Return the languages mkdocs.yml builds (i18n plugin), or the problem that prevents
    reading them."""
    read = read_capped(config)
    if read is None:
        return [], [Problem(name, 1, 1, "", "missing: the site's languages are listed there")]
    try:
        root = yaml.compose(read[0].decode("utf-8"), Loader=_Composer)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        return [], [Problem(name, 1, 1, "", f"does not read: {excerpt(str(error), 120)}")]
    plugins = _get(root, "plugins")
    i18n = None
    if isinstance(plugins, yaml.SequenceNode):
        i18n = next((_get(item, "i18n") for item in plugins.value if _get(item, "i18n")), None)
    listed = _get(i18n, "languages")
    if not isinstance(listed, yaml.SequenceNode):
        message = "no `languages` of the i18n plugin: the site's languages are listed there"
        return [], [Problem(name, 1, 1, "plugins.i18n", message)]
    found: list[BuiltLanguage] = []
    for index, entry in enumerate(listed.value):
        locale = _get(entry, "locale")
        if not isinstance(locale, yaml.ScalarNode):
            continue
        found.append(
            BuiltLanguage(
                code=str(locale.value),
                line=locale.start_mark.line + 1,
                column=locale.start_mark.column + 1,
                field=f"plugins.i18n.languages[{index}].locale",
                default=_flag(entry, "default", default=False),
                build=_flag(entry, "build", default=True),
            )
        )
    return found, []


def _get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    """Return the value of `key` in a mapping node (None if not a mapping or no such key)."""
    if not isinstance(node, yaml.MappingNode):
        return None
    return next(
        (v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None
    )


def _flag(entry: yaml.Node, key: str, *, default: bool) -> bool:
    value = _get(entry, key)
    if not isinstance(value, yaml.ScalarNode):
        return default
    return str(value.value).lower() in ("true", "yes", "on")


def language_problems(
    config: Path, config_name: str, languages: Languages, source: SourceFile
) -> list[Problem]:
    """Return a problem for every language of data/ that mkdocs.yml does not build, every
    language mkdocs.yml builds that data/ does not have, and a default that is not the source
    language."""
    built, problems = built_languages(config, config_name)
    if problems:
        return problems
    codes = languages.codes
    by_code = {language.code: language for language in built}
    for index, code in enumerate(codes):
        entry = by_code.get(code)
        if entry is None:
            message = (
                f"language `{code}` is not built: add it to the `languages` of the i18n plugin "
                f'in {config_name} (CONTRIBUTING, "Adding a language")'
            )
            problems.append(source.problem(("languages", index, "code"), message))
        elif not entry.build:
            message = f"language `{code}` of data/languages.yml is not built (`build: false`)"
            problems.append(Problem(config_name, entry.line, entry.column, entry.field, message))
    for entry in built:
        if entry.code not in codes:
            message = (
                f"language `{excerpt(entry.code)}` is not in data/languages.yml: its pages would "
                "have no generated content; add it there, or remove it here"
            )
            problems.append(Problem(config_name, entry.line, entry.column, entry.field, message))
        elif entry.default != (entry.code == codes[0]):
            message = (
                f"the default language must be the source language `{codes[0]}` "
                f"(the first of data/languages.yml), and only it"
            )
            problems.append(Problem(config_name, entry.line, entry.column, entry.field, message))
    return problems

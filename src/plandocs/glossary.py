"""The glossary's check: a text whose source language uses a glossary term uses the term's
rendering in each translation; and the abbreviations each language's pages explain."""

from __future__ import annotations

from collections.abc import Iterable

from plandocs.model.glossary import Glossary
from plandocs.problems import Problem
from plandocs.translations import Tracked


def term_warnings(
    glossary: Glossary, tracked: Iterable[Tracked], source_code: str
) -> list[Problem]:
    """Return a warning, at the translation, for each one that leaves out the rendering of a
    term its source text uses outside the term's `except_in` phrases."""
    warnings = []
    for item in tracked:
        for term in glossary.terms:
            original, rendering = term.term(source_code), term.term(item.language)
            source = item.source
            for phrase in term.except_in:
                source = source.replace(phrase, "")
            if original in source and rendering.lower() not in item.translation.lower():
                message = (
                    f"the source text uses the glossary term `{original}`: write its rendering "
                    f"`{rendering}` (data/glossary.yml, `{term.id}`)"
                )
                at = item.translation_at
                warnings.append(
                    Problem(item.file, at.line, at.column, item.path, message, "warning")
                )
    return warnings


def abbreviations(glossary: Glossary, code: str) -> list[tuple[str, str]]:
    """Return (abbreviation, its expansion) in language `code`, for Markdown's `abbr`."""
    return [
        (term.term(code), term.expansion(code))
        for term in glossary.terms
        if term.expansion is not None
    ]

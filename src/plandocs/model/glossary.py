"""The glossary (data/glossary.yml): one rendering per term in every language, abbreviations."""

from __future__ import annotations

from pydantic import Field

from plandocs.model.common import Id, Model, Text


class Term(Model):
    """A term and how every language renders it; an abbreviation carries its expansion."""

    id: Id
    term: Text
    definition: Text | None = None
    expansion: Text | None = None
    except_in: list[str] = Field(
        default=[],
        description=(
            "phrases in the source language that contain the term but do not call for its "
            "rendering, e.g. `国际化标准` (international standards) for `国际化` "
            "(internationalisation); each must contain the term"
        ),
    )


class Glossary(Model):
    """Terms that every translation must render the same way."""

    terms: list[Term] = Field(min_length=1)

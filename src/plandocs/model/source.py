"""The source document (data/source.yml): what it is, where it comes from, and the verbatim
copy under data/source/ that the site shows and cites."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from plandocs.model.common import Model, Text

CopyPath = Annotated[str, StringConstraints(pattern=r"^source/[a-z0-9][a-z0-9._-]*\.md$")]


class SourceDocument(Model):
    """The Chinese document this site is built from, kept verbatim beside the data."""

    title: Text
    language: str = Field(pattern=r"^[a-z]{2,3}$", description="the language it is written in")
    date: dt.date = Field(description="the analysis date it states")
    scope: Text = Field(description="what it covers, in a sentence")
    provenance: Text = Field(description="where the copy comes from and how it is kept")
    file: CopyPath = Field(description="the verbatim copy, relative to data/")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the copy's bytes")

"""Contradictions of the source that no rule can compute (data/contradictions.yml): each with
what the source says, what it contradicts, and where the site shows it."""

from __future__ import annotations

from pydantic import Field

from plandocs.model.common import Id, Model, Text


class Place(Model):
    """Where a page of the site shows something: a generated page and, on it, an anchor."""

    page: Id = Field(description="a generated page, e.g. `plan` (report/plan)")
    anchor: Id | None = None


class Observation(Model):
    """A contradiction a reader of the source observed: what the source says, and against what."""

    id: Id
    title: Text
    text: Text
    place: Place


class Contradictions(Model):
    """Observed contradictions; computed ones are found from the other data files."""

    observed: list[Observation] = []

"""Models of the critical gap analysis (section 4)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from plandocs.model.common import Id, Model, Text

GapPriority = Literal["high", "medium"]


class Gap(Model):
    """A theory or toolchain gap with the points that describe it."""

    id: Id
    priority: GapPriority
    title: Text
    points: list[Text] = Field(min_length=1)


class GapCategory(Model):
    """Theory gaps or practical-toolchain gaps."""

    id: Literal["theory", "toolchain"]
    title: Text
    gaps: list[Gap] = Field(min_length=1)


class GapAnalysis(Model):
    """Section 4: gaps by category and priority."""

    categories: list[GapCategory] = Field(min_length=1)

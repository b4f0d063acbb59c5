"""Models of the benchmarking data: Wikipedia, universities, technology trends, CNCF projects."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from plandocs.model.common import Id, Item, Line, Model, Note, Percent, Priority, Stars, Text


class PrioritisedSuggestions(Model):
    """Improvement suggestions sharing one priority."""

    priority: Priority
    items: list[Text] = Field(min_length=1)


class CoverageArea(Model):
    """One technology area: how much Wikipedia covers and how much we cover, in percent.

    The gap (Wikipedia minus ours) is computed. `seed_gap` keeps the figure the seed typed,
    and `discrepancy` must explain it whenever it differs from the computed gap.
    """

    id: Id
    area: Text
    wikipedia: Percent
    ours: Percent
    priority: Priority
    seed_gap: float | None = Field(default=None, ge=-100, le=100)
    discrepancy: Note | None = None

    @property
    def gap(self) -> float:
        """Return Wikipedia's coverage minus ours: positive where Wikipedia is ahead."""
        return self.wikipedia - self.ours


class KeyGap(Model):
    """A critical gap named after a coverage area."""

    id: Id
    area: Id
    text: Text


class Wikipedia(Model):
    """Section 1: concept definitions and technology-stack coverage compared with Wikipedia."""

    strengths: list[Item] = Field(min_length=1)
    gaps: list[Item] = Field(min_length=1)
    suggestions: list[PrioritisedSuggestions] = Field(min_length=1)
    coverage: list[CoverageArea] = Field(min_length=1)
    key_gaps: list[KeyGap] = Field(min_length=1)


class GraphNode(Model):
    """A node of the research-focus comparison graph."""

    id: Id
    label: Text


class FocusLink(Model):
    """A dotted link from their focus to ours, labelled with what it compares."""

    source: Id
    target: Id
    label: Text


class FocusMap(Model):
    """MIT CSAIL's research focus next to ours: two roots, their children, and links."""

    theirs: GraphNode
    ours: GraphNode
    their_focus: list[GraphNode] = Field(min_length=1)
    our_focus: list[GraphNode] = Field(min_length=1)
    links: list[FocusLink] = Field(min_length=1)


class StarRating(Model):
    """One dimension rated 1-5 stars for the university and for us, with a note on the gap."""

    id: Id
    dimension: Text
    theirs: Stars
    ours: Stars
    gap_note: Text


class FrontierPair(Model):
    """A frontier technology of the university and the technology of ours that answers it."""

    id: Id
    theirs: Text
    ours: Text


OpportunityKind = Literal["complementary", "collaboration"]


class Opportunities(Model):
    """Areas to work on together: `complementary` areas or `collaboration` opportunities."""

    kind: OpportunityKind
    items: list[Text] = Field(min_length=1)


class University(Model):
    """One benchmarked university. Only the parts the seed gives for it are present."""

    id: Id
    name: Text
    unit: Line
    focus_map: FocusMap | None = None
    ratings: list[StarRating] = []
    lessons: list[Item] = []
    their_strengths: list[Text] = []
    our_strengths: list[Text] = []
    opportunities: Opportunities | None = None
    frontier: list[FrontierPair] = []


class Universities(Model):
    """Section 2: MIT CSAIL, Stanford CS and Berkeley EECS."""

    universities: list[University] = Field(min_length=1)


class TrendItem(Model):
    """A product or topic on the trend mind map; `version` is kept apart from the name."""

    id: Id
    label: Text
    version: Line | None = None


class TrendGroup(Model):
    """A group of trend items, e.g. secure containers."""

    id: Id
    label: Text
    items: list[TrendItem] = Field(min_length=1)


class TrendBranch(Model):
    """A main branch of the mind map, e.g. container technology."""

    id: Id
    label: Text
    groups: list[TrendGroup] = Field(min_length=1)


Maturity = Literal["early", "developing", "mature"]
Adoption = Literal["low", "medium", "high"]
Trajectory = Literal["exploring", "steady-growth", "rapid-growth"]


class MaturityRow(Model):
    """A technology's maturity, adoption, trend and our readiness (1-5 stars)."""

    id: Id
    area: Text
    maturity: Maturity
    adoption: Adoption
    trend: Trajectory
    readiness: Stars


class Trends(Model):
    """Section 3.1: the 2024-2025 trend mind map and the maturity assessment."""

    root: Text
    branches: list[TrendBranch] = Field(min_length=1)
    maturity: list[MaturityRow] = Field(min_length=1)


class GraduatedProject(Model):
    """A CNCF graduated project, our coverage of it and what we miss."""

    id: Id
    name: Line
    coverage: Percent
    gaps: list[Text] = Field(min_length=1)


class TrackedProject(Model):
    """A CNCF project we track, with what it is for."""

    id: Id
    name: Line
    focus: Text


class Cncf(Model):
    """Section 3.2: CNCF graduated projects and the projects we track."""

    graduated: list[GraduatedProject] = Field(min_length=1)
    tracked: list[TrackedProject] = Field(min_length=1)
    tracked_note: Note | None = None

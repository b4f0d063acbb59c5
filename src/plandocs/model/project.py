"""Models of risks, continuous improvement, budget, team and references (sections 7 and A-C)."""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from plandocs.model.common import Id, Item, Level, Model, Text

People = Annotated[int, Field(ge=1, le=1000)]
Amount = Annotated[int, Field(ge=1, le=10**12)]


class FactorGroup(Model):
    """Key success factors of one kind (technical, team, management)."""

    id: Id
    title: Text
    factors: list[Item] = Field(min_length=1)


class PdcaStage(Model):
    """A stage of the Plan-Do-Check-Act cycle."""

    id: Literal["plan", "do", "check", "act"]
    title: Text
    steps: list[Text] = Field(min_length=1)


class IndicatorGroup(Model):
    """Improvement indicators of one kind (efficiency, quality, innovation)."""

    id: Id
    title: Text
    indicators: list[Text] = Field(min_length=1)


class Improvement(Model):
    """Sections 7.1 and 7.3: key success factors, the PDCA cycle and improvement indicators."""

    factors: list[FactorGroup] = Field(min_length=1)
    pdca: list[PdcaStage] = Field(min_length=4, max_length=4)
    indicators: list[IndicatorGroup] = Field(min_length=1)


class Risk(Model):
    """A risk: its `level` is the seed's grouping (high or medium risk) and ranks its impact."""

    id: Id
    title: Text
    level: Level
    impacts: list[Text] = Field(min_length=1)
    probability: Level
    mitigations: list[Text] = Field(min_length=1)
    contingency: Text


class Risks(Model):
    """Section 7.2: the risk register."""

    risks: list[Risk] = Field(min_length=1)


class Role(Model):
    """A team role: how many people, what they do, what experience they need."""

    id: Id
    title: Text
    count: People
    duties: list[Text] = Field(min_length=1)
    experience: list[Text] = Field(min_length=1)


class ExternalRole(Model):
    """A role the plan names as a task owner but the team table does not staff."""

    id: Id
    title: Text


class Team(Model):
    """Appendix B: the core team, external advisors, and owner roles outside the team table."""

    core: list[Role] = Field(min_length=1)
    advisors: list[Role] = Field(min_length=1)
    other_owners: list[ExternalRole] = []
    other_owners_note: Text | None = None

    OWNER_SECTIONS: ClassVar[tuple[str, ...]] = ("core", "advisors", "other_owners")
    """The lists whose roles may own a task, in the order an id is looked up."""

    @cached_property
    def owners(self) -> dict[str, Text]:
        """Return every role that may own a task: role id -> its title (first list wins).
        Computed once (the team is frozen): the plan asks for each task."""
        titles: dict[str, Text] = {}
        for section in self.OWNER_SECTIONS:
            for role in getattr(self, section):
                titles.setdefault(role.id, role.title)
        return titles


class BudgetLine(Model):
    """An amount; `role` and `count` tie a personnel line to a team role."""

    id: Id
    label: Text
    amount: Amount
    role: Id | None = None
    count: People | None = None


class BudgetGroup(Model):
    """Budget lines with the subtotal the seed states, checked against the computed one."""

    id: Id
    title: Text
    months: int | None = Field(default=None, ge=1, le=120)
    """How many months the amounts pay for, where the source says (shown with the title)."""
    period: Text | None = None
    """The period in words, where it is not a number of months (e.g. "as needed")."""
    lines: list[BudgetLine] = Field(min_length=1)
    stated_subtotal: Amount | None = None

    @model_validator(mode="after")
    def _one_period(self) -> BudgetGroup:
        if self.months is not None and self.period is not None:
            raise ValueError("give `months` or `period`, not both")
        return self

    @property
    def subtotal(self) -> int:
        """Return the sum of the group's lines."""
        return sum(line.amount for line in self.lines)


class BudgetCategory(Model):
    """Personnel, technical or other costs."""

    id: Id
    title: Text
    groups: list[BudgetGroup] = Field(min_length=1)
    stated_total: Amount | None = None

    @property
    def total(self) -> int:
        """Return the sum of the category's groups."""
        return sum(group.subtotal for group in self.groups)


class Budget(Model):
    """Appendix C: the budget in one currency, with the grand total the seed states."""

    currency: Literal["USD"]
    categories: list[BudgetCategory] = Field(min_length=1)
    stated_total: Amount

    @property
    def total(self) -> int:
        """Return the sum of every category."""
        return sum(category.total for category in self.categories)


class ReferenceGroup(Model):
    """Academic, technical or standards references."""

    id: Id
    title: Text
    items: list[Text] = Field(min_length=1)


class References(Model):
    """Appendix A: reference resources."""

    groups: list[ReferenceGroup] = Field(min_length=1)

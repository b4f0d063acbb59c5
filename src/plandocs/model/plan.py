"""Models of the improvement plan (section 5): phases, workstreams, task groups and tasks."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from plandocs.model.common import Id, Model, Note, Text


class Task(Model):
    """A task with its owner (a team or external role id) and a duration, or `ongoing`.

    A task delivers something (`deliverable`) or aims at something (`target`), never both.
    """

    id: Id
    title: Text
    owner: Id
    weeks: int | None = Field(default=None, ge=1, le=52)
    ongoing: bool = False
    deliverable: Text | None = None
    target: Text | None = None

    @model_validator(mode="after")
    def _one_duration_one_outcome(self) -> Task:
        if (self.weeks is None) == (not self.ongoing):
            raise ValueError("give exactly one of `weeks` or `ongoing: true`")
        if (self.deliverable is None) == (self.target is None):
            raise ValueError("give exactly one of `deliverable` or `target`")
        return self


class TaskGroup(Model):
    """Tasks under one heading, e.g. "priority 1 - theory deepening"."""

    id: Id
    title: Text
    priority: int | None = Field(default=None, ge=1, le=99)
    tasks: list[Task] = Field(min_length=1)


class Workstream(Model):
    """A block of task groups inside a phase, e.g. "internationalisation"."""

    id: Id
    title: Text
    groups: list[TaskGroup] = Field(min_length=1)


class Phase(Model):
    """A plan phase spanning months `start_month`..`end_month` after the plan start."""

    id: Id
    title: Text
    start_month: int = Field(ge=0, le=24)
    end_month: int = Field(ge=1, le=24)
    workstreams: list[Workstream] = Field(min_length=1)

    @property
    def tasks(self) -> list[Task]:
        """Return every task of the phase, in plan order."""
        return [
            task for stream in self.workstreams for group in stream.groups for task in group.tasks
        ]


class ResourceList(Model):
    """Learning resources of one kind."""

    id: Id
    title: Text
    items: list[Text] = Field(min_length=1)


class Plan(Model):
    """Section 5: the phased plan. `start` anchors every computed date."""

    start: dt.date = Field(ge=dt.date(2000, 1, 1), le=dt.date(2099, 12, 31))
    start_note: Note
    phases: list[Phase] = Field(min_length=1)
    learning_resources: list[ResourceList] = Field(min_length=1)


class Trigger(Model):
    """A condition that interrupts the plan."""

    id: Id
    title: Text
    text: Text


class TriggerCategory(Model):
    """Technical or business triggers, each with its recovery steps."""

    id: Literal["technical", "business"]
    title: Text
    triggers: list[Trigger] = Field(min_length=1)
    recovery_title: Text
    recovery: list[Trigger] = Field(min_length=1)


Weekday = Literal["mon", "tue", "wed", "thu", "fri"]


class Slot(Model):
    """A time slot of the week-1 timetable, `HH:MM` to `HH:MM`."""

    start: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    end: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    activity: Text

    @model_validator(mode="after")
    def _ends_after_start(self) -> Slot:
        if self.end <= self.start:
            raise ValueError(f"slot ends ({self.end}) before it starts ({self.start})")
        return self


class Day(Model):
    """A day of week 1 with its theme and slots."""

    day: Weekday
    theme: Text
    slots: list[Slot] = Field(min_length=1)


class Week(Model):
    """One of weeks 2-4: a theme and its work items."""

    week: int = Field(ge=2, le=52)
    theme: Text
    items: list[Text] = Field(min_length=1)


class TimedCheck(Model):
    """A daily checkpoint at a clock time."""

    time: str = Field(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
    text: Text


class WeeklyCheck(Model):
    """A weekly checkpoint on a weekday."""

    day: Weekday
    text: Text


class MonthlyCheck(Model):
    """A monthly checkpoint; `when` is absent where the seed gives no moment. The source's
    monthly checkpoint is at the end of the month (月末): the calendar puts every monthly
    item on the last working day of each month the plan runs through. `id` names it in the
    calendar."""

    id: Id
    when: Text | None = None
    text: Text


class Checkpoints(Model):
    """Section 6.3: daily, weekly and monthly checkpoints."""

    daily: list[TimedCheck] = Field(min_length=1)
    weekly: list[WeeklyCheck] = Field(min_length=1)
    monthly: list[MonthlyCheck] = Field(min_length=1)


class Execution(Model):
    """Section 6: interruption triggers and recovery, the week plans and checkpoints."""

    triggers: list[TriggerCategory] = Field(min_length=1)
    week1: list[Day] = Field(min_length=1)
    weeks: list[Week] = Field(min_length=1)
    checkpoints: Checkpoints


MetricUnit = Literal["percent", "score-of-5", "standard"]
SCALES: dict[str, tuple[float, float]] = {
    "percent": (0, 100),
    "score-of-5": (0, 5),
    "standard": (0, 1_000_000),
}
"""The values a metric can take in each unit."""
Direction = Literal["increase", "decrease", "at-least", "at-most", "reach"]


class Metric(Model):
    """A success metric: a `baseline` -> `target` in `unit`, or a change, or a threshold.

    - increase/decrease with a baseline: from baseline to target;
    - decrease/increase without a baseline: a relative change of `target` percent;
    - at-least/at-most: a threshold;
    - reach: a qualitative `target_text` (e.g. an enterprise security standard).
    """

    id: Id
    name: Text
    direction: Direction
    unit: MetricUnit
    baseline: float | None = None
    target: float | None = None
    target_text: Text | None = None

    @model_validator(mode="after")
    def _complete(self) -> Metric:
        if self.direction == "reach":
            if self.target_text is None:
                raise ValueError("a `reach` metric needs `target_text`")
        elif self.target is None:
            raise ValueError(f"a `{self.direction}` metric needs a numeric `target`")
        self._within_scale()
        if self.baseline is not None and self.target is not None:
            going_up = self.target > self.baseline
            if self.direction == "increase" and not going_up:
                raise ValueError("an `increase` metric needs target > baseline")
            if self.direction == "decrease" and going_up:
                raise ValueError("a `decrease` metric needs target < baseline")
        return self

    @property
    def change(self) -> tuple[float | None, float | None]:
        """Return the change the metric aims at: (target - baseline, that in percent of the
        baseline); with no baseline the target is itself a change in percent (negative for a
        decrease). Thresholds (`at-least`, `at-most`) and `reach` have none: (None, None)."""
        if self.direction not in ("increase", "decrease") or self.target is None:
            return None, None
        if self.baseline is None:
            return None, -self.target if self.direction == "decrease" else self.target
        difference = self.target - self.baseline
        return difference, difference / self.baseline * 100

    def _within_scale(self) -> None:
        low, high = SCALES[self.unit]
        if self.baseline is None and self.direction in ("increase", "decrease"):
            # The target is then a relative change in percent.
            low, high = 0, 100 if self.direction == "decrease" else 1000
            if self.target is not None and not low < self.target <= high:
                raise _out_of_range(
                    "target", f"a relative change above {low:g}% and at most {high:g}%"
                )
        for key in ("baseline", "target"):
            value = getattr(self, key)
            if value is not None and not low <= value <= high:
                raise _out_of_range(key, f"from {low:g} to {high:g} for a `{self.unit}` metric")
        if self.baseline == 0 and self.direction in ("increase", "decrease"):
            raise _out_of_range("baseline", "above 0: the relative change divides by it")


def _out_of_range(key: str, allowed: str) -> PydanticCustomError:
    return PydanticCustomError(
        "out_of_range", "must be {allowed}", {"key": key, "allowed": allowed}
    )


class MetricGroup(Model):
    """Technical or process metrics."""

    id: Id
    title: Text
    metrics: list[Metric] = Field(min_length=1)


class Metrics(Model):
    """Section 6.3: success metrics."""

    groups: list[MetricGroup] = Field(min_length=1)

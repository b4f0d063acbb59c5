"""Building blocks shared by every data family: bilingual text, ids, enums."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=64)]
"""A language-neutral identifier: lowercase ASCII, digits and hyphens. Used for anchors."""

Percent = Annotated[float, Field(ge=0, le=100)]
Stars = Annotated[int, Field(ge=1, le=5)]
Priority = Literal["high", "medium", "low"]
Level = Literal["high", "medium", "low"]


class Model(BaseModel):
    """Base of every data model: unknown keys are errors and instances are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Text(Model):
    """A human text in both languages. `en_status` leaves room for translation review."""

    zh: str
    en: str
    en_status: Literal["reviewed", "draft"] = "reviewed"

    @field_validator("zh", "en")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("translation is empty")
        return value

    def __call__(self, lang: Lang) -> str:
        """Return the text in `lang`."""
        return self.zh if lang == "zh" else self.en


class Item(Model):
    """A titled point with an optional explanation, e.g. a strength or a success factor."""

    id: Id
    title: Text
    text: Text | None = None


class Note(Model):
    """A recorded fact about the seed document itself, e.g. where it contradicts itself."""

    seed_says: str
    explanation: Text

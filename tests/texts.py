"""Every human text of a model, in one language, normalised as a browser shows it."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from plandocs.model.common import Text


def texts_of(model: BaseModel, lang: str) -> Iterator[str]:
    """Yield each Text value under `model` in `lang`, whitespace collapsed."""
    if isinstance(model, Text):
        yield " ".join(model(lang).split())
        return
    for name in type(model).model_fields:
        value = getattr(model, name)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, BaseModel):
                yield from texts_of(item, lang)

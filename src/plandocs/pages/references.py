"""The references page (`report/references`): the seed's reference resources, by group."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.render import anchors, blocks
from plandocs.render import markdown as md
from plandocs.render.locale import Lang


def render(data: Dataset, lang: Lang) -> str:
    """Return the references page in `lang`."""
    words = data.labels.references
    return md.join(
        md.heading(1, words.title(lang), "references"),
        md.inline(words.intro(lang)),
        *(
            blocks.titled_list(
                2, group.title(lang), anchors.references(group.id), blocks.texts(group.items, lang)
            )
            for group in data.references.groups
        ),
    )

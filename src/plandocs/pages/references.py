"""The references page (`report/references`): the seed's reference resources, by group."""

from __future__ import annotations

from plandocs.model import Dataset
from plandocs.model.common import Lang
from plandocs.model.project import ReferenceGroup
from plandocs.render import markdown as md
from plandocs.render.labels import t

TITLE = t("参考资源", "References")
INTRO = t(
    "原文附录A按学术、技术与标准三类列出参考资源。",
    "Appendix A of the source lists reference resources in three groups: academic, "
    "technical and standards.",
)


def anchor(group: ReferenceGroup) -> str:
    """Return the stable anchor of a reference group."""
    return f"refs-{group.id}"


def render_group(group: ReferenceGroup, lang: Lang) -> str:
    """Return one group's heading and its items as a list."""
    return md.join(
        md.heading(2, group.title(lang), anchor(group)),
        md.bullets(md.inline(item(lang)) for item in group.items),
    )


def render(data: Dataset, lang: Lang) -> str:
    """Return the references page in `lang`."""
    return md.join(
        md.heading(1, TITLE(lang), "references"),
        md.inline(INTRO(lang)),
        *(render_group(group, lang) for group in data.references.groups),
    )

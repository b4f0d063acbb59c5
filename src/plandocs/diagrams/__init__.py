"""Mermaid diagrams drawn to inline SVG at build time, so that pages need no Mermaid script.

- `mode`: which path a build takes (`PLANDOCS_DIAGRAMS` = auto, svg or client);
- `cache`: rendered SVGs on disk, keyed by source, Mermaid version and theme;
- `renderer`: one headless Chromium session that draws every diagram not in the cache;
- `inline`: the page HTML with each `<pre class="mermaid">` replaced by its SVG;
- `build`: the above for one build of the site (what the MkDocs hook calls).

Like the rest of `plandocs`, it knows nothing of MkDocs.
"""

from __future__ import annotations

from plandocs.diagrams.build import DiagramBuild, prepare_diagrams
from plandocs.diagrams.mode import DiagramError, DiagramMode, diagram_mode

__all__ = ["DiagramBuild", "DiagramError", "DiagramMode", "diagram_mode", "prepare_diagrams"]

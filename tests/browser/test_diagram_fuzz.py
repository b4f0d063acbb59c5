"""Every diagram builder, fed arbitrary Unicode labels, makes Mermaid text that the pinned
Mermaid parses, with exactly the data's items: no label becomes a directive, a comment, a
keyword or a second item, and none is lost.

The hostile datasets come from tests/strategies.py; all their diagrams are parsed in one batch
in one Chromium page (Mermaid's own parser, `getDiagramFromText`, as `mermaid.render` uses).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser

from plandocs.loader import load_dataset
from plandocs.model import Dataset
from plandocs.pages import (
    budget,
    cncf,
    execution,
    improvement,
    plan,
    trends,
    universities,
    wikipedia,
)
from plandocs.render.locale import Lang
from plandocs.site import languages
from tests.conftest import ROOT
from tests.strategies import hostile_datasets, write_dataset

# A failing example is a large dataset: let Hypothesis print it without warning about its size.
pytestmark = pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")

MERMAID = ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
FENCE = re.compile(r"```mermaid\n(.*?)\n```", re.DOTALL)

# In the page: parse each diagram, then read its items back from Mermaid's database, with
# Mermaid's entity placeholders decoded into the characters they stand for.
READ_BACK = """async diagrams => {
  const names = {quot: '"', amp: "&", lt: "<", gt: ">"};
  const decode = s => String(s)
    .replace(/\\ufb02\\u00b0\\u00b0(\\d+)\\u00b6\\u00df/g, (_, n) => String.fromCharCode(+n))
    .replace(/\\ufb02\\u00b0(\\w+)\\u00b6\\u00df/g, (_, n) => names[n] ?? "?")
    .replace(/\\s+/g, " ").trim();
  const tree = node => [node.descr, ...(node.children || []).flatMap(tree)];
  const out = [];
  for (const [kind, source] of diagrams) {
    try {
      const db = (await window.mermaid.mermaidAPI.getDiagramFromText(source)).db;
      let items;
      if (kind === "pie") items = [...db.getSections().keys()];
      else if (kind === "xychart") items = db.getXYChartData().xAxis.categories;
      else if (kind === "gantt") items = [...db.getSections(), ...db.getTasks().map(t => t.task)];
      else if (kind === "flowchart") {
        // A link between two subgraphs also registers them as vertices: leave those out.
        const groups = new Set(db.getSubGraphs().map(s => s.id));
        const nodes = [...db.getVertices().values()].filter(v => !groups.has(v.id));
        items = [...db.getSubGraphs().map(s => s.title), ...nodes.map(v => v.text)];
      }
      else if (kind === "mindmap") items = tree(db.getMindmap());
      else if (kind === "radar") items = [
        ...db.getAxes().map(a => a.label), ...db.getCurves().map(c => c.label)];
      out.push({items: items.map(decode)});
    } catch (error) {
      out.push({error: String(error.message || error).slice(0, 300)});
    }
  }
  return out;
}"""


def one_line(text: str) -> str:
    return " ".join(text.split())


def diagrams(data: Dataset, lang: Lang) -> Iterator[tuple[str, str, list[str]]]:
    """Yield (kind, Mermaid source, the items the data says it holds) for every diagram."""

    def fence(markdown: str) -> str:
        match = FENCE.search(markdown)
        assert match, markdown[:200]
        return match[1]

    yield (
        "pie",
        fence(budget.render_pie(data, lang)),
        [c.title(lang) for c in data.budget.categories],
    )
    yield "xychart", fence(cncf.render_chart(data, lang)), [p.name for p in data.cncf.graduated]
    areas = [a.area(lang) for a in data.wikipedia.coverage]
    yield "xychart", fence(wikipedia.render_chart(data, lang)), areas
    week1 = [f"{lang.weekday(d.day)} · {d.theme(lang)}" for d in data.execution.week1]
    week1 += [slot.activity(lang) for d in data.execution.week1 for slot in d.slots]
    yield "gantt", fence(execution.render_week1(data, lang)), week1
    timeline = [phase.title(lang) for phase in data.plan.phases]
    timeline += [task.title(lang) for phase in data.plan.phases for task in phase.tasks]
    yield "gantt", fence(plan.render_timeline(data, lang)), timeline
    words = data.labels.execution
    flow: list[str] = []
    for category in data.execution.triggers:
        flow += [category.title(lang), words.interrupt(lang)]
        flow += [trigger.title(lang) for trigger in category.triggers]
        flow += [step.title(lang) for step in category.recovery]
    yield "flowchart", fence(execution.render_flow(data, lang)), flow
    yield (
        "flowchart",
        fence(improvement.render_cycle(data, lang)),
        [stage.title(lang) for stage in improvement.stages(data)],
    )
    for university in data.universities.universities:
        focus = university.focus_map
        if focus is not None:
            nodes = [focus.theirs, *focus.their_focus, focus.ours, *focus.our_focus]
            source = fence(universities.render_focus_chart(focus, data.labels.universities, lang))
            yield "flowchart", source, [node.label(lang) for node in nodes]
        if university.ratings:
            source = fence(universities.render_ratings(university, data, lang))
            axes = [rating.dimension(lang) for rating in university.ratings]
            curves = [
                universities.heading_name(university, lang),
                data.labels.universities.ours(lang),
            ]
            yield "radar", source, axes + curves
    mind = [data.trends.root(lang)]
    for branch in data.trends.branches:
        mind.append(branch.label(lang))
        for group in branch.groups:
            mind.append(group.label(lang))
            mind += [trends.item_label(item, lang) for item in group.items]
    yield "flowchart", fence(trends.render_mindmap(data, lang)), mind


DATASETS = 4


def parse_in_chromium(browser: Browser, batch: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Return, for each (kind, source), the items Mermaid read, or its error."""
    page = browser.new_page()
    try:
        page.route("**/*", lambda route: route.abort())  # nothing may be fetched
        page.set_content("<!doctype html><html><body></body></html>")
        page.add_script_tag(path=str(MERMAID))
        page.evaluate("window.mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
        results: list[dict[str, Any]] = page.evaluate(READ_BACK, [list(item) for item in batch])
    finally:
        page.close()
    return results


# One example holding several datasets: every diagram is parsed in one batch, in the session's
# Chromium.
@settings(
    max_examples=1,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
@given(st.lists(hostile_datasets(), min_size=DATASETS, max_size=DATASETS))
def test_diagrams_of_hostile_data_parse_with_exactly_their_items(
    browser: Browser, raws: list[dict[str, Any]]
) -> None:
    expected: list[tuple[str, str, list[str]]] = []
    for raw in raws:
        with tempfile.TemporaryDirectory() as folder:
            write_dataset(raw, Path(folder))
            data = load_dataset(Path(folder))
        for lang in languages(data):
            expected += list(diagrams(data, lang))
    results = parse_in_chromium(browser, [(kind, source) for kind, source, _ in expected])
    failures = []
    for (kind, source, items), result in zip(expected, results, strict=True):
        want = sorted(one_line(item) for item in items)
        if "error" in result:
            failures.append(f"{kind} does not parse: {result['error']}\n{source}")
        elif sorted(result["items"]) != want:
            failures.append(f"{kind}: Mermaid read {sorted(result['items'])}, data has {want}")
    assert len(expected) >= DATASETS * 2 * 10  # ten diagrams a language
    assert failures == [], "\n\n".join(failures[:5])

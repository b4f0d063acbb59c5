"""Phone drawings of the diagrams (plandocs.diagrams.phone): which source each diagram gets,
and the gantt timeline drawn without Mermaid."""

from __future__ import annotations

import re

from plandocs.diagrams.build import with_phone_drawings
from plandocs.diagrams.cache import svg_id
from plandocs.diagrams.inline import Diagram
from plandocs.diagrams.phone import PHONE_MARK, phone_source, phone_timeline

GANTT = """gantt
    accTitle: Plan
    dateFormat YYYY-MM-DD
    todayMarker off
    section Short term#58; <br>phase 1
    Consensus #lt;analysis#gt; :task_a, 2025-01-06, 14d
    Toolchain :task_b, 2025-01-13, 7d
    section Long term
    Papers :task_c, 2025-02-03, 28d"""


def test_a_left_to_right_flowchart_runs_down_on_a_phone() -> None:
    for link in ("-.->", '-. "x" .->', "-->|x|", "==>"):
        phone = phone_source(f"flowchart LR\n    a --> b\n    a --> c\n    b {link} c")
        assert phone is not None, link
        assert phone.startswith("flowchart TB\n") and phone.endswith("\n" + PHONE_MARK), link


def test_a_tree_keeps_its_direction() -> None:
    tree = "flowchart LR\n    r((root))\n    a[a]\n    r --> a\n    b[b]\n    r --> b"
    assert phone_source(tree) == tree + "\n" + PHONE_MARK


def test_nodes_leading_to_one_node_stand_in_a_column() -> None:
    source = "\n".join(
        [
            "flowchart TB",
            '    subgraph g["G"]',
            *(f"    t{n} --> stop" for n in range(4)),
            "    end",
        ]
    )
    phone = phone_source(source)
    assert phone is not None
    assert re.findall(r"t\d ~~~ t\d", phone) == ["t0 ~~~ t1", "t1 ~~~ t2", "t2 ~~~ t3"]
    fan_out = (
        source.replace("--> stop", "<-- start")
        .replace("<-- start", "")
        .replace("    t", "    start --> t")
    )
    phone = phone_source(fan_out)
    assert phone is not None
    assert re.findall(r"t\d ~~~ t\d", phone) == ["t0 ~~~ t1", "t1 ~~~ t2", "t2 ~~~ t3"]


def test_other_types_keep_their_statements_and_gantt_has_its_own_drawing() -> None:
    assert phone_source('pie\n    "a" : 1') == 'pie\n    "a" : 1\n' + PHONE_MARK
    assert phone_source(GANTT) is None
    assert phone_source("sequenceDiagram\n    a->>b: hi") is None


def test_the_phone_timeline_shows_every_task_on_the_plans_span() -> None:
    svg = phone_timeline(GANTT, "diagram-x-phone")
    assert svg is not None and svg.startswith('<svg id="diagram-x-phone"')
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert texts == [
        "Short term: phase 1",
        "Consensus &lt;analysis&gt;",
        "Toolchain",
        "Long term",
        "Papers",
        "2025-01-06",
        "2025-03-02",
    ]
    bars = [
        (float(x), float(w))
        for x, w in re.findall(r'<rect[^>]*x="([\d.]+)"[^>]*width="([\d.]+)"', svg)
    ]
    assert bars[0][0] == 2.0  # the first task starts the span
    assert abs(bars[2][0] + bars[2][1] - 326) < 0.2  # the last ends it
    assert phone_timeline("pie\n    a : 1", "x") is None


def test_a_page_gets_each_phone_drawing_after_its_desktop_drawing() -> None:
    key = "0123456789abcdef0123"
    desktop = f'<svg id="{svg_id(key)}" role="img" aria-labelledby="cap"><g/></svg>'
    phone = Diagram("p", "diagram-fedcba987654", '<svg id="diagram-fedcba987654"><g/></svg>')
    page = f"<figure>{desktop}<figcaption id='cap'>C</figcaption></figure>"
    out = with_phone_drawings(page, {key: phone})
    assert out.index(desktop) < out.index('<svg id="diagram-fedcba987654"')
    assert 'aria-labelledby="cap"' in out.split(desktop)[1]
    assert with_phone_drawings(page, {}) == page

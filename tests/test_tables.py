"""Tables that reflow on a phone: every body cell labelled with its column's heading."""

from __future__ import annotations

from plandocs.tables import labelled_cells

TABLE = (
    "<table>\n<thead>\n<tr>\n<th>Task</th>\n<th>Owner <abbr title='x'>&amp;</abbr> "
    '"lead"</th>\n<th>Deliverable</th>\n</tr>\n</thead>\n<tbody>\n'
    '<tr>\n<td>One</td>\n<td><a href="#a">A</a></td>\n<td style="text-align: right">D1</td>\n'
    "</tr>\n<tr>\n<td>Two</td>\n<td>B</td>\n<td>D2</td>\n</tr>\n</tbody>\n</table>"
)


def test_each_cell_is_labelled_by_its_column() -> None:
    out = labelled_cells(f"<p>before</p>{TABLE}<p>after</p>")
    assert out.count('data-label="Task"') == 2
    assert out.count('data-label="Owner &amp; &quot;lead&quot;"') == 2
    assert '<td data-label="Deliverable" style="text-align: right">D1</td>' in out
    assert '<table data-reflow="">' in out
    assert out.startswith("<p>before</p>") and out.endswith("<p>after</p>")


def test_tables_without_a_header_row_and_labelled_cells_stay() -> None:
    bare = "<table><tbody><tr><td>x</td></tr></tbody></table>"
    assert labelled_cells(bare) == bare
    labelled = TABLE.replace("<td>One</td>", '<td data-label="Mine">One</td>')
    out = labelled_cells(labelled)
    assert 'data-label="Mine"' in out and out.count('data-label="Task"') == 1


def test_a_heading_cannot_break_out_of_the_attribute() -> None:
    hostile = TABLE.replace("<th>Task</th>", "<th>&quot;&gt;&lt;script&gt;x</th>")
    out = labelled_cells(hostile)
    assert 'data-label="&quot;&gt;&lt;script&gt;x"' in out
    assert "<script>" not in out

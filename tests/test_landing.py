"""Pages that land (issue 20): the front page's key figures against the source, each page's
takeaway, the source page as a document that its text cannot change, the glossary for readers,
the source linked once a section, search weights and the page-not-found pages."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import markdown
import pytest

from plandocs.model import Dataset
from plandocs.pages import glossary, home, source
from plandocs.registry import PAGES
from plandocs.search import not_found_pages
from plandocs.site import build_pages, languages, search_front_matter
from plandocs.sourcedoc import blocks, problems, sections
from plandocs.webpage import fill_file_sizes, link_source_mentions
from tests.conftest import ROOT, DataCopy

SOURCE = ROOT / "data" / "source" / "plan.zh.md"


def _part(text: str, start: str, end: str) -> str:
    """Return the source's text from the heading that starts with `start` to the next `end`."""
    first = text.index(start)
    return text[first : text.index(end, first + len(start))]


# The front page's figures, against the source --------------------------------------------------


def test_the_key_figures_are_the_sources(dataset: Dataset) -> None:
    """Each figure the front page shows is computed from data/ and is what the source says:
    read from the source's own text here, never typed in the test."""
    text = SOURCE.read_text(encoding="utf-8")
    found = home.figures(dataset)
    stated_total = re.search(r"总预算: \$([\d,]+)", text)
    assert stated_total is not None
    assert found.budget == int(stated_total[1].replace(",", ""))
    plan = _part(text, "## 🎯 第五部分", "\n## ")
    phases = re.findall(r"(?m)^### 5\.\d .*\((\d+)-(\d+)个月\)", plan)
    assert found.phases == len(phases) == len(dataset.plan.phases)
    assert found.months == int(phases[-1][1]) - int(phases[0][0]) + 1
    assert found.tasks == plan.count("负责人:")
    risks = _part(text, "#### 🚨 高风险项目", "\n#### ")
    assert found.high_risks == len(re.findall(r"(?m)^风险\d+:", risks))
    key_gaps = _part(text, "#### 🔴 关键差距分析", "\n---")
    named = re.findall(r"(?m)^\d+\. \*\*(.+?)\*\*", key_gaps)
    areas = {area.id: area.area("zh") for area in dataset.wikipedia.coverage}
    assert [areas[area] for area in found.key_gaps] == named
    # The plan's dates: from its start, as long as the source's months (within a week).
    assert found.start == dataset.plan.start
    assert abs((found.end - found.start).days + 1 - found.months * 365.25 / 12) < 7


def test_the_key_gaps_are_not_the_largest_computed_gaps(fixture_dataset: Dataset) -> None:
    """The front page names the source's key gaps (section 1.2), each linked to its place."""
    for lang in languages(fixture_dataset):
        shown = home.glance(fixture_dataset, lang)
        for gap in fixture_dataset.wikipedia.key_gaps:
            assert f"report/wikipedia.md#key-gap-{gap.id})" in shown
        assert shown.count("](report/") + shown.count("](report/") >= 6


def test_every_figure_links_to_its_page(fixture_dataset: Dataset) -> None:
    lang = languages(fixture_dataset)[1]
    shown = home.glance(fixture_dataset, lang)
    figures = home.figures(fixture_dataset)
    assert f"[{lang.money(figures.budget, figures.currency)}](report/budget.md)" in shown
    assert f"[{lang.number(figures.high_risks)}](report/risks.md)" in shown
    assert lang.dates(figures.start, figures.end) in shown
    assert shown.startswith('<div class="glance" markdown>')


# Every page opens with its takeaway ------------------------------------------------------------


def test_every_generated_page_opens_with_its_takeaway(fixture_dataset: Dataset) -> None:
    text = (ROOT / "tests" / "fixtures" / "data" / "source" / "plan.zh.md").read_text("utf-8")
    pages = build_pages(fixture_dataset, [], text, {})
    names = [family.name for family in PAGES] + ["source", "downloads", "translations"]
    for name in names:
        for lang in languages(fixture_dataset):
            page = pages[f"report/{name}.{lang.code}.md"]
            body = page.split("\n---\n", 1)[1]
            title, _, rest = body.partition("\n")
            lead = getattr(fixture_dataset.labels.leads, name)(lang)
            assert title.startswith("# "), name
            # The first paragraph after the title (a stale-translation note may come first).
            paragraphs = [p for p in rest.split("\n\n") if p.strip() and not p.startswith("!!!")]
            assert paragraphs[0].strip().endswith("{: .page-lead }"), (name, lang.code)
            assert paragraphs[0].strip().startswith(lead[:10]), (name, lang.code)


# The source page as a document -----------------------------------------------------------------


HOSTILE_SOURCE = """# 标题 <b>x</b>
## Title

## 📊 执行摘要 / [x](javascript:alert(1)) <script>alert(1)</script>

**粗体** **<i>加粗</i>** [链接](javascript:alert(2)) <img src=x onerror=alert(3)> *[HTML]: x

### 1.1 小节 / Section {#fake .cls}

#### 细节 `code`

| a | b |
|---|---|

## 📋 附录 / Appendix

### A. 参考资源 / References
"""


def _html(page: str) -> str:
    extensions = ["attr_list", "md_in_html", "toc", "abbr", "tables"]
    return str(markdown.markdown(page, extensions=extensions))


def test_the_source_text_cannot_make_links_or_html(fixture_dataset: Dataset) -> None:
    zh = languages(fixture_dataset)[0]
    html = _html(source.render(fixture_dataset, zh, HOSTILE_SOURCE))
    assert "javascript:" not in re.sub(r"&[a-z#0-9]+;", "", "".join(re.findall(r"<a [^>]*>", html)))
    assert (
        "<script" not in html and "<img" not in html and "<b>" not in html and "<abbr" not in html
    )
    assert "<strong>粗体</strong>" in html  # the source's bold, the only markup shown
    assert "<strong>&lt;i&gt;加粗&lt;/i&gt;</strong>" in html
    assert 'class="cls"' not in html and 'id="fake"' not in html
    # The text itself is all there, as text.
    assert "[x](javascript:alert(1))" in html.replace("&amp;", "&")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_source_page_has_headings_contents_and_its_anchors(fixture_dataset: Dataset) -> None:
    zh = languages(fixture_dataset)[0]
    html = _html(source.render(fixture_dataset, zh, HOSTILE_SOURCE))
    for anchor in ("source-contents", "source-text", "section-1-1", "appendix", "appendix-a"):
        assert f'id="{anchor}"' in html, anchor
    assert re.search(r'<h5 id="section-1-1-1">', html)  # the source's #### under 1.1
    contents = html[html.index('id="source-contents"') : html.index('id="source-text"')]
    assert contents.count('<a href="#') == len(sections(HOSTILE_SOURCE))


def test_a_deeper_heading_is_anchored_under_its_section() -> None:
    found = [(b.kind, b.anchor) for b in blocks(HOSTILE_SOURCE) if b.kind in ("heading", "title")]
    assert ("heading", "section-1-1-1") in found
    assert found[0] == ("title", "")


def _with_source(data_copy: DataCopy, text: str) -> None:
    """Replace the fixture's source copy, and its SHA-256 so that only the new rule speaks."""
    raw = text.encode("utf-8")
    (data_copy.folder / "source" / "plan.zh.md").write_bytes(raw)
    old = re.search(r"sha256: (\w+)", data_copy.text("source.yml"))
    assert old is not None
    data_copy.replace("source.yml", old[1], hashlib.sha256(raw).hexdigest())


def test_an_unclosed_code_fence_is_refused(data_copy: DataCopy) -> None:
    text = data_copy.text("source/plan.zh.md")
    fence = text.index("```yaml")
    line = text[:fence].count("\n") + 1
    closing = text.index("```\n", fence + 3)
    _with_source(data_copy, text[:closing] + text[closing + 4 :])
    assert data_copy.problems() == [
        f"data/source/plan.zh.md:{line}:1: this code fence is never closed: close it with ```"
    ]


@pytest.mark.parametrize("character", ["\u202e", "\x1b", "\x00", "\u200b", "\u2066"])
def test_control_and_direction_characters_are_refused(data_copy: DataCopy, character: str) -> None:
    text = data_copy.text("source/plan.zh.md")
    lines = text.split("\n")
    lines[5] = lines[5][:3] + character + lines[5][3:]
    _with_source(data_copy, "\n".join(lines))
    code = f"U+{ord(character):04X}"
    message = f"the source copy holds the control or invisible character {code}"
    assert data_copy.problems() == [f"data/source/plan.zh.md:6:4: {message}"]


def test_the_real_source_is_clean() -> None:
    assert problems(SOURCE.read_text(encoding="utf-8")) == []
    anchors = {section.anchor for section in sections(SOURCE.read_text(encoding="utf-8"))}
    # The anchors other pages link to: the appendices (mentions of 附录A…) and the parts.
    assert {"appendix-a", "appendix-b", "appendix-c", "part-1", "part-7"} <= anchors


# The glossary for readers ------------------------------------------------------------------------


def test_the_glossary_shows_both_terms_and_only_terms_with_a_meaning(
    fixture_dataset: Dataset,
) -> None:
    zh, en = languages(fixture_dataset)
    for lang, other in ((zh, en), (en, zh)):
        page = glossary.render(fixture_dataset, lang)
        for term in fixture_dataset.glossary.terms:
            anchor = f'id="term-{term.id}"'
            if term.definition is None and term.expansion is None:
                assert anchor not in page
                continue
            entry = page[page.index(anchor) :].split("\n:   ", 1)[0]
            if term.term(other.code) != term.term(lang.code):
                assert f'<span lang="{other.code}">' in entry, term.id
        assert "| " not in page  # a definition list, not a table
        assert "{#glossary-index}" in page


def test_the_glossary_index_lists_each_initial_once(fixture_dataset: Dataset) -> None:
    page = glossary.render(fixture_dataset, languages(fixture_dataset)[1])
    index = re.search(r'<p class="glossary-index" markdown>(.*)</p>', page)
    assert index is not None
    letters = re.findall(r"\[(.)\]\(#letter-", index[1])
    assert letters and len(letters) == len(set(letters)) == len(re.findall(r"(?m)^## . \{#", page))


# Say it once ----------------------------------------------------------------------------------


def test_the_source_is_linked_once_a_section(fixture_dataset: Dataset) -> None:
    words = fixture_dataset.labels.site
    mention = words.source_mention("zh")
    html = (
        f"<h2 id='a'>x</h2><p>{mention}，{mention}。</p><p>{mention}</p>"
        f"<h2 id='b'>y</h2><p>{mention}</p><h3>z</h3><p><code>{mention}</code> {mention}</p>"
    )
    linked = link_source_mentions(html, "report/plan/", fixture_dataset, "zh")
    sections_html = re.split(r"<h[23]", linked)
    assert [part.count('class="source-mention"') for part in sections_html] == [0, 1, 1, 1]


# Search, the not-found pages and the downloads ---------------------------------------------------


def test_reference_pages_weigh_less_in_search_than_the_pages_that_answer() -> None:
    def boost(name: str) -> float:
        found = re.search(r"boost: ([\d.]+)", search_front_matter(name))
        return float(found[1]) if found else 1.0

    assert boost("glossary") < boost("budget") < boost("cncf")
    assert boost("source") < 1 and boost("translations") < 1


def test_each_language_has_its_not_found_page_searching_its_own_index() -> None:
    page = '<script id="__config">{"base": "/site/", "x": 1}</script>'
    pages = not_found_pages({"zh": page, "en": page}, ("zh", "en"), "/site/")
    assert set(pages) == {"404.html", "en/404.html"}
    assert '"base": "/site/en/"' in pages["en/404.html"]
    assert '"base": "/site/"' in pages["404.html"]


def test_pdf_sizes_are_filled_in_the_pages_language(fixture_dataset: Dataset) -> None:
    page = '<span class="site-file-size" data-path="downloads/plan.en.pdf"></span>'
    filled = fill_file_sizes(page, {"downloads/plan.en.pdf": 123_456}, fixture_dataset, "en")
    assert "(123.5 kB)</span>" in filled
    big = fill_file_sizes(page, {"downloads/plan.en.pdf": 1_494_300}, fixture_dataset, "en")
    assert "(1.5 MB)</span>" in big
    assert fill_file_sizes(page, {}, fixture_dataset, "en") == page


def test_the_downloads_page_puts_the_pdf_and_the_readers_language_first(
    fixture_dataset: Dataset, tmp_path: Path
) -> None:
    from plandocs.pages import downloads

    files = {"calendar/plan.zh.ics": b"x", "calendar/plan.en.ics": b"y", "api/v1/plan.json": b"{}"}
    zh, en = languages(fixture_dataset)
    for lang, first in ((zh, "zh"), (en, "en")):
        page = downloads.render(fixture_dataset, lang, files, pdf=True)
        assert page.index("{#downloads-pdf}") < page.index("{#downloads-json}")
        assert page.index(f"plan.{first}.pdf") < page.index(
            "plan.", page.index(f"plan.{first}.pdf") + 5
        )
        assert page.index(f"plan.{first}.ics") < min(
            page.index(f"plan.{o}.ics") for o in ("zh", "en") if o != first
        )
        assert "(../schema/plan.schema.json)" in page


def test_a_term_written_alike_twice_in_a_language_is_refused(fixture_dataset: Dataset) -> None:
    from plandocs.model.glossary import Glossary
    from plandocs.rules import distinct_terms

    glossary = fixture_dataset.glossary
    assert list(distinct_terms(glossary)) == []
    first, second = glossary.terms[0], glossary.terms[1]
    twin = second.model_copy(update={"term": first.term})
    found = list(distinct_terms(Glossary(terms=[first, twin])))
    assert [(f.loc, f.message.split(":")[0]) for f in found] == [
        (
            ("terms", 1, "term", "zh"),
            f"`{first.term('zh')}` is already the `zh` of term `{first.id}`",
        ),
        (
            ("terms", 1, "term", "en"),
            f"`{first.term('en')}` is already the `en` of term `{first.id}`",
        ),
    ]


def test_each_page_gives_its_takeaway_as_its_description(fixture_dataset: Dataset) -> None:
    import yaml

    text = (ROOT / "tests" / "fixtures" / "data" / "source" / "plan.zh.md").read_text("utf-8")
    pages = build_pages(fixture_dataset, [], text, {})
    for lang in languages(fixture_dataset):
        for family in PAGES:
            page = pages[f"report/{family.name}.{lang.code}.md"]
            meta = yaml.safe_load(page.split("---\n")[1])
            lead = getattr(fixture_dataset.labels.leads, family.name)(lang)
            assert meta["social_description"] == lead, family.name


def test_a_description_cannot_break_out_of_the_front_matter(fixture_dataset: Dataset) -> None:
    import yaml

    from plandocs.site import page_meta

    hostile = 'a "quote"\n---\ntitle: x\n\u2028: <script>'
    leads = fixture_dataset.labels.leads
    text = leads.budget.model_copy(update={"root": {"zh": hostile, "en": hostile}})
    data = fixture_dataset.model_copy(
        update={
            "labels": fixture_dataset.labels.model_copy(
                update={"leads": leads.model_copy(update={"budget": text})}
            )
        }
    )
    meta = yaml.safe_load(page_meta(data, "budget", languages(data)[1]))
    assert meta == {"social_description": hostile}


def test_an_appendix_the_data_mentions_must_be_in_the_source(data_copy: DataCopy) -> None:
    # The fixture source has appendices A to C; a text that mentions appendix D links to an
    # anchor the source page would not have.
    old = re.search(r"en: (.*)\n", data_copy.text("references.yml"))
    assert old is not None
    data_copy.replace("references.yml", old[0], f"en: {old[1]} (Appendix D of the source)\n")
    assert data_copy.problems() == [
        "data/source/plan.zh.md:1:1: the pages link to `#appendix-d` (a text mentions "
        "appendix D), but the source has no heading for it"
    ]

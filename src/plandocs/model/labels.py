"""The words of the generated pages (data/labels.yml): headings, column names, sentence templates.

One model a page family, plus `common` for words several pages share. Every label is a Text,
so it is complete in every language; a template declares its placeholders, and every language
must use exactly those.
"""

from __future__ import annotations

from typing import Annotated, get_args

from pydantic import AfterValidator

from plandocs.model.analysis import GapPriority
from plandocs.model.benchmarks import Maturity, OpportunityKind, Trajectory
from plandocs.model.common import Level, Model, Priority, Text, complete, placeholders
from plandocs.model.plan import Direction

Name = Annotated[Text, placeholders("name")]
Number = Annotated[Text, placeholders("number")]
Value = Annotated[Text, placeholders("value")]
Range = Annotated[Text, placeholders("first", "last")]


def table_of(*enums: object) -> AfterValidator:
    """Return a validator: a label table covers every value of the given Literal types."""
    values: tuple[str, ...] = tuple(value for enum in enums for value in get_args(enum))
    return AfterValidator(complete(tuple(dict.fromkeys(values))))


class Columns(Model):
    """Column headings of one table, in the order the fields are declared."""

    def headers(self, lang: str) -> list[str]:
        """Return every heading in `lang`, in column order."""
        return [getattr(self, name)(lang) for name in type(self).model_fields]


class CommonWords(Model):
    """Words several pages share."""

    data_table: Text
    seed_note: Text
    seed_says: Text
    owner: Text
    duration: Text
    ongoing: Text
    deliverable: Text
    target: Text
    priority: Text
    points: Value
    values: Annotated[dict[str, Text], table_of(Level, Maturity, Trajectory)]
    priorities: Annotated[dict[str, Text], table_of(Priority)]
    our_heading: Text
    """Marks a heading the site adds where the source has none of its own."""


class CoverageColumns(Columns):
    area: Text
    wikipedia: Text
    ours: Text
    gap: Text
    priority: Text


class WikipediaWords(Model):
    title: Text
    concepts: Text
    strengths: Text
    gaps: Text
    suggestions: Text
    coverage: Text
    coverage_intro: Text
    chart: Text
    chart_description: Text
    series_wikipedia: Text
    series_ours: Text
    y_axis: Text
    columns: CoverageColumns
    note_link: Number
    note_title: Number
    notes: Text
    says: Annotated[Text, placeholders("quote")]
    key_gaps: Text


class UniversitiesWords(Model):
    title: Text
    intro: Text
    focus: Text
    focus_description: Text
    compared_on: Text
    ratings: Text
    ratings_chart: Name
    ratings_description: Text
    ours: Text
    gap_note: Text
    dimension: Text
    lessons: Text
    their_strengths: Name
    our_strengths: Text
    opportunities: Annotated[dict[str, Text], table_of(OpportunityKind)]
    frontier: Text
    their_frontier: Name
    our_answer: Text


class MaturityColumns(Columns):
    area: Text
    maturity: Text
    adoption: Text
    trend: Text
    readiness: Text


class TrendsWords(Model):
    title: Text
    map: Text
    map_intro: Text
    maturity: Text
    maturity_intro: Text
    chart: Text
    chart_description: Text
    maturity_axis: Text
    adoption_axis: Text
    columns: MaturityColumns


class GraduatedColumns(Columns):
    project: Text
    coverage: Text
    gaps: Text


class TrackedColumns(Columns):
    project: Text
    focus: Text


class CncfWords(Model):
    title: Text
    graduated: Text
    graduated_intro: Text
    chart: Text
    chart_description: Text
    y_axis: Text
    graduated_columns: GraduatedColumns
    tracked: Text
    tracked_columns: TrackedColumns


class GapColumns(Columns):
    category: Text
    priority: Text
    gap: Text


class GapsWords(Model):
    title: Text
    intro: Text
    summary: Text
    columns: GapColumns
    priorities: Annotated[dict[str, Text], table_of(GapPriority)]


class PhaseColumns(Columns):
    phase: Text
    months: Text
    start: Text
    end: Text
    weeks: Text


class PlanWords(Model):
    title: Text
    start: Text
    intro: Text
    timeline: Text
    timeline_description: Text
    timeline_data: Text
    overview: Text
    months_note: Text
    phase_columns: PhaseColumns
    task: Text
    dates: Text
    outcome: Text
    workstream: Text
    period: Text
    resources: Text
    months: Range
    week: Annotated[Text, placeholders("week")]
    weeks: Range


class ExecutionWords(Model):
    title: Text
    intro: Text
    flow: Text
    flow_description: Text
    interrupt: Text
    trigger: Text
    description: Text
    recovery: Text
    week1: Text
    week1_description: Text
    time: Text
    activity: Text
    later: Range
    week: Number
    checkpoints: Text
    daily: Text
    weekly: Text
    monthly: Text
    day: Text
    check: Text


class MetricColumns(Columns):
    metric: Text
    direction: Text
    baseline: Text
    target: Text
    change: Text


class MetricsWords(Model):
    title: Text
    intro: Text
    columns: MetricColumns
    directions: Annotated[dict[str, Text], table_of(Direction)]
    no_baseline: Text
    relative: Value
    reduction: Value
    growth: Value


class ImprovementWords(Model):
    title: Text
    factors: Text
    factors_intro: Text
    pdca: Text
    pdca_description: Text
    pdca_intro: Text
    indicators: Text
    indicators_intro: Text


class RiskColumns(Columns):
    id: Text
    risk: Text
    level: Text
    probability: Text


class RisksWords(Model):
    title: Text
    intro: Text
    chart: Text
    chart_description: Text
    level_axis: Text
    probability_axis: Text
    columns: RiskColumns
    impact: Text
    mitigations: Text
    contingency: Text
    details: Text


class SummaryColumns(Columns):
    category: Text
    amount: Text
    share: Text


class LineColumns(Columns):
    item: Text
    people: Text
    amount: Text
    share: Text


class CheckColumns(Columns):
    item: Text
    stated: Text
    computed: Text
    verdict: Text


class BudgetWords(Model):
    title: Text
    intro: Text
    overview: Text
    chart_description: Text
    summary_columns: SummaryColumns
    total: Text
    details: Text
    line_columns: LineColumns
    subtotal: Text
    checks: Text
    checks_intro: Text
    check_columns: CheckColumns
    equal: Text
    different: Text
    subtotal_of: Annotated[Text, placeholders("title")]
    total_of: Annotated[Text, placeholders("title")]
    grand_total: Text


class RoleColumns(Columns):
    role: Text
    people: Text
    duties: Text
    experience: Text
    tasks: Text


class TeamWords(Model):
    title: Text
    intro: Text
    core: Text
    advisors: Text
    others: Text
    others_intro: Text
    columns: RoleColumns
    total: Text
    headcount: Text
    headcount_value: Annotated[Text, placeholders("core", "advisors", "total")]


class ReferencesWords(Model):
    title: Text
    intro: Text


class SiteWords(Model):
    """Words of the site's own pages (the page-not-found page) and of what the build adds."""

    not_found: Text
    not_found_text: Text
    home_link: Text
    stale_marker: Text
    stale_page_title: Text
    stale_page: Annotated[Text, placeholders("source")]
    source_page: Text
    source_mention: Text
    updated: Annotated[Text, placeholders("date")]
    appendix_mention: Annotated[Text, placeholders("letter")]
    print_source_date: Annotated[Text, placeholders("date")]
    print_address: Annotated[Text, placeholders("address")]
    print_build_date: Annotated[Text, placeholders("date")]
    print_page_numbers: Annotated[Text, placeholders("page", "pages")]
    full_size_diagram: Text
    permalink: Text


class GlossaryWords(Model):
    title: Text
    intro: Text
    term: Text
    renderings: Text
    meaning: Text
    index: Text


class TranslationsWords(Model):
    title: Text
    intro: Text
    file: Text
    current: Text
    stale: Text
    missing: Text
    to_review: Text
    none_to_review: Text
    field: Text
    state: Text
    data_files: Text
    pages: Text


class SourceWords(Model):
    title: Text
    date: Text
    scope: Text
    provenance: Text
    fingerprint: Text
    text: Text
    elsewhere: Annotated[Text, placeholders("source")]
    sections: Text
    contents: Text


class ContradictionsWords(Model):
    title: Text
    intro: Text
    gaps: Text
    gap: Annotated[Text, placeholders("area", "typed", "computed")]
    ahead: Text
    ahead_item: Annotated[Text, placeholders("area", "computed")]
    roles: Text
    role_list: Text
    spans: Text
    span: Annotated[Text, placeholders("group", "months", "plan")]
    notes: Text
    observed: Text
    where: Text


class DownloadsWords(Model):
    title: Text
    intro: Text
    licence: Text
    json_files: Text
    csv: Text
    calendar: Text
    file: Text
    size: Text
    csv_note: Text
    pdf: Text
    pdf_intro: Text
    pdf_missing: Text
    schemas: Text


class ChangesWords(Model):
    """The changes page (`report/changes`) and the Atom feeds."""

    title: Text
    intro: Text
    no_history: Text
    shallow: Text
    date: Text
    file: Text
    record: Text
    change: Text
    commit: Text
    whole_file: Text
    kinds: Annotated[dict[str, Text], AfterValidator(complete(("added", "changed", "removed")))]
    feed: Text
    feed_title: Text
    feed_entry: Annotated[Text, placeholders("count", "files")]


class HomeWords(Model):
    """The captions of the front page's key figures."""

    budget: Text
    duration: Annotated[Text, placeholders("dates")]
    phases: Text
    tasks: Text
    high_risks: Text
    key_gaps: Text


class PageLeads(Model):
    """The takeaway each generated page opens with: what it shows and why it matters."""

    wikipedia: Text
    universities: Text
    trends: Text
    cncf: Text
    gaps: Text
    plan: Text
    execution: Text
    metrics: Text
    improvement: Text
    risks: Text
    budget: Text
    team: Text
    references: Text
    source: Text
    contradictions: Text
    glossary: Text
    downloads: Text
    translations: Text
    changes: Text


class Labels(Model):
    """Every word of the generated pages, one table a page family."""

    site: SiteWords
    common: CommonWords
    wikipedia: WikipediaWords
    universities: UniversitiesWords
    trends: TrendsWords
    cncf: CncfWords
    gaps: GapsWords
    plan: PlanWords
    execution: ExecutionWords
    metrics: MetricsWords
    improvement: ImprovementWords
    risks: RisksWords
    budget: BudgetWords
    team: TeamWords
    references: ReferencesWords
    glossary: GlossaryWords
    translations: TranslationsWords
    changes: ChangesWords
    source: SourceWords
    contradictions: ContradictionsWords
    downloads: DownloadsWords
    home: HomeWords
    leads: PageLeads

"""The exports (plandocs.exports): JSON a family, its index, CSV tables and iCalendar plans.

Exact values are worked out by hand from tests/fixtures/data/; the real data is checked by
properties (every JSON validates against its schema, every file parses).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from typing import Any

import icalendar
import pytest
from jsonschema import Draft202012Validator

from plandocs.exports import build_exports
from plandocs.exports.calendar import month_ends, plan_dates
from plandocs.loader import load_dataset
from plandocs.model import Dataset
from plandocs.registry import FAMILIES, Family
from plandocs.schedule import task_span
from plandocs.schema import render_schemas
from tests.conftest import DataCopy

STAMP = dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
SITE = "https://example.org/plan/"
Files = dict[str, bytes]


def build(data: Dataset) -> Files:
    return build_exports(data, generated_at=STAMP, site_url=SITE)


@pytest.fixture(scope="module")
def files(fixture_dataset: Dataset) -> Files:
    return build(fixture_dataset)


@pytest.fixture(scope="module")
def real_files(dataset: Dataset) -> Files:
    return build_exports(
        dataset, generated_at=STAMP, site_url="https://cms-benchmarking-plan.github.io/"
    )


def read_csv(files: Files, name: str) -> list[dict[str, str]]:
    text = files[f"csv/{name}.csv"].decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def events(files: Files, code: str) -> dict[str, Any]:
    """Return the VEVENTs of a calendar by UID (without the host)."""
    calendar = icalendar.Calendar.from_ical(files[f"calendar/plan.{code}.ics"])
    return {str(event["UID"]).split("@")[0]: event for event in calendar.walk("VEVENT")}


# The set of files -------------------------------------------------------------------------


def test_every_export_is_made(files: Files) -> None:
    api = [f"api/v1/{family.name}.json" for family in FAMILIES]
    tables = ["coverage", "ratings", "maturity", "cncf-graduated", "cncf-tracked", "gaps"]
    tables += ["phases", "tasks", "week1", "metrics", "risks", "budget", "team", "glossary"]
    expected = {*api, "api/v1/index.json", *(f"csv/{name}.csv" for name in tables)}
    expected |= {"calendar/plan.zh.ics", "calendar/plan.en.ics"}
    assert set(files) == expected


def test_the_same_input_gives_the_same_bytes(fixture_dataset: Dataset, files: Files) -> None:
    assert build(fixture_dataset) == files


def test_generated_at_is_written_in_utc(fixture_dataset: Dataset) -> None:
    beijing = dt.timezone(dt.timedelta(hours=8))
    moment = dt.datetime(2025, 1, 2, 11, 4, 5, 999, tzinfo=beijing)
    out = build_exports(fixture_dataset, generated_at=moment, site_url="https://example.org")
    risks = json.loads(out["api/v1/risks.json"])
    assert risks["generated_at"] == "2025-01-02T03:04:05Z"
    assert risks["schema"] == "https://example.org/schema/risks.schema.json"
    assert b"DTSTAMP:20250102T030405Z\r\n" in out["calendar/plan.en.ics"]


def test_a_naive_time_or_a_bad_site_url_is_refused(fixture_dataset: Dataset) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        build_exports(fixture_dataset, generated_at=dt.datetime(2025, 1, 2), site_url=SITE)
    with pytest.raises(ValueError, match="http"):
        build_exports(fixture_dataset, generated_at=STAMP, site_url="example.org/plan/")
    with pytest.raises(ValueError, match="http"):
        build_exports(fixture_dataset, generated_at=STAMP, site_url="https://example.org/?x=1")


# JSON -------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["files", "real_files"])
@pytest.mark.parametrize("family", FAMILIES, ids=lambda family: family.name)
def test_every_json_validates_against_its_schema(
    which: str, family: Family, request: pytest.FixtureRequest
) -> None:
    exported: Files = request.getfixturevalue(which)
    data: Dataset = request.getfixturevalue("fixture_dataset" if which == "files" else "dataset")
    body = json.loads(exported[f"api/v1/{family.name}.json"].decode("utf-8"))
    assert list(body) == ["schema_version", "generated_at", "schema", "licence", "data"]
    assert (body["schema_version"], body["licence"]) == (1, "CC BY 4.0")
    assert body["generated_at"] == "2025-01-02T03:04:05Z"
    assert body["schema"].endswith(f"/schema/{family.schema}")
    schema = json.loads(render_schemas(data.languages.codes)[family.schema])
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert [error.message for error in validator.iter_errors(body["data"])] == []


def test_json_keeps_the_model_order_and_the_texts(files: Files) -> None:
    text = files["api/v1/risks.json"].decode("utf-8")
    assert text.startswith('{\n  "schema_version": 1,\n')
    assert text.endswith("}\n")
    assert "<script>alert(1)</script> 技术复杂度" in text  # UTF-8, not \u escapes
    risk = json.loads(text)["data"]["risks"][0]
    assert list(risk) == [
        "id",
        "title",
        "level",
        "impacts",
        "probability",
        "mitigations",
        "contingency",
    ]
    assert risk["title"] == {
        "zh": "<script>alert(1)</script> 技术复杂度",
        "en": "<script>alert(1)</script> technical complexity",
        "en_pin": "5b61f2aa",
    }
    plan = json.loads(files["api/v1/plan.json"])
    assert plan["schema"] == "https://example.org/plan/schema/plan.schema.json"
    assert plan["data"]["start"] == "2025-01-06"
    assert plan["data"]["phases"][0]["workstreams"][0]["groups"][1]["priority"] is None


def test_the_index_lists_every_file_with_its_size_and_hash(files: Files) -> None:
    index = json.loads(files["api/v1/index.json"])
    assert (index["schema_version"], index["generated_at"]) == (1, "2025-01-02T03:04:05Z")
    entries = {entry["path"]: entry for entry in index["files"]}
    assert set(entries) == set(files) - {"api/v1/index.json"}
    for path, entry in entries.items():
        assert entry["url"] == f"{SITE}{path}"
        assert entry["size"] == len(files[path])
        assert entry["sha256"] == hashlib.sha256(files[path]).hexdigest()
    risks = entries["api/v1/risks.json"]
    assert (risks["family"], risks["media_type"]) == ("risks", "application/json")
    assert risks["schema"] == f"{SITE}schema/risks.schema.json"
    wikipedia = entries["api/v1/wikipedia.json"]
    assert wikipedia["schema"] == f"{SITE}schema/wikipedia.schema.json"
    tasks = entries["csv/tasks.csv"]
    assert (tasks["family"], tasks["schema"]) == (None, None)
    assert tasks["media_type"] == "text/csv; charset=utf-8; header=present"
    assert entries["calendar/plan.zh.ics"]["media_type"] == "text/calendar; charset=utf-8"


# CSV --------------------------------------------------------------------------------------


def test_csv_is_utf8_with_a_bom_and_crlf_rows(files: Files) -> None:
    # Excel on Windows reads a CSV without a byte-order mark in the system's code page.
    for path, body in files.items():
        if path.endswith(".csv"):
            assert body.startswith(b"\xef\xbb\xbf"), path
            assert body.count(b"\xef\xbb\xbf") == 1, path
            assert body.endswith(b"\r\n"), path
    header = files["csv/coverage.csv"].removeprefix(b"\xef\xbb\xbf").split(b"\r\n")[0]
    assert header == b"id,area_zh,area_en,wikipedia,ours,gap,priority,seed_gap"


def test_coverage_rows_with_the_computed_gap(files: Files) -> None:
    rows = read_csv(files, "coverage")
    figures = [(r["id"], r["wikipedia"], r["ours"], r["gap"], r["seed_gap"]) for r in rows]
    assert figures == [
        ("containers", "95", "90", "5", "5"),
        ("service-mesh", "85", "90", "-5", "5"),
        ("serverless", "80", "80", "0", "5"),
        ("edge", "75.5", "70", "5.5", ""),
    ]
    for row in rows:
        assert float(row["gap"]) == float(row["wikipedia"]) - float(row["ours"])
    assert rows[1]["area_en"] == 'Service mesh "Istio"; #1'
    assert rows[1]["area_zh"] == '服务网格 "Istio"; #1'
    assert [row["priority"] for row in rows] == ["medium", "high", "low", "medium"]


def test_tasks_rows_with_their_computed_dates(files: Files, fixture_dataset: Dataset) -> None:
    rows = read_csv(files, "tasks")
    # The plan starts on Monday 2025-01-06; phase 1 is weeks 1-13, phase 2 weeks 14-26.
    assert [
        (r["id"], r["weeks"], r["ongoing"], r["first_week"], r["last_week"], r["start"], r["end"])
        for r in rows
    ] == [
        ("consensus", "2", "false", "1", "2", "2025-01-06", "2025-01-19"),
        ("toolchain-setup", "1", "false", "1", "1", "2025-01-06", "2025-01-12"),
        ("maintain", "", "true", "1", "13", "2025-01-06", "2025-04-06"),
        ("advisory-review", "", "true", "14", "26", "2025-04-07", "2025-07-06"),
        ("post-quantum", "13", "false", "14", "26", "2025-04-07", "2025-07-06"),
    ]
    plan = fixture_dataset.plan
    spans = [task_span(plan, phase, task) for phase in plan.phases for task in phase.tasks]
    assert [(r["start"], r["end"]) for r in rows] == [
        (span.start.isoformat(), span.end.isoformat()) for span in spans
    ]
    first = rows[0]
    assert (first["phase"], first["workstream"], first["group"]) == (
        "short",
        "immediate",
        "theory-and-tools",
    )
    assert (first["owner"], first["deliverable_en"], first["target_en"]) == (
        "theorist",
        "Paxos and Raft analysis | report",
        "",
    )
    assert rows[1]["target_zh"] == "可运行的 <原型>"
    assert rows[3]["title_en"] == 'Advisory review, "external"'
    assert rows[4]["title_zh"] == "后量子密码 \\ 集成"


def test_other_tables_read_back_one_row_an_item(files: Files) -> None:
    counts = {name: len(read_csv(files, name)) for name in ("ratings", "maturity", "gaps")}
    counts |= {name: len(read_csv(files, name)) for name in ("cncf-graduated", "cncf-tracked")}
    counts |= {name: len(read_csv(files, name)) for name in ("phases", "week1", "glossary")}
    assert counts == {
        "ratings": 2,  # only MIT is rated
        "maturity": 4,
        "gaps": 3,
        "cncf-graduated": 2,
        "cncf-tracked": 2,
        "phases": 2,
        "week1": 4,
        "glossary": 3,
    }
    ratings = read_csv(files, "ratings")
    assert [(r["university"], r["id"], r["theirs"], r["ours"]) for r in ratings] == [
        ("mit", "theoretical-depth", "5", "1"),
        ("mit", "practice", "3", "3"),
    ]
    assert ratings[1]["dimension_en"] == 'Practical_application "x" %% #2'
    gaps = read_csv(files, "gaps")
    assert [(r["category"], r["priority"], r["id"]) for r in gaps] == [
        ("theory", "medium", "edge-theory"),
        ("theory", "high", "ai-theory"),
        ("toolchain", "high", "tool-completeness"),
    ]
    graduated = read_csv(files, "cncf-graduated")
    assert graduated[0]["gaps_en"] == "Advanced scheduling | algorithms\nMulti-cluster; management"
    assert (graduated[1]["name"], graduated[1]["coverage"]) == ('Envoy "proxy" & co; #2', "84.5")
    phases = read_csv(files, "phases")
    assert [(r["id"], r["start"], r["end"], r["first_week"], r["last_week"]) for r in phases] == [
        ("short", "2025-01-06", "2025-04-06", "1", "13"),
        ("medium", "2025-04-07", "2025-07-06", "14", "26"),
    ]
    glossary = read_csv(files, "glossary")
    assert (glossary[1]["id"], glossary[1]["definition_en"]) == ("cncf", "")
    assert glossary[1]["expansion_en"] == "Cloud Native Computing Foundation"


def test_metrics_rows_with_the_computed_change(files: Files) -> None:
    rows = {row["id"]: row for row in read_csv(files, "metrics")}
    assert len(rows) == 8
    change = {key: (row["change"], row["change_percent"]) for key, row in rows.items()}
    assert change["start-time"] == ("", "-30")  # no baseline: a reduction by 30%
    assert change["throughput"] == ("", "20")
    assert change["security"] == change["completion"] == change["defects"] == ("", "")
    assert (change["theory-coverage"][0], change["incidents"][0]) == ("5", "-8")
    assert float(change["theory-coverage"][1]) == pytest.approx(5 / 90 * 100)
    assert float(change["satisfaction"][0]) == pytest.approx(1.0)
    assert float(change["satisfaction"][1]) == pytest.approx(1 / 3.5 * 100)
    assert float(change["incidents"][1]) == pytest.approx(-8 / 12 * 100)
    assert (rows["defects"]["baseline"], rows["defects"]["target"]) == ("8", "5")
    assert rows["security"]["target_text_zh"] == "企业级安全标准（ISO 27001）"


def test_risks_budget_and_team_rows(files: Files) -> None:
    risks = read_csv(files, "risks")
    assert [(r["id"], r["level"], r["probability"]) for r in risks] == [
        ("r1", "high", "medium"),
        ("r2", "medium", "low"),
        ("r3", "low", "high"),
        ("r4", "medium", "low"),
    ]
    assert risks[1]["title_en"] == 'Team skills "lacking" & turnover'
    budget = read_csv(files, "budget")
    assert [(r["category"], r["group"], r["id"], r["amount"], r["count"]) for r in budget] == [
        ("personnel", "core-team", "theorist", "20000", ""),
        ("personnel", "core-team", "developer", "30000", "2"),
        ("personnel", "advisors", "academic-advisor", "10000", "1"),
        ("personnel", "advisors", "industry-advisor", "7500", ""),
        ("technical", "cloud", "cluster", "3000", ""),
        ("technical", "cloud", "backup", "1200", ""),
    ]
    assert sum(int(row["amount"]) for row in budget) == 71_700  # the stated total
    assert {row["currency"] for row in budget} == {"USD"}
    assert [row["role"] for row in budget][-2:] == ["", ""]
    team = read_csv(files, "team")
    assert [(r["section"], r["id"], r["count"]) for r in team] == [
        ("core", "theorist", "1"),
        ("core", "developer", "2"),
        ("advisors", "academic-advisor", "1"),
        ("advisors", "industry-advisor", "1"),
        ("other_owners", "open-source-team", ""),
        ("other_owners", "standards-team", ""),
    ]


# iCalendar --------------------------------------------------------------------------------


def test_calendars_are_folded_crlf_text(files: Files) -> None:
    for code in ("zh", "en"):
        body = files[f"calendar/plan.{code}.ics"]
        assert body.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
        assert body.endswith(b"END:VCALENDAR\r\n")
        lines = body.split(b"\r\n")[:-1]
        assert all(b"\n" not in line and b"\r" not in line for line in lines)
        assert max(len(line) for line in lines) <= 75


def test_one_event_a_phase_task_and_checkpoint(files: Files) -> None:
    for code in ("zh", "en"):
        assert set(events(files, code)) == {
            "phase-short",
            "phase-medium",
            "task-consensus",
            "task-toolchain-setup",
            "task-maintain",
            "task-advisory-review",
            "task-post-quantum",
            "checkpoint-daily-0900",
            "checkpoint-weekly-fri",
            *(
                f"checkpoint-{check}-2025-{month:02}"
                for check in ("month-end-acceptance", "quality-assessment", "risk-analysis")
                for month in range(1, 7)
            ),
        }
    body = files["calendar/plan.en.ics"].decode("utf-8")
    assert len(re.findall(r"^BEGIN:VEVENT\r$", body, re.MULTILINE)) == 7 + 2 + 3 * 6


def test_phases_and_tasks_are_all_day_events(files: Files) -> None:
    en, zh = events(files, "en"), events(files, "zh")
    short = en["phase-short"]
    assert str(short["UID"]) == "phase-short@example.org"
    assert str(short["SUMMARY"]) == "Short term (months 1–3) | phase 1"
    assert short["DTSTAMP"].dt == STAMP
    # All-day: DTEND is the day after the last (2025-04-06).
    assert (short["DTSTART"].dt, short["DTEND"].dt) == (dt.date(2025, 1, 6), dt.date(2025, 4, 7))
    consensus = en["task-consensus"]
    assert (consensus["DTSTART"].dt, consensus["DTEND"].dt) == (
        dt.date(2025, 1, 6),
        dt.date(2025, 1, 20),
    )
    assert str(consensus["DESCRIPTION"]) == (
        "Deliverable: Paxos and Raft analysis | report\nOwner: Theory expert | formal methods"
    )
    assert str(zh["task-consensus"]["SUMMARY"]) == "%% 共识算法分析"
    assert str(zh["task-toolchain-setup"]["DESCRIPTION"]).startswith("目标：可运行的 <原型>")
    assert str(en["task-toolchain-setup"]["SUMMARY"]) == "Set up the toolchain: week 1; #2"
    assert str(en["task-post-quantum"]["SUMMARY"]) == "Post-quantum crypto \\ integration"
    assert en["task-post-quantum"]["DTEND"].dt == dt.date(2025, 7, 7)


def test_checkpoints_recur_over_the_plan(files: Files) -> None:
    en = events(files, "en")
    daily = en["checkpoint-daily-0900"]
    assert daily["DTSTART"].dt == dt.datetime(2025, 1, 6, 9, 0)  # floating: no zone
    assert "DTEND" not in daily
    assert daily["RRULE"]["FREQ"] == ["DAILY"]
    assert daily["RRULE"]["UNTIL"] == [dt.datetime(2025, 7, 6, 9, 0)]
    assert str(daily["SUMMARY"]) == "Progress check | stand-up"
    weekly = en["checkpoint-weekly-fri"]
    # The first Friday of the plan; the plan's last day is Sunday 2025-07-06.
    assert (weekly["DTSTART"].dt, weekly["DTEND"].dt) == (
        dt.date(2025, 1, 10),
        dt.date(2025, 1, 11),
    )
    assert (weekly["RRULE"]["FREQ"], weekly["RRULE"]["BYDAY"]) == (["WEEKLY"], ["FR"])
    assert weekly["RRULE"]["UNTIL"] == [dt.date(2025, 7, 6)]
    assert str(weekly["SUMMARY"]) == "Weekly summary; next week"
    # End of month (月末): the last working day of each month of the plan (6 Jan – 6 Jul
    # 2025): 31 May 2025 is a Saturday, so May's falls on Friday the 30th.
    ends = [(1, 31), (2, 28), (3, 31), (4, 30), (5, 30), (6, 30)]
    for month, day in ends:
        monthly = en[f"checkpoint-month-end-acceptance-2025-{month:02}"]
        assert (monthly["DTSTART"].dt, monthly["DTEND"].dt) == (
            dt.date(2025, month, day),
            dt.date(2025, month, day) + dt.timedelta(days=1),
        )
        assert "RRULE" not in monthly
        assert str(monthly["SUMMARY"]) == 'Accept the "results"'
        assert str(monthly["DESCRIPTION"]) == "End of month: last day"
    assert "DESCRIPTION" not in en["checkpoint-quality-assessment-2025-01"]
    assert str(events(files, "zh")["checkpoint-risk-analysis-2025-06"]["SUMMARY"]) == "+ 风险分析"


def test_calendar_uids_do_not_follow_list_order(data_copy: DataCopy) -> None:
    def summaries() -> dict[str, str]:
        found = events(build(load_dataset(data_copy.folder)), "en")
        return {uid: str(event["SUMMARY"]) for uid, event in found.items()}

    before = summaries()
    # Swap the two monthly items without a moment.
    text = data_copy.text("execution.yml")
    start, middle = (
        text.index("    - id: quality-assessment"),
        text.index("    - id: risk-analysis"),
    )
    first, second = text[start:middle], text[middle:]
    data_copy.write("execution.yml", text[:start] + second.rstrip("\n") + "\n" + first)
    assert summaries() == before  # each UID still names the same checkpoint


def test_month_ends_fall_on_the_last_working_day_of_each_month() -> None:
    ends = month_ends(dt.date(2025, 1, 6), dt.date(2026, 1, 4))
    assert len(ends) == 12
    for day in ends:
        assert day.weekday() < 5
        after = day + dt.timedelta(days=1)
        # Nothing but a weekend between it and the next month.
        while after.month == day.month:
            assert after.weekday() >= 5
            after += dt.timedelta(days=1)
    assert month_ends(dt.date(2025, 2, 1), dt.date(2025, 2, 27)) == []


HOSTILE = 'a; b, c \\ d "e"\nsecond line：共识；算法，测试\u2028' + "长" * 60


def test_hostile_text_survives_every_format(data_copy: DataCopy) -> None:
    yaml_text = HOSTILE.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    yaml_text = yaml_text.replace("\u2028", "\\u2028")
    data_copy.replace("plan.yml", "en: '%% Consensus analysis'", f'en: "{yaml_text}"')
    data_copy.replace("plan.yml", "zh: '%% 共识算法分析'", f'zh: "{yaml_text}"')
    data_copy.replace("execution.yml", "en: Progress check | stand-up", f'en: "{yaml_text}"')
    files = build(load_dataset(data_copy.folder))
    for code in ("zh", "en"):
        found = events(files, code)
        assert str(found["task-consensus"]["SUMMARY"]) == HOSTILE
        assert len(found) == 27  # nothing leaked into a property or an event of its own
    assert str(events(files, "en")["checkpoint-daily-0900"]["SUMMARY"]) == HOSTILE
    lines = files["calendar/plan.en.ics"].split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert all(line.decode("utf-8") for line in lines if line)  # no character split by a fold
    # As written (unfolded): `\`, `;`, `,` and the line break escaped; CJK punctuation as is.
    unfolded = files["calendar/plan.en.ics"].decode("utf-8").replace("\r\n ", "")
    escaped = 'a\\; b\\, c \\\\ d "e"\\nsecond line：共识；算法，测试\u2028' + "长" * 60
    assert f"\r\nSUMMARY;LANGUAGE=en:{escaped}\r\n" in unfolded
    task = read_csv(files, "tasks")[0]
    assert (task["title_zh"], task["title_en"]) == (HOSTILE, HOSTILE)
    assert len(read_csv(files, "tasks")) == 5
    plan = json.loads(files["api/v1/plan.json"])
    tasks = plan["data"]["phases"][0]["workstreams"][0]["groups"][0]["tasks"]
    assert tasks[0]["title"]["en"] == HOSTILE


# The real data ----------------------------------------------------------------------------


def test_every_real_export_parses(dataset: Dataset, real_files: Files) -> None:
    index = json.loads(real_files["api/v1/index.json"])
    assert {entry["path"] for entry in index["files"]} == set(real_files) - {"api/v1/index.json"}
    plan = dataset.plan
    tasks = [task for phase in plan.phases for task in phase.tasks]
    assert len(read_csv(real_files, "tasks")) == len(tasks)
    assert len(read_csv(real_files, "coverage")) == len(dataset.wikipedia.coverage)
    checks = dataset.execution.checkpoints
    months = len(month_ends(*plan_dates(dataset)))
    count = len(checks.daily) + len(checks.weekly) + len(checks.monthly) * months
    for code in dataset.languages.codes:
        found = events(real_files, code)
        assert len(found) == len(plan.phases) + len(tasks) + count
        lines = real_files[f"calendar/plan.{code}.ics"].split(b"\r\n")
        assert max(len(line) for line in lines) <= 75


@pytest.mark.parametrize(
    "typed",
    [
        *('=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\t=1+1"),
        *(" =1+1", "\u3000=1+1", "\uff1d1+1", "\uff0b1"),
    ],
)
def test_csv_text_cells_that_start_like_a_formula_are_made_inert(
    data_copy: DataCopy, typed: str
) -> None:
    data_copy.replace(
        "risks.yml", "en: 'Team skills \"lacking\" & turnover'", f"en: {json.dumps(typed)}"
    )
    rows = read_csv(build(load_dataset(data_copy.folder)), "risks")
    assert rows[1]["title_en"] == f"'{typed}"
    assert rows[1]["title_zh"] == '团队技能 "不足" & 流失'


def test_csv_numbers_stay_numbers(files: Files) -> None:
    """Negative figures start with `-` but are numbers, written bare (no `'`, no quotes)."""
    body = files["csv/coverage.csv"].decode("utf-8")
    assert ",-5," in body
    assert "'-5" not in body


def test_a_carriage_return_before_a_formula_is_made_inert_too() -> None:
    """The loader refuses a carriage return in a text; the cell writer holds anyway."""
    from plandocs.exports.csvfile import inert

    assert inert("\r=1+1") == "'\r=1+1"
    assert inert("plain text, = inside") == "plain text, = inside"

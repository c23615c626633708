"""The composer against a fixed history: counts, met and breached, zones, a week across New Year."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import Engine, insert
from sqlalchemy.orm import Session

from advisor_app.domain import CaseStatus
from advisor_app.drafts import DraftError
from advisor_app.drafts.composer import CaseFact, compose_week, week_bounds
from advisor_app.drafts.notes import add_note
from advisor_app.drafts.service import compose_draft
from advisor_app.drafts.templates import Templates
from advisor_app.obligations.usage import compared_weeks, usage_series, week_over_week
from advisor_app.obligations.weekly_updates import WeekError
from advisor_app.sla import ClockKind
from advisor_app.store import schema
from tests.unit.drafts.history import BERLIN, NOW, WEEK, account_id, berlin


def ids(cases: Iterable[CaseFact]) -> list[str]:
    return [case.remote_id for case in cases]


def test_week_bounds_are_local_midnights() -> None:
    start, end = week_bounds(WEEK, "Europe/Berlin")
    assert start == datetime(2026, 11, 15, 23, 0, tzinfo=UTC)
    assert end == datetime(2026, 11, 22, 23, 0, tzinfo=UTC)
    start, end = week_bounds("2026-W44", "Europe/Berlin")
    assert end - start == timedelta(days=7)
    start, end = week_bounds("2026-W43", "Europe/Berlin")  # contains Sunday 25 October: 7 days and an hour
    assert end - start == timedelta(days=7, hours=1)


def test_counts_by_severity_as_of_now(engine: Engine) -> None:
    with engine.connect() as connection:
        facts = compose_week(connection, account_id(engine, "berlin"), WEEK, NOW)
    assert not facts.complete
    assert facts.as_of == NOW.astimezone(BERLIN)
    assert sorted(ids(facts.opened)) == ["A", "C", "D", "E"]
    assert ids(facts.solved) == ["A"]
    assert sorted(ids(facts.active)) == ["B", "C", "D", "E"]
    assert ids(facts.waiting) == ["B"]
    assert facts.by_severity == {
        1: {"opened": 0, "solved": 0, "active": 0},
        2: {"opened": 2, "solved": 1, "active": 1},
        3: {"opened": 2, "solved": 0, "active": 3},
    }


def test_met_breached_and_at_risk_name_the_cases(engine: Engine) -> None:
    with engine.connect() as connection:
        facts = compose_week(connection, account_id(engine, "berlin"), WEEK, NOW)
    met = {(item.case.remote_id, item.kind) for item in facts.met}
    assert met == {("A", ClockKind.FIRST_RESPONSE), ("E", ClockKind.FIRST_RESPONSE)}
    [breach] = facts.breached
    assert breach.case.remote_id == "C" and breach.kind is ClockKind.FIRST_RESPONSE
    # 12 business hours from Tuesday 10:00 on 09:00-18:00: 8 on Tuesday, 4 on Wednesday.
    assert breach.at == datetime(2026, 11, 18, 13, 0, tzinfo=BERLIN)
    assert breach.at.tzinfo is not None and breach.at.utcoffset() == timedelta(hours=1)
    [risk] = facts.at_risk
    assert risk.case.remote_id == "D"
    assert risk.deadline == datetime(2026, 11, 20, 14, 0, tzinfo=BERLIN)


def test_a_finished_week_is_judged_at_its_end(engine: Engine) -> None:
    later = NOW + timedelta(days=20)
    with engine.connect() as connection:
        facts = compose_week(connection, account_id(engine, "berlin"), WEEK, later)
    assert facts.complete
    assert facts.as_of == datetime(2026, 11, 23, 0, 0, tzinfo=BERLIN)
    # D ran out Friday 14:00 within the week: breached, no longer at risk.
    assert {item.case.remote_id for item in facts.breached} == {"C", "D"}
    assert facts.at_risk == ()


def test_the_week_is_the_accounts_own(engine: Engine) -> None:
    """Monday 00:30 in Berlin is Sunday 16:30 in Denver: W47 in Berlin, W46 in Denver."""
    with engine.connect() as connection:
        denver_w47 = compose_week(connection, account_id(engine, "denver"), WEEK, NOW)
        denver_w46 = compose_week(connection, account_id(engine, "denver"), "2026-W46", NOW)
    assert ids(denver_w47.opened) == []
    assert ids(denver_w46.opened) == ["F"]
    assert denver_w46.opened[0].created_at.utcoffset() == timedelta(hours=-7)
    assert denver_w46.opened[0].created_at.hour == 16


def test_a_week_spanning_new_year(engine: Engine) -> None:
    later = datetime(2027, 1, 10, tzinfo=UTC)
    with engine.connect() as connection:
        facts = compose_week(connection, account_id(engine, "berlin"), "2026-W53", later)
        next_week = compose_week(connection, account_id(engine, "berlin"), "2027-W01", later)
    assert (facts.first_day, facts.last_day) == (date(2026, 12, 28), date(2027, 1, 3))
    assert ids(facts.opened) == ["G"]
    assert [(item.case.remote_id, item.at.year) for item in facts.met] == [("G", 2027)]
    assert ids(next_week.opened) == []
    assert "G" in ids(next_week.active)


def test_service_days_usage_and_flagged_notes(engine: Engine) -> None:
    berlin_id = account_id(engine, "berlin")
    with Session(engine) as session, session.begin():
        for day, half_days in ((date(2026, 11, 17), 3), (date(2026, 11, 10), 2)):
            session.add(
                schema.ServiceDayEntryRow(
                    account_id=berlin_id, day=day, half_days=half_days, kind="remote", created_at=NOW, updated_at=NOW
                )
            )
    add_note(engine, berlin_id, "Rollout moved to January", berlin(17, 9), flagged=True)
    add_note(engine, berlin_id, "Private: call them", berlin(17, 9))
    with engine.connect() as connection:
        facts = compose_week(connection, berlin_id, WEEK, NOW)
    days = facts.service_days
    assert (days.used_this_week, days.used_this_year, days.allotted, days.remaining) == (3, 5, 6, 1)
    # W47 is still running on Friday: usage compares the complete W46 with W45 (no data then).
    assert (facts.usage_weeks.week, facts.usage_weeks.previous) == ("2026-W46", "2026-W45")
    [usage] = facts.usage
    assert usage.metric == "active_users"
    assert usage.this_week == 100.0 and usage.previous_week is None and usage.change is None
    assert [note.body for note in facts.notes] == ["Rollout moved to January"]
    # Once W47 has ended, its draft compares W47 itself with W46.
    with engine.connect() as connection:
        later = compose_week(connection, berlin_id, WEEK, NOW + timedelta(days=3))
    assert (later.usage_weeks.week, later.usage_weeks.previous) == ("2026-W47", "2026-W46")
    [usage] = later.usage
    assert usage.this_week == 110.0 and usage.previous_week == 100.0
    assert usage.change == pytest.approx(0.10)


def test_usage_compares_complete_weeks_not_a_monday_with_a_whole_week(engine: Engine) -> None:
    """Flat usage: 100 a weekday, 35 a weekend day. On Monday of W48 the running week holds only
    a weekday, so its mean against W47's (weekend included) would read +23 %; the draft and the
    Usage tab both compare W47 with W46 and find no change."""
    berlin_id = account_id(engine, "berlin")
    first = date(2026, 11, 2)  # Monday of W45
    rows = [
        {
            "source": "test",
            "account_id": berlin_id,
            "metric": "logins",
            "day": first + timedelta(days=offset),
            "value": 35.0 if (first + timedelta(days=offset)).weekday() >= 5 else 100.0,
        }
        for offset in range(22)  # W45, W46, W47 and Monday of W48
    ]
    with engine.begin() as connection:
        connection.execute(insert(schema.usage_metrics), rows)
    monday = datetime(2026, 11, 23, 15, 0, tzinfo=BERLIN).astimezone(UTC)
    with engine.connect() as connection:
        facts = compose_week(connection, berlin_id, "2026-W48", monday)
        series = usage_series(connection, berlin_id)
    logins = next(change for change in facts.usage if change.metric == "logins")
    assert (facts.usage_weeks.week, facts.usage_weeks.previous) == ("2026-W47", "2026-W46")
    assert logins.this_week == pytest.approx(logins.previous_week) and logins.change == pytest.approx(0.0)
    naive = 100.0 / ((5 * 100.0 + 2 * 35.0) / 7) - 1
    assert naive > 0.2  # what comparing the partial week would have claimed
    # The Usage tab's rule, as of the account's today, gives the same figure.
    tab = {change.metric: change.change for change in week_over_week(series, compared_weeks(date(2026, 11, 23)))}
    assert tab["logins"] == logins.change
    english = compose_draft(engine, Templates(), berlin_id, "2026-W48", monday).markdown
    assert (
        "Daily averages of week 2026-W47 (2026-11-16 to 2026-11-22) against week 2026-W46"
        " (2026-11-09 to 2026-11-15), the last two complete weeks." in english
    )
    assert "| Metric (daily average) | 2026-W47 | 2026-W46 | Change |" in english
    assert "| logins | 81 | 81 | +0.0 % |" in english
    german = compose_draft(engine, Templates(), berlin_id, "2026-W48", monday, language="de").markdown
    assert (
        "Tagesmittel der Woche 2026-W47 (16.11.2026 bis 22.11.2026) gegenüber der Woche 2026-W46"
        " (09.11.2026 bis 15.11.2026), den letzten beiden vollständigen Wochen." in german
    )
    assert "| Kennzahl (Tagesmittel) | 2026-W47 | 2026-W46 | Änderung |" in german


def test_a_week_without_data_says_so(engine: Engine) -> None:
    quiet = account_id(engine, "quiet")
    with engine.connect() as connection:
        facts = compose_week(connection, quiet, WEEK, NOW)
    assert not facts.has_data
    for language, sentence in (
        ("en", "No cases, service days, usage figures or notes were recorded for this week."),
        ("de", "Für diese Woche wurden keine Fälle, Servicetage, Nutzungszahlen oder Notizen erfasst."),
    ):
        markdown = compose_draft(engine, Templates(), quiet, WEEK, NOW, language=language).markdown
        assert sentence in markdown
        assert "Quiet AG" in markdown


def test_the_rendered_draft_names_cases_and_local_times(engine: Engine) -> None:
    markdown = compose_draft(
        engine, Templates(), account_id(engine, "berlin"), WEEK, NOW, highlights="Go-live **done**"
    ).markdown
    assert "Go-live **done**" in markdown
    assert "#C Case C: first response due 2026-11-18 13:00 CET (target 12 h)" in markdown
    assert "#D Case D: first response due 2026-11-20 14:00 CET" in markdown
    assert "| Severity 2 | 2 | 1 | 1 |" in markdown
    german = compose_draft(engine, Templates(), account_id(engine, "berlin"), WEEK, NOW, language="de").markdown
    assert "#C Case C: Erstreaktion fällig 18.11.2026 13:00 CET (Ziel 12 h)" in german


def test_unknown_account_and_bad_week(engine: Engine) -> None:
    with engine.connect() as connection:
        with pytest.raises(DraftError, match="no account with id 999"):
            compose_week(connection, 999, WEEK, NOW)
        with pytest.raises(WeekError, match="2026 has weeks 1 to 53"):
            compose_week(connection, 1, "2026-W54", NOW)


def test_status_at_the_cut_not_now(engine: Engine) -> None:
    """A case solved after the week ended was still active in that week."""
    with engine.connect() as connection:
        facts = compose_week(connection, account_id(engine, "berlin"), "2026-W46", NOW)
    assert ids(facts.active) == ["B"]
    assert facts.active[0].status is CaseStatus.PENDING

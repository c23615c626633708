from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from advisor_app.domain import WeeklyUpdateState
from advisor_app.obligations.weekly_updates import (
    WeekError,
    WeekStatus,
    due_at,
    iso_week,
    parse_week,
    week_monday,
    week_status,
    weeks_in,
)


def test_weeks_spanning_a_new_year() -> None:
    assert iso_week(date(2026, 12, 31)) == "2026-W53"
    assert iso_week(date(2027, 1, 3)) == "2026-W53"
    assert iso_week(date(2027, 1, 4)) == "2027-W01"
    assert iso_week(date(2024, 12, 30)) == "2025-W01"
    assert week_monday("2025-W01") == date(2024, 12, 30)


def test_week_53_exists_only_in_long_years() -> None:
    assert weeks_in(2026) == 53 and weeks_in(2025) == 52
    assert parse_week("2026-W53") == (2026, 53)
    with pytest.raises(WeekError, match="2025 has weeks 1 to 52"):
        parse_week("2025-W53")
    for bad in ("2026-48", "2026-W4", "W48", "2026-W00"):
        with pytest.raises(WeekError):
            parse_week(bad)


def test_due_time_is_friday_17_00_in_the_account_zone() -> None:
    assert due_at("2026-W48", "Europe/Berlin") == datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
    assert due_at("2026-W48", "Asia/Tokyo") == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
    assert due_at("2026-W48", "America/Denver") == datetime(2026, 11, 28, 0, 0, tzinfo=UTC)
    # Summer time: the same wall-clock time is an hour earlier in UTC.
    assert due_at("2026-W27", "Europe/Berlin") == datetime(2026, 7, 3, 15, 0, tzinfo=UTC)
    # Week 53's Friday is New Year's Day.
    assert due_at("2026-W53", "UTC") == datetime(2027, 1, 1, 17, 0, tzinfo=UTC)


def test_states_of_a_week() -> None:
    due = datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
    before, after = datetime(2026, 11, 27, 15, 59, tzinfo=UTC), datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
    assert week_status(None, due, before) is WeekStatus.DUE
    assert week_status(None, due, after) is WeekStatus.OVERDUE
    assert week_status(WeeklyUpdateState.DRAFTED, due, before) is WeekStatus.DRAFTED
    assert week_status(WeeklyUpdateState.DRAFTED, due, after) is WeekStatus.OVERDUE
    assert week_status(WeeklyUpdateState.SENT, due, after) is WeekStatus.SENT
    assert week_status(WeeklyUpdateState.SKIPPED, due, after) is WeekStatus.SKIPPED

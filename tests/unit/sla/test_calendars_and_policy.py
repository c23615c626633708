"""The shipped region calendars (curated public holidays, editable) and the SLA policy data."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from advisor_app.domain.model import CaseStatus, Severity
from advisor_app.sla import (
    DEFAULT_CALENDAR_ID,
    BusinessCalendar,
    ClockKind,
    PolicyError,
    SlaPolicy,
    calendar_ids,
    load_calendar,
    load_policy,
)


def _open_on(calendar: BusinessCalendar, day: date, local: time = time(12)) -> bool:
    return calendar.is_open(datetime.combine(day, local, tzinfo=ZoneInfo(calendar.timezone)))


def test_every_region_calendar_ships() -> None:
    assert set(calendar_ids()) == {"us-mountain", "us-eastern", "uk", "de", "jp", "au", "24x7"}
    for calendar_id in calendar_ids():
        assert isinstance(load_calendar(calendar_id), BusinessCalendar)


def test_the_default_calendar_is_the_support_policys_business_hours() -> None:
    calendar = load_calendar(DEFAULT_CALENDAR_ID)
    assert calendar.timezone == "America/Denver"
    monday = datetime(2026, 11, 16, tzinfo=UTC)
    assert calendar.elapsed(monday, monday + timedelta(days=7)) == timedelta(hours=55)
    assert calendar.add(monday, 0) == datetime(2026, 11, 16, 14, tzinfo=UTC)  # 07:00 MST


def test_unknown_calendar_ids_raise_key_error() -> None:
    with pytest.raises(KeyError, match="unknown calendar 'mars'"):
        load_calendar("mars")


@pytest.mark.parametrize(
    ("calendar_id", "day"),
    [
        ("us-mountain", date(2026, 11, 26)),  # Thanksgiving
        ("us-mountain", date(2026, 7, 3)),  # Independence Day observed
        ("us-eastern", date(2026, 1, 19)),  # Martin Luther King Jr. Day
        ("uk", date(2026, 4, 6)),  # Easter Monday (England)
        ("uk", date(2026, 8, 31)),  # Late Summer Bank Holiday (England)
        ("de", date(2026, 5, 14)),  # Ascension Day
        ("jp", date(2026, 1, 12)),  # Coming of Age Day
        ("au", date(2026, 10, 5)),  # Labour Day (New South Wales)
        ("us-mountain", date(2035, 11, 22)),  # Thanksgiving, years ahead
        ("us-mountain", date(1999, 12, 24)),  # Christmas observed, years back
    ],
)
def test_public_holidays_are_closed(calendar_id: str, day: date) -> None:
    assert not _open_on(load_calendar(calendar_id), day)


@pytest.mark.parametrize(
    ("calendar_id", "day"),
    [
        ("us-mountain", date(2025, 10, 31)),  # Halloween: an observance, not a day off
        ("us-mountain", date(2025, 12, 24)),  # Christmas Eve
        ("us-mountain", date(2026, 2, 2)),  # Groundhog Day
        ("us-mountain", date(2026, 4, 3)),  # Good Friday is not a US public holiday
        ("jp", date(2026, 12, 31)),  # a bank holiday in Japan, not a public one
        ("de", date(2026, 11, 18)),  # Repentance Day: Saxony only
        ("uk", date(2026, 3, 17)),  # St Patrick's Day: Northern Ireland only
    ],
)
def test_observances_and_other_regions_days_stay_open(calendar_id: str, day: date) -> None:
    assert _open_on(load_calendar(calendar_id), day)


def _us(**holidays: Any) -> BusinessCalendar:
    return BusinessCalendar.from_spec(
        {
            "timezone": "America/Denver",
            "hours": {d: ["07:00-18:00"] for d in ("mon", "tue", "wed", "thu", "fri")},
            "holidays": {"country": "US", **holidays},
        }
    )


def test_holiday_sources_take_explicit_removals_and_additions() -> None:
    columbus, eve = date(2026, 10, 12), date(2026, 12, 24)
    assert not _open_on(_us(), columbus) and _open_on(_us(), eve)
    edited = _us(remove=["2026-10-12"], add=["2026-12-24"])
    assert _open_on(edited, columbus)
    assert not _open_on(edited, eve)
    assert edited.spec["holidays"] == {
        "country": "US",
        "subdiv": None,
        "add": ["2026-12-24"],
        "remove": ["2026-10-12"],
    }


def test_a_calendar_rebuilt_from_its_canonical_spec_is_equal() -> None:
    for calendar_id in calendar_ids():
        calendar = load_calendar(calendar_id)
        assert BusinessCalendar.from_spec(calendar.spec) == calendar


# -- policy


def test_the_shipped_policy_is_the_documented_default() -> None:
    policy = load_policy()
    assert policy == SlaPolicy()
    assert policy.enabled
    assert policy.pauses_clock(ClockKind.FOLLOW_UP, CaseStatus.PENDING)
    assert not policy.pauses_clock(ClockKind.FIRST_RESPONSE, CaseStatus.PENDING)
    assert policy.stop_statuses == {CaseStatus.SOLVED, CaseStatus.CLOSED}
    assert policy.around_the_clock == {Severity.CRITICAL}
    assert SlaPolicy.from_document(policy.to_document()) == policy


@pytest.mark.parametrize(
    ("target_hours", "at_risk_after_hours"),
    [(8, 6), (2, 1), (3, 2), (72, 54), (0.5, 0)],  # 75 % consumed, or one business hour left
)
def test_the_at_risk_threshold(target_hours: float, at_risk_after_hours: float) -> None:
    hour = 3_600_000_000
    assert load_policy().at_risk_threshold_us(round(target_hours * hour)) == round(at_risk_after_hours * hour)


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ({"pauses": {"follow_up": ["waiting"]}}, "pauses.follow_up[0]"),
        ({"pauses": {"resolution": []}}, "pauses.resolution"),
        ({"pauses": {"follow_up": ["solved"]}}, "pauses.follow_up"),
        ({"stop_statuses": "solved"}, "stop_statuses"),
        ({"around_the_clock_severities": [4]}, "around_the_clock_severities"),
        ({"at_risk": {"consumed_share": 1.5}}, "at_risk.consumed_share"),
        ({"at_risk": {"business_hours_left": -1}}, "at_risk.business_hours_left"),
        ({"enabled": "yes"}, "enabled"),
        ({"pause": {}}, "pause"),
    ],
)
def test_malformed_policies_are_rejected_naming_the_field(document: dict[str, Any], field: str) -> None:
    with pytest.raises(PolicyError) as caught:
        SlaPolicy.from_document(document)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")

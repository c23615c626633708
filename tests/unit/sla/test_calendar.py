"""Business-time arithmetic: the rules of SLA.md, one by one, and the calendar spec."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from advisor_app.sla import ALWAYS_OPEN, BusinessCalendar, CalendarSpecError, load_calendar

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
EVERY_DAY = (*WEEKDAYS, "sat", "sun")
NEW_YORK = ZoneInfo("America/New_York")


def spec(timezone: str, window: str | list[str], days: tuple[str, ...] = WEEKDAYS, **extra: Any) -> dict[str, Any]:
    windows = [window] if isinstance(window, str) else window
    return {"timezone": timezone, "hours": {day: list(windows) for day in days}, **extra}


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def ny(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=NEW_YORK)


# -- rule 1: days are 23 or 25 hours long; gaps move forward, ambiguous times come first


def test_a_spring_forward_day_has_23_hours() -> None:
    calendar = BusinessCalendar.from_spec(spec("America/New_York", "00:00-24:00", EVERY_DAY))
    assert calendar.elapsed(ny(2024, 3, 10), ny(2024, 3, 11)) == timedelta(hours=23)
    assert calendar.elapsed(ny(2024, 3, 9), ny(2024, 3, 10)) == timedelta(hours=24)


def test_a_fall_back_day_has_25_hours() -> None:
    calendar = BusinessCalendar.from_spec(spec("America/New_York", "00:00-24:00", EVERY_DAY))
    assert calendar.elapsed(ny(2024, 11, 3), ny(2024, 11, 4)) == timedelta(hours=25)


def test_a_window_across_the_gap_is_shorter_by_the_gap() -> None:
    calendar = BusinessCalendar.from_spec(spec("America/New_York", "01:00-04:00", ("sun",)))
    assert calendar.elapsed(utc(2024, 3, 10), utc(2024, 3, 11)) == timedelta(hours=2)
    assert calendar.add(utc(2024, 3, 10), 60) == utc(2024, 3, 10, 7)  # 01:00 EST + 1 h = 03:00 EDT


def test_a_nonexistent_opening_moves_forward_by_the_gap() -> None:
    # 02:30 does not exist on 2024-03-10: it becomes 03:30 EDT (07:30Z).
    calendar = BusinessCalendar.from_spec(spec("America/New_York", "02:30-05:00", ("sun",)))
    assert calendar.add(utc(2024, 3, 10), 0) == utc(2024, 3, 10, 7, 30)
    assert calendar.elapsed(utc(2024, 3, 10), utc(2024, 3, 11)) == timedelta(hours=1, minutes=30)


def test_a_window_inside_the_gap_moves_forward_whole() -> None:
    calendar = BusinessCalendar.from_spec(spec("America/New_York", "02:00-02:59", ("sun",)))
    assert calendar.add(utc(2024, 3, 10), 0) == utc(2024, 3, 10, 7)  # 03:00 EDT
    assert calendar.elapsed(utc(2024, 3, 10), utc(2024, 3, 11)) == timedelta(minutes=59)


def test_a_window_whose_moved_opening_passes_its_closing_is_empty_that_day() -> None:
    # 02:30 becomes 03:30 EDT, after the (existing) 03:15 closing.
    calendar = BusinessCalendar.from_spec(spec("America/New_York", "02:30-03:15", ("sun",)))
    assert calendar.elapsed(utc(2024, 3, 10), utc(2024, 3, 11)) == timedelta(0)
    assert calendar.elapsed(utc(2024, 3, 17), utc(2024, 3, 18)) == timedelta(minutes=45)


def test_an_ambiguous_opening_takes_its_first_occurrence() -> None:
    calendar = BusinessCalendar.from_spec(spec("America/New_York", "01:00-01:30", ("sun",)))
    # 01:00 EDT is 05:00Z; its second occurrence (EST) would be 06:00Z.
    assert calendar.add(utc(2024, 11, 3), 15) == utc(2024, 11, 3, 5, 15)
    assert calendar.elapsed(utc(2024, 11, 3), utc(2024, 11, 4)) == timedelta(minutes=30)


def test_offsets_are_taken_per_date_not_once() -> None:
    """The same 09:00 opening is 14:00Z in winter and 13:00Z in summer."""
    calendar = BusinessCalendar.from_spec(spec("America/New_York", "09:00-17:00"))
    assert calendar.add(utc(2024, 1, 8), 0) == utc(2024, 1, 8, 14)
    assert calendar.add(utc(2024, 7, 8), 0) == utc(2024, 7, 8, 13)


def test_the_southern_hemisphere_changes_the_other_way() -> None:
    calendar = BusinessCalendar.from_spec(spec("Australia/Sydney", "09:00-17:00"))
    assert calendar.add(utc(2024, 1, 7, 12), 0) == utc(2024, 1, 7, 22)  # Monday 09:00 AEDT, UTC+11
    assert calendar.add(utc(2024, 7, 7, 12), 0) == utc(2024, 7, 7, 23)  # Monday 09:00 AEST, UTC+10


# -- rule 2: holidays remove whole local dates


def test_a_holiday_removes_the_local_date_in_the_calendar_zone() -> None:
    calendar = BusinessCalendar.from_spec(spec("Asia/Tokyo", "00:00-24:00", EVERY_DAY, holidays=["2026-01-01"]))
    # 2026-01-01 in Tokyo is 2025-12-31T15:00Z .. 2026-01-01T15:00Z.
    assert calendar.elapsed(utc(2025, 12, 31), utc(2026, 1, 2)) == timedelta(hours=15 + 9)
    assert calendar.add(utc(2025, 12, 31, 15), 0) == utc(2026, 1, 1, 15)


def test_a_holiday_on_a_dst_date_removes_that_dates_real_length() -> None:
    calendar = BusinessCalendar.from_spec(spec("America/New_York", "00:00-24:00", EVERY_DAY, holidays=["2024-11-03"]))
    assert calendar.elapsed(ny(2024, 11, 2), ny(2024, 11, 5)) == timedelta(hours=48)


# -- rules 3 and 4: outside hours, window ends, zero durations


@pytest.fixture
def berlin() -> BusinessCalendar:
    return BusinessCalendar.from_spec(spec("Europe/Berlin", ["09:00-12:00", "13:00-17:00"]))


def test_a_start_on_the_weekend_counts_from_monday_opening(berlin: BusinessCalendar) -> None:
    assert berlin.add(utc(2024, 5, 11, 10), 30) == utc(2024, 5, 13, 7, 30)


def test_a_start_in_the_lunch_break_counts_from_the_afternoon(berlin: BusinessCalendar) -> None:
    assert berlin.add(utc(2024, 5, 13, 10, 30), 60) == utc(2024, 5, 13, 12)


def test_time_used_up_at_a_window_end_ends_there(berlin: BusinessCalendar) -> None:
    assert berlin.add(utc(2024, 5, 13, 7), 180) == utc(2024, 5, 13, 10)  # 12:00 local, not 13:00
    assert berlin.add(utc(2024, 5, 13, 7), 7 * 60) == utc(2024, 5, 13, 15)  # 17:00 local, not Tuesday


def test_zero_gives_the_next_business_instant(berlin: BusinessCalendar) -> None:
    assert berlin.add(utc(2024, 5, 13, 8), 0) == utc(2024, 5, 13, 8)  # open: that instant
    assert berlin.add(utc(2024, 5, 13, 10), 0) == utc(2024, 5, 13, 11)  # 12:00 local: the 13:00 opening
    assert berlin.add(utc(2024, 5, 10, 15), 0) == utc(2024, 5, 13, 7)  # Friday 17:00: Monday 09:00


def test_several_windows_a_day_add_up(berlin: BusinessCalendar) -> None:
    assert berlin.elapsed(utc(2024, 5, 13), utc(2024, 5, 14)) == timedelta(hours=7)
    assert berlin.elapsed(utc(2024, 5, 13), utc(2024, 5, 20)) == timedelta(hours=35)


def test_pauses_outside_business_hours_change_nothing(berlin: BusinessCalendar) -> None:
    night = [(utc(2024, 5, 13, 16), utc(2024, 5, 14, 6))]
    assert berlin.add(utc(2024, 5, 13, 14), 120, night) == berlin.add(utc(2024, 5, 13, 14), 120)


def test_overlapping_pauses_count_once(berlin: BusinessCalendar) -> None:
    pauses = [(utc(2024, 5, 13, 7), utc(2024, 5, 13, 8)), (utc(2024, 5, 13, 7, 30), utc(2024, 5, 13, 8, 30))]
    assert berlin.add(utc(2024, 5, 13, 7), 30, pauses) == utc(2024, 5, 13, 9)


def test_zero_inside_a_pause_gives_the_first_unpaused_business_instant(berlin: BusinessCalendar) -> None:
    pauses = [(utc(2024, 5, 13, 7), utc(2024, 5, 13, 11, 30))]
    assert berlin.add(utc(2024, 5, 13, 7), 0, pauses) == utc(2024, 5, 13, 11, 30)


# -- rule 5: 24x7 is elapsed time; the 23:59 bug


def test_24x7_is_elapsed_real_time_across_dst() -> None:
    calendar = BusinessCalendar.from_spec({"timezone": "America/New_York", "hours": "24x7"})
    assert calendar.always_open
    start = ny(2024, 3, 10, 0, 30)
    assert calendar.add(start, 240) == utc(2024, 3, 10, 9, 30)
    assert calendar.add(start, 240) != start + timedelta(hours=4)  # Python adds wall-clock time here
    assert calendar.elapsed(ny(2024, 11, 3), ny(2024, 11, 4)) == timedelta(hours=25)


def test_00_00_to_23_59_loses_a_minute_every_midnight_but_24_00_does_not() -> None:
    start, end = utc(2024, 5, 13), utc(2024, 5, 20)
    full = BusinessCalendar.from_spec(spec("UTC", "00:00-24:00", EVERY_DAY))
    short = BusinessCalendar.from_spec(spec("UTC", "00:00-23:59", EVERY_DAY))
    assert ALWAYS_OPEN.elapsed(start, end) == timedelta(days=7)
    assert full.elapsed(start, end) == timedelta(days=7)
    assert short.elapsed(start, end) == timedelta(days=7) - timedelta(minutes=7)
    assert full.add(utc(2024, 5, 13, 23, 30), 60) == utc(2024, 5, 14, 0, 30)
    assert short.add(utc(2024, 5, 13, 23, 30), 60) == utc(2024, 5, 14, 0, 31)


def test_the_shipped_24x7_calendar_never_closes() -> None:
    calendar = load_calendar("24x7")
    assert calendar.always_open
    assert calendar.add(utc(2026, 12, 24, 23, 30), 60) == utc(2026, 12, 25, 0, 30)


def test_24x7_with_holidays_closes_on_those_dates() -> None:
    calendar = BusinessCalendar.from_spec({"timezone": "UTC", "hours": "24x7", "holidays": ["2026-12-25"]})
    assert not calendar.always_open
    assert calendar.add(utc(2026, 12, 24, 23), 120) == utc(2026, 12, 26, 1)


# -- rule 6 and range: lazily built years in both directions


def test_a_calendar_reaches_back_years_after_answering_about_now() -> None:
    calendar = BusinessCalendar.from_spec(spec("Europe/Berlin", "09:00-17:00"))
    now = utc(2026, 6, 1, 12)
    assert calendar.elapsed(now, utc(2026, 6, 2, 12)) == timedelta(hours=8)
    old = utc(2019, 6, 3, 12)  # a Monday, seven years back
    total = calendar.elapsed(old, now)
    assert total == calendar.elapsed(old, utc(2023, 1, 1)) + calendar.elapsed(utc(2023, 1, 1), now)
    assert calendar.add(old, total) == now


def test_a_deadline_can_be_far_ahead() -> None:
    calendar = BusinessCalendar.from_spec(spec("Europe/Berlin", "09:00-17:00"))
    deadline = calendar.add(utc(2026, 12, 28, 8), timedelta(hours=8 * 600))
    assert calendar.elapsed(utc(2026, 12, 28, 8), deadline) == timedelta(hours=8 * 600)
    assert deadline.year == 2029


def test_durations_are_minutes_or_timedeltas(berlin: BusinessCalendar) -> None:
    start = utc(2024, 5, 13, 7)
    assert berlin.add(start, 90) == berlin.add(start, 90.0) == berlin.add(start, timedelta(minutes=90))
    assert berlin.add(start, 0.5) == start + timedelta(seconds=30)


@pytest.mark.parametrize("bad", [-1, timedelta(minutes=-1), float("nan"), float("inf")])
def test_negative_or_non_finite_durations_are_refused(berlin: BusinessCalendar, bad: Any) -> None:
    with pytest.raises(ValueError, match="minutes"):
        berlin.add(utc(2024, 5, 13, 7), bad)


@pytest.mark.parametrize("bad", [True, "60", None])
def test_durations_of_other_types_are_refused(berlin: BusinessCalendar, bad: Any) -> None:
    with pytest.raises(TypeError, match="minutes"):
        berlin.add(utc(2024, 5, 13, 7), bad)


def test_naive_datetimes_are_refused(berlin: BusinessCalendar) -> None:
    naive = datetime(2024, 5, 13, 9)
    with pytest.raises(ValueError, match="start must be a timezone-aware"):
        berlin.add(naive, 10)
    with pytest.raises(ValueError, match="end must be a timezone-aware"):
        berlin.elapsed(utc(2024, 5, 13), naive)
    with pytest.raises(ValueError, match=r"pauses\[0\] begin"):
        berlin.add(utc(2024, 5, 13), 10, [(naive, utc(2024, 5, 14))])


def test_reversed_spans_are_refused(berlin: BusinessCalendar) -> None:
    with pytest.raises(ValueError, match="before start"):
        berlin.elapsed(utc(2024, 5, 14), utc(2024, 5, 13))
    with pytest.raises(ValueError, match=r"pauses\[0\]: ends"):
        berlin.add(utc(2024, 5, 13), 10, [(utc(2024, 5, 14), utc(2024, 5, 13))])


def test_results_are_utc_whatever_zone_the_input_has(berlin: BusinessCalendar) -> None:
    result = berlin.add(ny(2024, 5, 13, 3), 30)
    assert result.tzinfo is UTC
    assert result == utc(2024, 5, 13, 7, 30)


def test_is_open(berlin: BusinessCalendar) -> None:
    assert berlin.is_open(utc(2024, 5, 13, 7))
    assert not berlin.is_open(utc(2024, 5, 13, 10, 30))


def test_calendars_compare_by_their_canonical_spec_and_survive_pickling() -> None:
    one = BusinessCalendar.from_spec(spec("Europe/Berlin", ["13:00-17:00", "09:00-12:00"]))
    two = BusinessCalendar.from_spec(spec("Europe/Berlin", ["09:00-12:00", "13:00-17:00"]))
    assert one == two and hash(one) == hash(two)
    assert one != BusinessCalendar.from_spec(spec("Europe/Berlin", "09:00-17:00"))
    copy = pickle.loads(pickle.dumps(one))
    assert copy == one
    assert copy.add(utc(2024, 5, 13, 7), 200) == one.add(utc(2024, 5, 13, 7), 200)
    assert one.spec["hours"]["mon"] == ["09:00-12:00", "13:00-17:00"]


# -- the spec is validated, and errors name the field


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        ({"timezone": "Mars/Base", "hours": "24x7"}, "timezone", "timezone: unknown time zone 'Mars/Base'"),
        ({"hours": "24x7"}, "timezone", "timezone: must be an IANA time zone name, got None"),
        ({"timezone": "UTC"}, "hours", "hours: missing"),
        ({"timezone": "UTC", "hours": "9-5"}, "hours", 'hours: must be "24x7" or an object of weekdays'),
        ({"timezone": "UTC", "hours": {}}, "hours", "hours: no business hours on any weekday"),
        (
            {"timezone": "UTC", "hours": {"mon": ["18:00-07:00"]}},
            "hours.mon[0]",
            "hours.mon[0]: window 18:00-07:00 ends before it starts",
        ),
        (
            {"timezone": "UTC", "hours": {"tue": ["08:00-11:00", "10:00-12:00"]}},
            "hours.tue[1]",
            "hours.tue[1]: window 10:00-12:00 overlaps hours.tue[0] 08:00-11:00",
        ),
        ({"timezone": "UTC", "hours": {"wed": ["09:00-09:00"]}}, "hours.wed[0]", "window 09:00-09:00 is empty"),
        ({"timezone": "UTC", "hours": {"thu": ["7-18"]}}, "hours.thu[0]", "hours.thu[0]: '7-18' is not a window"),
        ({"timezone": "UTC", "hours": {"fri": ["09:00-24:30"]}}, "hours.fri[0]", "24:30 is not a time of day"),
        ({"timezone": "UTC", "hours": {"fri": ["24:00-24:00"]}}, "hours.fri[0]", "24:00 only ends a window"),
        ({"timezone": "UTC", "hours": {"sat": "09:00-17:00"}}, "hours.sat", "hours.sat: must be a list"),
        ({"timezone": "UTC", "hours": {"monday": ["09:00-17:00"]}}, "hours.monday", "unknown weekday"),
        ({"timezone": "UTC", "hours": "24x7", "holiday": []}, "holiday", "holiday: unknown field"),
        (
            {"timezone": "UTC", "hours": "24x7", "holidays": ["2026-01-01", "2026-02-30"]},
            "holidays[1]",
            "holidays[1]: '2026-02-30' is not a date (YYYY-MM-DD)",
        ),
        ({"timezone": "UTC", "hours": "24x7", "holidays": "2026-01-01"}, "holidays", "holidays: must be a list"),
        ({"timezone": "UTC", "hours": "24x7", "holidays": {"country": "XX"}}, "holidays.country", "not available"),
        (
            {"timezone": "UTC", "hours": "24x7", "holidays": {"country": "US", "subdiv": "ZZ"}},
            "holidays.subdiv",
            "not available",
        ),
        ({"timezone": "UTC", "hours": "24x7", "holidays": {"subdiv": "ENG"}}, "holidays.subdiv", "needs"),
        (
            {"timezone": "UTC", "hours": "24x7", "holidays": {"country": "US", "remove": ["soon"]}},
            "holidays.remove[0]",
            "'soon' is not a date",
        ),
        ({"timezone": "UTC", "hours": "24x7", "holidays": {"categories": []}}, "holidays.categories", "unknown"),
    ],
)
def test_malformed_specs_are_rejected_naming_the_field(bad: dict[str, Any], field: str, message: str) -> None:
    with pytest.raises(CalendarSpecError) as caught:
        BusinessCalendar.from_spec(bad)
    assert caught.value.field == field
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{field}: ")


def test_a_spec_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        BusinessCalendar.from_spec({"timezone": "Nowhere/Land", "hours": "24x7"})

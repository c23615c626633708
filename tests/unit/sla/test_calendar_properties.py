"""Properties of business-time arithmetic over random calendars, instants, durations and
pauses. Exact to the microsecond: instants and durations are integer microseconds inside."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor_app.sla import BusinessCalendar

_WEEK = ("mon", "tue", "wed", "thu", "fri")
SPECS: list[dict[str, Any]] = [
    {
        "timezone": "America/Denver",
        "hours": {d: ["07:00-18:00"] for d in _WEEK},
        "holidays": {"country": "US"},
    },
    {
        "timezone": "Europe/Berlin",
        "hours": {**{d: ["09:00-12:00", "13:00-17:30"] for d in _WEEK}, "sat": ["10:00-14:00"]},
        "holidays": ["2024-12-24", "2025-04-18"],
    },
    {"timezone": "Australia/Sydney", "hours": {d: ["08:00-20:00"] for d in _WEEK}, "holidays": {"country": "AU"}},
    {"timezone": "America/New_York", "hours": {"sat": ["00:00-24:00"], "sun": ["00:00-02:30", "22:00-24:00"]}},
    {"timezone": "America/New_York", "hours": "24x7"},
]
CALENDARS = [BusinessCalendar.from_spec(spec) for spec in SPECS]
START = datetime(2015, 1, 1, tzinfo=UTC)

calendars = st.sampled_from(CALENDARS)
instants = st.integers(0, 15 * 365 * 24 * 3600 * 10**6).map(lambda us: START + timedelta(microseconds=us))
durations = st.integers(0, 500 * 3600 * 10**6).map(lambda us: timedelta(microseconds=us))
short_spans = st.integers(0, 30 * 24 * 3600 * 10**6).map(lambda us: timedelta(microseconds=us))


@st.composite
def pauses_after(draw: st.DrawFn, start: datetime) -> list[tuple[datetime, datetime]]:
    result = []
    for _ in range(draw(st.integers(0, 4))):
        begin = start + draw(short_spans) - timedelta(days=2)
        result.append((begin, begin + draw(short_spans) / 10))
    return result


@settings(max_examples=300, deadline=None)
@given(calendars, instants, durations)
def test_elapsed_inverts_add_to_the_microsecond(calendar: BusinessCalendar, start: datetime, d: timedelta) -> None:
    assert calendar.elapsed(start, calendar.add(start, d)) == d


@settings(max_examples=200, deadline=None)
@given(calendars, instants, durations, st.data())
def test_elapsed_inverts_add_with_pauses(
    calendar: BusinessCalendar, start: datetime, d: timedelta, data: st.DataObject
) -> None:
    pauses = data.draw(pauses_after(start))
    end = calendar.add(start, d, pauses)
    assert calendar.elapsed(start, end, pauses) == d


@settings(max_examples=300, deadline=None)
@given(calendars, instants, durations, durations)
def test_add_is_monotone_in_the_duration(
    calendar: BusinessCalendar, start: datetime, a: timedelta, b: timedelta
) -> None:
    small, large = sorted((a, b))
    assert start <= calendar.add(start, small) <= calendar.add(start, large)


@settings(max_examples=300, deadline=None)
@given(calendars, instants, instants, durations)
def test_add_is_monotone_in_the_start(calendar: BusinessCalendar, a: datetime, b: datetime, d: timedelta) -> None:
    early, late = sorted((a, b))
    assert calendar.add(early, d) <= calendar.add(late, d)


@settings(max_examples=200, deadline=None)
@given(calendars, instants, durations, st.data())
def test_a_pause_never_brings_a_deadline_forward(
    calendar: BusinessCalendar, start: datetime, d: timedelta, data: st.DataObject
) -> None:
    pauses = data.draw(pauses_after(start))
    extra = data.draw(pauses_after(start))
    with_pauses = calendar.add(start, d, pauses)
    assert with_pauses >= calendar.add(start, d)
    assert calendar.add(start, d, pauses + extra) >= with_pauses


@settings(max_examples=300, deadline=None)
@given(calendars, instants, short_spans, short_spans)
def test_elapsed_adds_up_and_never_exceeds_wall_time(
    calendar: BusinessCalendar, start: datetime, first: timedelta, second: timedelta
) -> None:
    middle, end = start + first, start + first + second
    whole = calendar.elapsed(start, end)
    assert whole == calendar.elapsed(start, middle) + calendar.elapsed(middle, end)
    assert timedelta(0) <= whole <= end - start


@settings(max_examples=200, deadline=None)
@given(calendars, instants)
def test_zero_gives_an_open_instant_no_earlier_than_the_start(calendar: BusinessCalendar, start: datetime) -> None:
    opening = calendar.add(start, 0)
    assert opening >= start
    assert calendar.is_open(opening)
    assert calendar.elapsed(start, opening) == timedelta(0)

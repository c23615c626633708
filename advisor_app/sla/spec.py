"""The calendar spec (SLA.md "Calendar spec"): parsing and validation.

A spec is a mapping::

    {"timezone": "America/Denver",
     "hours": {"mon": ["07:00-18:00"], ...} | "24x7",
     "holidays": ["2026-11-26", ...]}

`holidays` may also be a holiday source, so region calendars stay editable data::

    "holidays": {"country": "US", "subdiv": null, "add": ["2026-12-24"], "remove": ["2026-10-12"]}

A source expands to the country's public holidays only (never observances), per year and
on demand. `id`, `name` and `about` are accepted as descriptive fields. Anything malformed
raises `CalendarSpecError` naming the field; nothing is repaired silently.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays as holidays_package

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ALWAYS_OPEN = "24x7"
MINUTES_PER_DAY = 24 * 60
_DESCRIPTIVE = frozenset({"id", "name", "about"})
_FIELDS = frozenset({"timezone", "hours", "holidays"}) | _DESCRIPTIVE
_SOURCE_FIELDS = frozenset({"country", "subdiv", "add", "remove"})
_WINDOW = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")
_HOLIDAY_CATEGORIES = ("public",)

Window = tuple[int, int]
"""A business window as minutes since local midnight, half-open; the end may be 1440."""


class CalendarSpecError(ValueError):
    """A calendar spec is malformed; the message starts with the offending field."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True, slots=True)
class HolidayRules:
    """Whole local dates without business hours: a source's public holidays plus `add`
    minus `remove`."""

    country: str | None = None
    subdiv: str | None = None
    add: frozenset[date] = frozenset()
    remove: frozenset[date] = frozenset()

    @property
    def empty(self) -> bool:
        return self.country is None and not self.add

    def dates_in(self, year: int) -> frozenset[date]:
        found = set(_public_holidays(self.country, self.subdiv, year)) if self.country else set()
        found.update(day for day in self.add if day.year == year)
        found.difference_update(self.remove)
        return frozenset(found)

    def to_spec(self) -> list[str] | dict[str, Any]:
        added = sorted(day.isoformat() for day in self.add)
        if self.country is None and not self.remove:
            return added
        return {
            "country": self.country,
            "subdiv": self.subdiv,
            "add": added,
            "remove": sorted(day.isoformat() for day in self.remove),
        }


@dataclass(frozen=True, slots=True)
class CalendarSpec:
    timezone: str
    always_open: bool
    windows: tuple[tuple[Window, ...], ...]
    """Per weekday, Monday first, sorted and non-overlapping."""
    holidays: HolidayRules

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def to_spec(self) -> dict[str, Any]:
        """The spec in canonical form (stable for fingerprints and storage)."""
        hours: str | dict[str, list[str]]
        if self.always_open:
            hours = ALWAYS_OPEN
        else:
            hours = {
                name: [f"{_hhmm(start)}-{_hhmm(end)}" for start, end in day]
                for name, day in zip(WEEKDAYS, self.windows, strict=True)
                if day
            }
        return {"timezone": self.timezone, "hours": hours, "holidays": self.holidays.to_spec()}


@lru_cache(maxsize=512)
def _public_holidays(country: str | None, subdiv: str | None, year: int) -> frozenset[date]:
    found = holidays_package.country_holidays(country or "", subdiv=subdiv, years=year, categories=_HOLIDAY_CATEGORIES)
    return frozenset(found)


def parse_spec(spec: Mapping[str, Any]) -> CalendarSpec:
    if not isinstance(spec, Mapping):
        raise CalendarSpecError("spec", f"must be a mapping, got {type(spec).__name__}")
    for key in spec:
        if key not in _FIELDS:
            raise CalendarSpecError(str(key), f"unknown field (expected one of {', '.join(sorted(_FIELDS))})")
    timezone = _parse_timezone(spec.get("timezone"))
    if "hours" not in spec:
        raise CalendarSpecError("hours", 'missing (an object of weekdays, or "24x7")')
    always_open, windows = _parse_hours(spec["hours"])
    holiday_rules = _parse_holidays(spec.get("holidays", []))
    return CalendarSpec(timezone, always_open, windows, holiday_rules)


def _parse_timezone(value: object) -> str:
    if not isinstance(value, str) or not value:
        raise CalendarSpecError("timezone", f"must be an IANA time zone name, got {value!r}")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise CalendarSpecError("timezone", f"unknown time zone {value!r}") from None
    return value


def _parse_hours(value: object) -> tuple[bool, tuple[tuple[Window, ...], ...]]:
    if value == ALWAYS_OPEN:
        full_day = ((0, MINUTES_PER_DAY),)
        return True, (full_day,) * 7
    if not isinstance(value, Mapping):
        raise CalendarSpecError("hours", f'must be "24x7" or an object of weekdays, got {value!r}')
    for key in value:
        if key not in WEEKDAYS:
            raise CalendarSpecError(f"hours.{key}", f"unknown weekday (expected {', '.join(WEEKDAYS)})")
    days = tuple(_parse_day(f"hours.{name}", value.get(name, [])) for name in WEEKDAYS)
    if not any(days):
        raise CalendarSpecError("hours", "no business hours on any weekday")
    return False, days


def _parse_day(field: str, value: object) -> tuple[Window, ...]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise CalendarSpecError(field, f'must be a list of "HH:MM-HH:MM" windows, got {value!r}')
    parsed = [(_parse_window(f"{field}[{index}]", raw), index) for index, raw in enumerate(value)]
    parsed.sort()
    for (previous, previous_index), (current, index) in itertools.pairwise(parsed):
        if current[0] < previous[1]:
            raise CalendarSpecError(
                f"{field}[{index}]",
                f"window {_text(current)} overlaps {field}[{previous_index}] {_text(previous)}",
            )
    return tuple(window for window, _ in parsed)


def _parse_window(field: str, raw: object) -> Window:
    match = _WINDOW.match(raw) if isinstance(raw, str) else None
    if match is None:
        raise CalendarSpecError(field, f'{raw!r} is not a window "HH:MM-HH:MM"')
    start_h, start_m, end_h, end_m = (int(part) for part in match.groups())
    start = _minute_of_day(field, start_h, start_m, allow_end_of_day=False)
    end = _minute_of_day(field, end_h, end_m, allow_end_of_day=True)
    if end < start:
        raise CalendarSpecError(field, f"window {_text((start, end))} ends before it starts")
    if end == start:
        raise CalendarSpecError(field, f"window {_text((start, end))} is empty")
    return start, end


def _minute_of_day(field: str, hour: int, minute: int, *, allow_end_of_day: bool) -> int:
    if allow_end_of_day and (hour, minute) == (24, 0):
        return MINUTES_PER_DAY
    if hour > 23 or minute > 59:
        where = "24:00 only ends a window" if (hour, minute) == (24, 0) else "not a time of day"
        raise CalendarSpecError(field, f"{hour:02d}:{minute:02d} is {where}")
    return hour * 60 + minute


def _parse_holidays(value: object) -> HolidayRules:
    if isinstance(value, list | tuple):
        return HolidayRules(add=_parse_dates("holidays", value))
    if not isinstance(value, Mapping):
        raise CalendarSpecError("holidays", f"must be a list of dates or a holiday source object, got {value!r}")
    for key in value:
        if key not in _SOURCE_FIELDS:
            raise CalendarSpecError(
                f"holidays.{key}", f"unknown field (expected one of {', '.join(sorted(_SOURCE_FIELDS))})"
            )
    country = _optional_text("holidays.country", value.get("country"))
    subdiv = _optional_text("holidays.subdiv", value.get("subdiv"))
    if subdiv is not None and country is None:
        raise CalendarSpecError("holidays.subdiv", "needs holidays.country")
    if country is not None:
        try:
            holidays_package.country_holidays(country, subdiv=subdiv, categories=_HOLIDAY_CATEGORIES)
        except NotImplementedError as error:
            field = "holidays.subdiv" if subdiv is not None and "subdivision" in str(error) else "holidays.country"
            raise CalendarSpecError(field, f"not available in the holidays package ({error})") from None
    return HolidayRules(
        country=country,
        subdiv=subdiv,
        add=_parse_dates("holidays.add", value.get("add", [])),
        remove=_parse_dates("holidays.remove", value.get("remove", [])),
    )


def _optional_text(field: str, value: object) -> str | None:
    if value is None or (isinstance(value, str) and value):
        return value
    raise CalendarSpecError(field, f"must be a non-empty string or null, got {value!r}")


def _parse_dates(field: str, values: object) -> frozenset[date]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise CalendarSpecError(field, f"must be a list of dates (YYYY-MM-DD), got {values!r}")
    parsed = set()
    for index, raw in enumerate(values):
        try:
            if not isinstance(raw, str) or len(raw) != 10:
                raise ValueError
            parsed.add(date.fromisoformat(raw))
        except ValueError:
            raise CalendarSpecError(f"{field}[{index}]", f"{raw!r} is not a date (YYYY-MM-DD)") from None
    return frozenset(parsed)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _text(window: Window) -> str:
    return f"{_hhmm(window[0])}-{_hhmm(window[1])}"

"""The region calendars shipped in `resources/calendars/*.json`."""

from __future__ import annotations

import json
from functools import cache

from advisor_app.domain.resources import resource_path, resources_dir
from advisor_app.sla.calendar import BusinessCalendar
from advisor_app.sla.spec import CalendarSpecError

DEFAULT_CALENDAR_ID = "us-mountain"
"""Regular business hours of the support policy (07:00-18:00 America/Denver, Mon-Fri)."""

AROUND_THE_CLOCK_ID = "24x7"

ALWAYS_OPEN = BusinessCalendar.from_spec({"timezone": "UTC", "hours": "24x7"})
"""Plain elapsed time: what Severity 1 runs on."""


@cache
def _shipped_ids() -> tuple[str, ...]:
    return tuple(sorted(path.stem for path in (resources_dir() / "calendars").glob("*.json")))


def calendar_ids() -> list[str]:
    """Ids of the shipped calendars, sorted (read once: the files ship with the app)."""
    return list(_shipped_ids())


@cache
def load_calendar(calendar_id: str) -> BusinessCalendar:
    """A shipped calendar by id; an unknown id raises KeyError, a broken file
    `CalendarSpecError` prefixed with its file name."""
    if calendar_id not in calendar_ids():
        raise KeyError(f"unknown calendar {calendar_id!r} (known: {', '.join(calendar_ids())})")
    path = resource_path("calendars", f"{calendar_id}.json")
    with path.open(encoding="utf-8") as handle:
        document = json.load(handle)
    try:
        return BusinessCalendar.from_spec(document)
    except CalendarSpecError as error:
        raise CalendarSpecError(f"{path.name}: {error.field}", error.problem) from None

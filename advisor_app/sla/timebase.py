"""Instants as integer microseconds since the Unix epoch (UTC), and durations as integer
microseconds: the unit every computation in this package runs on.

Integers keep the arithmetic exact (no float drift) and fast (no datetime objects in
loops); conversion happens at the edges only.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
US_PER_SECOND = 1_000_000
US_PER_MINUTE = 60 * US_PER_SECOND
US_PER_HOUR = 60 * US_PER_MINUTE
_ONE_US = timedelta(microseconds=1)

Duration = int | float | timedelta
"""A duration as minutes (int or float) or as a timedelta."""


def to_us(value: datetime, what: str = "instant") -> int:
    """Microseconds since the epoch of an aware datetime; a naive one raises ValueError."""
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(f"{what} must be a timezone-aware datetime, got naive {value.isoformat()}")
    return (value - EPOCH) // _ONE_US


def from_us(us: int) -> datetime:
    """The aware UTC datetime of an epoch-microsecond instant."""
    return EPOCH + timedelta(microseconds=us)


def duration_us(value: Duration, what: str = "duration") -> int:
    """A duration in microseconds: numbers are minutes, rounded to the microsecond."""
    if isinstance(value, timedelta):
        us = value // _ONE_US
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{what} must be minutes (int or float) or a timedelta, got {type(value).__name__}")
    elif isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{what} must be finite, got {value}")
    else:
        us = round(value * US_PER_MINUTE)
    if us < 0:
        raise ValueError(f"{what} must not be negative, got {value}")
    return us


def hours_us(hours: float) -> int:
    return round(hours * US_PER_HOUR)


def td(us: int) -> timedelta:
    return timedelta(microseconds=us)

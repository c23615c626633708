"""Service days: an allotment per contract year, booked in half days, lapsing at the year's end."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from advisor_app.domain import SupportTier
from advisor_app.errors import ServiceDayError
from advisor_app.obligations.contract_years import ContractYear

MAX_HALF_DAYS_PER_ENTRY = 20  # ten days: a longer engagement is booked as several entries

__all__ = ["ServiceDayError", "allotment_half_days", "balance", "check_entry", "format_days"]


def allotment_half_days(tier: SupportTier, override_days: float | None = None) -> int | None:
    """Half days allotted per contract year: the contract's override, else the tier's; None when
    neither says (the tier publishes no number and the contract names none)."""
    if override_days is not None:
        if override_days < 0 or (override_days * 2) != int(override_days * 2):
            raise ServiceDayError(f"allotment override: {override_days} is not a whole number of half days")
        return int(override_days * 2)
    days = tier.service_days_per_year
    return None if days is None else days * 2


def check_entry(day: date, half_days: int, year: ContractYear | None = None) -> None:
    if not isinstance(half_days, int) or isinstance(half_days, bool):
        raise ServiceDayError(f"amount: {half_days!r} is not a number of half days")
    if not 1 <= half_days <= MAX_HALF_DAYS_PER_ENTRY:
        raise ServiceDayError(f"amount: {half_days} half days is outside 1 to {MAX_HALF_DAYS_PER_ENTRY}")
    if year is not None and day not in year:
        raise ServiceDayError(f"date: {day} is outside the contract year {year.first_day} to {year.last_day}")


def format_days(half_days: int) -> str:
    whole, half = divmod(half_days, 2)
    return f"{whole}.5" if half else f"{whole}"


@dataclass(frozen=True, slots=True)
class Projection:
    runs_out_on: date | None
    """At this pace the allotment runs out on this day (None: it lasts the year)."""
    lapsing_half_days: int
    """Half days that will lapse unused at the year's end at this pace."""


@dataclass(frozen=True, slots=True)
class ServiceDayBalance:
    year: ContractYear
    allotted: int | None
    used: int
    projection: Projection | None

    @property
    def remaining(self) -> int | None:
        return None if self.allotted is None else self.allotted - self.used

    @property
    def over_allotment(self) -> bool:
        return self.allotted is not None and self.used > self.allotted


def balance(
    entries: Iterable[tuple[date, int]], allotted: int | None, year: ContractYear, today: date
) -> ServiceDayBalance:
    """The year's balance from its entries (others are ignored), with a projection at the pace so far."""
    used = sum(half_days for day, half_days in entries if day in year)
    return ServiceDayBalance(year, allotted, used, _project(used, allotted, year, today))


def _project(used: int, allotted: int | None, year: ContractYear, today: date) -> Projection | None:
    if not allotted or today not in year:
        return None
    if used >= allotted:
        return Projection(runs_out_on=None, lapsing_half_days=0)
    elapsed = (today - year.first_day).days + 1
    if used == 0:
        return Projection(runs_out_on=None, lapsing_half_days=allotted)
    pace = used / elapsed  # half days per calendar day
    days_to_run_out = math.ceil((allotted - used) / pace)
    runs_out = today + timedelta(days=days_to_run_out)
    if runs_out <= year.last_day:
        return Projection(runs_out_on=runs_out, lapsing_half_days=0)
    used_by_end = used + pace * (year.last_day - today).days
    return Projection(runs_out_on=None, lapsing_half_days=max(0, allotted - math.floor(used_by_end)))

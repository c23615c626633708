"""Contract years: they run from the contract date to the day before its next anniversary."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


def anniversary(start: date, year: int) -> date:
    """The contract date in `year`; a 29 February contract has its anniversary on 28 February
    in years without one (the year never gains a day)."""
    if start.month == 2 and start.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return start.replace(year=year)


@dataclass(frozen=True, slots=True)
class ContractYear:
    first_day: date
    last_day: date
    """Unused service days lapse at the end of this day."""

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first_day <= day <= self.last_day


def contract_year(start: date, on: date) -> ContractYear:
    """The contract year that `on` falls in (years before the contract began count back)."""
    year = on.year
    first = anniversary(start, year)
    if first > on:
        first = anniversary(start, year - 1)
    next_first = anniversary(start, first.year + 1)
    return ContractYear(first, next_first - timedelta(days=1))

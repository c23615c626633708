from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from advisor_app.obligations.contract_years import anniversary, contract_year


def test_a_year_runs_to_the_day_before_the_anniversary() -> None:
    year = contract_year(date(2025, 3, 15), date(2026, 11, 25))
    assert (year.first_day, year.last_day) == (date(2026, 3, 15), date(2027, 3, 14))
    assert year.days == 365
    assert date(2027, 3, 14) in year and date(2027, 3, 15) not in year


def test_the_first_day_belongs_to_the_new_year() -> None:
    assert contract_year(date(2024, 6, 1), date(2026, 6, 1)).first_day == date(2026, 6, 1)
    assert contract_year(date(2024, 6, 1), date(2026, 5, 31)).last_day == date(2026, 5, 31)


def test_a_contract_starting_on_29_february() -> None:
    start = date(2024, 2, 29)
    assert anniversary(start, 2025) == date(2025, 2, 28)
    assert anniversary(start, 2028) == date(2028, 2, 29)
    year = contract_year(start, date(2026, 11, 25))
    assert (year.first_day, year.last_day) == (date(2026, 2, 28), date(2027, 2, 27))
    leap = contract_year(start, date(2028, 2, 29))
    assert (leap.first_day, leap.last_day) == (date(2028, 2, 29), date(2029, 2, 27))
    assert contract_year(start, date(2028, 2, 28)).last_day == date(2028, 2, 28)


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)), st.integers(min_value=0, max_value=3000))
def test_every_day_is_in_exactly_one_year(start: date, offset: int) -> None:
    day = date.fromordinal(start.toordinal() + offset)
    year = contract_year(start, day)
    assert day in year
    assert 365 <= year.days <= 366
    assert contract_year(start, year.last_day) == year
    following = contract_year(start, date.fromordinal(year.last_day.toordinal() + 1))
    assert following.first_day.toordinal() == year.last_day.toordinal() + 1

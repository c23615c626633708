from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from advisor_app.domain import load_tiers
from advisor_app.obligations.contract_years import contract_year
from advisor_app.obligations.service_days import (
    ServiceDayError,
    allotment_half_days,
    balance,
    check_entry,
    format_days,
)

YEAR = contract_year(date(2026, 1, 1), date(2026, 6, 1))  # 2026-01-01 .. 2026-12-31


def test_allotments_come_from_the_tier_or_the_contract() -> None:
    tiers = load_tiers()
    assert allotment_half_days(tiers.get("gold")) == 6
    assert allotment_half_days(tiers.get("platinum")) == 20
    assert allotment_half_days(tiers.get("silver")) == 0
    assert allotment_half_days(tiers.get("silver"), override_days=2.5) == 5
    with pytest.raises(ServiceDayError, match="not a whole number of half days"):
        allotment_half_days(tiers.get("gold"), override_days=1.25)


def test_half_day_arithmetic() -> None:
    assert [format_days(n) for n in (0, 1, 2, 3, 7)] == ["0", "0.5", "1", "1.5", "3.5"]
    used = balance([(date(2026, 2, 1), 1), (date(2026, 3, 1), 2), (date(2026, 3, 2), 1)], 6, YEAR, date(2026, 6, 1))
    assert (used.used, used.remaining, used.over_allotment) == (4, 2, False)


def test_entries_outside_the_year_do_not_count() -> None:
    result = balance([(date(2025, 12, 31), 2), (date(2026, 1, 1), 1), (date(2027, 1, 1), 2)], 6, YEAR, date(2026, 6, 1))
    assert result.used == 1


def test_booking_beyond_the_allotment_is_flagged() -> None:
    result = balance([(date(2026, 2, 1), 8)], 6, YEAR, date(2026, 6, 1))
    assert result.over_allotment and result.remaining == -2


def test_projection_runs_out_or_lapses() -> None:
    # 4 half days used by 1 April (91 days in): 2 more go in about 46 days.
    fast = balance([(date(2026, 1, 10), 2), (date(2026, 3, 10), 2)], 6, YEAR, date(2026, 4, 1))
    assert fast.projection is not None and fast.projection.runs_out_on == date(2026, 5, 17)
    # 1 half day by 1 July: at that pace 2 will be used by the end, 4 lapse on 31 December.
    slow = balance([(date(2026, 3, 1), 1)], 6, YEAR, date(2026, 7, 1))
    assert slow.projection is not None and slow.projection.runs_out_on is None
    assert slow.projection.lapsing_half_days == 4
    unused = balance([], 6, YEAR, date(2026, 7, 1))
    assert unused.projection is not None and unused.projection.lapsing_half_days == 6
    assert balance([], None, YEAR, date(2026, 7, 1)).projection is None


@pytest.mark.parametrize(
    ("half_days", "message"), [(0, "outside 1 to 20"), (21, "outside 1 to 20"), (1.5, "not a number of half days")]
)
def test_bad_entries_name_the_field(half_days: Any, message: str) -> None:
    with pytest.raises(ServiceDayError, match=message):
        check_entry(date(2026, 5, 1), half_days, YEAR)


def test_an_entry_outside_the_contract_year_is_refused() -> None:
    with pytest.raises(ServiceDayError, match="date: 2027-01-04 is outside the contract year"):
        check_entry(date(2027, 1, 4), 2, YEAR)

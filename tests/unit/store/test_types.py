from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor_app.store.types import from_micros, to_micros


@given(st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=9)), timezone(timedelta(hours=-7))])))
def test_instants_round_trip_exactly(value: datetime) -> None:
    restored = from_micros(to_micros(value))
    assert restored == value
    assert restored.tzinfo is UTC


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError, match="naive datetime"):
        to_micros(datetime(2026, 1, 1, 12, 0))


def test_order_is_preserved() -> None:
    earlier = datetime(2026, 3, 29, 0, 59, 59, 999_999, tzinfo=UTC)
    later = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert to_micros(earlier) < to_micros(later)

"""Business calendars: business time between instants and deadlines after them.

The weekly windows are expanded date by date in the calendar's zone into half-open UTC
intervals (epoch microseconds), one local year at a time and only for the years asked
about, with prefix sums of their lengths. The cumulative business time F(t) is then a
binary search, `elapsed` is F(b) - F(a) and `add` inverts F, again by binary search.

F is counted from a fixed origin, so it keeps its values when more years are added in
either direction; extending swaps in a new immutable table under a lock, so a calendar can
be shared between threads.
"""

from __future__ import annotations

import hashlib
import json
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from advisor_app.sla.spec import MINUTES_PER_DAY, CalendarSpec, parse_spec
from advisor_app.sla.timebase import Duration, duration_us, from_us, td, to_us

Span = tuple[int, int]
"""A half-open span [begin, end) of epoch microseconds."""

_MIN_YEAR = 2
_MAX_YEAR = 9997
_ONE_DAY = timedelta(days=1)
_ONE_US = timedelta(microseconds=1)


@dataclass(frozen=True, slots=True)
class _Table:
    """Business intervals covering the local years first..last, i.e. the instants [lo, hi]."""

    first: int
    last: int
    lo: int
    hi: int
    base: int  # F(lo)
    starts: list[int]
    ends: list[int]
    cum: list[int]  # F(starts[i])
    cum_end: list[int]  # F(ends[i])


class BusinessCalendar:
    """An immutable business calendar built from a spec (see `advisor_app.sla.spec`)."""

    __slots__ = ("_continuous", "_fingerprint", "_lock", "_spec", "_table", "_zone")

    def __init__(self, spec: CalendarSpec) -> None:
        self._spec = spec
        self._zone = spec.zone
        # 24x7 without holidays is plain elapsed time: no table needed.
        self._continuous = spec.always_open and spec.holidays.empty
        self._table: _Table | None = None
        self._lock = threading.Lock()
        canonical = json.dumps(spec.to_spec(), sort_keys=True, separators=(",", ":"))
        self._fingerprint = hashlib.sha256(canonical.encode()).hexdigest()[:16]

    @classmethod
    def from_spec(cls, spec: Mapping[str, Any]) -> BusinessCalendar:
        """Build a calendar; a malformed spec raises `CalendarSpecError` naming the field."""
        return cls(parse_spec(spec))

    # -- identity ---------------------------------------------------------------------

    @property
    def spec(self) -> dict[str, Any]:
        """The spec in canonical form."""
        return self._spec.to_spec()

    @property
    def timezone(self) -> str:
        return self._spec.timezone

    @property
    def always_open(self) -> bool:
        """True when business time is plain elapsed time (24x7, no holidays)."""
        return self._continuous

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BusinessCalendar) and other._fingerprint == self._fingerprint

    def __hash__(self) -> int:
        return hash(self._fingerprint)

    def __repr__(self) -> str:
        return f"BusinessCalendar({self._spec.timezone}, {self._fingerprint})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (BusinessCalendar, (self._spec,))

    # -- the public datetime API -----------------------------------------------------

    def add(self, start: datetime, minutes: Duration, pauses: Iterable[tuple[datetime, datetime]] = ()) -> datetime:
        """The instant at which `minutes` of business time (outside `pauses`) have run."""
        begin = to_us(start, "start")
        return from_us(self.add_us(begin, duration_us(minutes, "minutes"), normalize_pauses(pauses)))

    def elapsed(self, start: datetime, end: datetime, pauses: Iterable[tuple[datetime, datetime]] = ()) -> timedelta:
        """Business time between two instants, outside `pauses`."""
        begin, finish = to_us(start, "start"), to_us(end, "end")
        if finish < begin:
            raise ValueError(f"end {end.isoformat()} is before start {start.isoformat()}")
        return td(self.elapsed_us(begin, finish, normalize_pauses(pauses)))

    def is_open(self, instant: datetime) -> bool:
        """Whether business time runs at `instant`."""
        at = to_us(instant, "instant")
        return self.add_us(at, 0) == at

    # -- the epoch-microsecond API (pauses sorted and disjoint) ----------------------

    def elapsed_us(self, start: int, end: int, pauses: Sequence[Span] = ()) -> int:
        if self._continuous:
            total = end - start
            for p0, p1 in pauses:
                lo = p0 if p0 > start else start
                hi = p1 if p1 < end else end
                if hi > lo:
                    total -= hi - lo
            return total
        cum = self._cum
        total = cum(end) - cum(start)
        for p0, p1 in pauses:
            lo = p0 if p0 > start else start
            hi = p1 if p1 < end else end
            if hi > lo:
                total -= cum(hi) - cum(lo)
        return total

    def add_us(self, start: int, duration: int, pauses: Sequence[Span] = ()) -> int:
        """Rules 3 and 4: a positive duration ends at the earliest instant it is used up
        (a window's end rather than the next opening); zero gives the next business
        instant."""
        if self._continuous:
            return self._add_continuous(start, duration, pauses)
        cum, reach = self._cum, self._reach
        current, left = start, duration
        for p0, p1 in pauses:
            if p1 <= current:
                continue
            if p0 > current:
                if left:
                    available = cum(p0) - cum(current)
                    if available >= left:
                        break
                    left -= available
                else:
                    opening = reach(cum(current), True)
                    if opening < p0:
                        return opening
            current = p1
        return reach(cum(current) + left, not left)

    @staticmethod
    def _add_continuous(start: int, duration: int, pauses: Sequence[Span]) -> int:
        current, left = start, duration
        for p0, p1 in pauses:
            if p1 <= current:
                continue
            if p0 > current:
                if p0 - current >= left:
                    break
                left -= p0 - current
            current = p1
        return current + left

    # -- the interval table ------------------------------------------------------------

    def _cum(self, at: int) -> int:
        """F(at): business microseconds from the fixed origin to `at`."""
        table = self._table
        if table is None or not table.lo <= at <= table.hi:
            table = self._cover(at)
        index = bisect_right(table.starts, at) - 1
        if index < 0:
            return table.base
        end = table.ends[index]
        return table.cum[index] + (at if at < end else end) - table.starts[index]

    def _reach(self, target: int, next_open: bool) -> int:
        """The earliest instant with F = target; with `next_open`, the earliest such
        instant at which business time runs."""
        table = self._table
        assert table is not None  # _cum ran first
        while True:
            ends = table.cum_end
            index = bisect_right(ends, target) if next_open else bisect_left(ends, target)
            if index < len(ends):
                return table.starts[index] + target - table.cum[index]
            table = self._extend_for(table, target)

    def _cover(self, at: int) -> _Table:
        try:
            year = from_us(at).astimezone(self._zone).year
        except OverflowError:
            raise ValueError(f"instant {at} µs is outside the supported range") from None
        with self._lock:
            table = self._table
            while table is None or not table.lo <= at <= table.hi:
                if table is None:
                    table = self._build(year, year)
                elif at < table.lo:
                    table = self._prepend(table, min(year, table.first - 1))
                else:
                    table = self._append(table, max(year, table.last + 1))
                self._table = table
            return table

    def _extend_for(self, table: _Table, target: int) -> _Table:
        with self._lock:
            current = self._table
            assert current is not None
            if current.last > table.last:
                return current
            have = (current.cum_end[-1] if current.cum_end else current.base) - current.base
            per_year = have // (current.last - current.first + 1)
            missing = target - (current.cum_end[-1] if current.cum_end else current.base)
            years = 1 if per_year <= 0 else missing // per_year + 1
            extended = self._append(current, current.last + years)
            self._table = extended
            return extended

    def _build(self, first: int, last: int) -> _Table:
        _check_year(first)
        _check_year(last)
        spans = [span for year in range(first, last + 1) for span in self._year_spans(year)]
        return _table(first, last, self._new_year_us(first), self._new_year_us(last + 1), 0, spans)

    def _append(self, table: _Table, last: int) -> _Table:
        _check_year(last)
        spans = list(zip(table.starts, table.ends, strict=True))
        spans += [span for year in range(table.last + 1, last + 1) for span in self._year_spans(year)]
        return _table(table.first, last, table.lo, self._new_year_us(last + 1), table.base, spans)

    def _prepend(self, table: _Table, first: int) -> _Table:
        _check_year(first)
        added = [span for year in range(first, table.first) for span in self._year_spans(year)]
        base = table.base - sum(end - start for start, end in added)
        spans = added + list(zip(table.starts, table.ends, strict=True))
        return _table(first, table.last, self._new_year_us(first), table.hi, base, spans)

    def _year_spans(self, year: int) -> list[Span]:
        """Rules 1 and 2: each local date's windows, converted on that date; holidays
        drop the whole date."""
        windows = self._spec.windows
        holidays = self._spec.holidays.dates_in(year)
        spans: list[Span] = []
        day = date(year, 1, 1)
        while day.year == year:
            if day not in holidays:
                for start, end in windows[day.weekday()]:
                    begin, finish = self._local_us(day, start), self._local_us(day, end)
                    # A window inside a spring-forward gap can come out empty or reversed.
                    if finish > begin:
                        spans.append((begin, finish))
            day += _ONE_DAY
        return _merge(spans)

    def _local_us(self, day: date, minute: int) -> int:
        # fold=0: a nonexistent time moves forward by the gap, an ambiguous one takes
        # its first occurrence (rule 1); zoneinfo does both with the pre-transition offset.
        if minute == MINUTES_PER_DAY:
            day, minute = day + _ONE_DAY, 0
        local = datetime(day.year, day.month, day.day, minute // 60, minute % 60, tzinfo=self._zone)
        return to_us(local)

    def _new_year_us(self, year: int) -> int:
        return self._local_us(date(year, 1, 1), 0)


def _check_year(year: int) -> None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise ValueError(f"business calendars cover the years {_MIN_YEAR}..{_MAX_YEAR}, not {year}")


def _table(first: int, last: int, lo: int, hi: int, base: int, spans: list[Span]) -> _Table:
    starts, ends, cum, cum_end = [], [], [], []
    running = base
    for start, end in spans:
        starts.append(start)
        ends.append(end)
        cum.append(running)
        running += end - start
        cum_end.append(running)
    return _Table(first, last, lo, hi, base, starts, ends, cum, cum_end)


def _merge(spans: list[Span]) -> list[Span]:
    spans.sort()
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def normalize_pauses(pauses: Iterable[tuple[datetime, datetime]]) -> list[Span]:
    """Aware (begin, end) pairs as sorted, disjoint microsecond spans."""
    spans: list[Span] = []
    for index, (begin, end) in enumerate(pauses):
        p0, p1 = to_us(begin, f"pauses[{index}] begin"), to_us(end, f"pauses[{index}] end")
        if p1 < p0:
            raise ValueError(f"pauses[{index}]: ends {end.isoformat()} before it begins {begin.isoformat()}")
        if p1 > p0:
            spans.append((p0, p1))
    return _merge(spans)

"""Settings that change over time (a calendar or the policy edited in a workspace).

Clocks use the revision in force when a cycle ended, or now for a cycle still open: an
edit recomputes open clocks at once, and finished cycles keep the result they had.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime
from typing import Generic, TypeVar

from advisor_app.sla.timebase import to_us

T = TypeVar("T")


class Revisions(Generic[T]):
    """`initial`, replaced by each of `changes` (instant, value) from its instant on."""

    __slots__ = ("_instants", "_values", "changes", "initial")

    def __init__(self, initial: T, changes: Sequence[tuple[datetime, T]] = ()) -> None:
        instants = [to_us(at, f"changes[{index}] instant") for index, (at, _) in enumerate(changes)]
        if instants != sorted(instants):
            raise ValueError("revisions must be given in time order")
        self.initial = initial
        self.changes = tuple(changes)
        self._instants = instants
        self._values = [initial] + [value for _, value in changes]

    def at_us(self, instant: int) -> T:
        return self._values[bisect_right(self._instants, instant)]

    def at(self, instant: datetime) -> T:
        return self.at_us(to_us(instant))

    @property
    def current(self) -> T:
        return self._values[-1]

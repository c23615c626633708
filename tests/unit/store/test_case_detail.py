"""The case detail query: the case, its account, its events in time order and its clocks."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from advisor_app.domain import EventKind
from advisor_app.sla import ClockState
from advisor_app.store import schema
from advisor_app.store.case_detail import case_detail
from advisor_app.store.clocks import business_time_left
from advisor_app.workspace.desk import Desk


def _running_case(desk: Desk) -> int:
    c = schema.cases.c
    with desk.engine.connect() as connection:
        return connection.execute(
            select(c.id).where(c.clock_state == ClockState.RUNNING.value, c.clock_open).order_by(c.id).limit(1)
        ).scalar_one()


def test_a_case_reads_with_account_events_and_clocks(demo_desk: Desk) -> None:
    with demo_desk.engine.connect() as connection:
        detail = case_detail(connection, 1, demo_desk.clock())
        stored = connection.execute(select(schema.cases).where(schema.cases.c.id == 1)).one()
        events = connection.execute(select(schema.case_events.c.id).where(schema.case_events.c.case_id == 1)).all()
    assert detail is not None
    assert (detail.case.remote_id, detail.case.subject) == (stored.remote_id, stored.subject)
    assert detail.account.id == stored.account_id
    assert len(detail.events) == len(events) > 0
    assert detail.events[0].kind is EventKind.CUSTOMER_MESSAGE
    assert [event.at for event in detail.events] == sorted(event.at for event in detail.events)
    assert detail.clocks, "a demo case has at least its first-response clock"
    assert all(clock.target is not None for clock in detail.clocks)


def test_an_unknown_case_reads_as_none(demo_desk: Desk) -> None:
    with demo_desk.engine.connect() as connection:
        assert case_detail(connection, 987_654, demo_desk.clock()) is None


def test_a_running_clock_counts_down_in_business_time_without_another_query(demo_desk: Desk) -> None:
    case_id = _running_case(demo_desk)
    now = demo_desk.clock()
    with demo_desk.engine.connect() as connection:
        detail = case_detail(connection, case_id, now)
        assert detail is not None
        clock = detail.clocks[-1]
        assert clock.is_open and clock.deadline is not None
        later = now + timedelta(hours=5)
        expected = business_time_left(connection, detail.account.region, detail.case.severity, clock.deadline, later)
    first, second = clock.at(now), clock.at(later)
    assert first.state is ClockState.RUNNING
    assert first.business_left is not None and second.business_left is not None
    assert second.business_left == expected
    assert second.business_left <= first.business_left
    past = clock.at(clock.deadline + timedelta(minutes=1))
    assert past.state is ClockState.BREACHED
    assert past.wall_left == timedelta(minutes=-1)
    assert past.business_left is not None and past.business_left <= timedelta(0)

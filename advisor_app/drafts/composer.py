"""The facts of one account's ISO week, read from the local store only (works offline).

The week runs from Monday 00:00 to the next Monday 00:00 in the account's time zone. Facts
are judged as of the week's end, or now while the week is still running: a case's status
and severity at that instant come from its history, SLA cycles from `store.clocks`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, or_, select

from advisor_app.domain import CaseStatus, EventKind, Severity, load_tiers
from advisor_app.domain.model import require_aware
from advisor_app.drafts import DraftError
from advisor_app.obligations.contract_years import contract_year
from advisor_app.obligations.service_days import allotment_half_days, balance
from advisor_app.obligations.usage import ComparedWeeks, WeekChange, compared_weeks, usage_series, week_over_week
from advisor_app.obligations.weekly_updates import week_monday
from advisor_app.sla import ClockKind, ClockState
from advisor_app.store import schema
from advisor_app.store.clocks import clocks_for_cases
from advisor_app.store.queries import ACTIVE_STATUSES

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class AccountFacts:
    id: int
    name: str
    tier: str
    tier_name: str
    timezone: str
    named_advisor: str | None


@dataclass(frozen=True, slots=True)
class CaseFact:
    id: int
    remote_id: str
    subject: str
    severity: Severity  # as of the week's cut
    status: CaseStatus  # as of the week's cut
    created_at: datetime  # in the account's zone
    requester: str


@dataclass(frozen=True, slots=True)
class SlaFact:
    """A response cycle that was met or breached in the week."""

    case: CaseFact
    kind: ClockKind
    state: ClockState  # MET or BREACHED
    at: datetime  # the reply that met it, or the breach instant; in the account's zone
    target: timedelta | None


@dataclass(frozen=True, slots=True)
class RiskFact:
    case: CaseFact
    kind: ClockKind
    deadline: datetime | None  # in the account's zone


@dataclass(frozen=True, slots=True)
class NoteFact:
    id: int
    body: str
    case_remote_id: str | None
    created_at: datetime  # in the account's zone


@dataclass(frozen=True, slots=True)
class ServiceDayFacts:
    used_this_week: int  # half days
    allotted: int | None  # half days per contract year; None when nothing is allotted
    used_this_year: int
    remaining: int | None
    year_first_day: date
    year_last_day: date


@dataclass(frozen=True, slots=True)
class WeekFacts:
    account: AccountFacts
    week: str
    first_day: date  # Monday
    last_day: date  # Sunday
    as_of: datetime  # the cut, in the account's zone: the week's end, or now while it runs
    complete: bool  # the week has ended
    opened: tuple[CaseFact, ...]
    solved: tuple[CaseFact, ...]
    active: tuple[CaseFact, ...]
    met: tuple[SlaFact, ...]
    breached: tuple[SlaFact, ...]
    at_risk: tuple[RiskFact, ...]
    waiting: tuple[CaseFact, ...]
    service_days: ServiceDayFacts
    usage_weeks: ComparedWeeks
    """The complete weeks usage compares (the week itself once ended, else the last that has)."""
    usage: tuple[WeekChange, ...]
    notes: tuple[NoteFact, ...]
    highlights: str = ""
    by_severity: dict[int, dict[str, int]] = field(default_factory=dict)

    @property
    def has_data(self) -> bool:
        return bool(
            self.opened
            or self.solved
            or self.active
            or self.met
            or self.breached
            or self.service_days.used_this_week
            or self.usage
            or self.notes
        )


def week_bounds(week: str, timezone: str) -> tuple[datetime, datetime]:
    """The week's [start, end) in UTC: Monday 00:00 to the next Monday 00:00, local."""
    zone = ZoneInfo(timezone)
    monday = week_monday(week)
    start = datetime.combine(monday, time(0), tzinfo=zone).astimezone(UTC)
    end = datetime.combine(monday + timedelta(days=7), time(0), tzinfo=zone).astimezone(UTC)
    return start, end


def _account(connection: Connection, account_id: int) -> AccountFacts:
    a = schema.accounts.c
    row = connection.execute(
        select(a.id, a.name, a.tier, a.timezone, a.named_advisor, a.removed_at).where(a.id == account_id)
    ).one_or_none()
    if row is None:
        raise DraftError(f"no account with id {account_id}")
    tier = load_tiers().get(row.tier)
    return AccountFacts(row.id, row.name, row.tier, tier.name, row.timezone, row.named_advisor)


_STOPS = (CaseStatus.SOLVED, CaseStatus.CLOSED)


class _Timeline:
    """A case's status and severity over time, from its history."""

    def __init__(self, severity: Severity, status: CaseStatus, events: list[tuple[str, datetime, str, str]]):
        statuses = [(e[1], e[3]) for e in events if e[0] == EventKind.STATUS_CHANGE and e[3]]
        severities = [(e[1], e[3]) for e in events if e[0] == EventKind.SEVERITY_CHANGE and e[3]]
        first_status = CaseStatus(statuses[0][1]) if statuses else status
        first_severity = Severity(int(severities[0][1])) if severities else severity
        self.statuses = [(None, first_status)] + [
            (e[1], CaseStatus(e[2])) for e in events if e[0] == EventKind.STATUS_CHANGE and e[2]
        ]
        self.severities = [(None, first_severity)] + [
            (e[1], Severity(int(e[2]))) for e in events if e[0] == EventKind.SEVERITY_CHANGE and e[2]
        ]

    def status_at(self, instant: datetime) -> CaseStatus:
        return _value_at(self.statuses, instant)

    def severity_at(self, instant: datetime) -> Severity:
        return _value_at(self.severities, instant)

    def solved_between(self, start: datetime, end: datetime) -> bool:
        """Moved from an active status to solved or closed within [start, end)."""
        previous = self.statuses[0][1]
        for at, status in self.statuses[1:]:
            if at is not None and start <= at < end and status in _STOPS and previous not in _STOPS:
                return True
            previous = status
        return False


def _value_at(changes: Sequence[tuple[datetime | None, T]], instant: datetime) -> T:
    value = changes[0][1]
    for at, new in changes[1:]:
        if at is not None and at <= instant:
            value = new
    return value


def compose_week(
    connection: Connection, account_id: int, week: str, now: datetime, *, highlights: str = ""
) -> WeekFacts:
    """Everything the weekly update of `week` reports for the account, as of min(now, week end)."""
    require_aware(now, "now")
    account = _account(connection, account_id)
    zone = ZoneInfo(account.timezone)
    start, end = week_bounds(week, account.timezone)
    cut = max(start, min(now, end))
    last_instant = cut - timedelta(microseconds=1) if cut == end else cut

    def local(instant: datetime) -> datetime:
        return instant.astimezone(zone)

    c, e = schema.cases.c, schema.case_events.c
    rows = connection.execute(
        select(c.id, c.remote_id, c.subject, c.severity, c.status, c.created_at, c.requester)
        .where(
            c.account_id == account_id,
            c.removed_at.is_(None),
            c.created_at < end,
            or_(c.status.in_(ACTIVE_STATUSES), c.updated_at >= start),
        )
        .order_by(c.created_at, c.id)
    ).all()
    ids = [row.id for row in rows]
    events: dict[int, list[tuple[str, datetime, str, str]]] = defaultdict(list)
    for chunk in range(0, len(ids), 500):
        for case_id, kind, at, value, old_value in connection.execute(
            select(e.case_id, e.kind, e.at, e.value, e.old_value)
            .where(e.case_id.in_(ids[chunk : chunk + 500]), e.kind.in_(("status_change", "severity_change")))
            .order_by(e.case_id, e.at, e.id)
        ):
            events[case_id].append((kind, at, value, old_value))

    facts: dict[int, CaseFact] = {}
    opened, solved, active, waiting = [], [], [], []
    for row in rows:
        timeline = _Timeline(Severity(row.severity), CaseStatus(row.status), events[row.id])
        status = timeline.status_at(last_instant) if row.created_at <= last_instant else timeline.statuses[0][1]
        fact = CaseFact(
            row.id,
            row.remote_id,
            row.subject,
            timeline.severity_at(last_instant),
            status,
            local(row.created_at),
            row.requester,
        )
        facts[row.id] = fact
        if start <= row.created_at < cut:
            opened.append(fact)
        if timeline.solved_between(start, cut):
            solved.append(fact)
        if row.created_at < cut and status.is_active:
            active.append(fact)
            if status is CaseStatus.PENDING:
                waiting.append(fact)

    met, breached, at_risk = [], [], []
    for case_id, clocks in clocks_for_cases(connection, ids, cut).items():
        fact = facts[case_id]
        for clock in clocks.clocks:
            if (
                clock.state is ClockState.MET
                and not clock.stopped
                and clock.ended_at is not None
                and start <= clock.ended_at < cut
            ):
                met.append(SlaFact(fact, clock.kind, clock.state, local(clock.ended_at), clock.target))
            if clock.breach_at is not None and start <= clock.breach_at < cut:
                breached.append(SlaFact(fact, clock.kind, ClockState.BREACHED, local(clock.breach_at), clock.target))
            if clock.ended_at is None and clock.at_risk and clock.state is ClockState.RUNNING:
                deadline = None if clock.deadline is None else local(clock.deadline)
                at_risk.append(RiskFact(fact, clock.kind, deadline))
    met.sort(key=lambda item: item.at)
    breached.sort(key=lambda item: item.at)
    at_risk.sort(key=lambda item: (item.deadline is None, item.deadline or cut))

    by_severity = {int(s): {"opened": 0, "solved": 0, "active": 0} for s in Severity}
    for key, group in (("opened", opened), ("solved", solved), ("active", active)):
        for fact in group:
            by_severity[int(fact.severity)][key] += 1

    first_day = week_monday(week)
    last_day = first_day + timedelta(days=6)
    usage_weeks = compared_weeks(local(now).date(), week)
    return WeekFacts(
        account=account,
        week=week,
        first_day=first_day,
        last_day=last_day,
        as_of=local(cut),
        complete=now >= end,
        opened=tuple(opened),
        solved=tuple(solved),
        active=tuple(active),
        met=tuple(met),
        breached=tuple(breached),
        at_risk=tuple(at_risk),
        waiting=tuple(waiting),
        service_days=_service_days(connection, account, first_day, last_day, local(last_instant).date()),
        usage_weeks=usage_weeks,
        usage=_usage(connection, account_id, usage_weeks),
        notes=_notes(connection, account_id, end, zone),
        highlights=highlights.strip(),
        by_severity=by_severity,
    )


def _service_days(
    connection: Connection, account: AccountFacts, first_day: date, last_day: date, on: date
) -> ServiceDayFacts:
    s, a = schema.service_day_entries.c, schema.accounts.c
    entries = [
        (day, half_days)
        for day, half_days in connection.execute(select(s.day, s.half_days).where(s.account_id == account.id))
    ]
    start = connection.execute(select(a.contract_year_start).where(a.id == account.id)).scalar_one()
    year = contract_year(start, on)
    allotted = allotment_half_days(load_tiers().get(account.tier))
    result = balance(entries, allotted, year, on)
    this_week = sum(half_days for day, half_days in entries if first_day <= day <= last_day)
    return ServiceDayFacts(this_week, allotted, result.used, result.remaining, year.first_day, year.last_day)


def _usage(connection: Connection, account_id: int, weeks: ComparedWeeks) -> tuple[WeekChange, ...]:
    """Each metric's mean per day in the compared week against the week before."""
    series = usage_series(connection, account_id, since=weeks.previous_first_day)
    return tuple(sorted(week_over_week(series, weeks), key=lambda change: change.metric))


def _notes(connection: Connection, account_id: int, end: datetime, zone: ZoneInfo) -> tuple[NoteFact, ...]:
    n, c = schema.notes.c, schema.cases.c
    rows = connection.execute(
        select(n.id, n.body, c.remote_id, n.created_at)
        .select_from(schema.notes.outerjoin(schema.cases, c.id == n.case_id))
        .where(n.account_id == account_id, n.flagged_for_update, n.created_at < end)
        .order_by(n.created_at, n.id)
    )
    return tuple(NoteFact(note_id, body, remote_id, at.astimezone(zone)) for note_id, body, remote_id, at in rows)

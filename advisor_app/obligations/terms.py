"""An account's contract terms: the tier's values, with the contract's overrides on top."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from advisor_app.domain import SupportTier, load_tiers
from advisor_app.errors import ContractOverrideError, ObligationError
from advisor_app.obligations.contract_years import ContractYear, contract_year
from advisor_app.obligations.journal import Edit
from advisor_app.obligations.service_days import allotment_half_days
from advisor_app.obligations.weekly_updates import DEFAULT_DUE_TIME, DEFAULT_DUE_WEEKDAY, week_monday
from advisor_app.store import schema

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MAX_OVERRIDE_DAYS = 365


@dataclass(frozen=True, slots=True)
class ContractTerms:
    account_id: int
    account_name: str
    tier: SupportTier
    timezone: str
    contract_start: date
    named_advisor: str | None
    allotted_half_days: int | None
    """Service days per contract year in half days; None when neither tier nor contract says."""
    weekly_updates: bool
    due_weekday: int
    """Monday is 0."""
    due_time: time
    overridden: frozenset[str]
    """Which of service_days, weekly_updates, due_weekday, due_time the contract sets."""
    first_synced_at: datetime | None = None
    """When the workspace first synced the account (None: not recorded yet)."""
    updates_from_week: str | None = None
    """The ISO week the advisor says weekly updates are owed from (None: the first sync's)."""

    def local_today(self, now: datetime) -> date:
        return now.astimezone(ZoneInfo(self.timezone)).date()

    def year_of(self, day: date) -> ContractYear:
        return contract_year(self.contract_start, day)

    def current_year(self, now: datetime) -> ContractYear:
        return self.year_of(self.local_today(now))

    def updates_owed_from(self, now: datetime) -> date:
        """The Monday of the first week a weekly update is owed for: the week the advisor set,
        else the week of the first sync (this week while none is recorded), never before the
        contract's start. Not the contract year's first day: a workspace started mid-year does
        not owe the weeks before it tracked the account."""
        if self.updates_from_week is not None:
            first = week_monday(self.updates_from_week)
        else:
            synced = self.local_today(now) if self.first_synced_at is None else self.local_today(self.first_synced_at)
            first = synced - timedelta(days=synced.weekday())
        start = self.contract_start - timedelta(days=self.contract_start.weekday())
        return max(first, start)


def load_terms(connection: Connection, account_ids: Iterable[int] | None = None) -> dict[int, ContractTerms]:
    """Terms of the given accounts (all accounts not removed when None), by account id."""
    a, o, t = schema.accounts.c, schema.contract_overrides.c, schema.account_tracking.c
    query = select(
        a.id,
        a.name,
        a.tier,
        a.timezone,
        a.contract_year_start,
        a.named_advisor,
        o.service_half_days,
        o.weekly_updates,
        o.due_weekday,
        o.due_minute,
        t.first_synced_at,
        t.updates_from_week,
    )
    query = query.outerjoin(schema.contract_overrides, o.account_id == a.id)
    query = query.outerjoin(schema.account_tracking, t.account_id == a.id)
    query = query.where(a.removed_at.is_(None) if account_ids is None else a.id.in_(list(account_ids)))
    tiers = load_tiers()
    terms = {}
    for row in connection.execute(query):
        account_id, name, tier_id, zone, start, advisor, half_days, weekly, weekday, minute, synced, from_week = row
        tier = tiers.get(tier_id)
        overridden = {
            field
            for field, value in (
                ("service_days", half_days),
                ("weekly_updates", weekly),
                ("due_weekday", weekday),
                ("due_time", minute),
            )
            if value is not None
        }
        terms[account_id] = ContractTerms(
            account_id=account_id,
            account_name=name,
            tier=tier,
            timezone=zone,
            contract_start=start,
            named_advisor=advisor,
            allotted_half_days=half_days if half_days is not None else allotment_half_days(tier),
            weekly_updates=bool(weekly) if weekly is not None else (advisor is not None and tier.weekly_updates),
            due_weekday=weekday if weekday is not None else DEFAULT_DUE_WEEKDAY,
            due_time=time(minute // 60, minute % 60) if minute is not None else DEFAULT_DUE_TIME,
            overridden=frozenset(overridden),
            first_synced_at=synced,
            updates_from_week=from_week,
        )
    return terms


def terms_of(connection: Connection, account_id: int) -> ContractTerms:
    terms = load_terms(connection, [account_id]).get(account_id)
    if terms is None:
        raise ObligationError(f"account {account_id} does not exist")
    return terms


def set_contract_override(
    engine: Engine,
    account_id: int,
    *,
    now: datetime,
    service_days: float | None = None,
    weekly_updates: bool | None = None,
    due_weekday: int | None = None,
    due_time: time | None = None,
) -> None:
    """Set what the account's contract says (None for a field: the tier's default). One edit."""
    if service_days is not None and not 0 <= service_days <= MAX_OVERRIDE_DAYS:
        raise ContractOverrideError(f"service days: {service_days:g} is outside 0 to {MAX_OVERRIDE_DAYS}")
    if service_days is not None and service_days * 2 != int(service_days * 2):
        raise ContractOverrideError(f"service days: {service_days:g} is not a whole number of half days")
    if due_weekday is not None and (isinstance(due_weekday, bool) or due_weekday not in range(7)):
        raise ContractOverrideError(f"due weekday: {due_weekday!r} is not 0 (Monday) to 6 (Sunday)")
    if due_time is not None and (due_time.second or due_time.microsecond or due_time.tzinfo is not None):
        raise ContractOverrideError(f"due time: {due_time.isoformat()} must be whole minutes in the account's zone")
    with Session(engine) as session, session.begin():
        terms_of(session.connection(), account_id)
        edit = Edit(session, account_id, "Change the contract terms", now)
        edit.track(schema.contract_overrides, {"account_id": account_id})
        row = session.get(schema.ContractOverrideRow, account_id)
        values = {
            "service_half_days": None if service_days is None else int(service_days * 2),
            "weekly_updates": weekly_updates,
            "due_weekday": due_weekday,
            "due_minute": None if due_time is None else due_time.hour * 60 + due_time.minute,
        }
        if all(value is None for value in values.values()):
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(schema.ContractOverrideRow(account_id=account_id, updated_at=now, **values))
        else:
            for name, value in values.items():
                setattr(row, name, value)
            row.updated_at = now
        edit.finish()

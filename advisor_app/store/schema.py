"""The tables of a workspace database.

Synced tables (accounts, contacts, cases, case events, usage metrics, sync state) are
written only by the sync engine through Core upserts keyed by (source, remote id).
Local-owned tables (service days, weekly updates, notes, update drafts, account tracking) are
written by the app, never by sync. Migrations in `migrations/versions` create exactly this schema.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import cast

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from advisor_app.store.types import UtcInstant

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class AccountRow(Base):
    __tablename__ = "accounts"
    __table_args__ = (UniqueConstraint("source", "remote_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    remote_id: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(400))
    tier: Mapped[str] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(40))
    timezone: Mapped[str] = mapped_column(String(64))
    contract_year_start: Mapped[date] = mapped_column(Date)
    named_advisor: Mapped[str | None] = mapped_column(String(200))
    contract_status: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[datetime] = mapped_column(UtcInstant)
    removed_at: Mapped[datetime | None] = mapped_column(UtcInstant)


class ContactRow(Base):
    __tablename__ = "contacts"
    __table_args__ = (UniqueConstraint("source", "remote_id"), Index(None, "account_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    remote_id: Mapped[str] = mapped_column(String(200))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    name: Mapped[str] = mapped_column(String(400))
    email: Mapped[str] = mapped_column(String(400))
    authorized: Mapped[bool] = mapped_column(Boolean)
    updated_at: Mapped[datetime] = mapped_column(UtcInstant)
    removed_at: Mapped[datetime | None] = mapped_column(UtcInstant)


class CaseRow(Base):
    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("source", "remote_id"),
        Index(None, "account_id", "status"),
        Index(None, "updated_at"),
        Index(None, "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    remote_id: Mapped[str] = mapped_column(String(200))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    subject: Mapped[str] = mapped_column(String(1000))
    description: Mapped[str] = mapped_column(Text)
    requester: Mapped[str] = mapped_column(String(400))
    severity: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))
    # The status as the source names it; `status` is its meaning by the workspace's status
    # map, re-derived from this when the map changes (store/status_meanings.py).
    source_status: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UtcInstant)
    updated_at: Mapped[datetime] = mapped_column(UtcInstant)
    removed_at: Mapped[datetime | None] = mapped_column(UtcInstant)
    # The SLA clock that matters for the case (advisor_app.sla.CaseClockSummary), recomputed
    # from the history whenever the case, its events, its calendar or the policy change.
    clock_state: Mapped[str | None] = mapped_column(String(20))
    clock_kind: Mapped[str | None] = mapped_column(String(20))
    clock_open: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    clock_paused: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    clock_deadline: Mapped[datetime | None] = mapped_column(UtcInstant, index=True)
    clock_at_risk_at: Mapped[datetime | None] = mapped_column(UtcInstant, index=True)
    clock_breach_at: Mapped[datetime | None] = mapped_column(UtcInstant)
    clock_breaches: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    clock_computed_at: Mapped[datetime | None] = mapped_column(UtcInstant)


class CaseEventRow(Base):
    __tablename__ = "case_events"
    __table_args__ = (UniqueConstraint("source", "remote_id"), Index(None, "case_id", "at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    remote_id: Mapped[str] = mapped_column(String(200))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(30))
    at: Mapped[datetime] = mapped_column(UtcInstant)
    author: Mapped[str] = mapped_column(String(400))
    value: Mapped[str] = mapped_column(Text, default="")
    old_value: Mapped[str] = mapped_column(Text, default="")
    # Status changes: the statuses as the source names them (value/old_value hold their meanings).
    source_value: Mapped[str | None] = mapped_column(String(100))
    source_old_value: Mapped[str | None] = mapped_column(String(100))


class UsageMetricRow(Base):
    __tablename__ = "usage_metrics"
    __table_args__ = (UniqueConstraint("account_id", "metric", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    metric: Mapped[str] = mapped_column(String(100))
    day: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)


class ServiceDayEntryRow(Base):
    __tablename__ = "service_day_entries"
    __table_args__ = (Index(None, "account_id", "day"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    day: Mapped[date] = mapped_column(Date)
    half_days: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcInstant)
    updated_at: Mapped[datetime] = mapped_column(UtcInstant)
    # Booked (with the advisor's confirmation) beyond the contract year's allotment.
    over_allotment: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class ServiceDayCaseRow(Base):
    """A case a service-day entry was spent on."""

    __tablename__ = "service_day_cases"
    __table_args__ = (Index(None, "case_id"),)

    entry_id: Mapped[int] = mapped_column(ForeignKey("service_day_entries.id", ondelete="CASCADE"), primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)


class ContractOverrideRow(Base):
    """What an account's contract says where it differs from its tier (null: the tier's value)."""

    __tablename__ = "contract_overrides"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    service_half_days: Mapped[int | None] = mapped_column(Integer)
    weekly_updates: Mapped[bool | None] = mapped_column(Boolean)
    due_weekday: Mapped[int | None] = mapped_column(Integer)
    due_minute: Mapped[int | None] = mapped_column(Integer)
    """Minutes after local midnight of the due weekday."""
    updated_at: Mapped[datetime] = mapped_column(UtcInstant)


class AccountTrackingRow(Base):
    """Since when the workspace tracks an account: weekly updates are owed from the week of its
    first sync, or from the week the advisor sets (local-owned; sync never writes it)."""

    __tablename__ = "account_tracking"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    first_synced_at: Mapped[datetime] = mapped_column(UtcInstant)
    updates_from_week: Mapped[str | None] = mapped_column(String(8))
    """An ISO week like 2026-W40 the advisor chose; None: the week of the first sync."""
    updated_at: Mapped[datetime] = mapped_column(UtcInstant)


class ObligationEditRow(Base):
    """One edit of local-owned obligation data, with the rows before and after, so it can be undone."""

    __tablename__ = "obligation_edits"
    __table_args__ = (Index(None, "account_id", "undone_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    description: Mapped[str] = mapped_column(Text)
    changes: Mapped[str] = mapped_column(Text)
    made_at: Mapped[datetime] = mapped_column(UtcInstant)
    undone_at: Mapped[datetime | None] = mapped_column(UtcInstant)


class WeeklyUpdateRow(Base):
    __tablename__ = "weekly_updates"
    __table_args__ = (UniqueConstraint("account_id", "iso_week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    iso_week: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(UtcInstant)
    updated_at: Mapped[datetime] = mapped_column(UtcInstant)


class NoteRow(Base):
    """An advisor's note on an account (or one of its cases); flagged ones go into the weekly update."""

    __tablename__ = "notes"
    __table_args__ = (Index(None, "account_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    body: Mapped[str] = mapped_column(Text)
    flagged_for_update: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UtcInstant)
    updated_at: Mapped[datetime] = mapped_column(UtcInstant)


class UpdateDraftRow(Base):
    """What a week's draft (`weekly_updates.body`) was made from: the advisor's highlights, the
    template and language, and the body as generated (to tell hand edits from it)."""

    __tablename__ = "update_drafts"
    __table_args__ = (UniqueConstraint("account_id", "iso_week"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    iso_week: Mapped[str] = mapped_column(String(8))
    highlights: Mapped[str] = mapped_column(Text, default="")
    template: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(8))
    generated_body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UtcInstant)


class SyncStateRow(Base):
    __tablename__ = "sync_state"

    source: Mapped[str] = mapped_column(String(40), primary_key=True)
    stream: Mapped[str] = mapped_column(String(40), primary_key=True)
    cursor: Mapped[str | None] = mapped_column(Text)
    source_identity: Mapped[str] = mapped_column(String(400))
    updated_at: Mapped[datetime] = mapped_column(UtcInstant)


class CalendarEditRow(Base):
    """A local edit of a business calendar (holidays added or removed, hours changed).

    Edits are kept as revisions in time order, so clocks that finished before an edit keep
    the result they had, while open clocks follow the newest revision at once.
    """

    __tablename__ = "calendar_edits"
    __table_args__ = (Index(None, "calendar_id", "effective_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    calendar_id: Mapped[str] = mapped_column(String(64))
    effective_at: Mapped[datetime] = mapped_column(UtcInstant)
    spec: Mapped[str] = mapped_column(Text)


class QuarantineRow(Base):
    """A synced record that could not be stored, with the reason; retried by later syncs."""

    __tablename__ = "quarantine"
    __table_args__ = (UniqueConstraint("source", "stream", "remote_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    stream: Mapped[str] = mapped_column(String(40))
    remote_id: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text, default="")
    seen_at: Mapped[datetime] = mapped_column(UtcInstant)


class AppSessionRow(Base):
    """One run of the window: "what changed since you were last here" starts at the previous one."""

    __tablename__ = "app_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opened_at: Mapped[datetime] = mapped_column(UtcInstant)
    closed_at: Mapped[datetime | None] = mapped_column(UtcInstant)


class NotifiedEventRow(Base):
    """A case event (at risk, breached, new Severity 1) the advisor was notified of, once."""

    __tablename__ = "notified_events"
    __table_args__ = (UniqueConstraint("case_id", "kind", "event_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(20))
    event_at: Mapped[datetime] = mapped_column(UtcInstant)
    notified_at: Mapped[datetime] = mapped_column(UtcInstant)


class CaseSnoozeRow(Base):
    """No notifications for this case until `until`."""

    __tablename__ = "case_snoozes"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    until: Mapped[datetime] = mapped_column(UtcInstant)


# Core handles on the tables, for upserts and list queries.
accounts = cast(Table, AccountRow.__table__)
contacts = cast(Table, ContactRow.__table__)
cases = cast(Table, CaseRow.__table__)
case_events = cast(Table, CaseEventRow.__table__)
usage_metrics = cast(Table, UsageMetricRow.__table__)
service_day_entries = cast(Table, ServiceDayEntryRow.__table__)
weekly_updates = cast(Table, WeeklyUpdateRow.__table__)
service_day_cases = cast(Table, ServiceDayCaseRow.__table__)
contract_overrides = cast(Table, ContractOverrideRow.__table__)
obligation_edits = cast(Table, ObligationEditRow.__table__)
account_tracking = cast(Table, AccountTrackingRow.__table__)
sync_state = cast(Table, SyncStateRow.__table__)
quarantine = cast(Table, QuarantineRow.__table__)
calendar_edits = cast(Table, CalendarEditRow.__table__)
notes = cast(Table, NoteRow.__table__)
update_drafts = cast(Table, UpdateDraftRow.__table__)
app_sessions = cast(Table, AppSessionRow.__table__)
notified_events = cast(Table, NotifiedEventRow.__table__)
case_snoozes = cast(Table, CaseSnoozeRow.__table__)

# The FTS5 search index (migration 0006, `store/search.py`) is a virtual table with shadow
# tables; SQLAlchemy does not model it, so schema comparisons leave it out.
SEARCH_INDEX = "search_index"


def is_modelled(name: str | None, type_: str, _parent_names: object = None) -> bool:
    """Alembic's `include_name`: every table but the search index and its shadow tables."""
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_INDEX))

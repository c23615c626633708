"""The service-day ledger of an account: booking, correcting and deleting entries, balances, CSV.

Every change is one transaction through the ORM with a journal entry, so it can be undone.
Booking beyond the contract year's allotment needs `confirm_over_allotment=True`; such an
entry is flagged `over_allotment`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from advisor_app.domain import ServiceDayKind
from advisor_app.errors import OverAllotmentError, ServiceDayError
from advisor_app.obligations.contract_years import ContractYear
from advisor_app.obligations.journal import Edit
from advisor_app.obligations.service_days import ServiceDayBalance, balance, check_entry, format_days
from advisor_app.obligations.terms import ContractTerms, load_terms, terms_of
from advisor_app.store import schema
from advisor_app.store.queries import case_numbers
from advisor_app.text.spreadsheet import neutralize_row

MAX_NOTE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    id: int
    account_id: int
    day: date
    half_days: int
    kind: ServiceDayKind
    note: str
    case_ids: tuple[int, ...]
    over_allotment: bool


def ledger(connection: Connection, account_id: int, year: ContractYear | None = None) -> list[LedgerEntry]:
    """The account's entries by date (of one contract year when given)."""
    s, link = schema.service_day_entries.c, schema.service_day_cases.c
    query = select(s.id, s.day, s.half_days, s.kind, s.note, s.over_allotment).where(s.account_id == account_id)
    if year is not None:
        query = query.where(s.day >= year.first_day, s.day <= year.last_day)
    rows = connection.execute(query.order_by(s.day, s.id)).all()
    links: dict[int, list[int]] = {}
    ids = [row.id for row in rows]
    if ids:
        for entry_id, case_id in connection.execute(
            select(link.entry_id, link.case_id).where(link.entry_id.in_(ids)).order_by(link.case_id)
        ):
            links.setdefault(entry_id, []).append(case_id)
    return [
        LedgerEntry(
            row.id,
            account_id,
            row.day,
            row.half_days,
            ServiceDayKind(row.kind),
            row.note,
            tuple(links.get(row.id, ())),
            bool(row.over_allotment),
        )
        for row in rows
    ]


def _entries_by_account(connection: Connection, account_ids: Iterable[int]) -> dict[int, list[tuple[date, int]]]:
    s = schema.service_day_entries.c
    result: dict[int, list[tuple[date, int]]] = {}
    ids = list(account_ids)
    for account_id, day, half_days in connection.execute(
        select(s.account_id, s.day, s.half_days).where(s.account_id.in_(ids))
    ):
        result.setdefault(account_id, []).append((day, half_days))
    return result


def balances(connection: Connection, now: datetime, terms: dict[int, ContractTerms]) -> dict[int, ServiceDayBalance]:
    """This contract year's balance (with projection) of each account in `terms`."""
    entries = _entries_by_account(connection, terms)
    result = {}
    for account_id, account in terms.items():
        today = account.local_today(now)
        result[account_id] = balance(
            entries.get(account_id, []), account.allotted_half_days, account.year_of(today), today
        )
    return result


def account_balance(connection: Connection, account_id: int, now: datetime) -> ServiceDayBalance:
    return balances(connection, now, {account_id: terms_of(connection, account_id)})[account_id]


@dataclass(frozen=True, slots=True)
class BalanceAttention:
    account_id: int
    account_name: str
    balance: ServiceDayBalance
    reason: str
    """"over_allotment", "runs_out" (before the year ends at this pace) or "lapsing" (days
    will lapse unused at this pace and the year ends within the horizon)."""


LAPSE_WARNING_DAYS = 90
"""Days that will lapse unused need a look once the contract year ends within this many days
(the one lapse-warning rule: Today and the Account 360 both read it from here)."""


def balances_needing_attention(connection: Connection, now: datetime) -> list[BalanceAttention]:
    """Accounts whose service days need a look (for the Today view), most urgent first; dates
    in each account's zone."""
    terms = load_terms(connection)
    result = []
    for account_id, current in balances(connection, now, terms).items():
        name = terms[account_id].account_name
        today = terms[account_id].local_today(now)
        projection = current.projection
        if current.over_allotment:
            result.append(BalanceAttention(account_id, name, current, "over_allotment"))
        elif projection is not None and projection.runs_out_on is not None:
            result.append(BalanceAttention(account_id, name, current, "runs_out"))
        elif (
            projection is not None
            and projection.lapsing_half_days > 0
            and (current.year.last_day - today).days <= LAPSE_WARNING_DAYS
        ):
            result.append(BalanceAttention(account_id, name, current, "lapsing"))
    order = {"over_allotment": 0, "runs_out": 1, "lapsing": 2}
    return sorted(result, key=lambda item: (order[item.reason], item.balance.year.last_day, item.account_name))


# Edits ------------------------------------------------------------------------------------


def _check_fields(
    connection: Connection,
    terms: ContractTerms,
    day: date,
    half_days: int,
    kind: ServiceDayKind | str,
    note: str,
    case_ids: Sequence[int],
    now: datetime,
) -> ServiceDayKind:
    if not isinstance(day, date) or isinstance(day, datetime):
        raise ServiceDayError(f"date: {day!r} is not a calendar date")
    check_entry(day, half_days)
    current = terms.current_year(now)
    if day > current.last_day:
        raise ServiceDayError(f"date: {day} is after the current contract year, which ends on {current.last_day}")
    try:
        kind = ServiceDayKind(kind)
    except ValueError:
        known = ", ".join(k.value for k in ServiceDayKind)
        raise ServiceDayError(f"kind: {kind!r} is not one of {known}") from None
    if len(note) > MAX_NOTE_CHARS:
        raise ServiceDayError(f"note: {len(note)} characters is more than {MAX_NOTE_CHARS}")
    if len(set(case_ids)) != len(case_ids):
        raise ServiceDayError("linked cases: a case is listed twice")
    if case_ids:
        c = schema.cases.c
        owners = dict(connection.execute(select(c.id, c.account_id).where(c.id.in_(list(case_ids)))).all())
        for case_id in case_ids:
            if case_id not in owners:
                raise ServiceDayError(f"linked cases: case {case_id} does not exist")
            if owners[case_id] != terms.account_id:
                raise ServiceDayError(f"linked cases: case {case_id} belongs to another account")
    return kind


def _over_allotment(
    connection: Connection,
    terms: ContractTerms,
    day: date,
    half_days: int,
    confirm: bool,
    replacing: int | None,
) -> bool:
    """Whether the booking goes beyond its contract year's allotment; raises unless confirmed."""
    allotted = terms.allotted_half_days
    if allotted is None:
        return False
    year = terms.year_of(day)
    s = schema.service_day_entries.c
    query = select(s.id, s.half_days).where(
        s.account_id == terms.account_id, s.day >= year.first_day, s.day <= year.last_day
    )
    used = sum(amount for entry_id, amount in connection.execute(query) if entry_id != replacing)
    if used + half_days <= allotted:
        return False
    if not confirm:
        raise OverAllotmentError(
            f"{format_days(half_days)} days would bring the contract year {year.first_day} to {year.last_day}"
            f" to {format_days(used + half_days)} of {format_days(allotted)} allotted days;"
            " confirm to book beyond the allotment",
            allotted_half_days=allotted,
            used_half_days=used,
        )
    return True


def _set_links(session: Session, edit: Edit, entry_id: int, case_ids: Sequence[int]) -> None:
    link = schema.service_day_cases
    current = set(session.execute(select(link.c.case_id).where(link.c.entry_id == entry_id)).scalars())
    wanted = set(case_ids)
    for case_id in sorted(current - wanted):
        edit.track(link, {"entry_id": entry_id, "case_id": case_id})
        session.execute(link.delete().where(link.c.entry_id == entry_id, link.c.case_id == case_id))
    for case_id in sorted(wanted - current):
        edit.track(link, {"entry_id": entry_id, "case_id": case_id}, new=True)
        session.add(schema.ServiceDayCaseRow(entry_id=entry_id, case_id=case_id))


def book_service_day(
    engine: Engine,
    account_id: int,
    day: date,
    half_days: int,
    kind: ServiceDayKind | str,
    note: str = "",
    case_ids: Sequence[int] = (),
    *,
    now: datetime,
    confirm_over_allotment: bool = False,
) -> int:
    """Book an entry; returns its id. Raises ServiceDayError (OverAllotmentError unless confirmed)."""
    with Session(engine) as session, session.begin():
        connection = session.connection()
        terms = terms_of(connection, account_id)
        kind = _check_fields(connection, terms, day, half_days, kind, note, case_ids, now)
        over = _over_allotment(connection, terms, day, half_days, confirm_over_allotment, None)
        row = schema.ServiceDayEntryRow(
            account_id=account_id,
            day=day,
            half_days=half_days,
            kind=kind.value,
            note=note,
            created_at=now,
            updated_at=now,
            over_allotment=over,
        )
        session.add(row)
        session.flush()
        edit = Edit(session, account_id, f"Book {format_days(half_days)} days on {day}", now)
        edit.track(schema.service_day_entries, {"id": row.id}, new=True)
        _set_links(session, edit, row.id, case_ids)
        edit.finish()
        return row.id


def _entry(session: Session, entry_id: int) -> schema.ServiceDayEntryRow:
    row = session.get(schema.ServiceDayEntryRow, entry_id)
    if row is None:
        raise ServiceDayError(f"service-day entry {entry_id} does not exist (deleted meanwhile?)")
    return row


def correct_service_day(
    engine: Engine,
    entry_id: int,
    day: date,
    half_days: int,
    kind: ServiceDayKind | str,
    note: str = "",
    case_ids: Sequence[int] = (),
    *,
    now: datetime,
    confirm_over_allotment: bool = False,
) -> None:
    """Replace an entry's fields; the same checks as booking (the entry's old amount not counted)."""
    with Session(engine) as session, session.begin():
        connection = session.connection()
        row = _entry(session, entry_id)
        terms = terms_of(connection, row.account_id)
        kind = _check_fields(connection, terms, day, half_days, kind, note, case_ids, now)
        over = _over_allotment(connection, terms, day, half_days, confirm_over_allotment, entry_id)
        edit = Edit(session, row.account_id, f"Correct the entry of {row.day}", now)
        edit.track(schema.service_day_entries, {"id": entry_id})
        row.day, row.half_days, row.kind, row.note = day, half_days, kind.value, note
        row.over_allotment = over
        row.updated_at = now
        _set_links(session, edit, entry_id, case_ids)
        edit.finish()


def delete_service_day(engine: Engine, entry_id: int, *, now: datetime) -> None:
    with Session(engine) as session, session.begin():
        row = _entry(session, entry_id)
        edit = Edit(session, row.account_id, f"Delete the entry of {row.day}", now)
        _set_links(session, edit, entry_id, ())
        edit.track(schema.service_day_entries, {"id": entry_id})
        session.delete(row)
        edit.finish()


# Export ------------------------------------------------------------------------------------

LEDGER_CSV_COLUMNS = ("date", "days", "kind", "note", "linked_cases", "over_allotment")


def contract_years_booked(connection: Connection, account_id: int, now: datetime) -> list[ContractYear]:
    """The current contract year and every earlier one with entries, newest first."""
    terms = terms_of(connection, account_id)
    s = schema.service_day_entries.c
    years = {terms.current_year(now)}
    for (day,) in connection.execute(select(s.day).where(s.account_id == account_id)):
        years.add(terms.year_of(day))
    return sorted(years, key=lambda year: year.first_day, reverse=True)


def ledger_csv(connection: Connection, account_id: int, year: ContractYear) -> str:
    """The ledger of one contract year as CSV; linked cases by their ids at the source."""
    entries = ledger(connection, account_id, year)
    remote = case_numbers(connection, (case_id for entry in entries for case_id in entry.case_ids))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(LEDGER_CSV_COLUMNS)
    for entry in entries:
        writer.writerow(
            neutralize_row(
                (
                    entry.day.isoformat(),
                    format_days(entry.half_days),
                    entry.kind.value,
                    entry.note,
                    " ".join(remote.get(case_id, str(case_id)) for case_id in entry.case_ids),
                    "yes" if entry.over_allotment else "",
                )
            )
        )
    return out.getvalue()

"""Usage metrics: import from CSV (every bad row reported by line), series and weekly changes.

The CSV has a header row with the columns `account`, `metric`, `day`, `value` (any order,
more columns are ignored). `account` is the account's id in the app or its name (without
regard to case), `day` an ISO date (2026-11-24), `value` a number not below zero. An
imported value replaces the one stored for the same account, metric and day; the source
may replace it again on a later sync when it reports the same metric.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from statistics import fmean

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.dialects.sqlite import insert

from advisor_app.errors import UsageImportError
from advisor_app.obligations.weekly_updates import iso_week, week_monday
from advisor_app.store import schema

USAGE_CSV_COLUMNS = ("account", "metric", "day", "value")
IMPORT_SOURCE = "csv"
MAX_METRIC_CHARS = 100


@dataclass(frozen=True, slots=True)
class UsageRow:
    line: int
    account_id: int
    metric: str
    day: date
    value: float


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int
    message: str


@dataclass(slots=True)
class UsageFile:
    good: list[UsageRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class AccountLookup:
    ids: frozenset[int]
    by_name: Mapping[str, list[int]]
    """Lower-cased name to the ids of accounts of that name."""

    def resolve(self, text: str) -> int:
        text = text.strip()
        if text.isdigit() and int(text) in self.ids:
            return int(text)
        matches = self.by_name.get(text.casefold(), [])
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise ValueError(f"account {text!r} names {len(matches)} accounts; use the account id")
        raise ValueError(f"account {text!r} is neither an account id nor an account name")


def account_lookup(connection: Connection) -> AccountLookup:
    a = schema.accounts.c
    by_name: dict[str, list[int]] = {}
    ids = set()
    for account_id, name in connection.execute(select(a.id, a.name).where(a.removed_at.is_(None))):
        ids.add(account_id)
        by_name.setdefault(name.strip().casefold(), []).append(account_id)
    return AccountLookup(frozenset(ids), by_name)


def read_usage_csv(text: str, accounts: AccountLookup) -> UsageFile:
    """Check every row; raises UsageImportError only when the file as a whole is unusable
    (empty, or a header without the required columns)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise UsageImportError("the file is empty; expected a header row: account,metric,day,value") from None
    except csv.Error as error:
        raise UsageImportError(f"line 1: {error}") from None
    names = [name.strip().casefold() for name in header]
    missing = [column for column in USAGE_CSV_COLUMNS if column not in names]
    if missing:
        raise UsageImportError(
            f"line 1: the header lacks the column(s) {', '.join(missing)}; expected {','.join(USAGE_CSV_COLUMNS)}"
        )
    position = {column: names.index(column) for column in USAGE_CSV_COLUMNS}
    result = UsageFile()
    seen: dict[tuple[int, str, date], int] = {}
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            result.bad.append(BadRow(reader.line_num, f"unreadable: {error}"))
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) < len(header):
            result.bad.append(BadRow(line, f"{len(record)} fields where the header has {len(header)}"))
            continue
        problems = []
        try:
            account_id = accounts.resolve(record[position["account"]])
        except ValueError as error:
            problems.append(str(error))
            account_id = -1
        metric = record[position["metric"]].strip()
        if not metric:
            problems.append("metric is empty")
        elif len(metric) > MAX_METRIC_CHARS:
            problems.append(f"metric is longer than {MAX_METRIC_CHARS} characters")
        day_text = record[position["day"]].strip()
        try:
            day = date.fromisoformat(day_text)
        except ValueError:
            problems.append(f"day {day_text!r} is not a date like 2026-11-24")
            day = date.min
        value_text = record[position["value"]].strip()
        try:
            value = float(value_text)
            if not math.isfinite(value) or value < 0:
                problems.append(f"value {value_text!r} is not a number of zero or more")
        except ValueError:
            problems.append(f"value {value_text!r} is not a number")
            value = 0.0
        if not problems:
            key = (account_id, metric, day)
            if key in seen:
                problems.append(f"repeats line {seen[key]} (same account, metric and day)")
            else:
                seen[key] = line
        if problems:
            result.bad.append(BadRow(line, "; ".join(problems)))
        else:
            result.good.append(UsageRow(line, account_id, metric, day, value))
    return result


def read_usage_file(connection: Connection, path: Path) -> UsageFile:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UsageImportError(f"{path.name} is not UTF-8 text") from None
    except OSError as error:
        raise UsageImportError(f"cannot read {path}: {error.strerror or error}") from None
    return read_usage_csv(text, account_lookup(connection))


def import_usage(engine: Engine, parsed: UsageFile, *, import_good_rows: bool = False) -> int:
    """Store the file's rows in one transaction; returns how many. With bad rows, nothing is
    imported unless `import_good_rows`."""
    if parsed.bad and not import_good_rows:
        first = parsed.bad[0]
        raise UsageImportError(
            f"{len(parsed.bad)} bad row(s) (first: line {first.line}: {first.message}); nothing was imported"
        )
    if not parsed.good:
        return 0
    rows = [
        {"source": IMPORT_SOURCE, "account_id": r.account_id, "metric": r.metric, "day": r.day, "value": r.value}
        for r in parsed.good
    ]
    statement = insert(schema.usage_metrics)
    with engine.begin() as connection:
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=["account_id", "metric", "day"],
                set_={"value": statement.excluded.value, "source": statement.excluded.source},
            ),
            rows,
        )
    return len(rows)


# Series ------------------------------------------------------------------------------------

Series = dict[str, list[tuple[date, float]]]


def usage_series(connection: Connection, account_id: int, since: date | None = None) -> Series:
    """Per metric, (day, value) by day."""
    u = schema.usage_metrics.c
    query = select(u.metric, u.day, u.value).where(u.account_id == account_id)
    if since is not None:
        query = query.where(u.day >= since)
    series: Series = {}
    for metric, day, value in connection.execute(query.order_by(func.lower(u.metric), u.day)):
        series.setdefault(metric, []).append((day, value))
    return series


@dataclass(frozen=True, slots=True)
class ComparedWeeks:
    """Two complete ISO weeks (Monday to Sunday, in the account's calendar) usage compares."""

    week: str
    previous: str

    @property
    def first_day(self) -> date:
        return week_monday(self.week)

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=6)

    @property
    def previous_first_day(self) -> date:
        return week_monday(self.previous)

    @property
    def previous_last_day(self) -> date:
        return self.previous_first_day + timedelta(days=6)


def compared_weeks(today: date, week: str | None = None) -> ComparedWeeks:
    """The weeks usage compares as of `today` (the account's date): `week` once it has ended,
    else (and without `week`) the last week that has ended; each against the week before.

    Only complete weeks are compared: a running week holds fewer days, and fewer weekdays or
    weekend days, than the week before, so its mean per day would show growth or decline
    that is not there. The Usage tab and the weekly update use this one rule.
    """
    last_complete = today - timedelta(days=today.weekday() + 7)
    monday = last_complete if week is None else min(week_monday(week), last_complete)
    return ComparedWeeks(iso_week(monday), iso_week(monday - timedelta(days=7)))


@dataclass(frozen=True, slots=True)
class WeekChange:
    metric: str
    weeks: ComparedWeeks
    this_week: float
    """Mean daily value of the compared week (days with data)."""
    previous_week: float | None
    """Mean daily value of the week before (None: no data then)."""

    @property
    def change(self) -> float | None:
        """The relative change (0.1 is +10 %); None when there is nothing to compare with."""
        if self.previous_week is None or self.previous_week == 0:
            return None
        return (self.this_week - self.previous_week) / self.previous_week


def week_over_week(series: Series, weeks: ComparedWeeks) -> list[WeekChange]:
    """Per metric with data in `weeks.week`, its mean per day against the week before's (means
    per day, so a missing day does not look like a drop)."""
    changes = []
    for metric, points in series.items():
        this = [value for day, value in points if weeks.first_day <= day <= weeks.last_day]
        previous = [value for day, value in points if weeks.previous_first_day <= day <= weeks.previous_last_day]
        if not this:
            continue
        changes.append(WeekChange(metric, weeks, fmean(this), fmean(previous) if previous else None))
    return changes

"""Weekly updates: one per ISO week, due on a weekday and time in the account's time zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from advisor_app.domain import WeeklyUpdateState
from advisor_app.errors import WeeklyUpdateError

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")

DEFAULT_DUE_WEEKDAY = 4  # Friday (Monday is 0)
DEFAULT_DUE_TIME = time(17, 0)


class WeekError(WeeklyUpdateError):
    """Not an ISO week of the form 2026-W48."""


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weeks_in(year: int) -> int:
    """52 or 53: 28 December is always in the year's last ISO week."""
    return date(year, 12, 28).isocalendar()[1]


def parse_week(text: str) -> tuple[int, int]:
    match = _WEEK.match(text.strip())
    if not match:
        raise WeekError(f"{text!r} is not an ISO week like 2026-W48")
    year, week = int(match.group(1)), int(match.group(2))
    if not 1 <= week <= weeks_in(year):
        raise WeekError(f"{text!r}: {year} has weeks 1 to {weeks_in(year)}")
    return year, week


def week_monday(text: str) -> date:
    year, week = parse_week(text)
    return date.fromisocalendar(year, week, 1)


def due_at(week: str, timezone: str, weekday: int = DEFAULT_DUE_WEEKDAY, at: time = DEFAULT_DUE_TIME) -> datetime:
    """When the update of `week` is due: that weekday and time in the account's zone, as UTC."""
    day = week_monday(week) + timedelta(days=weekday)
    return datetime.combine(day, at, tzinfo=ZoneInfo(timezone)).astimezone(UTC)


class WeekStatus(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    DRAFTED = "drafted"
    SENT = "sent"
    SKIPPED = "skipped"
    NOT_OWED = "not_owed"
    """The contract includes no weekly updates: the week is listed for reference only."""


def week_status(stored: WeeklyUpdateState | None, due: datetime, now: datetime, *, owed: bool = True) -> WeekStatus:
    """Sent and skipped are final; a due or drafted update past its due time is overdue;
    a week of a contract without weekly updates is never due nor overdue."""
    if stored in (WeeklyUpdateState.SENT, WeeklyUpdateState.SKIPPED):
        return WeekStatus(stored.value)
    if not owed:
        return WeekStatus.DRAFTED if stored is WeeklyUpdateState.DRAFTED else WeekStatus.NOT_OWED
    if now >= due:
        return WeekStatus.OVERDUE
    return WeekStatus.DRAFTED if stored is WeeklyUpdateState.DRAFTED else WeekStatus.DUE

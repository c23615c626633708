"""The countdown of a case's next target, as listed: text, state and colors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from advisor_app.sla import ClockKind, ClockState, clock_state_at
from advisor_app.sla.clocks import CaseClockSummary
from advisor_app.store.queries import CaseListRow


class Urgency(StrEnum):
    OK = "ok"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    PAUSED = "paused"
    DONE = "done"
    NO_TARGET = "no_target"


@dataclass(frozen=True, slots=True)
class Countdown:
    urgency: Urgency
    remaining: timedelta | None
    """wall-clock time to the deadline; negative once breached"""


def _tr(text: str) -> str:
    return QCoreApplication.translate("countdown", text)


def countdown(row: CaseListRow, now: datetime) -> Countdown:
    if row.clock_state is None or row.clock_kind is None:
        return Countdown(Urgency.NO_TARGET, None)
    summary = CaseClockSummary(
        state=ClockState(row.clock_state),
        kind=ClockKind(row.clock_kind),
        open=row.clock_open,
        paused=row.clock_paused,
        deadline=row.clock_deadline,
        at_risk_at=row.clock_at_risk_at,
        breach_at=row.clock_breach_at,
        breaches=0,
        computed_at=now,
    )
    state, at_risk = clock_state_at(summary, now)
    remaining = None if row.clock_deadline is None else row.clock_deadline - now
    if state is ClockState.NO_TARGET:
        return Countdown(Urgency.NO_TARGET, None)
    if state is ClockState.PAUSED:
        return Countdown(Urgency.PAUSED, None)
    if not row.clock_open or state is ClockState.MET:
        return Countdown(Urgency.DONE, None)
    if state is ClockState.BREACHED:
        return Countdown(Urgency.BREACHED, remaining)
    return Countdown(Urgency.AT_RISK if at_risk else Urgency.OK, remaining)


def format_duration(value: timedelta) -> str:
    """`2d 4h`, `3h 12m`, `12m 05s`; a leading minus once overdue."""
    sign = "−" if value < timedelta(0) else ""
    seconds = int(abs(value).total_seconds())
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, seconds = divmod(rest, 60)
    if days:
        return f"{sign}{days}d {hours}h"
    if hours:
        return f"{sign}{hours}h {minutes:02d}m"
    return f"{sign}{minutes}m {seconds:02d}s"


def countdown_text(value: Countdown) -> str:
    if value.urgency is Urgency.NO_TARGET:
        return _tr("No target")
    if value.urgency is Urgency.PAUSED:
        return _tr("Paused")
    if value.urgency is Urgency.DONE:
        return _tr("Answered")
    assert value.remaining is not None
    text = format_duration(value.remaining)
    if value.urgency is Urgency.BREACHED:
        return _tr("Breached {overdue}").format(overdue=text)
    if value.urgency is Urgency.AT_RISK:
        return _tr("At risk {left}").format(left=text)
    return text


def urgency_label(urgency: Urgency) -> str:
    return {
        Urgency.OK: _tr("On track"),
        Urgency.AT_RISK: _tr("At risk"),
        Urgency.BREACHED: _tr("Breached"),
        Urgency.PAUSED: _tr("Paused (waiting on customer)"),
        Urgency.DONE: _tr("Answered"),
        Urgency.NO_TARGET: _tr("No target for this tier"),
    }[urgency]


# Backgrounds that read on light and dark palettes alike (text stays the palette's).
URGENCY_BACKGROUND = {
    Urgency.AT_RISK: QColor(230, 160, 20, 90),
    Urgency.BREACHED: QColor(220, 50, 50, 110),
}
URGENCY_FOREGROUND = {
    Urgency.OK: QColor(40, 140, 70),
    Urgency.PAUSED: QColor(128, 128, 128),
    Urgency.NO_TARGET: QColor(128, 128, 128),
}


def kind_label(kind: str | None) -> str:
    if kind == ClockKind.FIRST_RESPONSE.value:
        return _tr("First response")
    if kind == ClockKind.FOLLOW_UP.value:
        return _tr("Follow-up")
    return "—"

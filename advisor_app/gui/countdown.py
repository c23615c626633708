"""The countdown of a case's next target, as listed: text, state and colors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette

from advisor_app.gui.icons import icon
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


# A plain module, not a QObject: literal texts in `translate("countdown", ...)` for lupdate.
translate = QCoreApplication.translate


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
        text = translate("countdown", "{days}d {hours}h", "duration, short").format(days=days, hours=hours)
    elif hours:
        text = translate("countdown", "{hours}h {minutes}m", "duration, short").format(
            hours=hours, minutes=f"{minutes:02d}"
        )
    else:
        text = translate("countdown", "{minutes}m {seconds}s", "duration, short").format(
            minutes=minutes, seconds=f"{seconds:02d}"
        )
    return sign + text


class ClockTurns(Protocol):
    """When a listed case's clock turns at risk and breaches (a `CaseListRow` has both)."""

    @property
    def clock_at_risk_at(self) -> datetime | None: ...

    @property
    def clock_breach_at(self) -> datetime | None: ...


def next_countdown_change(row: ClockTurns, value: Countdown, now: datetime) -> datetime | None:
    """The next instant this countdown's cell reads differently: its state changes (at risk,
    breach), or the remaining time crosses the unit it is shown in (seconds under an hour,
    minutes under a day, hours beyond). None when nothing about it changes with time."""
    candidates = [at for at in (row.clock_at_risk_at, row.clock_breach_at) if at is not None and at > now]
    if value.remaining is not None and value.urgency in (Urgency.OK, Urgency.AT_RISK, Urgency.BREACHED):
        seconds = abs(value.remaining).total_seconds()
        unit = 1 if seconds < 3_600 else 60 if seconds < 86_400 else 3_600
        left = seconds % unit
        # Overdue, the shown time grows to the next multiple; counting down, the shown (whole)
        # unit drops just after the remaining time passes a multiple of it.
        overdue = value.remaining < timedelta(0)
        wait = unit - left if overdue else (left or unit)
        candidates.append(now + timedelta(seconds=wait))
    return min(candidates, default=None)


def countdown_text(value: Countdown) -> str:
    if value.urgency is Urgency.NO_TARGET:
        return translate("countdown", "No target")
    if value.urgency is Urgency.PAUSED:
        return translate("countdown", "Paused")
    if value.urgency is Urgency.DONE:
        return translate("countdown", "Answered")
    assert value.remaining is not None
    text = format_duration(value.remaining)
    if value.urgency is Urgency.BREACHED:
        return translate("countdown", "Breached {overdue}").format(overdue=text)
    if value.urgency is Urgency.AT_RISK:
        return translate("countdown", "At risk {left}").format(left=text)
    return text


def urgency_label(urgency: Urgency) -> str:
    return {
        Urgency.OK: translate("countdown", "On track"),
        Urgency.AT_RISK: translate("countdown", "At risk"),
        Urgency.BREACHED: translate("countdown", "Breached"),
        Urgency.PAUSED: translate("countdown", "Paused (waiting on customer)"),
        Urgency.DONE: translate("countdown", "Answered"),
        Urgency.NO_TARGET: translate("countdown", "No target for this tier"),
    }[urgency]


# Backgrounds that read on light and dark palettes alike (text stays the palette's).
URGENCY_BACKGROUND = {
    Urgency.AT_RISK: QColor(230, 160, 20, 90),
    Urgency.BREACHED: QColor(220, 50, 50, 110),
}
# Text colours, per palette: a green or grey that reads on white reads poorly on near-black.
_FOREGROUND_LIGHT = {
    Urgency.OK: QColor(25, 115, 55),
    Urgency.PAUSED: QColor(100, 100, 100),
    Urgency.NO_TARGET: QColor(100, 100, 100),
}
_FOREGROUND_DARK = {
    Urgency.OK: QColor(110, 210, 140),
    Urgency.PAUSED: QColor(170, 172, 176),
    Urgency.NO_TARGET: QColor(170, 172, 176),
}


def urgency_foreground(urgency: Urgency, palette: QPalette | None = None) -> QColor | None:
    """The text colour of a countdown cell, chosen for the palette's base (light or dark)."""
    palette = palette if palette is not None else QGuiApplication.palette()
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return (_FOREGROUND_DARK if dark else _FOREGROUND_LIGHT).get(urgency)


# The state as a shape as well as a colour and a word (breached, at risk, paused).
_URGENCY_ICONS = {Urgency.BREACHED: "breached", Urgency.AT_RISK: "at-risk", Urgency.PAUSED: "paused"}


def urgency_icon(urgency: Urgency) -> QIcon | None:
    name = _URGENCY_ICONS.get(urgency)
    return None if name is None else _icon(name)


@cache
def _icon(name: str) -> QIcon:
    return icon(name)


def kind_label(kind: str | None) -> str:
    if kind == ClockKind.FIRST_RESPONSE.value:
        return translate("countdown", "First response")
    if kind == ClockKind.FOLLOW_UP.value:
        return translate("countdown", "Follow-up")
    return "—"

"""Words for codes shown to people (translatable in one place)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_label(status: str) -> str:
    return {
        "new": _tr("New"),
        "open": _tr("Open"),
        "pending": _tr("Waiting on customer"),
        "on_hold": _tr("On hold"),
        "solved": _tr("Solved"),
        "closed": _tr("Closed"),
    }.get(status, status)


def severity_label(severity: int) -> str:
    return {1: _tr("Sev 1 · Critical"), 2: _tr("Sev 2 · Major"), 3: _tr("Sev 3 · Minor")}.get(severity, str(severity))


def tier_label(tier: str) -> str:
    return {
        "standard": _tr("Standard"),
        "bronze": _tr("Bronze"),
        "silver": _tr("Silver"),
        "gold": _tr("Gold"),
        "platinum": _tr("Platinum"),
    }.get(tier, tier.title())


def contract_status_label(status: str) -> str:
    return {
        "active": _tr("Active"),
        "onboarding": _tr("Onboarding"),
        "suspended": _tr("Suspended"),
        "expired": _tr("Expired"),
    }.get(status, status)


def stream_label(stream: str) -> str:
    return {
        "accounts": _tr("accounts"),
        "contacts": _tr("contacts"),
        "cases": _tr("cases"),
        "case_events": _tr("case histories"),
        "usage_metrics": _tr("usage metrics"),
    }.get(stream, stream)

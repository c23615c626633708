"""Words for codes shown to people (translatable in one place).

Plain functions are not QObjects: they call `translate("labels", "...")` with literal
texts so that `lupdate` finds them (a helper taking the text as a variable hides it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def status_label(status: str) -> str:
    return {
        "new": translate("labels", "New"),
        "open": translate("labels", "Open"),
        "pending": translate("labels", "Waiting on customer"),
        "on_hold": translate("labels", "On hold"),
        "solved": translate("labels", "Solved"),
        "closed": translate("labels", "Closed"),
    }.get(status, status)


def severity_label(severity: int) -> str:
    return {
        1: translate("labels", "Sev 1 · Critical"),
        2: translate("labels", "Sev 2 · Major"),
        3: translate("labels", "Sev 3 · Minor"),
    }.get(severity, str(severity))


def tier_label(tier: str) -> str:
    return {
        "standard": translate("labels", "Standard"),
        "bronze": translate("labels", "Bronze"),
        "silver": translate("labels", "Silver"),
        "gold": translate("labels", "Gold"),
        "platinum": translate("labels", "Platinum"),
    }.get(tier, tier.title())


def contract_status_label(status: str) -> str:
    return {
        "active": translate("labels", "Active"),
        "onboarding": translate("labels", "Onboarding"),
        "suspended": translate("labels", "Suspended"),
        "expired": translate("labels", "Expired"),
    }.get(status, status)


def stream_label(stream: str) -> str:
    return {
        "accounts": translate("labels", "accounts"),
        "contacts": translate("labels", "contacts"),
        "cases": translate("labels", "cases"),
        "case_events": translate("labels", "case histories"),
        "usage_metrics": translate("labels", "usage metrics"),
    }.get(stream, stream)


def stream_count(stream: str, count: int) -> str:
    """`12 cases`, `1 account`: a count of a stream's records with the plural the language needs."""
    if stream == "accounts":
        return translate("labels", "%Ln account(s)", None, count)
    if stream == "contacts":
        return translate("labels", "%Ln contact(s)", None, count)
    if stream == "cases":
        return translate("labels", "%Ln case(s)", None, count)
    if stream == "case_events":
        return translate("labels", "%Ln case event(s)", None, count)
    if stream == "usage_metrics":
        return translate("labels", "%Ln usage metric(s)", None, count)
    return f"{stream}: {count}"

"""What a template is given: plain dicts, lists, strings and numbers made from `WeekFacts`.

Templates never see the facts' objects, only this data, so a sandboxed template has nothing
to reach beyond it. Times are already in the account's zone and formatted per language.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from advisor_app.drafts.composer import CaseFact, RiskFact, SlaFact, WeekFacts

LANGUAGES = ("en", "de")

_METRIC_NAMES = {
    "en": {
        "active_users": "Active users",
        "cards_viewed": "Cards viewed",
        "dataflow_runs": "Dataflow runs",
        "storage_gb": "Storage (GB)",
    },
    "de": {
        "active_users": "Aktive Benutzer",
        "cards_viewed": "Aufgerufene Cards",
        "dataflow_runs": "Dataflow-Läufe",
        "storage_gb": "Speicher (GB)",
    },
}


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        from advisor_app.drafts import DraftError

        raise DraftError(f"language: {language!r} is not one of {', '.join(LANGUAGES)}")
    return language


def number(value: float, language: str, digits: int = 0) -> str:
    text = f"{value:,.{digits}f}"
    if language == "de":
        text = text.replace(",", "\u2009").replace(".", ",")
    return text


def days(half_days: int | None, language: str) -> str | None:
    if half_days is None:
        return None
    return number(half_days / 2, language, 1 if half_days % 2 else 0)


def day_text(day: date, language: str) -> str:
    return day.strftime("%d.%m.%Y") if language == "de" else day.isoformat()


def instant_text(instant: datetime, language: str) -> str:
    """Local wall-clock time with the zone's abbreviation (the instant is already local)."""
    pattern = "%d.%m.%Y %H:%M" if language == "de" else "%Y-%m-%d %H:%M"
    return f"{instant.strftime(pattern)} {instant.tzname()}"


def _hours(target: timedelta | None) -> float | None:
    return None if target is None else target.total_seconds() / 3600


def _case(fact: CaseFact, language: str) -> dict[str, Any]:
    return {
        "id": fact.remote_id,
        "subject": fact.subject,
        "severity": int(fact.severity),
        "status": fact.status.value,
        "created": instant_text(fact.created_at, language),
        "requester": fact.requester,
    }


def _sla(fact: SlaFact, language: str) -> dict[str, Any]:
    hours = _hours(fact.target)
    return {
        "case": _case(fact.case, language),
        "kind": fact.kind.value,
        "at": instant_text(fact.at, language),
        "target_hours": None if hours is None else number(hours, language, 0 if hours.is_integer() else 1),
    }


def _risk(fact: RiskFact, language: str) -> dict[str, Any]:
    return {
        "case": _case(fact.case, language),
        "kind": fact.kind.value,
        "deadline": None if fact.deadline is None else instant_text(fact.deadline, language),
    }


def _met_by_case(facts: WeekFacts, language: str) -> list[dict[str, Any]]:
    """Responses on time per case, in the order of each case's first one this week."""
    grouped: dict[int, dict[str, Any]] = {}
    for fact in facts.met:
        entry = grouped.setdefault(
            fact.case.id, {"case": _case(fact.case, language), "first_response": 0, "follow_up": 0}
        )
        entry[fact.kind.value] += 1
    return list(grouped.values())


def template_context(facts: WeekFacts, language: str) -> dict[str, Any]:
    check_language(language)
    account, service = facts.account, facts.service_days
    usage = []
    for change in facts.usage:
        percent = None
        if change.change is not None:
            percent = f"{'+' if change.change >= 0 else '−'}{number(abs(change.change) * 100, language, 1)} %"
        usage.append(
            {
                "metric": change.metric,
                "name": _METRIC_NAMES[language].get(change.metric, change.metric.replace("_", " ")),
                "this_week": number(change.this_week, language),
                "previous_week": None if change.previous_week is None else number(change.previous_week, language),
                "change": percent,
                "direction": None if change.change is None else ("up" if change.change >= 0 else "down"),
            }
        )
    return {
        "language": language,
        "account": {
            "name": account.name,
            "tier": account.tier_name,
            "timezone": account.timezone,
            "named_advisor": account.named_advisor or "",
        },
        "week": facts.week,
        "first_day": day_text(facts.first_day, language),
        "last_day": day_text(facts.last_day, language),
        "as_of": instant_text(facts.as_of, language),
        "complete": facts.complete,
        "has_data": facts.has_data,
        "counts": {
            "opened": len(facts.opened),
            "solved": len(facts.solved),
            "active": len(facts.active),
            "waiting": len(facts.waiting),
            "at_risk": len(facts.at_risk),
            "met": len(facts.met),
            "breached": len(facts.breached),
        },
        "by_severity": [{"severity": severity, **counts} for severity, counts in sorted(facts.by_severity.items())],
        "opened": [_case(fact, language) for fact in facts.opened],
        "solved": [_case(fact, language) for fact in facts.solved],
        "active": [_case(fact, language) for fact in facts.active],
        "waiting": [_case(fact, language) for fact in facts.waiting],
        "met": [_sla(fact, language) for fact in facts.met],
        "met_by_case": _met_by_case(facts, language),
        "breached": [_sla(fact, language) for fact in facts.breached],
        "at_risk": [_risk(fact, language) for fact in facts.at_risk],
        "service_days": {
            "has_allotment": service.allotted is not None,
            "used_this_week": days(service.used_this_week, language),
            "allotted": days(service.allotted, language),
            "used_this_year": days(service.used_this_year, language),
            "remaining": days(service.remaining, language),
            "year_first_day": day_text(service.year_first_day, language),
            "year_last_day": day_text(service.year_last_day, language),
        },
        "usage": usage,
        "usage_weeks": {
            "week": facts.usage_weeks.week,
            "first_day": day_text(facts.usage_weeks.first_day, language),
            "last_day": day_text(facts.usage_weeks.last_day, language),
            "previous": facts.usage_weeks.previous,
            "previous_first_day": day_text(facts.usage_weeks.previous_first_day, language),
            "previous_last_day": day_text(facts.usage_weeks.previous_last_day, language),
            "is_this_week": facts.usage_weeks.week == facts.week,
        },
        "notes": [
            {"body": note.body, "case": note.case_remote_id, "created": instant_text(note.created_at, language)}
            for note in facts.notes
        ],
        "highlights": facts.highlights,
    }

"""Support tiers: what each tier promises, read from `resources/policies/tiers.json`."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from advisor_app.domain.model import Severity
from advisor_app.domain.resources import resource_path


@dataclass(frozen=True, slots=True)
class SupportTier:
    id: str
    name: str
    rank: int
    first_response_hours: Mapping[Severity, float | None]
    follow_up_hours: Mapping[Severity, float | None]
    authorized_contacts: int | None
    service_days_per_year: int | None
    phone_support: bool
    senior_advisor: bool
    named_advisor: bool
    private_training_sessions: int | None

    @property
    def weekly_updates(self) -> bool:
        """Weekly updates are owed by default to every account with a named advisor."""
        return self.named_advisor

    def first_response_target(self, severity: Severity) -> float | None:
        return self.first_response_hours.get(severity)

    def follow_up_target(self, severity: Severity) -> float | None:
        return self.follow_up_hours.get(severity)


class TierCatalog:
    def __init__(self, tiers: list[SupportTier]) -> None:
        self._by_id = {tier.id: tier for tier in tiers}
        self._ordered = sorted(tiers, key=lambda tier: tier.rank)

    def __iter__(self) -> Iterator[SupportTier]:
        return iter(self._ordered)

    def __len__(self) -> int:
        return len(self._ordered)

    def get(self, tier_id: str) -> SupportTier:
        try:
            return self._by_id[tier_id]
        except KeyError:
            known = ", ".join(self._by_id)
            raise KeyError(f"unknown support tier {tier_id!r} (known: {known})") from None


def _hours(raw: Mapping[str, Any], field: str, tier_id: str) -> dict[Severity, float | None]:
    result: dict[Severity, float | None] = {}
    for severity in Severity:
        value = raw.get(str(severity.value))
        if value is not None and (not isinstance(value, int | float) or value <= 0):
            raise ValueError(f"tier {tier_id}: {field}.{severity.value} must be a positive number or null")
        result[severity] = None if value is None else float(value)
    return result


def parse_tiers(document: Mapping[str, Any]) -> TierCatalog:
    tiers = []
    for raw in document["tiers"]:
        tier_id = raw["id"]
        tiers.append(
            SupportTier(
                id=tier_id,
                name=raw["name"],
                rank=int(raw["rank"]),
                first_response_hours=_hours(raw["first_response_hours"], "first_response_hours", tier_id),
                follow_up_hours=_hours(raw["follow_up_hours"], "follow_up_hours", tier_id),
                authorized_contacts=raw.get("authorized_contacts"),
                service_days_per_year=raw.get("service_days_per_year"),
                phone_support=bool(raw.get("phone_support")),
                senior_advisor=bool(raw.get("senior_advisor")),
                named_advisor=bool(raw.get("named_advisor")),
                private_training_sessions=raw.get("private_training_sessions"),
            )
        )
    return TierCatalog(tiers)


@cache
def load_tiers() -> TierCatalog:
    with resource_path("policies", "tiers.json").open(encoding="utf-8") as handle:
        return parse_tiers(json.load(handle))

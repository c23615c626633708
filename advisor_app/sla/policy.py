"""The SLA policy: which statuses pause or stop which clock, which severities run around
the clock, and when a clock counts as at risk. Policy is data
(`resources/policies/sla-policy.json`); a malformed document raises `PolicyError` naming
the field."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from typing import Any

from advisor_app.domain.model import CaseStatus, Severity
from advisor_app.domain.resources import resource_path
from advisor_app.sla.states import ClockKind
from advisor_app.sla.timebase import US_PER_HOUR

_DEFAULT_PAUSES = {ClockKind.FIRST_RESPONSE: frozenset(), ClockKind.FOLLOW_UP: frozenset({CaseStatus.PENDING})}
_SEVERITY_VALUES = frozenset(int(s) for s in Severity)
_FIELDS = frozenset({"about", "enabled", "pauses", "stop_statuses", "around_the_clock_severities", "at_risk"})


class PolicyError(ValueError):
    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field


@dataclass(frozen=True, slots=True)
class SlaPolicy:
    enabled: bool = True
    pauses: Mapping[ClockKind, frozenset[CaseStatus]] = field(default_factory=lambda: dict(_DEFAULT_PAUSES))
    stop_statuses: frozenset[CaseStatus] = frozenset({CaseStatus.SOLVED, CaseStatus.CLOSED})
    around_the_clock: frozenset[Severity] = frozenset({Severity.CRITICAL})
    at_risk_share: float = 0.75
    at_risk_left: timedelta = timedelta(hours=1)
    _left_us: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_left_us", self.at_risk_left // timedelta(microseconds=1))

    def pauses_clock(self, kind: ClockKind, status: CaseStatus) -> bool:
        return status in self.pauses.get(kind, frozenset())

    def at_risk_threshold_us(self, target_us: int) -> int:
        """Business microseconds consumed from which a clock with this target is at risk."""
        by_share = math.ceil(target_us * self.at_risk_share)
        by_left = target_us - self._left_us
        return max(0, min(by_share, by_left))

    def to_document(self) -> dict[str, Any]:
        return {
            "enabled": self.enabled,
            "pauses": {kind.value: sorted(s.value for s in self.pauses.get(kind, ())) for kind in ClockKind},
            "stop_statuses": sorted(s.value for s in self.stop_statuses),
            "around_the_clock_severities": sorted(int(s) for s in self.around_the_clock),
            "at_risk": {
                "consumed_share": self.at_risk_share,
                "business_hours_left": self.at_risk_left / timedelta(hours=1),
            },
        }

    @classmethod
    def from_document(cls, document: Mapping[str, Any]) -> SlaPolicy:
        for key in document:
            if key not in _FIELDS:
                raise PolicyError(str(key), f"unknown field (expected one of {', '.join(sorted(_FIELDS))})")
        default = cls()
        enabled = document.get("enabled", True)
        if not isinstance(enabled, bool):
            raise PolicyError("enabled", f"must be true or false, got {enabled!r}")
        stops = _statuses("stop_statuses", document.get("stop_statuses", [s.value for s in default.stop_statuses]))
        raw_pauses = document.get("pauses", {})
        if not isinstance(raw_pauses, Mapping):
            raise PolicyError("pauses", f"must be an object of clock kinds, got {raw_pauses!r}")
        pauses: dict[ClockKind, frozenset[CaseStatus]] = {}
        for key, value in raw_pauses.items():
            try:
                kind = ClockKind(key)
            except ValueError:
                raise PolicyError(f"pauses.{key}", "unknown clock kind (first_response, follow_up)") from None
            pauses[kind] = _statuses(f"pauses.{key}", value)
            if pauses[kind] & stops:
                raise PolicyError(f"pauses.{key}", "a stop status cannot also pause a clock")
        for kind in ClockKind:
            pauses.setdefault(kind, frozenset())
        severities = document.get("around_the_clock_severities", [1])
        if not isinstance(severities, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) and v in _SEVERITY_VALUES for v in severities
        ):
            raise PolicyError("around_the_clock_severities", f"must be a list of severities 1..3, got {severities!r}")
        share, left = _at_risk(document.get("at_risk", {}))
        return cls(
            enabled=enabled,
            pauses=pauses,
            stop_statuses=stops,
            around_the_clock=frozenset(Severity(v) for v in severities),
            at_risk_share=share,
            at_risk_left=left,
        )


def _statuses(field_name: str, value: object) -> frozenset[CaseStatus]:
    if not isinstance(value, list):
        raise PolicyError(field_name, f"must be a list of case statuses, got {value!r}")
    result = set()
    for index, raw in enumerate(value):
        try:
            result.add(CaseStatus(raw))
        except ValueError:
            known = ", ".join(s.value for s in CaseStatus)
            raise PolicyError(f"{field_name}[{index}]", f"unknown status {raw!r} (known: {known})") from None
    return frozenset(result)


def _at_risk(value: object) -> tuple[float, timedelta]:
    if not isinstance(value, Mapping):
        raise PolicyError("at_risk", f"must be an object, got {value!r}")
    share = value.get("consumed_share", 0.75)
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
        raise PolicyError("at_risk.consumed_share", f"must be a number from 0 to 1, got {share!r}")
    hours = value.get("business_hours_left", 1)
    if isinstance(hours, bool) or not isinstance(hours, int | float) or not 0 <= hours < math.inf:
        raise PolicyError("at_risk.business_hours_left", f"must be a non-negative number, got {hours!r}")
    return float(share), timedelta(microseconds=round(hours * US_PER_HOUR))


@cache
def load_policy() -> SlaPolicy:
    """The shipped default policy."""
    with resource_path("policies", "sla-policy.json").open(encoding="utf-8") as handle:
        return SlaPolicy.from_document(json.load(handle))

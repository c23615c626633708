"""The kinds and states of SLA clocks."""

from __future__ import annotations

import enum


class ClockKind(enum.StrEnum):
    FIRST_RESPONSE = "first_response"
    FOLLOW_UP = "follow_up"


class ClockState(enum.StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    MET = "met"
    BREACHED = "breached"
    NO_TARGET = "no_target"
    """No target applies: the tier does not publish one, or the policy is deactivated."""

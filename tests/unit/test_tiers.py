from __future__ import annotations

import pytest

from advisor_app.domain import Severity, load_tiers
from advisor_app.domain.tiers import parse_tiers


def test_published_first_response_targets() -> None:
    tiers = load_tiers()
    assert [tiers.get("silver").first_response_target(s) for s in Severity] == [6, 10, 14]
    assert [tiers.get("gold").first_response_target(s) for s in Severity] == [4, 8, 12]
    assert [tiers.get("platinum").first_response_target(s) for s in Severity] == [2, 6, 10]


def test_follow_up_targets_as_published() -> None:
    tiers = load_tiers()
    assert tiers.get("platinum").follow_up_target(Severity.CRITICAL) == 24
    assert tiers.get("gold").follow_up_target(Severity.CRITICAL) == 32
    assert tiers.get("silver").follow_up_target(Severity.MINOR) == 72


def test_unpublished_values_stay_empty() -> None:
    tiers = load_tiers()
    for tier_id in ("standard", "bronze"):
        tier = tiers.get(tier_id)
        assert all(tier.first_response_target(s) is None for s in Severity)
        assert all(tier.follow_up_target(s) is None for s in Severity)
    assert tiers.get("platinum").private_training_sessions is None


def test_entitlements() -> None:
    tiers = load_tiers()
    assert [t.authorized_contacts for t in tiers] == [2, 2, 2, 3, 10]
    assert [t.service_days_per_year for t in tiers] == [0, 0, 0, 3, 10]
    assert [t.weekly_updates for t in tiers] == [False, False, False, True, True]
    assert [t.name for t in tiers] == ["Standard", "Bronze", "Silver", "Gold", "Platinum"]


def test_unknown_tier_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"unknown support tier 'diamond'.*gold"):
        load_tiers().get("diamond")


def test_a_non_positive_target_is_rejected() -> None:
    document = {
        "tiers": [
            {
                "id": "x",
                "name": "X",
                "rank": 0,
                "first_response_hours": {"1": 0, "2": None, "3": None},
                "follow_up_hours": {},
            }
        ]
    }
    with pytest.raises(ValueError, match=r"tier x: first_response_hours\.1"):
        parse_tiers(document)

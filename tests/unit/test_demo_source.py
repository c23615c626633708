"""The demo source: deterministic, realistic, and loaded through the sync engine."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from advisor_app.domain import CaseStatus, EventKind
from advisor_app.store import schema
from advisor_app.sync.providers.demo import SCALES, _CaseStory, demo_source
from advisor_app.workspace.desk import Desk

ANCHOR = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)


def test_same_seed_and_anchor_give_the_same_records() -> None:
    first, second = demo_source(7, "standard", ANCHOR), demo_source(7, "standard", ANCHOR)
    assert first.accounts == second.accounts
    assert [first.story(i) for i in (0, 17, 1999)] == [second.story(i) for i in (0, 17, 1999)]
    assert demo_source(8, "standard", ANCHOR).accounts != first.accounts


def test_accounts_span_tiers_and_time_zones() -> None:
    source = demo_source(7, "standard", ANCHOR)
    assert len(source.accounts) == 25
    assert {a.tier for a in source.accounts} == {"silver", "gold", "platinum"}
    zones = {a.timezone for a in source.accounts}
    assert {"America/Denver", "America/New_York", "Europe/London", "Europe/Berlin", "Asia/Tokyo"} <= zones
    assert len({a.name for a in source.accounts}) == 25
    assert all((a.named_advisor is not None) == (a.tier in ("gold", "platinum")) for a in source.accounts)


def test_histories_are_ordered_and_end_before_the_anchor() -> None:
    source = demo_source(7, "standard", ANCHOR)
    kinds: Counter[EventKind] = Counter()
    statuses: Counter[CaseStatus] = Counter()
    for index in range(0, 2000, 7):
        story = source.story(index)
        times = [event.at for event in story.events]
        assert times == sorted(times)
        assert times[0] == story.case.created_at
        assert times[-1] <= ANCHOR
        assert story.case.updated_at == times[-1]
        assert (ANCHOR - story.case.created_at).days <= 56
        kinds.update(event.kind for event in story.events)
        statuses[story.case.status] += 1
    assert set(kinds) == set(EventKind)
    assert {CaseStatus.NEW, CaseStatus.OPEN, CaseStatus.PENDING, CaseStatus.CLOSED} <= set(statuses)


def test_the_large_scale_is_the_benchmark_size() -> None:
    assert SCALES["large"].accounts == 200
    assert SCALES["large"].cases == 200_000
    source = demo_source(7, "large", ANCHOR)
    assert len(source.accounts) == 200
    assert source.story(199_999).case.remote_id == "209999"


def test_the_medium_scale_is_25_accounts_of_800_cases() -> None:
    assert SCALES["medium"].accounts == 25
    assert SCALES["medium"].cases == 20_000
    source = demo_source(7, "medium", ANCHOR)
    per_account = Counter(source.story(index).case.account_remote_id for index in range(0, 20_000, 97))
    assert set(per_account) == {account.remote_id for account in source.accounts}
    assert source.story(19_999).case.remote_id == "29999"
    assert source.story(19_999).case.account_remote_id == source.accounts[19_999 % 25].remote_id


def test_the_demo_workspace_holds_everything_the_source_makes(demo_desk: Desk) -> None:
    with demo_desk.engine.connect() as connection:

        def total(table: schema.Table) -> int:
            return int(connection.execute(select(func.count()).select_from(table)).scalar_one())

        assert total(schema.accounts) == 25
        assert total(schema.cases) == 2000
        assert total(schema.case_events) > 10_000
        assert total(schema.usage_metrics) == 25 * 4 * 56
        assert total(schema.contacts) >= 25 * 3
        assert total(schema.service_day_entries) > 0
        sources = set(connection.execute(select(schema.cases.c.source).distinct()).scalars())
        assert sources == {"demo"}


def test_each_history_is_generated_once_per_sync(monkeypatch: pytest.MonkeyPatch) -> None:
    source = demo_source(7, "tiny", ANCHOR)
    made: list[int] = []
    story = source.story

    def counting(index: int) -> _CaseStory:
        made.append(index)
        return story(index)

    monkeypatch.setattr(source, "story", counting)
    cases = [case for page in source.pages("cases", None) for case in page.records]
    events = [event for page in source.pages("case_events", None) for event in page.records]
    assert len(made) == len(cases) == 60
    fresh = demo_source(7, "tiny", ANCHOR)
    assert events == [event for page in fresh.pages("case_events", None) for event in page.records]

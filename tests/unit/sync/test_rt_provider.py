"""Request Tracker provider parts that need no server: ticket-search dates, payload checks, settings."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import requests

from advisor_app.sync.http import HttpClient, HttpUnexpectedShape
from advisor_app.sync.providers.rt import RtConfigError, RtProvider, RtSettings, ticketsql_date


def test_ticketsql_dates_are_wall_clock_and_never_late_across_a_dst_repeat() -> None:
    kolkata, denver = ZoneInfo("Asia/Kolkata"), ZoneInfo("America/Denver")
    assert ticketsql_date(datetime(2026, 11, 25, 7, 45, 4, tzinfo=UTC), kolkata) == "2026-11-25 13:15:04"
    # 01:30 happens twice in Denver on 2026-11-01; RT may read it as either. The first
    # occurrence (07:30 UTC) is written an hour early, the second (08:30 UTC) as is.
    assert ticketsql_date(datetime(2026, 11, 1, 7, 30, tzinfo=UTC), denver) == "2026-11-01 00:30:00"
    assert ticketsql_date(datetime(2026, 11, 1, 8, 30, tzinfo=UTC), denver) == "2026-11-01 01:30:00"


class _CannedSession(requests.Session):
    def __init__(self, body: bytes) -> None:
        super().__init__()
        self.body = body

    def get(self, url: str | bytes, **kwargs: Any) -> requests.Response:  # type: ignore[override]  # takes every keyword the stub lists
        response = requests.Response()
        response.status_code = 200
        response._content = self.body
        response.url = str(url)
        return response


def test_an_unexpected_payload_names_the_field_path() -> None:
    page = {"count": 1, "page": 1, "per_page": 100, "items": [{"id": "7", "LastUpdated": 12}]}
    client = HttpClient("http://127.0.0.1:9")
    client.session = _CannedSession(json.dumps(page).encode())
    provider = RtProvider(client, RtSettings(base_url="http://127.0.0.1:9", rt_timezone="Asia/Kolkata"))
    with pytest.raises(HttpUnexpectedShape, match=r"\$\.items\[0\]\.LastUpdated"):
        list(provider.pages("cases", None))


def test_settings_and_identity() -> None:
    def identity(url: str) -> str:
        return RtProvider(HttpClient(url), RtSettings(base_url=url, rt_timezone="UTC")).identity

    assert identity("HTTPS://RT.Example.com:443/rt/REST/2.0/") == "https://rt.example.com/rt"
    assert identity("http://127.0.0.1:8080/") == "http://127.0.0.1:8080"
    with pytest.raises(RtConfigError, match="rt_timezone"):
        RtSettings(base_url="http://x", rt_timezone="Kolkata")
    with pytest.raises(RtConfigError, match="page_size"):
        RtSettings(base_url="http://x", rt_timezone="UTC", page_size=500)

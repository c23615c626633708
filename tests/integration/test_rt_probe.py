"""The wizard's questions to a real Request Tracker: who am I, which accounts are mine."""

from __future__ import annotations

import uuid

import pytest

from advisor_app.connect.probe import SourceAccess, failure_kind, list_source_accounts, probe
from advisor_app.sync.http import HttpError
from tests.integration.rt.server import RTServer


def _access(rt_server: RTServer, token: str | None = None) -> SourceAccess:
    return SourceAccess("rt", rt_server.base_url, rt_server.api_user, token or rt_server.token)


def test_probe_names_the_user_and_rt_version(rt_server: RTServer) -> None:
    identity = probe(_access(rt_server))
    assert identity.kind == "rt"
    assert identity.user_name == rt_server.api_user
    assert identity.server_version.startswith("5.")
    assert identity.role == "privileged"


def test_probe_with_a_wrong_token_says_unauthorized(rt_server: RTServer) -> None:
    with pytest.raises(HttpError) as raised:
        probe(_access(rt_server, token="1-14-0123456789abcdef0123456789abcdef"))
    assert failure_kind(raised.value) == "unauthorized"
    assert rt_server.token not in str(raised.value)


def test_accounts_are_listed_with_the_users_own_preselected(rt_server: RTServer) -> None:
    identity = probe(_access(rt_server))
    mine, theirs = f"PROBE-MINE-{uuid.uuid4().hex[:6]}", f"PROBE-OTHER-{uuid.uuid4().hex[:6]}"
    common = {"Tier": "gold", "Region": "uk", "Timezone": "Europe/London", "Contract Start": "2026-03-01",
              "Contract Status": "active"}  # fmt: skip
    rt_server.create_asset(mine, {**common, "Named Advisor": rt_server.api_user})
    rt_server.create_asset(theirs, {**common, "Named Advisor": "Somebody Else"})
    accounts = {a.name: a for a in list_source_accounts(_access(rt_server), identity, rt_timezone=rt_server.timezone)}
    assert accounts[mine].preselected is True
    assert accounts[theirs].preselected is False
    assert accounts[theirs].named_advisor == "Somebody Else"


def test_an_account_naming_the_user_with_bad_data_is_listed_with_the_reason(rt_server: RTServer) -> None:
    identity = probe(_access(rt_server))
    broken = f"PROBE-BROKEN-{uuid.uuid4().hex[:6]}"
    rt_server.create_asset(broken, {"Tier": "diamond", "Region": "uk", "Timezone": "Europe/London",
                                    "Contract Start": "2026-03-01", "Contract Status": "active",
                                    "Named Advisor": rt_server.api_user})  # fmt: skip
    accounts = {
        a.remote_id: a for a in list_source_accounts(_access(rt_server), identity, rt_timezone=rt_server.timezone)
    }
    assert accounts[broken].preselected is True
    assert "'Tier': 'diamond' is not a known tier" in accounts[broken].problem

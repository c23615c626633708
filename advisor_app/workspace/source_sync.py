"""Syncing a workspace with the source its settings name (the GUI and the CLI call this)."""

from __future__ import annotations

import threading
from collections.abc import Mapping

import msgspec

from advisor_app.domain import CaseStatus
from advisor_app.domain.status_map import effective_status_map
from advisor_app.obligations.tracking import record_first_sync
from advisor_app.secrets import Credentials, TokenSource
from advisor_app.store.assignment import account_states, active_account_ids, follow_accounts
from advisor_app.store.clocks import recompute_on_change
from advisor_app.store.queries import active_case_ids, set_aside_ids
from advisor_app.store.status_meanings import apply_status_map
from advisor_app.sync.engine import Progress, SyncError, SyncReport, run_sync
from advisor_app.sync.http import CancelToken, HttpClient, OnWait
from advisor_app.sync.provider import Provider
from advisor_app.sync.providers.demo import DemoSource, demo_source
from advisor_app.sync.providers.rt import RtProvider, RtSettings
from advisor_app.sync.providers.zendesk import ZendeskConfig, zendesk_provider
from advisor_app.workspace.demo import sync_demo
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.settings import rule_of, save_settings


class NotConnectedError(SyncError):
    """The workspace has no source to sync with yet, or no token for it."""


def _token(desk: Desk, credentials: TokenSource) -> str:
    settings = desk.settings
    token = credentials.load(settings.source_user, settings.source_url)
    if not token:
        raise NotConnectedError(
            f"no token for {settings.source_user} at {settings.source_url} in the keyring: "
            "run advisor-app connect again (or set ADVISOR_APP_TOKEN)"
        )
    return token


def status_map_for(desk: Desk) -> dict[str, CaseStatus]:
    """The workspace's status map for its source: the source's defaults, the settings' entries over them."""
    settings = desk.settings
    return effective_status_map(settings.source_kind, settings.status_map)


def apply_workspace_status_map(desk: Desk) -> int:
    """Bring the stored status meanings (and the clocks) in line with the settings' map; how many cases changed."""
    kind = desk.settings.source_kind
    if kind not in ("rt", "zendesk"):
        return 0
    return apply_status_map(desk.engine, kind, status_map_for(desk), desk.clock())


def set_status_map(desk: Desk, overrides: Mapping[str, str]) -> int:
    """Save the settings' status map entries (over the source's defaults) and apply them to the
    stored cases at once; how many cases changed. A bad entry raises StatusMapError first."""
    effective_status_map(desk.settings.source_kind, overrides)  # refuses an unknown meaning before saving
    updated = msgspec.structs.replace(desk.settings, status_map=dict(overrides))
    save_settings(desk.workspace.settings_file, updated)
    desk.settings = updated
    return apply_workspace_status_map(desk)


def provider_for(
    desk: Desk,
    credentials: TokenSource | None = None,
    cancel: CancelToken | None = None,
    on_wait: OnWait | None = None,
) -> Provider:
    settings = desk.settings
    if settings.source_kind == "demo":
        return demo_source(settings.demo_seed, settings.demo_scale, desk.clock())
    if settings.source_kind is None:
        raise NotConnectedError("this workspace is not connected to a ticketing system yet")
    if settings.source_kind == "zendesk":
        config = ZendeskConfig(
            selection=rule_of(settings),
            severity_field_id=settings.zendesk_severity_field_id,
            status_map=status_map_for(desk),
        )
        return zendesk_provider(
            settings.source_url,
            _token(desk, credentials or Credentials()),
            config,
            email=settings.source_user or None,
            ca_bundle=settings.ca_bundle or None,
            on_wait=on_wait,
            cancel=cancel,
        )
    if settings.source_kind == "rt":
        client = HttpClient(
            settings.source_url,
            f"token {_token(desk, credentials or Credentials())}",
            ca_bundle=settings.ca_bundle or None,
            on_wait=on_wait,
            cancel=cancel,
            follow_redirects=False,
        )
        rt_settings = RtSettings(
            base_url=settings.source_url,
            rt_timezone=settings.rt_timezone,
            queue=settings.rt_queue or None,
            severity_field=settings.rt_severity_field,
            account_field=settings.rt_account_field,
            accounts=rule_of(settings),
            status_map=status_map_for(desk),
        )
        return RtProvider(
            client,
            rt_settings,
            known_active_ids=lambda: active_case_ids(desk.engine, "rt"),
            known_accounts=lambda: active_account_ids(desk.engine, "rt"),
            set_aside_ids=lambda stream: set_aside_ids(desk.engine, "rt", stream),
        )
    raise NotConnectedError(f"syncing with {settings.source_kind} is not available in this version")


def sync_workspace(
    desk: Desk,
    cancel: CancelToken | None = None,
    *,
    progress: Progress | None = None,
    on_wait: OnWait | None = None,
    credentials: TokenSource | None = None,
) -> SyncReport:
    """One sync of the workspace's source; `cancel` stops it between pages and ends any wait.

    The report names the accounts that arrived (newly assigned), came back (set aside
    before for their data, now fixed) and left (no longer assigned); the cases and
    contacts of those that left leave with them, even when the sync fails later on
    (`store.assignment`). A demo workspace syncs through `demo.sync_demo`, which brings each
    new account's obligations too: the wizard's first sync is this one."""
    cancel = cancel if cancel is not None else threading.Event()
    provider = provider_for(desk, credentials, cancel, on_wait)
    apply_workspace_status_map(desk)  # a map edited since (settings.json by hand, too) applies first
    with desk.engine.connect() as connection:
        before = account_states(connection, provider.source)
    set_aside_before = set(set_aside_ids(desk.engine, provider.source, "accounts"))
    try:
        if isinstance(provider, DemoSource):
            report = sync_demo(desk.engine, provider, desk.clock, progress=progress, cancelled=cancel.is_set)
        else:
            report = run_sync(
                desk.engine,
                provider,
                desk.clock,
                on_cases_changed=recompute_on_change(desk.clock),
                progress=progress,
                cancelled=cancel.is_set,
            )
    finally:
        with desk.engine.begin() as connection:
            changes = follow_accounts(connection, provider.source, before)
        # Weekly updates are owed from an account's first sync; a stopped sync's accounts count too.
        record_first_sync(desk.engine, desk.clock())
    # An account set aside for its data was the advisor's all along: fixed, it is back, not new.
    with desk.engine.connect() as connection:
        after = account_states(connection, provider.source)
    back = {state.name for state in after.values() if state.remote_id in set_aside_before}
    report.accounts_arrived = [name for name in changes.arrived if name not in back]
    report.accounts_back = [name for name in changes.arrived if name in back]
    report.accounts_left = changes.left
    return report

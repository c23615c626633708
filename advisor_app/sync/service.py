"""Syncing a workspace with the source its settings name (the GUI and the CLI call this)."""

from __future__ import annotations

import threading

from advisor_app.desk import Desk
from advisor_app.obligations.tracking import record_first_sync
from advisor_app.secrets import Credentials
from advisor_app.store.assignment import account_states, active_account_ids, follow_accounts
from advisor_app.store.clocks import recompute_on_change
from advisor_app.store.queries import active_case_ids
from advisor_app.sync.engine import Progress, SyncError, SyncReport, run_sync
from advisor_app.sync.http import CancelToken, HttpClient, OnWait
from advisor_app.sync.provider import Provider
from advisor_app.sync.providers.demo import demo_source
from advisor_app.sync.providers.rt import RtProvider, RtSettings
from advisor_app.sync.providers.zendesk import ZendeskConfig, zendesk_provider
from advisor_app.sync.selection import rule_of


class NotConnectedError(SyncError):
    """The workspace has no source to sync with yet, or no token for it."""


def _token(desk: Desk, credentials: Credentials) -> str:
    settings = desk.settings
    token = credentials.load(settings.source_user, settings.source_url)
    if not token:
        raise NotConnectedError(
            f"no token for {settings.source_user} at {settings.source_url} in the keyring: "
            "run advisor-app connect again (or set ADVISOR_APP_TOKEN)"
        )
    return token


def provider_for(
    desk: Desk,
    credentials: Credentials | None = None,
    cancel: CancelToken | None = None,
    on_wait: OnWait | None = None,
) -> Provider:
    settings = desk.settings
    if settings.source_kind == "demo":
        return demo_source(settings.demo_seed, settings.demo_scale, desk.clock())
    if settings.source_kind is None:
        raise NotConnectedError("this workspace is not connected to a ticketing system yet")
    if settings.source_kind == "zendesk":
        config = ZendeskConfig(selection=rule_of(settings), severity_field_id=settings.zendesk_severity_field_id)
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
        )
        return RtProvider(
            client,
            rt_settings,
            known_active_ids=lambda: active_case_ids(desk.engine, "rt"),
            known_accounts=lambda: active_account_ids(desk.engine, "rt"),
        )
    raise NotConnectedError(f"syncing with {settings.source_kind} is not available in this version")


def sync_workspace(
    desk: Desk,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    on_wait: OnWait | None = None,
    credentials: Credentials | None = None,
) -> SyncReport:
    """One sync of the workspace's source; `cancel` stops it between pages and ends any wait.

    The report names the accounts that arrived (newly assigned) and left (no longer
    assigned); the cases and contacts of those that left leave with them, even when the
    sync fails later on (`store.assignment`)."""
    cancel = cancel if cancel is not None else threading.Event()
    provider = provider_for(desk, credentials, cancel, on_wait)
    with desk.engine.connect() as connection:
        before = account_states(connection, provider.source)
    try:
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
    report.accounts_arrived, report.accounts_left = changes.arrived, changes.left
    return report

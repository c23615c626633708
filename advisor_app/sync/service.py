"""Syncing a workspace with the source its settings name (the GUI and the CLI call this)."""

from __future__ import annotations

from collections.abc import Callable

from advisor_app.desk import Desk
from advisor_app.store.clocks import recompute_on_change
from advisor_app.sync.engine import Progress, SyncError, SyncReport, run_sync
from advisor_app.sync.provider import Provider
from advisor_app.sync.providers.demo import demo_source


class NotConnectedError(SyncError):
    """The workspace has no source to sync with yet."""


def provider_for(desk: Desk) -> Provider:
    settings = desk.settings
    if settings.source_kind == "demo":
        return demo_source(settings.demo_seed, settings.demo_scale, desk.clock())
    if settings.source_kind is None:
        raise NotConnectedError("this workspace is not connected to a ticketing system yet")
    raise NotConnectedError(f"syncing with {settings.source_kind} is not available in this version")


def sync_workspace(
    desk: Desk, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> SyncReport:
    return run_sync(
        desk.engine,
        provider_for(desk),
        desk.clock,
        on_cases_changed=recompute_on_change(desk.clock),
        progress=progress,
        cancelled=cancelled,
    )

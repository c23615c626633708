"""The first sync of a newly connected workspace (the wizard's last step).

For the demo it also adds the demo's service-day entries, as opening `--demo` does.
Cancelling keeps what was committed page by page; the next sync continues from there.
"""

from __future__ import annotations

from sqlalchemy import func, select

from advisor_app.secrets import Credentials
from advisor_app.store import schema
from advisor_app.store.clocks import recompute_on_change
from advisor_app.sync.engine import Progress, SyncReport, run_sync
from advisor_app.sync.http import CancelToken, OnWait
from advisor_app.sync.providers.demo import demo_source
from advisor_app.workspace.desk import Desk, seed_demo_obligations
from advisor_app.workspace.source_sync import sync_workspace


def first_sync(
    desk: Desk,
    cancel: CancelToken,
    progress: Progress | None = None,
    on_wait: OnWait | None = None,
    credentials: Credentials | None = None,
) -> SyncReport:
    settings = desk.settings
    if settings.source_kind != "demo":
        return sync_workspace(desk, progress=progress, cancel=cancel, on_wait=on_wait, credentials=credentials)
    source = demo_source(settings.demo_seed, settings.demo_scale, desk.clock())
    report = run_sync(
        desk.engine,
        source,
        desk.clock,
        on_cases_changed=recompute_on_change(desk.clock),
        progress=progress,
        cancelled=cancel.is_set,
    )
    with desk.engine.connect() as connection:
        entries = connection.execute(select(func.count()).select_from(schema.service_day_entries)).scalar_one()
    if not entries:
        seed_demo_obligations(desk.engine, source, desk.clock())
    return report

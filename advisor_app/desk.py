"""The open workspace as the app and the command line use it: settings, store, clock.

`open_desk` is the one way in: it checks the folder, opens (migrating) the database and,
for the demo workspace, fills it from the built-in demo source on first use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from advisor_app.domain import WeeklyUpdateState
from advisor_app.errors import WorkspaceError
from advisor_app.logs import setup_logging
from advisor_app.settings import Settings, load_settings, save_settings
from advisor_app.store import schema
from advisor_app.store.clocks import recompute_missing_clocks, recompute_on_change
from advisor_app.store.database import check_upgradable, inspect_database, open_database
from advisor_app.sync.engine import run_sync
from advisor_app.sync.providers.demo import DemoSource, demo_source
from advisor_app.workspace import Workspace, check_root, prepare

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(slots=True)
class Desk:
    workspace: Workspace
    settings: Settings
    engine: Engine
    clock: Clock

    def close(self) -> None:
        self.engine.dispose()


def seed_demo_service_days(engine: Engine, source: DemoSource, now: datetime) -> None:
    with Session(engine) as session, session.begin():
        rows = session.execute(
            select(schema.AccountRow.remote_id, schema.AccountRow.id).where(schema.AccountRow.source == "demo")
        )
        ids = {remote_id: account_id for remote_id, account_id in rows}
        for entry in source.service_days():
            session.add(
                schema.ServiceDayEntryRow(
                    account_id=ids[entry.account_remote_id],
                    day=entry.day,
                    half_days=entry.half_days,
                    kind=entry.kind.value,
                    note=entry.note,
                    created_at=now,
                    updated_at=now,
                )
            )


def seed_demo_obligations(engine: Engine, source: DemoSource, now: datetime) -> None:
    """The demo's local-owned data: service days, when tracking began, past weekly updates."""
    seed_demo_service_days(engine, source, now)
    with Session(engine) as session, session.begin():
        rows = session.execute(
            select(schema.AccountRow.remote_id, schema.AccountRow.id).where(schema.AccountRow.source == "demo")
        )
        ids = {remote_id: account_id for remote_id, account_id in rows}
        for account_id in ids.values():
            if session.get(schema.AccountTrackingRow, account_id) is None:
                session.add(
                    schema.AccountTrackingRow(
                        account_id=account_id, first_synced_at=source.tracked_since, updated_at=now
                    )
                )
        for update in source.weekly_updates():
            sent = update.state is WeeklyUpdateState.SENT
            session.add(
                schema.WeeklyUpdateRow(
                    account_id=ids[update.account_remote_id],
                    iso_week=update.week,
                    state=update.state.value,
                    body=f"Weekly update {update.week} (sent from the demo workspace)." if sent else "",
                    reason=update.reason,
                    sent_at=update.sent_at,
                    updated_at=update.sent_at or now,
                )
            )


def open_desk(root: Path, *, demo: bool = False, clock: Clock = system_clock) -> Desk:
    """Open the workspace at `root`; with `demo`, make it the demo workspace if it is new.

    Raises WorkspaceError (before changing anything) when the folder or its database
    cannot be used.
    """
    root = root.expanduser().absolute()
    check_root(root)
    check_upgradable(inspect_database(root / "advisor.db"), root / "advisor.db")
    settings = load_settings(root / "settings.json")
    if demo and settings.source_kind not in (None, "demo"):
        raise WorkspaceError(f"{root} is connected to {settings.source_kind}; the demo needs a workspace of its own")
    workspace = prepare(root)
    setup_logging(workspace.logs_dir)
    engine = open_database(workspace.database, workspace.backups_dir, clock())
    with engine.begin() as connection:
        recompute_missing_clocks(connection, clock())
    desk = Desk(workspace, settings, engine, clock)
    if demo and settings.source_kind is None:
        settings.source_kind = "demo"
        log.info("filling the demo workspace at %s", root)
        source = demo_source(settings.demo_seed, settings.demo_scale, clock())
        run_sync(engine, source, clock, on_cases_changed=recompute_on_change(clock))
        seed_demo_obligations(engine, source, clock())
        save_settings(workspace.settings_file, settings)
    return desk

"""The open workspace as the app and the command line use it: settings, store, clock.

`open_desk` is the one way in: it checks the folder, opens (migrating) the database and,
for the demo workspace, fills it from the built-in demo source on first use (`demo.sync_demo`,
the way every sync of a demo workspace runs).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from advisor_app.errors import WorkspaceError
from advisor_app.store.backups import damage, restore_backup
from advisor_app.store.clocks import recompute_missing_clocks
from advisor_app.store.database import (
    check_upgradable,
    damage_in,
    damaged_error,
    inspect_workspace_database,
    newest_restorable,
    open_database,
)
from advisor_app.sync.providers.demo import demo_source
from advisor_app.workspace.demo import sync_demo
from advisor_app.workspace.folder import Workspace, check_root, prepare
from advisor_app.workspace.lock import WorkspaceLock, acquire, acquire_waiting
from advisor_app.workspace.logs import setup_logging
from advisor_app.workspace.settings import Settings, load_settings, save_settings

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

OPEN_WAIT_SECONDS = 120.0
"""How long an open waits for another process opening the same workspace (its migration,
its demo fill) before giving up with a worded error."""


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


def open_desk(root: Path, *, demo: bool = False, clock: Clock = system_clock) -> Desk:
    """Open the workspace at `root`; with `demo`, make it the demo workspace if it is new.

    Raises WorkspaceError (before changing anything) when the folder or its database
    cannot be used. Processes opening one workspace at once take turns (the open lock),
    so a new workspace is created, and the demo filled, once.
    """
    root = root.expanduser().absolute()
    check_root(root)
    workspace = Workspace(root)
    check_upgradable(inspect_workspace_database(workspace.database, workspace.backups_dir), workspace.database)
    settings = load_settings(workspace.settings_file)
    _check_demo(root, settings, demo)
    workspace = prepare(root)
    setup_logging(workspace.logs_dir)
    with acquire_waiting(workspace.open_lock, what="open the workspace", timeout=OPEN_WAIT_SECONDS):
        # Read again: the process that held the lock may have made this the demo workspace.
        settings = load_settings(workspace.settings_file)
        _check_demo(root, settings, demo)
        engine = open_database(workspace.database, workspace.backups_dir, clock())
        try:
            with engine.begin() as connection:
                recompute_missing_clocks(connection, clock())
        except Exception as error:  # damage quick_check missed shows when pages are read
            engine.dispose()
            problem = damage_in(error)
            if problem is None:
                raise
            raise damaged_error(workspace.database, workspace.backups_dir, problem) from error
        desk = Desk(workspace, settings, engine, clock)
        if demo and settings.source_kind is None:
            settings.source_kind = "demo"
            log.info("filling the demo workspace at %s", root)
            sync_demo(engine, demo_source(settings.demo_seed, settings.demo_scale, clock()), clock)
            save_settings(workspace.settings_file, settings)
    return desk


def _check_demo(root: Path, settings: Settings, demo: bool) -> None:
    if demo and settings.source_kind not in (None, "demo"):
        raise WorkspaceError(f"{root} is connected to {settings.source_kind}; the demo needs a workspace of its own")


def writer_lock(root: Path, *, what: str) -> WorkspaceLock:
    """The workspace's one-writer lock (the window holds the same file through QLockFile);
    raises WorkspaceBusyError naming the holder. Creates the folder of a new workspace."""
    root = root.expanduser().absolute()
    check_root(root)
    root.mkdir(parents=True, exist_ok=True)
    return acquire(Workspace(root).writer_lock, what=what)


def restore_workspace_backup(root: Path, backup: Path | None, clock: Clock = system_clock) -> tuple[Path, Path | None]:
    """Put `backup` (default: the newest whole one) in place of the workspace database,
    which is moved aside, never written over. Returns (backup used, where the old file went).

    Only on the user's word: the command line's `restore-backup`, the window's damage dialog.
    """
    workspace = Workspace(root.expanduser().absolute())
    if backup is not None and not backup.exists() and (workspace.backups_dir / backup.name).exists():
        backup = workspace.backups_dir / backup.name
    chosen = backup if backup is not None else newest_restorable(workspace.backups_dir)
    if chosen is None:
        raise WorkspaceError(f"no whole backup to restore in {workspace.backups_dir}")
    if not chosen.is_file():
        raise WorkspaceError(f"no backup {chosen}")
    problem = damage(chosen)
    if problem is not None:
        raise WorkspaceError(f"the backup {chosen.name} is damaged too ({problem})")
    with acquire_waiting(workspace.open_lock, what="restore the backup", timeout=OPEN_WAIT_SECONDS):
        database = workspace.database
        reason = "damaged" if database.exists() and damage(database) is not None else "replaced"
        aside = restore_backup(database, chosen, reason, clock())
    log.info("restored %s; the previous database is kept as %s", chosen, aside)
    return chosen, aside

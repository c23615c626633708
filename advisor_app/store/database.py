"""Opening a workspace database: checks, backup, migrations, connection settings."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import NullPool

from advisor_app.errors import DamagedWorkspaceError, NewerSchemaError, UpgradeFailedError, WorkspaceError
from advisor_app.store.backups import (
    backup_database,
    backup_revision,
    damage,
    list_backups,
    restore_backup,
    rotate_backups,
    scratch_copy,
    whole_backups,
)

_MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_SQLITE_HEADER = b"SQLite format 3\x00"


if TYPE_CHECKING:
    from alembic.config import Config

_REVISION = re.compile(r'^revision = "([^"]+)"$', re.MULTILINE)
_DOWN_REVISION = re.compile(r'^down_revision = (?:None|"([^"]+)")$', re.MULTILINE)


def _alembic_config() -> Config:
    from alembic.config import Config  # alembic is imported only when a migration is due

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    return config


def known_revisions() -> list[str]:
    """Every revision this version knows, oldest first.

    Read from the migration files' `revision`/`down_revision` lines rather than through
    alembic, whose import costs more than opening an up-to-date workspace.
    """
    return list(_revision_chain())


@cache
def _revision_chain() -> tuple[str, ...]:
    parents: dict[str | None, str] = {}
    for script in (_MIGRATIONS / "versions").glob("[0-9]*.py"):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is None or down is None:
            raise RuntimeError(f"{script.name} names no revision or down_revision")
        parents[down.group(1)] = revision.group(1)
    chain, current = [], parents.get(None)
    while current is not None:
        chain.append(current)
        current = parents.get(current)
    if len(chain) != len(parents):
        raise RuntimeError(f"the migrations in {_MIGRATIONS} do not form one line of revisions")
    return tuple(chain)


def head_revision() -> str:
    return known_revisions()[-1]


@dataclass(frozen=True, slots=True)
class DatabaseState:
    exists: bool
    revision: str | None
    has_tables: bool


def inspect_database(path: Path) -> DatabaseState:
    """Read what is in `path` without writing anything (read-only, no WAL switch)."""
    if not path.exists():
        return DatabaseState(exists=False, revision=None, has_tables=False)
    if not path.is_file():
        raise WorkspaceError(f"{path} is not a file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise WorkspaceError(f"cannot read {path}: {error.strerror}") from error
    if header and header != _SQLITE_HEADER:
        # A damaged header or another kind of file: either way the backup is worth offering.
        raise DamagedWorkspaceError(f"{path} is not an SQLite database", database=path, backup=None) from ValueError(
            "it is not an SQLite database: its first bytes are not SQLite's header"
        )
    if not header:
        return DatabaseState(exists=True, revision=None, has_tables=False)
    # Reading a WAL database creates -wal and -shm files beside it; `immutable` reads without
    # them, which is right only while no -wal (or hot -journal) holds changes not yet in the file.
    pending = any(path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-journal"))
    immutable = "" if pending else "&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro{immutable}", uri=True)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DamagedWorkspaceError(f"{path} is damaged ({error})", database=path, backup=None) from error
    if tables and "alembic_version" not in tables:
        raise WorkspaceError(f"{path} is an SQLite database, but not one of Advisor Desk")
    return DatabaseState(exists=True, revision=revision, has_tables=bool(tables - {"alembic_version"}))


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_pragmas)
    return engine


def _own_transactions(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite would COMMIT before every DDL statement, so a migration killed midway would
    # leave half a schema. With its transaction handling off, our BEGIN holds all of it.
    dbapi_connection.isolation_level = None


def _begin_immediate(connection: Connection) -> None:
    # IMMEDIATE: the write lock from the start, so two processes migrating one file queue
    # (busy_timeout) instead of both reading the old revision and both applying it.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _migration_engine(engine: Engine) -> Engine:
    """An engine on the same file whose transactions include DDL (SQLAlchemy's documented
    recipe for pysqlite: driver transactions off, BEGIN emitted by a "begin" listener)."""
    migrating = create_engine(engine.url, poolclass=NullPool)
    event.listen(migrating, "connect", _set_pragmas)
    event.listen(migrating, "connect", _own_transactions)
    event.listen(migrating, "begin", _begin_immediate)
    return migrating


def check_upgradable(state: DatabaseState, path: Path) -> None:
    known = known_revisions()
    if state.revision is not None and state.revision not in known:
        raise NewerSchemaError(
            f"{path} was written by a newer Advisor Desk (schema {state.revision}); "
            f"this version reads schemas up to {known[-1]}: update the app"
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate to `revision` in one transaction: all of it is committed, or none."""
    from alembic import command

    config = _alembic_config()
    migrating = _migration_engine(engine)
    try:
        with migrating.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        migrating.dispose()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrades_cleanly(backup: Path) -> bool:
    """Whether `backup`, put back, would open: a scratch copy of it upgrades to head."""
    if backup_revision(backup) == head_revision():
        return True
    copy = scratch_copy(backup)
    engine = make_engine(copy)
    try:
        upgrade(engine)
    except Exception:
        return False
    finally:
        engine.dispose()
        for leftover in (copy, *(copy.with_name(copy.name + suffix) for suffix in ("-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    return True


def newest_restorable(backups_dir: Path) -> Path | None:
    """The newest backup that is whole and would open (so a backup of a workspace that an
    old version half-upgraded is passed over for the one before it)."""
    return next((backup for backup in whole_backups(backups_dir) if upgrades_cleanly(backup)), None)


def _backups_offer(backups_dir: Path) -> tuple[str, Path | None]:
    backup = newest_restorable(backups_dir)
    if backup is None:
        count = len(list_backups(backups_dir))
        return ("no backup to restore" if count == 0 else f"no backup that would open ({count} checked)"), None
    return f"the newest backup is {backup.name}: `advisor-app restore-backup` puts it back", backup


_DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def damage_in(error: BaseException) -> str | None:
    """SQLite's words when `error` (or what caused it) says the database is damaged."""
    seen: BaseException | None = error
    while seen is not None:
        original = getattr(seen, "orig", None)  # SQLAlchemy wraps the driver's error
        for candidate in (seen, original):
            if isinstance(candidate, sqlite3.DatabaseError):
                code = getattr(candidate, "sqlite_errorcode", None)
                if code is not None and code & 0xFF in _DAMAGE_CODES:
                    return str(candidate)
        seen = seen.__cause__ or seen.__context__
    return None


def damaged_error(path: Path, backups_dir: Path, problem: str) -> DamagedWorkspaceError:
    """The error for a damaged database, offering the newest whole backup."""
    offer, backup = _backups_offer(backups_dir)
    first_line = problem.splitlines()[0] if problem else "unreadable"
    return DamagedWorkspaceError(
        f"{path} is damaged ({first_line}); nothing was written to it; {offer}", database=path, backup=backup
    )


def inspect_workspace_database(path: Path, backups_dir: Path) -> DatabaseState:
    """`inspect_database`, and when it is damaged, an error that offers the newest backup."""
    try:
        return inspect_database(path)
    except DamagedWorkspaceError as error:
        raise damaged_error(path, backups_dir, str(error.__cause__ or error)) from error


def _failed_upgrade(
    path: Path, backups_dir: Path, before: DatabaseState, backup: Path | None, error: Exception, now: datetime
) -> UpgradeFailedError:
    cause = str(error).splitlines()[0] if str(error) else type(error).__name__
    if before.has_tables:
        step = f"upgrading {path} from schema {before.revision} to {head_revision()}"
    else:
        step = f"creating {path}"
    try:
        after: DatabaseState | None = inspect_database(path)
    except WorkspaceError:
        after = None
    whole = after is not None and after.revision == before.revision and (not after.has_tables or damage(path) is None)
    if not whole and backup is not None:
        aside = restore_backup(path, backup, "failed-upgrade", now)
        kept = f"; the failed file is kept as {aside.name}" if aside is not None else ""
        return UpgradeFailedError(
            f"{step} failed ({cause}); the backup taken before it, {backup.name}, was put back{kept}",
            database=path,
            backup=backup,
            restored=True,
        )
    if backup is not None:
        # The attempt changed nothing but the file's time: the backup still matches it, so
        # the next attempt reuses it instead of writing another.
        os.utime(backup)
    offer, restorable = _backups_offer(backups_dir)
    return UpgradeFailedError(
        f"{step} failed ({cause}); the workspace is as it was before; {offer}", database=path, backup=restorable
    )


def open_database(path: Path, backups_dir: Path, now: datetime) -> Engine:
    """Open (creating or upgrading) the database at `path`.

    Refuses, without writing anything, a file that is not an Advisor Desk database, that
    a newer version wrote, or that is damaged. Takes a backup copy before migrating
    existing data; an upgrade commits whole or not at all, and when it fails the workspace
    is left (or put back) as it was, and the error says so.
    """
    state = inspect_workspace_database(path, backups_dir)
    check_upgradable(state, path)
    if state.has_tables:
        problem = damage(path)
        if problem is not None:
            raise damaged_error(path, backups_dir, problem)
    backup = None
    if state.has_tables and state.revision != head_revision():
        backup = backup_database(path, backups_dir, state.revision, now)
    engine = make_engine(path)
    if state.revision != head_revision():
        try:
            upgrade(engine)
        except Exception as error:
            engine.dispose()
            raise _failed_upgrade(path, backups_dir, state, backup, error, now) from error
        if backup is not None:
            rotate_backups(backups_dir)
    return engine

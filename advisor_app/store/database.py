"""Opening a workspace database: checks, backup, migrations, connection settings."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event

from advisor_app.errors import NewerSchemaError, WorkspaceError

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
        raise WorkspaceError(f"{path} is not an SQLite database")
    if not header:
        return DatabaseState(exists=True, revision=None, has_tables=False)
    # Reading a WAL database creates -wal and -shm files beside it; `immutable` reads without
    # them, which is right only while no -wal file holds changes not yet in the main file.
    immutable = "" if path.with_name(path.name + "-wal").exists() else "&immutable=1"
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
        raise WorkspaceError(f"{path} cannot be read as a database: {error}") from error
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


def backup_database(path: Path, backups_dir: Path, revision: str | None, now: datetime) -> Path:
    """Copy `path` consistently (SQLite's backup API) into `backups_dir`; return the copy."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    target = backups_dir / f"advisor-{revision or 'unversioned'}-{stamp}.db"
    source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def check_upgradable(state: DatabaseState, path: Path) -> None:
    known = known_revisions()
    if state.revision is not None and state.revision not in known:
        raise NewerSchemaError(
            f"{path} was written by a newer Advisor Desk (schema {state.revision}); "
            f"this version reads schemas up to {known[-1]}: update the app"
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def open_database(path: Path, backups_dir: Path, now: datetime) -> Engine:
    """Open (creating or upgrading) the database at `path`.

    Refuses, without writing anything, a file that is not an Advisor Desk database or
    that a newer version wrote. Takes a backup copy before migrating existing data.
    """
    state = inspect_database(path)
    check_upgradable(state, path)
    if state.has_tables and state.revision != head_revision():
        backup_database(path, backups_dir, state.revision, now)
    engine = make_engine(path)
    if state.revision != head_revision():
        upgrade(engine)
    return engine

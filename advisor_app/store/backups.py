"""Backups of the workspace database: taken before an upgrade, rotated, checked, restored.

A backup is written under a temporary name and renamed when complete, so a kill never
leaves half a backup that looks whole. A damaged or failed database is never written
over: it is moved aside (with its -wal and -shm files) under a timestamped name.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

KEEP_BACKUPS = 5
"""Backups kept after a successful upgrade, newest first; older ones are removed."""
_PATTERN = "advisor-*.db"
_PARTIAL = ".partial"
_COMPANIONS = ("-wal", "-shm", "-journal")


def _stamp(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ")


def _free_name(folder: Path, stem: str, suffix: str = ".db") -> Path:
    target = folder / f"{stem}{suffix}"
    count = 2
    while target.exists() or target.with_name(target.name + _PARTIAL).exists():
        target = folder / f"{stem}-{count}{suffix}"
        count += 1
    return target


def list_backups(backups_dir: Path) -> list[Path]:
    """Complete backups, newest first."""
    if not backups_dir.is_dir():
        return []
    found = [path for path in backups_dir.glob(_PATTERN) if path.is_file()]
    return sorted(found, key=lambda path: (path.stat().st_mtime_ns, path.name), reverse=True)


def backup_revision(path: Path) -> str | None:
    """The schema revision a backup (or any database) holds; None when it cannot be read."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def damage(path: Path) -> str | None:
    """What SQLite's quick_check finds wrong with `path` (None: nothing). Reads only."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    problems = [str(row[0]) for row in rows if row[0] != "ok"]
    return "; ".join(problems[:3]) if problems else None


def whole_backups(backups_dir: Path) -> Iterator[Path]:
    """Backups that are whole (quick_check passes, a schema revision is stamped), newest first."""
    for backup in list_backups(backups_dir):
        if damage(backup) is None and backup_revision(backup) is not None:
            yield backup


def scratch_copy(backup: Path) -> Path:
    """A copy of `backup` beside it under a partial name (rotation removes any left over)."""
    copy = backup.with_name(backup.name + ".trial" + _PARTIAL)
    shutil.copyfile(backup, copy)
    return copy


def _newer_than_database(backup: Path, database: Path) -> bool:
    changed = [database, *(database.with_name(database.name + suffix) for suffix in ("-wal",))]
    newest_change = max(path.stat().st_mtime_ns for path in changed if path.exists())
    return backup.stat().st_mtime_ns >= newest_change


def backup_database(path: Path, backups_dir: Path, revision: str | None, now: datetime) -> Path:
    """Copy `path` consistently (SQLite's backup API) into `backups_dir`; return the copy.

    When the newest backup already holds this revision and the database has not changed
    since, that backup is returned instead of writing another (a failing open repeated
    does not pile up copies).
    """
    backups_dir.mkdir(parents=True, exist_ok=True)
    existing = list_backups(backups_dir)
    if existing and backup_revision(existing[0]) == revision and _newer_than_database(existing[0], path):
        return existing[0]
    target = _free_name(backups_dir, f"advisor-{revision or 'unversioned'}-{_stamp(now)}")
    partial = target.with_name(target.name + _PARTIAL)
    source = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
            # One self-contained file: a WAL-mode copy would need -wal/-shm files to be read.
            destination.execute("PRAGMA journal_mode=DELETE")
        finally:
            destination.close()
    finally:
        source.close()
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return target


def rotate_backups(backups_dir: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    """Remove all but the newest `keep` backups and any partial copy; returns what went."""
    removed = list_backups(backups_dir)[keep:]
    if backups_dir.is_dir():
        removed += list(backups_dir.glob(f"*{_PARTIAL}"))
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def move_aside(database: Path, reason: str, now: datetime) -> Path:
    """Rename `database` (and its -wal/-shm) to `advisor.REASON-STAMP.db`; return the new path."""
    target = _free_name(database.parent, f"{database.stem}.{reason}-{_stamp(now)}", database.suffix)
    # The companions first: a -wal left beside a new main file would be replayed into it.
    for suffix in _COMPANIONS:
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    os.replace(database, target)
    return target


def restore_backup(database: Path, backup: Path, reason: str, now: datetime) -> Path | None:
    """Put `backup` in place of `database`, which is moved aside (never written over).

    Returns where the old database went (None when there was none).
    """
    partial = database.with_name(f".{database.name}.restoring")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        destination = sqlite3.connect(partial)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    aside = move_aside(database, reason, now) if database.exists() else None
    os.replace(partial, database)
    return aside

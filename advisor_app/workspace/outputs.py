"""Writing an export where the user asked: never over the workspace's own files, never over
an existing file unless told to, and atomically (a temporary file in the same folder, then
a rename), so a failed or interrupted export leaves the old file, or none, never half of one.

The command line (`draft -o`) and the window's export dialogs both write through here.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from advisor_app.errors import AdvisorError
from advisor_app.workspace.folder import Workspace

# SQLite's companions of the database file (WAL mode, and a rollback journal if ever used).
_DATABASE_COMPANIONS = ("", "-wal", "-shm", "-journal")


class OutputError(AdvisorError):
    """The export cannot be written where asked; the message says why in one line."""


class ProtectedOutputError(OutputError):
    """The target is one of the workspace's own files; refused even with --force."""


class OutputExistsError(OutputError):
    """The target exists and replacing it was not asked for."""


def _protected_paths(workspace: Workspace) -> tuple[set[Path], tuple[Path, ...]]:
    """Files and folders of the workspace that no export may replace."""
    root = workspace.root.resolve()
    database = Workspace(root).database
    files = {database.with_name(database.name + suffix) for suffix in _DATABASE_COMPANIONS}
    files.add(Workspace(root).settings_file)
    files.update(root.glob("*.lock"))  # the workspace lock, whatever it is called
    files.add(root / "advisor.lock")
    folders = (Workspace(root).logs_dir, Workspace(root).backups_dir)
    return files, folders


def is_workspace_file(path: Path, workspace: Workspace) -> bool:
    """True when `path` (followed through links) is the database, its -wal/-shm, the settings,
    the lock, or anything in the logs or backups folder."""
    target = path.expanduser().resolve()
    files, folders = _protected_paths(workspace)
    if target in files or any(target == folder or folder in target.parents for folder in folders):
        return True
    # A hard link to the database has another name but the same inode.
    if target.exists():
        for protected in files:
            with contextlib.suppress(OSError):
                if protected.exists() and os.path.samefile(protected, target):
                    return True
    return False


def check_output(path: Path, *, workspace: Workspace | None, force: bool) -> Path:
    """The absolute target, after refusing folders, missing folders, the workspace's files
    and (without `force`) existing files."""
    target = path.expanduser().absolute()
    if workspace is not None and is_workspace_file(target, workspace):
        raise ProtectedOutputError(f"{path} is one of the workspace's own files; choose another file name")
    if target.is_dir():
        raise OutputError(f"{path} is a folder; name a file in it, like {target / 'update'}")
    if not target.parent.is_dir():
        if target.parent.exists():
            raise OutputError(f"{target.parent} is not a folder")
        raise OutputError(f"folder {target.parent} does not exist")
    if target.exists() and not force:
        raise OutputExistsError(f"{path} exists; add --force to replace it")
    return target


def write_output_with(path: Path, produce: Callable[[Path], None], *, workspace: Workspace | None, force: bool) -> Path:
    """Let `produce` write a temporary file beside `path`, then rename it onto `path`."""
    target = check_output(path, workspace=workspace, force=force)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.part")
    try:
        # O_EXCL: never an existing file; mode 0666 less the umask, like any new file of the user.
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except OSError as error:
        raise OutputError(f"cannot write in {target.parent}: {error.strerror}") from None
    try:
        produce(temporary)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target


def write_output(path: Path, data: bytes, *, workspace: Workspace | None, force: bool) -> Path:
    """Write `data` to `path` atomically, after the checks of `check_output`."""

    def produce(temporary: Path) -> None:
        with temporary.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())

    return write_output_with(path, produce, workspace=workspace, force=force)

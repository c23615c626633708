"""A workspace is one folder: the database, the settings, the logs and the backups.

All paths of the app come from here. The default folder is the platform's user data
directory; `--data-dir` points anywhere else (tests, portable use).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from advisor_app import APP_ID
from advisor_app.errors import WorkspaceError

DATABASE_NAME = "advisor.db"
SETTINGS_NAME = "settings.json"


def default_root(demo: bool = False) -> Path:
    base = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    return base / ("demo" if demo else "default")


@dataclass(frozen=True, slots=True)
class Workspace:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_NAME

    @property
    def settings_file(self) -> Path:
        return self.root / SETTINGS_NAME

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def writer_lock(self) -> Path:
        """Held by the one process that writes (the window, `sync`, `connect`)."""
        return self.root / "advisor.lock"

    @property
    def open_lock(self) -> Path:
        """Held while a process opens the workspace (checks, migrations, the demo fill)."""
        return self.root / "advisor.open.lock"

    @property
    def templates_dir(self) -> Path:
        """The advisor's own templates; a file here overrides the shipped one of the same name."""
        return self.root / "templates"


def check_root(root: Path) -> None:
    """Refuse a folder the app cannot use, without creating or changing anything."""
    if root.exists() and not root.is_dir():
        raise WorkspaceError(f"data dir {root} is not a folder")
    existing = root
    while not existing.exists():
        existing = existing.parent
    if not os.access(existing, os.R_OK | os.W_OK | os.X_OK):
        raise WorkspaceError(f"data dir {root} is not readable and writable")
    for name in (DATABASE_NAME, SETTINGS_NAME):
        path = root / name
        if path.exists() and not os.access(path, os.R_OK | os.W_OK):
            raise WorkspaceError(f"{path} is not readable and writable")


def prepare(root: Path) -> Workspace:
    """Check `root` and create the workspace folders in it."""
    root = root.expanduser().absolute()
    check_root(root)
    workspace = Workspace(root)
    for folder in (workspace.root, workspace.logs_dir, workspace.backups_dir):
        folder.mkdir(parents=True, exist_ok=True)
    return workspace

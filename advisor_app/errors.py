"""Typed errors of the core. Each message is one line a user can act on; the GUI and the
command line word them for people, the core never decides how they are shown."""

from __future__ import annotations

from pathlib import Path

from advisor_app.text.redaction import redact_known


class AdvisorError(Exception):
    """Base of every error the app reports to a person. A known secret in its message
    (a token the server echoed) is redacted when the error is made."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact_known(arg) if isinstance(arg, str) else arg for arg in args))


class WorkspaceError(AdvisorError):
    """The workspace folder or its database cannot be used."""


class NewerSchemaError(WorkspaceError):
    """The database was written by a newer version of the app."""


class WorkspaceBusyError(WorkspaceError):
    """Another live process holds the workspace's lock (one writer per workspace)."""


class DamagedWorkspaceError(WorkspaceError):
    """The database is damaged. Nothing was written to it; `backup` is the newest backup
    that can be restored (None: there is none), `advisor-app restore-backup` restores it."""

    def __init__(self, message: str, *, database: Path, backup: Path | None) -> None:
        super().__init__(message)
        self.database = database
        self.backup = backup


class UpgradeFailedError(DamagedWorkspaceError):
    """A schema upgrade failed. The workspace is as it was before: the upgrade rolled back
    (`backup` as for damage), or, `restored`, the backup taken just before it was put back."""

    def __init__(self, message: str, *, database: Path, backup: Path | None, restored: bool = False) -> None:
        super().__init__(message, database=database, backup=backup)
        self.restored = restored


class ObligationError(AdvisorError):
    """An edit of local-owned obligation data that cannot be made as given; the message says why."""


class ServiceDayError(ObligationError):
    """A service-day entry that cannot be booked as given; the message names the field."""


class OverAllotmentError(ServiceDayError):
    """The booking would go beyond the contract year's allotment and was not confirmed."""

    def __init__(self, message: str, *, allotted_half_days: int, used_half_days: int) -> None:
        super().__init__(message)
        self.allotted_half_days = allotted_half_days
        self.used_half_days = used_half_days


class WeeklyUpdateError(ObligationError):
    """A weekly-update change that cannot be made (a skip without a reason, a sent week ...)."""


class ContractOverrideError(ObligationError):
    """A contract override with a value the contract cannot have."""


class UndoError(ObligationError):
    """Nothing to undo, or the data changed since the edit so undoing it would lose work."""


class UsageImportError(AdvisorError):
    """A usage CSV that cannot be imported as asked (the message counts the bad rows)."""


class StatusMapError(AdvisorError):
    """A status map entry that cannot be used (not STATUS=MEANING, or an unknown meaning)."""

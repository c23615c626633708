"""Typed errors of the core. Each message is one line a user can act on; the GUI and the
command line word them for people, the core never decides how they are shown."""

from advisor_app.logs import redact_known


class AdvisorError(Exception):
    """Base of every error the app reports to a person. A known secret in its message
    (a token the server echoed) is redacted when the error is made."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(redact_known(arg) if isinstance(arg, str) else arg for arg in args))


class WorkspaceError(AdvisorError):
    """The workspace folder or its database cannot be used."""


class NewerSchemaError(WorkspaceError):
    """The database was written by a newer version of the app."""


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

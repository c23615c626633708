"""Typed errors of the core. Each message is one line a user can act on; the GUI and the
command line word them for people, the core never decides how they are shown."""


class AdvisorError(Exception):
    """Base of every error the app reports to a person."""


class WorkspaceError(AdvisorError):
    """The workspace folder or its database cannot be used."""


class NewerSchemaError(WorkspaceError):
    """The database was written by a newer version of the app."""

"""Core errors worded for the advisor, in their language.

The core raises typed errors whose message is a technical one-liner in English (the field,
the value, the URL). `describe_error` puts a translated sentence first, chosen by the
error's type (what happened and what to do), and keeps the core's line below it as the
detail: it names the exact value, which a translation cannot know. Errors that carry
their facts as attributes (an over-allotment, a template's line) are worded whole.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from advisor_app.attention.alerts import QuietHoursError
from advisor_app.errors import (
    AdvisorError,
    ContractOverrideError,
    NewerSchemaError,
    ObligationError,
    OverAllotmentError,
    ServiceDayError,
    StatusMapError,
    UndoError,
    UsageImportError,
    WeeklyUpdateError,
    WorkspaceError,
)
from advisor_app.gui.i18n import format_number
from advisor_app.sync.engine import SourceChangedError, SyncCancelled, SyncError

if TYPE_CHECKING:
    from advisor_app.drafts.templates import TemplateProblem

_log_path: str | None = None


def set_log_path(path: str) -> None:
    """Where the log is, so an unexpected error can point there."""
    global _log_path
    _log_path = path


# Errors of modules that load on first use (HTTP, providers, keyring, drafts) are named, not
# imported: this module loads before the first paint, and an error of a class whose module
# was never loaded cannot have been raised (one from the sync's process loads it unpickled).
_Kind = type[BaseException] | str


def _loaded(kind: _Kind) -> type[BaseException] | None:
    if not isinstance(kind, str):
        return kind
    module, _, name = kind.rpartition(".")
    found = getattr(sys.modules.get(module), name, None)
    return found if isinstance(found, type) and issubclass(found, BaseException) else None


def _is(error: BaseException, kinds: _Kind | tuple[_Kind, ...]) -> bool:
    wanted = tuple(filter(None, map(_loaded, kinds if isinstance(kinds, tuple) else (kinds,))))
    return bool(wanted) and isinstance(error, wanted)


_HTTP = "advisor_app.sync.http."


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


# The sentence for each type, the most specific first (subclasses before their bases).
# QT_TRANSLATE_NOOP hands back its text unchanged; Qt's stubs type that as `object`.
_HEADLINES: tuple[tuple[_Kind | tuple[_Kind, ...], object], ...] = (
    (SyncCancelled, QT_TRANSLATE_NOOP("errors", "The sync was cancelled; what it had fetched is kept.")),
    (
        _HTTP + "HttpConnectError",
        QT_TRANSLATE_NOOP("errors", "The server cannot be reached. Check the address and the network."),
    ),
    (
        _HTTP + "HttpTlsError",
        QT_TRANSLATE_NOOP("errors", "The server's certificate is not trusted. Check the address or the CA bundle."),
    ),
    (_HTTP + "HttpTimeout", QT_TRANSLATE_NOOP("errors", "The server did not answer in time. Try again later.")),
    (_HTTP + "HttpDropped", QT_TRANSLATE_NOOP("errors", "The connection to the server was lost. Try again.")),
    (
        _HTTP + "HttpAuthError",
        QT_TRANSLATE_NOOP("errors", "The server did not accept the token. Sign in again with a valid token."),
    ),
    (
        _HTTP + "HttpForbiddenError",
        QT_TRANSLATE_NOOP("errors", "The token's user may not read this. Ask the administrator for the rights."),
    ),
    (
        _HTTP + "HttpNotFoundError",
        QT_TRANSLATE_NOOP("errors", "Nothing was found at this address. Check the server's URL."),
    ),
    (
        _HTTP + "HttpRateLimitError",
        QT_TRANSLATE_NOOP("errors", "The server asked to slow down. The next sync tries again."),
    ),
    (_HTTP + "HttpServerError", QT_TRANSLATE_NOOP("errors", "The server had an error. The next sync tries again.")),
    (
        (
            _HTTP + "HttpConfigError",
            "advisor_app.sync.providers.rt.RtConfigError",
            "advisor_app.sync.providers.zendesk.ZendeskConfigError",
            "advisor_app.connect.connection.ConnectionSettingsError",
        ),
        QT_TRANSLATE_NOOP("errors", "The connection settings cannot be used."),
    ),
    (
        (_HTTP + "HttpInvalidJson", _HTTP + "HttpUnexpectedShape"),
        QT_TRANSLATE_NOOP("errors", "The server sent an answer the app does not understand."),
    ),
    (
        (_HTTP + "HttpError", "advisor_app.sync.providers.rt.RtError"),
        QT_TRANSLATE_NOOP("errors", "The server refused the request."),
    ),
    (
        "advisor_app.workspace.source_sync.NotConnectedError",
        QT_TRANSLATE_NOOP("errors", "This workspace is not connected to a ticketing system, or its token is missing."),
    ),
    (
        SourceChangedError,
        QT_TRANSLATE_NOOP("errors", "This workspace holds the data of another source; it cannot be mixed."),
    ),
    (SyncError, QT_TRANSLATE_NOOP("errors", "The sync stopped; what it had fetched is kept.")),
    (
        "advisor_app.secrets.KeyringLockedError",
        QT_TRANSLATE_NOOP("errors", "The keyring is locked. Unlock it and try again."),
    ),
    (
        "advisor_app.secrets.KeyringUnavailableError",
        QT_TRANSLATE_NOOP("errors", "No keyring is available on this system to keep the token."),
    ),
    (
        "advisor_app.secrets.CredentialError",
        QT_TRANSLATE_NOOP("errors", "The keyring could not keep or give the token."),
    ),
    (NewerSchemaError, QT_TRANSLATE_NOOP("errors", "The workspace was written by a newer version of the app.")),
    (WorkspaceError, QT_TRANSLATE_NOOP("errors", "The workspace cannot be used.")),
    (ServiceDayError, QT_TRANSLATE_NOOP("errors", "The service-day entry was not saved.")),
    (WeeklyUpdateError, QT_TRANSLATE_NOOP("errors", "The weekly update was not changed.")),
    (ContractOverrideError, QT_TRANSLATE_NOOP("errors", "The contract value was not saved.")),
    (UndoError, QT_TRANSLATE_NOOP("errors", "Nothing was undone.")),
    (ObligationError, QT_TRANSLATE_NOOP("errors", "The change was not saved.")),
    (UsageImportError, QT_TRANSLATE_NOOP("errors", "The usage file was not imported.")),
    ("advisor_app.drafts.notes.NoteError", QT_TRANSLATE_NOOP("errors", "The note was not saved.")),
    ("advisor_app.drafts.DraftError", QT_TRANSLATE_NOOP("errors", "The draft could not be made or changed.")),
    (OSError, QT_TRANSLATE_NOOP("errors", "The file could not be read or written.")),
    (QuietHoursError, QT_TRANSLATE_NOOP("errors", "The quiet hours in the settings cannot be used.")),
    (StatusMapError, QT_TRANSLATE_NOOP("errors", "The status meanings were not saved.")),
    (AdvisorError, QT_TRANSLATE_NOOP("errors", "That did not work.")),
)


def _headline(error: BaseException) -> str | None:
    for kinds, text in _HEADLINES:
        if _is(error, kinds):
            return _tr(str(text))
    return None


def describe_error(error: object) -> str:
    """What to tell the advisor about `error`: a translated sentence, then the detail."""
    if not isinstance(error, BaseException):
        return str(error)
    if isinstance(error, OverAllotmentError):
        return QCoreApplication.translate(
            "errors",
            "{used} of {allotted} allotted days are already used; this booking would go beyond the contract year's"
            " allotment.",
        ).format(used=format_number(error.used_half_days / 2), allotted=format_number(error.allotted_half_days / 2))
    if _is(error, "advisor_app.drafts.templates.TemplateProblem"):
        problem = cast("TemplateProblem", error)
        if problem.line is None:
            where = QCoreApplication.translate("errors", "Template {name}").format(name=problem.template)
        else:
            where = QCoreApplication.translate("errors", "Template {name}, line {line}").format(
                name=problem.template, line=problem.line
            )
        return f"{where}: {problem.message}"
    headline = _headline(error)
    detail = str(error)
    if headline is None:
        where = _log_path or QCoreApplication.translate("errors", "the workspace's logs folder")
        headline = QCoreApplication.translate(
            "errors", "Something unexpected went wrong ({kind}). The details are in the log: {path}"
        ).format(kind=type(error).__name__, path=where)
    if isinstance(error, OSError) and error.strerror:
        detail = f"{error.filename or ''}: {error.strerror}".lstrip(": ")
    return headline if not detail or detail == headline else f"{headline}\n{detail}"


def describe_error_line(error: object) -> str:
    """`describe_error` on one line, for a status bar or a label that does not wrap."""
    return " — ".join(describe_error(error).splitlines())

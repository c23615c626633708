"""The sync panel: what the last run did, its error, and the records set aside."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from advisor_app.gui.forms.ui_sync_details import Ui_SyncDetailsDialog
from advisor_app.gui.i18n import format_instant, format_number
from advisor_app.gui.labels import stream_count, stream_label
from advisor_app.gui.sync_controller import SyncController
from advisor_app.store import queries
from advisor_app.store.queries import QuarantinedRecord
from advisor_app.sync.providers.rt import ZoneMismatch

Index = QModelIndex | QPersistentModelIndex


class QuarantineModel(QAbstractTableModel):
    """A short list (records that failed validation), so it is loaded whole."""

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._rows: list[QuarantinedRecord] = []
        self._headers = [self.tr("Seen"), self.tr("Kind"), self.tr("Id"), self.tr("Reason")]

    def reload(self) -> None:
        with self._engine.connect() as connection:
            rows = queries.quarantined(connection)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        values = (format_instant(row.seen_at), stream_label(row.stream), row.remote_id, row.reason)
        return values[index.column()]


class SyncDetailsDialog(QDialog):
    def __init__(self, engine: Engine, sync: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SyncDetailsDialog()
        self.ui.setupUi(self)
        self.model = QuarantineModel(engine, self)
        self.model.reload()
        self.ui.quarantineView.setModel(self.model)
        self.ui.quarantineView.verticalHeader().setVisible(False)
        self.ui.quarantineView.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.ui.summaryLabel.setText(self._summary(sync))
        self.ui.quarantineView.setAccessibleDescription(
            self.tr("Records the last syncs could not store, with when they were seen and why")
        )

    def _warning_text(self, warning: object) -> str:
        if not isinstance(warning, ZoneMismatch):
            return str(warning)
        text = self.tr(
            "RT at {host} reads the dates of its searches at {actual} (the API user's time zone), but this "
            "workspace's RT time zone, {setting}, is {configured} then: set it to the API user's zone "
            "(Settings > Change connection)."
        ).format(
            host=warning.host,
            actual=warning.actual_text,
            setting=warning.setting,
            configured=warning.configured_text,
        )
        if warning.covered:
            safety = self.tr("No change is lost meanwhile: every search starts {hours} hours early.").format(
                hours=format_number(warning.slack_hours)
            )
        else:
            safety = self.tr("Changes may be missed until it is.")
        return f"{text} {safety}"

    def _summary(self, sync: SyncController) -> str:
        lines = []
        if sync.last_report is not None and not any(r.written for r in sync.last_report.streams.values()):
            lines.append(self.tr("Last sync in this session: nothing new."))
        elif sync.last_report is not None:
            parts = [stream_count(stream, report.written) for stream, report in sync.last_report.streams.items()]
            lines.append(self.tr("Last sync in this session stored {parts}.").format(parts=", ".join(parts)))
        if sync.last_report is not None and sync.last_report.accounts_arrived:
            names = ", ".join(sync.last_report.accounts_arrived)
            lines.append(self.tr("Newly assigned to you: {names}.").format(names=names))
        if sync.last_report is not None and sync.last_report.accounts_back:
            names = ", ".join(sync.last_report.accounts_back)
            lines.append(self.tr("No longer set aside (its data is fixed): {names}.").format(names=names))
        if sync.last_report is not None and sync.last_report.accounts_left:
            names = ", ".join(sync.last_report.accounts_left)
            lines.append(
                self.tr("No longer assigned to you: {names} (their service days, updates and notes are kept).").format(
                    names=names
                )
            )
        for warning in sync.last_report.warnings if sync.last_report is not None else ():
            lines.append(self.tr("Warning: {warning}").format(warning=self._warning_text(warning)))
        if sync.last_error:
            lines.append(self.tr("Last error: {error}").format(error=sync.last_error))
        if sync.failing_since is not None:
            lines.append(
                self.tr("The source has not been reachable since {when}.").format(
                    when=format_instant(sync.failing_since)
                )
            )
        if not lines:
            lines.append(self.tr("No sync has run in this session."))
        lines.append(self.tr("%Ln record(s) set aside.", "", self.model.rowCount()))
        return "\n".join(lines)

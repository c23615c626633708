"""The main window: accounts on the left, their cases on the right."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, QPoint, QSettings, Qt, QTimer, Slot
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QMenu, QMessageBox, QProgressBar, QWidget

from advisor_app import APP_NAME, __version__
from advisor_app.desk import Desk
from advisor_app.gui.connection_actions import ConnectionActions
from advisor_app.gui.delegates import AccountDelegate
from advisor_app.gui.forms.ui_main_window import Ui_MainWindow
from advisor_app.gui.labels import stream_label
from advisor_app.gui.models.accounts import AccountsListModel
from advisor_app.gui.models.cases import CasesTableModel, format_instant
from advisor_app.gui.sync_controller import SyncController
from advisor_app.gui.sync_details import SyncDetailsDialog
from advisor_app.store import queries
from advisor_app.store.queries import CaseFilter, ClockFilter

log = logging.getLogger(__name__)

# The entries of the "Show" box, in order.
_CLOCK_FILTERS = (None, ClockFilter.AT_RISK, ClockFilter.BREACHED, ClockFilter.WAITING)


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(f"{APP_NAME} — {desk.workspace.root.name}")

        self.accounts_model = AccountsListModel(desk.engine, self)
        self.cases_model = CasesTableModel(desk.engine, desk.clock, self)
        self.ui.accountsView.setModel(self.accounts_model)
        self.ui.accountsView.setItemDelegate(AccountDelegate(self.ui.accountsView))
        self.ui.casesView.setModel(self.cases_model)
        self._configure_cases_view()

        self.workspace_label = QLabel(self)
        self.sync_label = QLabel(self)
        self.sync_progress = QProgressBar(self)
        self.sync_progress.setRange(0, 0)
        self.sync_progress.setMaximumWidth(180)
        self.sync_progress.setTextVisible(False)
        self.sync_progress.setAccessibleName(self.tr("Sync progress"))
        self.sync_progress.hide()
        self.ui.statusBar.addWidget(self.workspace_label, 1)
        self.ui.statusBar.addPermanentWidget(self.sync_progress)
        self.ui.statusBar.addPermanentWidget(self.sync_label)

        self.sync = SyncController(desk, self)
        self.connection_actions = ConnectionActions(self, desk)  # slots for File > Connect…, Settings…, Sign out
        self.sync.started.connect(self.sync_started)
        self.sync.progressed.connect(self.sync_progressed)
        self.sync.waiting.connect(self.sync_waiting)
        self.sync.synced.connect(self.sync_finished)
        self.sync.failed.connect(self.sync_failed)
        self.ui.syncAction.triggered.connect(self.sync.sync_now)
        self.ui.cancelSyncAction.triggered.connect(self.sync.cancel)
        self.ui.syncDetailsAction.triggered.connect(self.show_sync_details)
        self.ui.syncAction.setEnabled(desk.settings.source_kind is not None)
        if desk.settings.source_kind is not None:
            self.sync.start_interval()

        self.ui.quitAction.triggered.connect(self.close)
        self.ui.aboutAction.triggered.connect(self.show_about)
        self.ui.showClosedBox.toggled.connect(self.show_closed_toggled)
        self.ui.clockFilterBox.currentIndexChanged.connect(self.clock_filter_changed)
        self.ui.accountsView.selectionModel().selectionChanged.connect(self.account_selection_changed)

        self.reload()
        self.ui.accountsView.setCurrentIndex(self.accounts_model.index(0))
        self.ui.splitter.setStretchFactor(1, 1)
        self._size_for_screen()
        self._restore_layout()

    def _configure_cases_view(self) -> None:
        view = self.ui.casesView
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        widths = {
            "id": 64,
            "due": 150,
            "account": 180,
            "severity": 108,
            "status": 150,
            "target": 110,
            "requester": 200,
            "updated": 130,
        }
        for column, spec in enumerate(self.cases_model.columns):
            if spec.key == "subject":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.resizeSection(column, widths.get(spec.key, 120))
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.sortByColumn(self._column("due"), Qt.SortOrder.AscendingOrder)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_column_menu)
        self._hidden_columns: set[str] = {"requester", "target"}
        # One timer for the window repaints the visible countdowns; no timer per row.
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setInterval(1000)
        self.countdown_timer.timeout.connect(self.tick_countdowns)
        self.countdown_timer.start()

    def _size_for_screen(self) -> None:
        """First start: most of the screen, so the cases table has room for its columns."""
        screen = self.screen().availableGeometry()
        width = min(1680, max(1024, int(screen.width() * 0.88)))
        height = min(1050, max(640, int(screen.height() * 0.85)))
        self.resize(min(width, screen.width()), min(height, screen.height()))
        self.ui.splitter.setSizes([280, self.width() - 280])

    # Layout memory ------------------------------------------------------------------------

    def _layout_settings(self) -> QSettings:
        return QSettings(str(self.desk.workspace.root / "window.ini"), QSettings.Format.IniFormat)

    def _restore_layout(self) -> None:
        settings = self._layout_settings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = settings.value("main/splitter")
        if splitter is not None:
            self.ui.splitter.restoreState(splitter)
        hidden = settings.value("cases/hidden_columns")
        if hidden is not None:
            known = {column.key for column in self.cases_model.columns}
            self._hidden_columns = {key for key in str(hidden).split(",") if key in known}
        self._apply_case_filter()

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.sync.cancel()
        self.countdown_timer.stop()
        settings = self._layout_settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.ui.splitter.saveState())
        settings.setValue("cases/hidden_columns", ",".join(sorted(self._hidden_columns)))
        super().closeEvent(event)

    # Reactions -------------------------------------------------------------------------------

    def reload(self) -> None:
        current = self.ui.accountsView.currentIndex().row()
        self.accounts_model.reload()
        if current >= 0:
            row = min(current, self.accounts_model.rowCount() - 1)
            self.ui.accountsView.setCurrentIndex(self.accounts_model.index(row))
        self.cases_model.reload()
        self._update_status()

    def _update_status(self) -> None:
        with self.desk.engine.connect() as connection:
            last_sync = queries.last_sync_time(connection)
        self.workspace_label.setText(self.tr("Workspace: {path}").format(path=self.desk.workspace.root))
        synced = self.tr("never") if last_sync is None else format_instant(last_sync)
        if self.sync.failing_since is not None:
            text = self.tr("Offline since {when} · last sync {synced}").format(
                when=format_instant(self.sync.failing_since), synced=synced
            )
        else:
            text = self.tr("Last sync: {when}").format(when=synced)
        self.sync_label.setText(text)
        self.sync_label.setToolTip(self.sync.last_error or "")
        shown = self.cases_model.rowCount()
        self.ui.casesTitle.setText(self._cases_title(shown))

    def _cases_title(self, shown: int) -> str:
        account = self._selected_account()
        which = self.tr("All accounts") if account is None else account.name
        if self.ui.showClosedBox.isChecked():
            return self.tr("{which} · all cases: {count}").format(which=which, count=shown)
        return self.tr("{which} · open cases: {count}").format(which=which, count=shown)

    def _selected_account(self) -> queries.AccountSummary | None:
        index = self.ui.accountsView.currentIndex()
        return self.accounts_model.account_at(index.row()) if index.isValid() else None

    def _apply_case_filter(self) -> None:
        account = self._selected_account()
        for column, spec in enumerate(self.cases_model.columns):
            # One account's cases all name that account: the column would only take room.
            redundant = spec.key == "account" and account is not None
            self.ui.casesView.setColumnHidden(column, redundant or spec.key in self._hidden_columns)
        clock = _CLOCK_FILTERS[self.ui.clockFilterBox.currentIndex()]
        self.cases_model.set_filter(
            CaseFilter(
                account_id=None if account is None else account.id,
                active_only=not self.ui.showClosedBox.isChecked(),
                clock=clock,
                now=self.desk.clock() if clock is not None else None,
            )
        )
        self.ui.casesTitle.setText(self._cases_title(self.cases_model.rowCount()))

    def _column(self, key: str) -> int:
        return next(i for i, column in enumerate(self.cases_model.columns) if column.key == key)

    @Slot(QItemSelection, QItemSelection)
    def account_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._apply_case_filter()

    @Slot(bool)
    def show_closed_toggled(self, _checked: bool) -> None:
        self._apply_case_filter()

    @Slot(int)
    def clock_filter_changed(self, _index: int) -> None:
        self._apply_case_filter()

    @Slot()
    def report_shown(self) -> None:
        log.info(
            "window shown: %d accounts, %d cases listed",
            self.accounts_model.rowCount() - 1,
            self.cases_model.rowCount(),
        )

    @Slot()
    def show_sync_details(self) -> None:
        dialog = SyncDetailsDialog(self.desk.engine, self.sync, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def tick_countdowns(self) -> None:
        filtered = self.cases_model.case_filter.clock is not None
        if filtered and self.desk.clock().second == 0:
            # Cases cross into "at risk" or "breached" as time passes: refresh the list each minute.
            self._apply_case_filter()
        view = self.ui.casesView
        first = view.rowAt(0)
        if first < 0:
            return
        last = view.rowAt(view.viewport().height() - 1)
        self.cases_model.refresh_countdowns(first, last if last >= 0 else self.cases_model.rowCount() - 1)

    @Slot()
    def sync_started(self) -> None:
        self.ui.syncAction.setEnabled(False)
        self.ui.cancelSyncAction.setEnabled(True)
        self.sync_progress.show()
        self.sync_label.setText(self.tr("Syncing…"))

    @Slot(str, int)
    def sync_progressed(self, stream: str, count: int) -> None:
        self.sync_label.setText(self.tr("Syncing {stream}: {count}").format(stream=stream_label(stream), count=count))

    @Slot(str)
    def sync_waiting(self, reason: str) -> None:
        self.sync_label.setText(reason)

    @Slot(object)
    def sync_finished(self, _report: object) -> None:
        self._sync_done()
        self.reload()

    @Slot(str)
    def sync_failed(self, reason: str) -> None:
        self._sync_done()
        self._update_status()
        self.ui.statusBar.showMessage(self.tr("Sync stopped: {reason}").format(reason=reason), 15_000)

    def _sync_done(self) -> None:
        self.sync_progress.hide()
        self.ui.syncAction.setEnabled(True)
        self.ui.cancelSyncAction.setEnabled(False)

    @Slot(QPoint)
    def show_column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for spec in self.cases_model.columns:
            if spec.key in ("id", "subject"):
                continue
            action = menu.addAction(spec.title)
            action.setCheckable(True)
            action.setChecked(spec.key not in self._hidden_columns)
            action.setData(spec.key)
        chosen = menu.exec(self.ui.casesView.horizontalHeader().mapToGlobal(position))
        if chosen is not None:
            self.set_column_shown(str(chosen.data()), chosen.isChecked())

    def set_column_shown(self, key: str, shown: bool) -> None:
        if shown:
            self._hidden_columns.discard(key)
        else:
            self._hidden_columns.add(key)
        self._apply_case_filter()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About {app}").format(app=APP_NAME),
            self.tr("{app} {version}\nYour accounts, cases and obligations, offline.").format(
                app=APP_NAME, version=__version__
            ),
        )

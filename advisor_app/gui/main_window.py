"""The main window: accounts on the left, their cases on the right."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QSettings, Qt, Slot
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QMessageBox, QWidget

from advisor_app import APP_NAME, __version__
from advisor_app.desk import Desk
from advisor_app.gui.delegates import AccountDelegate
from advisor_app.gui.forms.ui_main_window import Ui_MainWindow
from advisor_app.gui.models.accounts import AccountsListModel
from advisor_app.gui.models.cases import CasesTableModel, format_instant
from advisor_app.store import queries
from advisor_app.store.queries import CaseFilter


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(f"{APP_NAME} — {desk.workspace.root.name}")

        self.accounts_model = AccountsListModel(desk.engine, self)
        self.cases_model = CasesTableModel(desk.engine, self)
        self.ui.accountsView.setModel(self.accounts_model)
        self.ui.accountsView.setItemDelegate(AccountDelegate(self.ui.accountsView))
        self.ui.casesView.setModel(self.cases_model)
        self._configure_cases_view()

        self.workspace_label = QLabel(self)
        self.sync_label = QLabel(self)
        self.ui.statusBar.addWidget(self.workspace_label, 1)
        self.ui.statusBar.addPermanentWidget(self.sync_label)

        self.ui.quitAction.triggered.connect(self.close)
        self.ui.aboutAction.triggered.connect(self.show_about)
        self.ui.showClosedBox.toggled.connect(self.show_closed_toggled)
        self.ui.accountsView.selectionModel().selectionChanged.connect(self.account_selection_changed)

        self.reload()
        self.ui.accountsView.setCurrentIndex(self.accounts_model.index(0))
        self.ui.splitter.setStretchFactor(1, 1)
        self.ui.splitter.setSizes([300, 980])
        self._restore_layout()

    def _configure_cases_view(self) -> None:
        view = self.ui.casesView
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {"id": 64, "subject": 340, "account": 190, "severity": 112, "status": 150, "requester": 210}
        for column, spec in enumerate(self.cases_model.columns):
            header.resizeSection(column, widths.get(spec.key, 130))
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        updated = next(i for i, c in enumerate(self.cases_model.columns) if c.key == "updated")
        view.sortByColumn(updated, Qt.SortOrder.DescendingOrder)

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

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        settings = self._layout_settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.ui.splitter.saveState())
        super().closeEvent(event)

    # Reactions -------------------------------------------------------------------------------

    def reload(self) -> None:
        self.accounts_model.reload()
        self.cases_model.reload()
        self._update_status()

    def _update_status(self) -> None:
        with self.desk.engine.connect() as connection:
            last_sync = queries.last_sync_time(connection)
        self.workspace_label.setText(self.tr("Workspace: {path}").format(path=self.desk.workspace.root))
        synced = self.tr("never") if last_sync is None else format_instant(last_sync)
        self.sync_label.setText(self.tr("Last sync: {when}").format(when=synced))
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
        self.cases_model.set_filter(
            CaseFilter(
                account_id=None if account is None else account.id,
                active_only=not self.ui.showClosedBox.isChecked(),
            )
        )
        self.ui.casesTitle.setText(self._cases_title(self.cases_model.rowCount()))

    @Slot(QItemSelection, QItemSelection)
    def account_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._apply_case_filter()

    @Slot(bool)
    def show_closed_toggled(self, _checked: bool) -> None:
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

"""The main window: Today and the accounts on the left; Today, an account (360), all cases
or a case in the main area; notifications at the top."""

from __future__ import annotations

import logging
import math
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app import APP_NAME, __version__
from advisor_app.attention import records
from advisor_app.attention.alerts import SnoozeChoice, snooze_until
from advisor_app.gui.account_view import AccountView
from advisor_app.gui.case_detail import CaseDetailView
from advisor_app.gui.cases_panel import CasesPanel, ColumnChoices
from advisor_app.gui.connection_actions import ConnectionActions
from advisor_app.gui.delegates import AccountDelegate
from advisor_app.gui.elided_label import ElidedLabel
from advisor_app.gui.forms.ui_main_window import Ui_MainWindow
from advisor_app.gui.icons import icon
from advisor_app.gui.models.accounts import AccountsListModel
from advisor_app.gui.models.cases import CasesTableModel, format_instant
from advisor_app.gui.models.today import ITEM_CASE_ID_ROLE
from advisor_app.gui.notifications import NotificationBanner, Notifier
from advisor_app.gui.plain_text import make_plain, plain_tooltip
from advisor_app.gui.search import install_search_shortcut
from advisor_app.gui.shortcuts import add_shortcuts_action
from advisor_app.gui.source_actions import OpenInSource
from advisor_app.gui.sync_controller import SyncController
from advisor_app.gui.sync_runner import progress_text
from advisor_app.gui.sync_triggers import SyncTriggers
from advisor_app.gui.today_view import TodaySection, TodayView
from advisor_app.gui.view_menu import build_view_menu_entries
from advisor_app.store import queries
from advisor_app.sync.engine import SyncReport
from advisor_app.workspace.desk import Desk

log = logging.getLogger(__name__)


def _local_zone() -> ZoneInfo | None:
    from PySide6.QtCore import QTimeZone

    name = bytes(QTimeZone.systemTimeZoneId().data()).decode()
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError):
        return None


class MainWindow(QMainWindow):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(f"{APP_NAME} — {desk.workspace.root.name}")
        self.session_id, self.last_here = records.open_session(desk.engine, desk.clock())

        self._stale_panels: set[CasesPanel] = set()
        self.accounts_model = AccountsListModel(desk.engine, self)
        self.ui.accountsView.setModel(self.accounts_model)
        self.ui.accountsView.setItemDelegate(AccountDelegate(self.ui.accountsView))
        self.column_choices = ColumnChoices(self)

        # The pages of the main area.
        pages = self.ui.pages
        self.today = TodayView(desk, self.column_choices, pages)
        self.today.last_here = self.last_here
        self.all_cases = CasesPanel(desk, self.column_choices, pages, account_filter=True)
        self.all_cases.view.setAccessibleName(self.tr("All cases"))
        self.account_view = AccountView(desk, self.column_choices, pages)
        self.case_page = QWidget(pages)
        case_layout = QVBoxLayout(self.case_page)
        case_layout.setContentsMargins(0, 0, 0, 0)
        back_row = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back"), self.case_page)
        self.back_button.setAccessibleName(self.tr("Back to the list (Alt+Left)"))
        back_row.addWidget(self.back_button)
        back_row.addStretch(1)
        case_layout.addLayout(back_row)
        self.case_detail = CaseDetailView(desk, self.case_page)
        case_layout.addWidget(self.case_detail, 1)
        for page in (self.today, self.all_cases, self.account_view, self.case_page):
            pages.addWidget(page)
        self._previous_page: QWidget = self.today
        self.banner = NotificationBanner(self)
        self.ui.centralLayout.insertWidget(0, self.banner)
        self.notifier = Notifier(desk, self.banner, self)

        self.workspace_label = ElidedLabel(self)
        self.sync_label = QLabel(self)
        make_plain(self.workspace_label, self.sync_label)
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
        self.connection_actions = ConnectionActions(self, desk)
        self.ui.connectAction.triggered.connect(self.connection_actions.connect_source)
        self.ui.settingsAction.triggered.connect(self.connection_actions.open_settings)
        self.ui.signOutAction.triggered.connect(self.connection_actions.sign_out)
        self.sync.runner.started.connect(self.sync_started)
        self.sync.runner.progressed.connect(self.sync_progressed)
        self.sync.runner.waiting.connect(self.sync_waiting)
        self.sync.synced.connect(self.sync_finished)
        self.sync.failed.connect(self.sync_failed)
        self.ui.syncAction.triggered.connect(self.sync.sync_now)
        self.ui.cancelSyncAction.triggered.connect(self.sync.cancel)
        self.ui.syncDetailsAction.triggered.connect(self.show_sync_details)
        self.ui.syncAction.setEnabled(desk.settings.source_kind is not None)
        if desk.settings.source_kind is not None:
            self.sync.start_interval()
        self.sync_triggers = SyncTriggers(self.sync, desk.clock, self)

        self.ui.quitAction.triggered.connect(self.close)
        self.ui.aboutAction.triggered.connect(self.show_about)
        self.ui.draftUpdateAction.triggered.connect(self.draft_update)
        self.ui.draftAllAction.triggered.connect(self.draft_all_due)
        self.search_action = install_search_shortcut(self, desk, self.open_search_hit)
        self.search_action.setIcon(icon("search"))
        self.ui.goMenu.insertAction(self.ui.filterAction, self.search_action)
        self.open_in_source = OpenInSource(desk, self._current_case_id, self)
        self.open_in_source.message.connect(self.ui.statusBar.showMessage)
        self.ui.caseMenu.insertAction(self.ui.snoozeHourAction, self.open_in_source.action)
        self.ui.caseMenu.setToolTipsVisible(True)  # a disabled Open in source says why
        self.property("searchPopup").source_requested.connect(self.open_in_source.open_case)
        self.view_entries = build_view_menu_entries(self.ui.viewMenu, desk)
        self.unassigned_action = QAction(self.tr("Show Accounts No Longer Assigned to You"), self)
        self.unassigned_action.setObjectName("unassignedAction")
        self.unassigned_action.setCheckable(True)
        self.unassigned_action.setStatusTip(
            self.tr("List the accounts reassigned to someone else, with their service days, updates and notes")
        )
        self.unassigned_action.toggled.connect(self.show_unassigned)
        self.ui.viewMenu.addSeparator()
        self.ui.viewMenu.addAction(self.unassigned_action)
        self.view_entries.language_chosen.connect(self.language_chosen)
        add_shortcuts_action(self.ui.helpMenu, self)
        self._set_icons()
        self.ui.todayAction.triggered.connect(self.show_today)
        self.ui.todayButton.clicked.connect(self.show_today)
        self.ui.accountsAction.triggered.connect(self.focus_accounts)
        self.ui.allCasesAction.triggered.connect(self.show_all_cases)
        self.ui.filterAction.triggered.connect(self.focus_filter)
        self.ui.backAction.triggered.connect(self.go_back)
        self.back_button.clicked.connect(self.go_back)
        self.ui.openCaseAction.triggered.connect(self.open_current_case)
        self.ui.snoozeHourAction.triggered.connect(self.snooze_current_hour)
        self.ui.snoozeTomorrowAction.triggered.connect(self.snooze_current_tomorrow)
        self.ui.accountsView.selectionModel().selectionChanged.connect(self.account_selection_changed)
        self.ui.accountsView.activated.connect(self.focus_page)
        for panel in self.case_panels():
            panel.case_activated.connect(self.open_case)
            panel.row_actions.append(self.open_in_source.action)
            panel.snooze_requested.connect(self.snooze_case)
        self.today.case_activated.connect(self.open_case)
        self.today.account_activated.connect(self.show_account)
        self.banner.open_requested.connect(self.open_case)
        self.banner.snooze_requested.connect(self.snooze_case)
        self.notifier.case_requested.connect(self.open_case)

        # One timer for the window, no timer per row. It wakes when the next visible countdown
        # reads differently (a second, minute or hour later, by what the cell shows), when an
        # event instant passes for the notifications, or when a minute begins; never otherwise.
        self.countdown_timer = QTimer(self)
        self.countdown_timer.setSingleShot(True)
        self.countdown_timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse one may be 5 % late
        self._ticked_minute: datetime | None = None
        self.countdown_timer.timeout.connect(self.tick_countdowns)
        for panel in self.case_panels():
            # Rows scrolled into view or a new list: tick now, so the next wake-up fits them.
            panel.view.verticalScrollBar().valueChanged.connect(self.tick_soon)
            panel.model.modelReset.connect(self.tick_soon)
            panel.model.layoutChanged.connect(self.tick_soon)
        self.ui.pages.currentChanged.connect(self.tick_soon)
        self.notifier.next_check_changed.connect(self.wake_for_notifications)
        self.countdown_timer.start(0)

        self.setTabOrder(self.ui.todayButton, self.ui.accountsView)
        self.setTabOrder(self.ui.accountsView, self.ui.pages)
        self._show_page(self.today)
        self.reload()  # Today, once: the other lists are queried when first shown
        self.ui.splitter.setStretchFactor(1, 1)
        self._size_for_screen()
        self._restore_layout()
        self.notifier.check()
        self._ticked_minute = desk.clock().replace(second=0, microsecond=0)

    def _set_icons(self) -> None:
        for action, name in (
            (self.ui.syncAction, "sync"),
            (self.ui.cancelSyncAction, "cancel"),
            (self.ui.settingsAction, "settings"),
            (self.ui.signOutAction, "sign-out"),
            (self.ui.todayAction, "today"),
            (self.ui.accountsAction, "accounts"),
            (self.ui.allCasesAction, "cases"),
            (self.ui.snoozeHourAction, "snooze"),
            (self.ui.snoozeTomorrowAction, "snooze"),
            (self.ui.draftUpdateAction, "weekly-update"),
            (self.ui.draftAllAction, "weekly-update"),
        ):
            action.setIcon(icon(name))
        self.ui.todayButton.setIcon(icon("today"))

    def case_panels(self) -> list[CasesPanel]:
        return [self.today.urgent, self.all_cases, self.account_view.cases]

    @property
    def cases_model(self) -> CasesTableModel:
        """The cases table on screen (Today's by time to breach, an account's, or all)."""
        return self.current_panel().model

    def current_panel(self) -> CasesPanel:
        page = self.ui.pages.currentWidget()
        if page is self.all_cases:
            return self.all_cases
        if page is self.account_view:
            return self.account_view.cases
        return self.today.urgent

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
        today_splitter = settings.value("today/splitter")
        if today_splitter is not None:
            self.today.splitter.restoreState(today_splitter)
        hidden = settings.value("cases/hidden_columns")
        if hidden is not None:
            known = {column.key for column in self.all_cases.model.columns}
            self.column_choices.restore({key for key in str(hidden).split(",") if key in known})

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sync.cancel()
        self.countdown_timer.stop()
        self.notifier.hide_tray()
        settings = self._layout_settings()
        settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("main/splitter", self.ui.splitter.saveState())
        settings.setValue("today/splitter", self.today.splitter.saveState())
        settings.setValue("cases/hidden_columns", ",".join(sorted(self.column_choices.hidden)))
        records.close_session(self.desk.engine, self.session_id, self.desk.clock())
        super().closeEvent(event)

    # Navigation --------------------------------------------------------------------------------

    def _reload_if_stale(self, page: QWidget) -> None:
        if page is self.today and self.today.urgent in self._stale_panels:
            self._stale_panels.discard(self.today.urgent)
            self.today.refresh()
            return
        panel = {self.all_cases: self.all_cases, self.account_view: self.account_view.cases}.get(page)
        if panel is not None and panel in self._stale_panels:
            self._stale_panels.discard(panel)
            panel.reload()

    def _show_page(self, page: QWidget) -> None:
        self._reload_if_stale(page)
        if page is not self.case_page:
            self._previous_page = page
        self.ui.pages.setCurrentWidget(page)
        self.ui.todayButton.setChecked(page is self.today)
        self.ui.backAction.setEnabled(page is self.case_page)

    @Slot()
    def show_today(self) -> None:
        self.ui.accountsView.selectionModel().clearSelection()
        self.today.refresh()
        self._stale_panels.discard(self.today.urgent)
        self._show_page(self.today)

    @Slot()
    def show_all_cases(self) -> None:
        self.ui.accountsView.setCurrentIndex(self.accounts_model.index(0))
        self._show_page(self.all_cases)

    @Slot(int)
    def show_account(self, account_id: int) -> None:
        row = next((r for r in range(1, self.accounts_model.rowCount()) if self._account_id_at(r) == account_id), None)
        if row is not None:
            self.ui.accountsView.setCurrentIndex(self.accounts_model.index(row))

    def _account_id_at(self, row: int) -> int | None:
        account = self.accounts_model.account_at(row)
        return None if account is None else account.id

    @Slot()
    def focus_accounts(self) -> None:
        self.ui.accountsView.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.ui.accountsView.currentIndex().isValid():
            self.ui.accountsView.setCurrentIndex(self.accounts_model.index(0))

    @Slot()
    def focus_page(self) -> None:
        self.ui.pages.currentWidget().setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def focus_filter(self) -> None:
        if self.ui.pages.currentWidget() in (self.today, self.case_page):
            self.show_all_cases()
        self.current_panel().focus_filter()

    @Slot(int)
    def open_case(self, case_id: int) -> None:
        self.case_detail.show_case(case_id)
        self._show_page(self.case_page)
        self.case_detail.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str, int)
    def open_search_hit(self, kind: str, item_id: int) -> None:
        """A Ctrl+K result: a case opens its detail, an account (or a note's account) its 360."""
        if kind == "case":
            self.open_case(item_id)
            return
        if kind == "note":
            from advisor_app.drafts.notes import note_account

            account_id = note_account(self.desk.engine, item_id)
            if account_id is None:
                return
            item_id = account_id
        self.show_account(item_id)
        if kind == "note":
            self.account_view.tabs.setCurrentWidget(self.account_view.notes_tab)
        self.focus_page()

    @Slot()
    def draft_update(self) -> None:
        """Updates > Draft weekly update: this week's update of the account on screen."""
        account_id = self.account_view.account_id if self.ui.pages.currentWidget() is self.account_view else None
        if account_id is None:
            self.ui.statusBar.showMessage(self.tr("Choose an account first: its update is drafted."), 10_000)
            return
        # The drafts (templates, Markdown, the composer) load on first use, not before the first paint.
        from advisor_app.drafts.service import current_week
        from advisor_app.gui.drafts.composer import DraftComposer

        composer = DraftComposer(
            self.desk, account_id, current_week(self.desk.engine, account_id, self.desk.clock()), self
        )
        composer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        composer.week_changed.connect(self.account_view.refresh_obligations)
        composer.show()

    @Slot()
    def draft_all_due(self) -> None:
        from advisor_app.gui.drafts.batch_dialog import BatchDraftDialog

        dialog = BatchDraftDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    @Slot(str)
    def language_chosen(self, _language: str) -> None:
        self.ui.statusBar.showMessage(self.view_entries.restart_hint(), 10_000)

    @Slot()
    def go_back(self) -> None:
        self._show_page(self._previous_page)
        self._previous_page.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def open_current_case(self) -> None:
        case_id = self._current_case_id()
        if case_id is not None:
            self.open_case(case_id)

    def _current_case_id(self) -> int | None:
        if self.ui.pages.currentWidget() is self.case_page:
            return self.case_detail.case_id
        for section in self.today.findChildren(TodaySection):
            if section.view.hasFocus() and section.view.currentIndex().isValid():
                case_id = section.view.currentIndex().data(ITEM_CASE_ID_ROLE)
                return None if case_id is None else int(case_id)
        return self.current_panel().current_case_id()

    # Snoozing -----------------------------------------------------------------------------------

    @Slot()
    def snooze_current_hour(self) -> None:
        case_id = self._current_case_id()
        if case_id is not None:
            self.snooze_case(case_id, SnoozeChoice.ONE_HOUR.value)

    @Slot()
    def snooze_current_tomorrow(self) -> None:
        case_id = self._current_case_id()
        if case_id is not None:
            self.snooze_case(case_id, SnoozeChoice.TOMORROW.value)

    @Slot(int, str)
    def snooze_case(self, case_id: int, choice: str) -> None:
        now = self.desk.clock()
        zone = _local_zone() or now.astimezone().tzinfo
        assert zone is not None
        until = snooze_until(SnoozeChoice(choice), now, zone)
        records.snooze_case(self.desk.engine, case_id, until)
        self.ui.statusBar.showMessage(
            self.tr("No notifications for this case until {when}").format(when=format_instant(until)), 10_000
        )

    # Reactions -------------------------------------------------------------------------------

    def reload(self) -> None:
        view = self.ui.accountsView
        # Only a selected account is restored: re-selecting a merely current row would switch
        # the page (from Today to All cases) under the user.
        current = view.currentIndex().row() if view.selectionModel().isSelected(view.currentIndex()) else -1
        self.accounts_model.reload()
        if current >= 0:
            row = min(current, self.accounts_model.rowCount() - 1)
            self.ui.accountsView.setCurrentIndex(self.accounts_model.index(row))
        self.all_cases.set_accounts(self.accounts_model.assigned)
        # Only the list on screen is queried now; the others when they are next shown.
        self._stale_panels = set(self.case_panels())
        page = self.ui.pages.currentWidget()
        if page is self.today:
            self.today.refresh()  # its cases list included
            self._stale_panels.discard(self.today.urgent)
        else:
            self._reload_if_stale(page)
        self.account_view.refresh_header()
        self.open_in_source.update_enabled()
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
        self.sync_label.setToolTip(plain_tooltip(self.sync.last_error))

    @Slot(QItemSelection, QItemSelection)
    def account_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.ui.accountsView.currentIndex()
        if not index.isValid() or not self.ui.accountsView.selectionModel().isSelected(index):
            return
        account = self.accounts_model.account_at(index.row())
        if account is None:
            self._show_page(self.all_cases)
        else:
            self.account_view.set_account(account.id)  # queries its cases
            self._stale_panels.discard(self.account_view.cases)
            self._show_page(self.account_view)
            if account.unassigned:
                self.ui.statusBar.showMessage(
                    self.tr(
                        "{name} is not assigned to you any more; its service days, updates and notes are kept."
                    ).format(name=account.name),
                    15_000,
                )

    def start_syncing(self) -> None:
        """Once shown on the stored data: sync in the background now, on wake and when the network returns."""
        if self.desk.settings.source_kind is not None:
            self.sync_triggers.start()

    @Slot()
    def report_shown(self) -> None:
        log.info(
            "window shown: %d accounts, %d cases listed",
            self.accounts_model.rowCount() - 1,
            self.cases_model.rowCount(),
        )

    @Slot()
    def show_sync_details(self) -> None:
        from advisor_app.gui.sync_details import SyncDetailsDialog

        dialog = SyncDetailsDialog(self.desk.engine, self.sync, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def tick_countdowns(self) -> None:
        now = self.desk.clock()
        page = self.ui.pages.currentWidget()
        next_change = None
        if page is not self.case_page:
            next_change = self.current_panel().tick(now)
        minute = now.replace(second=0, microsecond=0)
        if self.notifier.due_check(now) or minute != self._ticked_minute:
            self.notifier.check()
        self._ticked_minute = minute
        due = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
        for instant in (next_change, self.notifier.next_check_at):
            if instant is not None and now < instant < due:
                due = instant
        # A few milliseconds late rather than early: the cell has changed when the timer fires.
        self.countdown_timer.start(max(10, math.ceil((due - now).total_seconds() * 1000) + 5))

    @Slot()
    def wake_for_notifications(self) -> None:
        """A check outside the tick found an earlier event instant: wake for it."""
        at = self.notifier.next_check_at
        if at is None:
            return
        wait = max(10, math.ceil((at - self.desk.clock()).total_seconds() * 1000) + 5)
        if not self.countdown_timer.isActive() or wait < self.countdown_timer.remainingTime():
            self.countdown_timer.start(wait)

    def build_deferred_parts(self) -> None:
        """Build what waits for first use (an account's tabs), e.g. to list its shortcuts."""
        self.account_view.obligation_tabs()

    @Slot()
    def tick_soon(self) -> None:
        self.countdown_timer.start(0)

    @Slot()
    def sync_started(self) -> None:
        self.ui.syncAction.setEnabled(False)
        self.ui.cancelSyncAction.setEnabled(True)
        self.sync_progress.show()
        self.sync_label.setText(self.tr("Syncing…"))

    @Slot(str, int)
    def sync_progressed(self, stream: str, count: int) -> None:
        self.sync_label.setText(progress_text(stream, count))

    @Slot(str)
    def sync_waiting(self, reason: str) -> None:
        self.sync_label.setText(reason)

    @Slot(object)
    def sync_finished(self, report: object) -> None:
        self._sync_done()
        self.reload()
        self.notifier.check()
        assert isinstance(report, SyncReport)
        news = []
        if report.accounts_arrived:
            news.append(self.tr("Newly assigned to you: {names}").format(names=", ".join(report.accounts_arrived)))
        if report.accounts_back:
            names = ", ".join(report.accounts_back)
            news.append(self.tr("No longer set aside (its data is fixed): {names}").format(names=names))
        if report.accounts_left:
            news.append(
                self.tr("No longer assigned to you: {names} (View > Show Accounts No Longer Assigned to You)").format(
                    names=", ".join(report.accounts_left)
                )
            )
        if news:
            self.ui.statusBar.showMessage(" · ".join(news), 30_000)

    @Slot(bool)
    def show_unassigned(self, shown: bool) -> None:
        self.accounts_model.unassigned_of = self.desk.settings.source_kind if shown else None
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

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About {app}").format(app=APP_NAME),
            self.tr("{app} {version}\nYour accounts, cases and obligations, offline.").format(
                app=APP_NAME, version=__version__
            ),
        )

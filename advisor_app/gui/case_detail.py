"""The case detail: header, every SLA clock with its live figures, and the event timeline.

Reads one case with `store.case_detail` (a handful of small queries, fine on the GUI
thread) and repaints the clock figures every second from what it read, without SQL.
Case text goes through `advisor_app.text` and shows in a `SafeTextBrowser`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from html import escape

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimer, QTimeZone, Signal, Slot
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import EventKind
from advisor_app.gui.countdown import Urgency, format_duration, kind_label, urgency_foreground
from advisor_app.gui.icons import icon
from advisor_app.gui.labels import severity_label, status_label
from advisor_app.gui.plain_text import make_plain
from advisor_app.gui.safe_browser import SafeTextBrowser
from advisor_app.gui.tasks import BackgroundTask, CancelToken, text_pool
from advisor_app.sla import ClockState
from advisor_app.store.case_detail import CaseDetail, ClockDetail, ClockNow, TimelineEvent, case_detail
from advisor_app.text import CASE_TEXT_LIMIT, RenderedText, render_case_text_capped
from advisor_app.workspace.desk import Desk

_NOTE_TINT = QColor(230, 180, 40)


_MESSAGE_KINDS = frozenset({EventKind.CUSTOMER_MESSAGE, EventKind.AGENT_REPLY, EventKind.INTERNAL_NOTE})


def _blend(base: QColor, tint: QColor, amount: float) -> str:
    r = base.red() + (tint.red() - base.red()) * amount
    g = base.green() + (tint.green() - base.green()) * amount
    b = base.blue() + (tint.blue() - base.blue()) * amount
    return QColor(int(r), int(g), int(b)).name()


def format_in_zone(value: datetime, zone: str | None) -> str:
    """The instant in `zone` (an IANA name) or, with None, in the advisor's local time."""
    milliseconds = int(value.timestamp() * 1000)
    if zone is None:
        moment = QDateTime.fromMSecsSinceEpoch(milliseconds).toLocalTime()
    else:
        moment = QDateTime.fromMSecsSinceEpoch(milliseconds, QTimeZone(zone.encode()))
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return moment.toString("yyyy-MM-dd HH:mm")
    return locale.toString(moment, QLocale.FormatType.ShortFormat)


class CaseDetailView(QWidget):
    """Shows one case; `show_case(case_id)` loads it. `case_shown` says which case is shown."""

    case_shown = Signal(int)

    COLUMNS = ("clock", "state", "target", "deadline", "left")

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.detail: CaseDetail | None = None
        self.setAccessibleName(self.tr("Case detail"))

        self.title_label = QLabel(self)
        self.title_label.setWordWrap(True)
        # The subject and requester come from the customer: shown as written, never read as markup.
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title_label.setAccessibleName(self.tr("Case"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = QLabel(self)
        self.meta_label.setWordWrap(True)
        self.meta_label.setTextFormat(Qt.TextFormat.PlainText)
        self.meta_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta_label.setAccessibleName(self.tr("Account, severity, status and requester"))
        self.times_label = QLabel(self)
        self.times_label.setWordWrap(True)
        self.times_label.setAccessibleName(self.tr("Opened and updated"))
        make_plain(self.title_label, self.meta_label, self.times_label)

        self.copy_action = QAction(self.tr("Copy case ID"), self)
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.setEnabled(False)
        self.copy_action.triggered.connect(self.copy_case_id)
        self.addAction(self.copy_action)
        self.copy_button = QToolButton(self)
        self.copy_button.setDefaultAction(self.copy_action)
        self.copy_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.copy_button.setAccessibleName(self.tr("Copy case ID"))

        self.clocks_table = QTableWidget(0, len(self.COLUMNS), self)
        self.clocks_table.setHorizontalHeaderLabels(
            [self.tr("Clock"), self.tr("State"), self.tr("Target"), self.tr("Deadline"), self.tr("Business time left")]
        )
        self.clocks_table.setAccessibleName(self.tr("SLA clocks"))
        self.clocks_table.verticalHeader().hide()
        self.clocks_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.clocks_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.clocks_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clocks_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.clocks_table.horizontalHeader().setStretchLastSection(True)
        self.clocks_table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

        self.timeline = SafeTextBrowser(self)
        self.timeline.setAccessibleName(self.tr("Case timeline"))
        self.timeline.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # Case text is sanitized on a worker thread; long bodies are cut until the user asks for all.
        self.render_task: BackgroundTask | None = None
        self.show_all_button = QPushButton(self.tr("Show all of the long messages"), self)
        self.show_all_button.setAccessibleName(self.tr("Show all of the long messages"))
        self.show_all_button.clicked.connect(self.show_all_text)
        self.show_all_button.hide()

        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.meta_label)
        layout.addWidget(self.times_label)
        layout.addWidget(self.clocks_table)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(self.show_all_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.setTabOrder(self.copy_button, self.clocks_table)
        self.setTabOrder(self.clocks_table, self.timeline)

        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.refresh_clocks)
        self._show_nothing()

    @property
    def case_id(self) -> int | None:
        """The id of the case shown, or None."""
        return None if self.detail is None else self.detail.case.id

    # -- loading ---------------------------------------------------------------------

    def show_case(self, case_id: int) -> bool:
        """Load and show the case; False (and an empty view) when it does not exist."""
        with self.desk.engine.connect() as connection:
            detail = case_detail(connection, case_id, self.desk.clock())
        self.detail = detail
        if detail is None:
            self._show_nothing(self.tr("This case is not in the workspace."))
            return False
        case, account = detail.case, detail.account
        self.title_label.setText(
            self.tr("#{id} {subject}").format(id=case.remote_id, subject=case.subject or self.tr("(no subject)"))
        )
        parts = [
            account.name,
            severity_label(int(case.severity)),
            status_label(case.status.value),
            self.tr("Requester: {who}").format(who=case.requester),
        ]
        if case.removed_at is not None:
            parts.append(self.tr("Removed at the source"))
        self.meta_label.setText("  |  ".join(parts))
        self.times_label.setText(
            self.tr("Opened {opened} · Updated {updated}").format(
                opened=self._both_zones(case.created_at, account.timezone),
                updated=self._both_zones(case.updated_at, account.timezone),
            )
        )
        self.copy_action.setEnabled(True)
        self._fill_clocks(detail)
        loading = self.tr("Loading the timeline…")
        self.timeline.setHtml(f"<p>{escape(loading)}</p>")
        self._render_timeline(detail, CASE_TEXT_LIMIT)
        self.timer.start()
        self.case_shown.emit(case_id)
        return True

    def _show_nothing(self, message: str = "") -> None:
        self.timer.stop()
        self.title_label.setText(message or self.tr("No case selected"))
        self.meta_label.clear()
        self.times_label.clear()
        self.copy_action.setEnabled(False)
        self.clocks_table.setRowCount(0)
        self.clocks_table.hide()
        self._cancel_render()
        self.show_all_button.hide()
        self.timeline.clear()

    def _both_zones(self, value: datetime, zone: str) -> str:
        in_account = format_in_zone(value, zone)
        local = format_in_zone(value, None)
        if in_account == local:
            return self.tr("{when} (account and local)").format(when=in_account)
        return self.tr("{when} in {zone} ({local} here)").format(when=in_account, zone=zone, local=local)

    # -- clocks ----------------------------------------------------------------------

    def _ordered_clocks(self, detail: CaseDetail) -> list[ClockDetail]:
        """Newest first: the open clock, the one that matters, is on top."""
        return list(reversed(detail.clocks))

    def _fill_clocks(self, detail: CaseDetail) -> None:
        clocks = self._ordered_clocks(detail)
        self.clocks_table.setRowCount(len(clocks))
        self.clocks_table.setVisible(bool(clocks))
        for row, clock in enumerate(clocks):
            for column in range(len(self.COLUMNS)):
                self.clocks_table.setItem(row, column, QTableWidgetItem())
            self._clock_cell(row, 0).setText(kind_label(clock.kind.value))
            target = clock.target
            self._clock_cell(row, 2).setText(self.tr("none") if target is None else format_duration(target))
        self.refresh_clocks()
        table = self.clocks_table
        height = table.horizontalHeader().height() + 2 * table.frameWidth()
        height += sum(table.rowHeight(row) for row in range(min(table.rowCount(), 6)))
        table.setMaximumHeight(height)
        table.setMinimumHeight(min(height, table.horizontalHeader().height() + 3 * table.rowHeight(0) if clocks else 0))

    @Slot()
    def refresh_clocks(self) -> None:
        """Repaint state, deadline and time left of every clock at the desk's now (no SQL)."""
        if self.detail is None:
            return
        now = self.desk.clock()
        for row, clock in enumerate(self._ordered_clocks(self.detail)):
            figures = clock.at(now)
            text, icon, color = self._state_look(clock, figures)
            state_item = self._clock_cell(row, 1)
            state_item.setText(text)
            state_item.setIcon(icon)
            if color is not None:
                state_item.setForeground(color)
            deadline_item = self._clock_cell(row, 3)
            deadline_item.setText(self._deadline_text(clock, figures))
            left_item = self._clock_cell(row, 4)
            left_item.setText(self._left_text(clock, figures))
            if color is not None and (figures.state is ClockState.BREACHED or figures.at_risk):
                left_item.setForeground(color)

    def _clock_cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.clocks_table.item(row, column)
        if item is None:  # _fill_clocks puts an item in every cell; a missing one is made, not crashed on
            item = QTableWidgetItem()
            self.clocks_table.setItem(row, column, item)
        return item

    def _state_look(self, clock: ClockDetail, figures: ClockNow) -> tuple[str, QIcon, QColor | None]:
        state = figures.state
        palette = self.palette()
        if state is ClockState.BREACHED:
            text = self.tr("Breached") if clock.is_open else self.tr("Breached (answered late)")
            return text, icon("breached"), urgency_foreground(Urgency.BREACHED, palette)
        if state is ClockState.RUNNING and figures.at_risk:
            return self.tr("At risk"), icon("at-risk"), urgency_foreground(Urgency.AT_RISK, palette)
        if state is ClockState.RUNNING:
            running = self.style().standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
            return self.tr("Running"), running, urgency_foreground(Urgency.OK, palette)
        if state is ClockState.PAUSED:
            return self.tr("Paused (waiting on customer)"), icon("paused"), urgency_foreground(Urgency.PAUSED, palette)
        if state is ClockState.MET:
            text = self.tr("Met") if not clock.clock.stopped else self.tr("Stopped (solved)")
            return text, icon("met"), None
        info = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        return self.tr("No target"), info, urgency_foreground(Urgency.NO_TARGET, palette)

    def _deadline_text(self, clock: ClockDetail, figures: ClockNow) -> str:
        if clock.deadline is None:
            return self.tr("paused") if figures.state is ClockState.PAUSED else "—"
        when = format_in_zone(clock.deadline, None)
        if figures.wall_left is None:
            return when
        if figures.wall_left >= timedelta(0):
            return self.tr("{when} (in {left})").format(when=when, left=format_duration(figures.wall_left))
        return self.tr("{when} ({overdue} ago)").format(when=when, overdue=format_duration(-figures.wall_left))

    def _left_text(self, clock: ClockDetail, figures: ClockNow) -> str:
        left = figures.business_left
        if left is None:
            return "—"
        if left < timedelta(0):
            return self.tr("{overdue} overdue").format(overdue=format_duration(-left))
        if not clock.is_open:
            return self.tr("{left} to spare").format(left=format_duration(left))
        return format_duration(left)

    # -- timeline --------------------------------------------------------------------

    @property
    def rendering(self) -> bool:
        """True while the timeline's text is being sanitized."""
        return self.render_task is not None

    def _cancel_render(self) -> None:
        if self.render_task is not None:
            self.render_task.cancel()
            self.render_task = None

    def _render_timeline(self, detail: CaseDetail, limit: int | None) -> None:
        """Sanitize the message bodies on the text pool; the newest request wins."""
        self._cancel_render()
        bodies = [event.value for event in detail.events if event.kind in _MESSAGE_KINDS]

        def work(_report: object, token: CancelToken) -> list[RenderedText] | None:
            rendered = []
            for body in bodies:
                if token.is_cancelled():
                    return None
                rendered.append(render_case_text_capped(body, limit))
            return rendered

        task = BackgroundTask(work, text_pool(), self)
        task.succeeded.connect(self._timeline_rendered)
        self.render_task = task
        task.start()

    @Slot(object)
    def _timeline_rendered(self, rendered: object) -> None:
        if self.sender() is not self.render_task or self.detail is None or not isinstance(rendered, list):
            return
        self.render_task = None
        self.timeline.setHtml(self.timeline_html(self.detail, rendered))
        self.show_all_button.setVisible(any(body.truncated for body in rendered))

    @Slot()
    def show_all_text(self) -> None:
        if self.detail is not None:
            self.show_all_button.hide()
            self._render_timeline(self.detail, None)

    def timeline_html(self, detail: CaseDetail, rendered: list[RenderedText] | None = None) -> str:
        """The timeline; `rendered` holds the message bodies made safe (sanitized here when None)."""
        if rendered is None:
            bodies = [event.value for event in detail.events if event.kind in _MESSAGE_KINDS]
            rendered = [render_case_text_capped(body) for body in bodies]
        pending = iter(rendered)
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        backgrounds = {
            EventKind.CUSTOMER_MESSAGE: _blend(base, palette.color(QPalette.ColorRole.Mid), 0.18),
            EventKind.AGENT_REPLY: _blend(base, palette.color(QPalette.ColorRole.Highlight), 0.14),
            EventKind.INTERNAL_NOTE: _blend(base, _NOTE_TINT, 0.28),
        }
        blocks = []
        for event in detail.events:
            if event.kind in backgrounds:
                blocks.append(self._message_html(event, next(pending), backgrounds[event.kind], muted))
            else:
                blocks.append(self._change_html(event, muted))
        if not blocks:
            blocks.append(f'<p style="color:{muted}">{escape(self.tr("No events yet."))}</p>')
        return "".join(blocks)

    def _kind_text(self, kind: EventKind) -> str:
        return {
            EventKind.CUSTOMER_MESSAGE: self.tr("Customer"),
            EventKind.AGENT_REPLY: self.tr("Agent reply"),
            EventKind.INTERNAL_NOTE: self.tr("Internal note (not visible to the customer)"),
        }.get(kind, kind.value)

    def _message_html(self, event: TimelineEvent, rendered: RenderedText, background: str, muted: str) -> str:
        heading = (
            f"<b>{escape(self._kind_text(event.kind))}</b> · {escape(event.author)}"
            f' <span style="color:{muted}">· {escape(format_in_zone(event.at, None))}</span>'
        )
        body = rendered.html if event.value.strip() else escape(self.tr("(empty)"))
        if rendered.truncated:
            shown = self.tr("Shown: the first {shown} of {length} characters (Show all, below).").format(
                shown=QLocale().toString(CASE_TEXT_LIMIT), length=QLocale().toString(rendered.length)
            )
            body += f'<p style="color:{muted}"><i>{escape(shown)}</i></p>'

        return (
            f'<table width="100%" cellspacing="0" cellpadding="6" bgcolor="{background}" style="margin-bottom:6px">'
            f"<tr><td>{heading}</td></tr><tr><td>{body}</td></tr></table>"
        )

    def _change_html(self, event: TimelineEvent, muted: str) -> str:
        if event.kind is EventKind.STATUS_CHANGE:
            what = self.tr("{who} changed the status: {old} → {new}").format(
                who=event.author, old=status_label(event.old_value), new=status_label(event.value)
            )
        elif event.kind is EventKind.SEVERITY_CHANGE:
            what = self.tr("{who} changed the severity: {old} → {new}").format(
                who=event.author,
                old=severity_label(int(event.old_value)) if event.old_value.isdigit() else event.old_value,
                new=severity_label(int(event.value)) if event.value.isdigit() else event.value,
            )
        else:
            what = f"{event.author}: {event.kind.value}"
        when = format_in_zone(event.at, None)
        return f'<p style="color:{muted}; margin-top:2px; margin-bottom:6px">↳ {escape(when)} · {escape(what)}</p>'

    # -- actions ---------------------------------------------------------------------

    @Slot()
    def copy_case_id(self) -> None:
        if self.detail is None:
            return
        case = self.detail.case
        QGuiApplication.clipboard().setText(f"#{case.remote_id} {case.subject}")

"""Account 360: usage metrics over time, week-over-week changes, and the CSV import."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCharts import QChart, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QDateTime, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_app.errors import AdvisorError
from advisor_app.gui.account.models import BadRowsModel, UsageChangesModel, metric_label
from advisor_app.gui.charts import ThemedChartView
from advisor_app.gui.error_text import describe_error
from advisor_app.gui.i18n import format_percent
from advisor_app.obligations.terms import terms_of
from advisor_app.obligations.usage import (
    USAGE_CSV_COLUMNS,
    UsageFile,
    compared_weeks,
    import_usage,
    read_usage_file,
    usage_series,
    week_over_week,
)
from advisor_app.workspace.desk import Desk


class UsageImportDialog(QDialog):
    """Lists a file's bad rows by line; the user may import the good rows or nothing."""

    def __init__(self, parsed: UsageFile, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import usage: {name}").format(name=file_name))
        self.model = BadRowsModel(self)
        self.model.set_rows(parsed.bad)
        table = QTableView()
        table.setModel(self.model)
        table.setAccessibleName(self.tr("Rows that cannot be imported"))
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(BadRowsModel.PROBLEM, QHeaderView.ResizeMode.Stretch)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        label = QLabel(self.tr("%Ln row(s) cannot be imported; nothing has been imported yet.", "", len(parsed.bad)))
        label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import the {count} good rows").format(count=len(parsed.good)),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.import_button.setEnabled(bool(parsed.good))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(table, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 420)


def _metric_chart(metric: str, points: Sequence[tuple[date, float]], change: float | None) -> ThemedChartView:
    series = QLineSeries()
    for day, value in points:
        series.append(float(QDateTime(datetime.combine(day, time(12))).toMSecsSinceEpoch()), value)
    chart = QChart()
    chart.addSeries(series)
    chart.legend().hide()
    title = metric_label(metric)
    if change is not None:
        title = QCoreApplication.translate("usage", "{metric}  ({change} on the week before)").format(
            metric=title, change=format_percent(change * 100, signed=True)
        )
    chart.setTitle(title)
    x_axis = QDateTimeAxis()
    x_axis.setFormat("d MMM")
    x_axis.setTickCount(5)
    y_axis = QValueAxis()
    y_axis.setLabelFormat("%.0f")
    values = [value for _, value in points]
    y_axis.setRange(0, max(values) * 1.1 if values and max(values) > 0 else 1)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    view = ThemedChartView(chart)
    view.setMinimumSize(320, 220)
    return view


class UsageTab(QWidget):
    imported = Signal(int)

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._account_id: int | None = None
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setToolTip(
            self.tr("Columns: {columns}; account by name or id").format(columns=", ".join(USAGE_CSV_COLUMNS))
        )
        self.import_button.clicked.connect(self._on_import_clicked)
        self.changes_model = UsageChangesModel(self)
        self.changes_table = QTableView()
        self.changes_table.setModel(self.changes_model)
        self.changes_table.setAccessibleName(self.tr("Week-over-week changes"))
        self.changes_table.verticalHeader().hide()
        self.changes_table.horizontalHeader().setSectionResizeMode(
            UsageChangesModel.METRIC, QHeaderView.ResizeMode.Stretch
        )
        self.changes_table.setMaximumHeight(170)
        self.charts = QWidget()
        self.charts_layout = QGridLayout(self.charts)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.charts)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Week over week (mean per day):")), 1)
        top.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.changes_table)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status_label)

    def set_account(self, account_id: int) -> None:
        self._account_id = account_id
        self.status_label.clear()
        self.reload()

    def reload(self) -> None:
        if self._account_id is None:
            return
        with self._desk.engine.connect() as connection:
            series = usage_series(connection, self._account_id)
            today = terms_of(connection, self._account_id).local_today(self._desk.clock())
        # The same complete weeks as this week's update compares, so both show the same figure.
        changes = week_over_week(series, compared_weeks(today))
        self.changes_model.set_rows(changes)
        self.changes_table.resizeColumnsToContents()
        while self.charts_layout.count():
            item = self.charts_layout.takeAt(0)
            chart = item.widget() if item is not None else None
            if chart is not None:
                chart.deleteLater()
        by_metric = {change.metric: change.change for change in changes}
        for position, (metric, points) in enumerate(series.items()):
            self.charts_layout.addWidget(
                _metric_chart(metric, points, by_metric.get(metric)),
                position // 2,
                position % 2,
            )
        if not series:
            self.charts_layout.addWidget(QLabel(self.tr("No usage metrics for this account yet.")), 0, 0)

    def import_file(self, path: Path) -> UsageImportDialog | None:
        """Read the file; import at once when every row is good, else return the dialog (not shown)."""
        try:
            with self._desk.engine.connect() as connection:
                parsed = read_usage_file(connection, path)
            if not parsed.bad:
                self._finish_import(parsed)
                return None
        except AdvisorError as error:
            self.status_label.setText(describe_error(error))
            QMessageBox.warning(self, self.tr("Import usage"), describe_error(error))
            return None
        dialog = UsageImportDialog(parsed, path.name, self)
        dialog.accepted.connect(self._on_dialog_accepted)
        self._pending = parsed
        return dialog

    @Slot()
    def _on_dialog_accepted(self) -> None:
        self._finish_import(self._pending, import_good_rows=True)

    def _finish_import(self, parsed: UsageFile, *, import_good_rows: bool = False) -> None:
        try:
            count = import_usage(self._desk.engine, parsed, import_good_rows=import_good_rows)
        except AdvisorError as error:
            self.status_label.setText(describe_error(error))
            return
        self.status_label.setText(self.tr("Imported %Ln row(s).", "", count))
        self.reload()
        self.imported.emit(count)

    @Slot()
    def _on_import_clicked(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import usage metrics"), str(Path.home()), self.tr("CSV files (*.csv);;All files (*)")
        )
        if name:
            dialog = self.import_file(Path(name))
            if dialog is not None:
                dialog.open()

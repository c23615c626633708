"""The burn-down chart of a contract year's service days, with the projection at this pace."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCharts import QChart, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QWidget

from advisor_app.gui.account.common import date_text, warning_color
from advisor_app.gui.charts import ThemedChartView
from advisor_app.obligations.ledger import LedgerEntry
from advisor_app.obligations.service_days import ServiceDayBalance


def _x(day: date) -> float:
    return float(QDateTime(datetime.combine(day, time(12))).toMSecsSinceEpoch())


class BurnDownChart(ThemedChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.setMinimumSize(320, 180)
        self.remaining = QLineSeries()
        self.remaining.setName(self.tr("Days left"))
        self.projection = QLineSeries()
        self.projection.setName(self.tr("At this pace"))
        pen = QPen(self.palette().color(self.palette().ColorRole.Mid), 2, Qt.PenStyle.DashLine)
        self.projection.setPen(pen)
        chart = QChart()
        chart.addSeries(self.remaining)
        chart.addSeries(self.projection)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.x_axis = QDateTimeAxis()
        self.x_axis.setFormat("MMM yy")
        self.x_axis.setTickCount(7)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%.1f")
        self.y_axis.setTitleText(self.tr("days"))
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.remaining, self.projection):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.setChart(chart)
        self.restyle()

    def show_year(self, current: ServiceDayBalance, entries: list[LedgerEntry], today: date) -> None:
        """Steps down from the allotment at each booking; dashed from today at the pace so far."""
        year = current.year
        allotted = current.allotted or 0
        self.setVisible(allotted > 0)  # nothing to burn down without an allotment
        left = allotted / 2
        points = [(_x(year.first_day), left)]
        for entry in sorted(entries, key=lambda e: e.day):
            if entry.day not in year or entry.day > today:
                continue
            points.append((_x(entry.day), left))
            left -= entry.half_days / 2
            points.append((_x(entry.day), left))
        end = min(today, year.last_day)
        points.append((_x(end), left))
        self.remaining.clear()
        for x, y in points:
            self.remaining.append(x, y)
        self.projection.clear()
        projection = current.projection
        if projection is not None and left > 0:
            stop = projection.runs_out_on or year.last_day
            stop_left = 0.0 if projection.runs_out_on else projection.lapsing_half_days / 2
            self.projection.append(_x(end), left)
            self.projection.append(_x(min(stop, year.last_day)), stop_left)
        self.projection.setVisible(projection is not None and left > 0)
        self.x_axis.setRange(
            QDateTime(datetime.combine(year.first_day, time(0))),
            QDateTime(datetime.combine(year.last_day + timedelta(days=1), time(0))),
        )
        low = min([0.0] + [y for _, y in points])
        self.y_axis.setRange(low, max(allotted / 2, 0.5))
        self.y_axis.setTickCount(int(max(allotted / 2, 1) - low) + 1 if max(allotted / 2, 1) - low <= 10 else 6)
        self.chart().setTitle(
            self.tr("Contract year {first} – {last}").format(
                first=date_text(year.first_day), last=date_text(year.last_day)
            )
        )
        over = current.over_allotment
        self.remaining.setColor(warning_color() if over else self.palette().color(self.palette().ColorRole.Highlight))

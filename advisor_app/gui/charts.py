"""Charts that read in light and dark and in the GUI's language.

A QChart draws its text in its theme's colours, not the palette's: the light theme's grey
on a dark window was about 1.3:1. `ThemedChartView` paints the chart's background, title,
legend and axes from the palette (Base and Text, which every theme keeps readable) and
again whenever the palette changes (the system switching to dark), and makes the chart
format numbers and dates in the locale.
"""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget


def apply_palette(chart: QChart, palette: QPalette) -> None:
    """Every text of `chart` in the palette's Text on its Base; grid lines in Mid."""
    background = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    grid = palette.color(QPalette.ColorRole.Mid)
    chart.setBackgroundVisible(True)
    chart.setBackgroundBrush(background)
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setTitleBrush(text)
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsColor(text)
        axis.setTitleBrush(text)
        axis.setLinePenColor(text)
        axis.setGridLineColor(grid)
    chart.setLocalizeNumbers(True)
    chart.setLocale(QLocale())


class ThemedChartView(QChartView):
    """A chart view whose chart follows the palette; set the chart, then `restyle()`."""

    def __init__(self, chart: QChart | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        if chart is not None:
            self.setChart(chart)
            self.restyle()

    def restyle(self) -> None:
        apply_palette(self.chart(), self.palette())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.restyle()

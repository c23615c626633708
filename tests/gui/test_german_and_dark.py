"""German and dark complete: chart text readable in both themes (contrast computed from the
chart's own colours), numbers, percentages and dates in the locale, nothing cut off."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCharts import QChart
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from advisor_app.attention.today import ItemKind, Level, TodayItem
from advisor_app.drafts.service import find_account
from advisor_app.gui.account.burndown import BurnDownChart
from advisor_app.gui.account.common import date_text, days_text, local_time_text
from advisor_app.gui.account.models import UsageChangesModel, metric_label
from advisor_app.gui.account.usage_tab import UsageTab
from advisor_app.gui.charts import ThemedChartView
from advisor_app.gui.i18n import InstalledLanguage, format_percent, install_language
from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.models.today import TodayItemsModel
from advisor_app.gui.theme import ThemeFollower, theme_follower
from advisor_app.obligations.usage import ComparedWeeks, WeekChange
from advisor_app.workspace.desk import Desk


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two opaque colours."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def follower(qapp: QApplication) -> Iterator[ThemeFollower]:
    palette = QPalette(qapp.palette())
    yield theme_follower(qapp)
    theme_follower(qapp).set_mode("system")
    qapp.setPalette(palette)


@pytest.fixture
def german() -> Iterator[InstalledLanguage]:
    previous = QLocale()
    installed = install_language("de", QLocale("en_US"))
    yield installed
    installed.uninstall()
    QLocale.setDefault(previous)


def _chart_contrasts(view: ThemedChartView) -> list[float]:
    chart = view.chart()
    background = chart.backgroundBrush().color()
    assert chart.isBackgroundVisible() and background.alpha() == 255, "the text's background is the chart's own"
    return [contrast(color, background) for color in text_colors(chart)]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_chart_text_reads_in_both_themes(qtbot: QtBot, demo_desk: Desk, follower: ThemeFollower, mode: str) -> None:
    follower.set_mode(mode)
    tab = UsageTab(demo_desk)
    qtbot.addWidget(tab)
    tab.set_account(find_account(demo_desk.engine, "Lumen Retail"))
    charts = tab.findChildren(ThemedChartView)
    burn_down = BurnDownChart()
    qtbot.addWidget(burn_down)
    assert len(charts) >= 4
    for view in [*charts, burn_down]:
        ratios = _chart_contrasts(view)
        assert len(ratios) >= 4 and min(ratios) >= 4.5, (view.chart().title(), ratios)


def test_charts_follow_a_theme_switch(qtbot: QtBot, follower: ThemeFollower) -> None:
    follower.set_mode("light")
    chart = BurnDownChart()
    qtbot.addWidget(chart)
    light_background = chart.chart().backgroundBrush().color()
    chart.show()
    follower.set_mode("dark")
    qtbot.waitUntil(lambda: chart.chart().backgroundBrush().color().lightness() < 128, timeout=2000)
    assert light_background.lightness() > 128
    assert min(_chart_contrasts(chart)) >= 4.5


def test_german_names_numbers_percentages_and_dates(qtbot: QtBot, german: InstalledLanguage) -> None:
    assert metric_label("active_users") == "Aktive Benutzer"
    assert metric_label("queries_run") == "Queries run", "a metric of a CSV keeps its own name"
    assert format_percent(6.8, signed=True) == "+6,8\u00a0%"
    assert days_text(1) == "0,5 Tage"
    assert date_text(date(2027, 1, 16)) == "16. Jan. 2027"
    assert local_time_text(datetime(2026, 11, 27, 6, 0, tzinfo=UTC), "Australia/Sydney") == "Fr. 27. Nov. 17:00"
    model = UsageChangesModel()
    model.set_rows([WeekChange("cards_viewed", ComparedWeeks("2026-W48", "2026-W47"), 465.2, 435.6)])
    row = [model.index(0, column).data() for column in range(model.columnCount())]
    assert row == ["Aufgerufene Cards", "29. Nov. 2026", "465,2", "435,6", "+6,8\u00a0%"]
    today = TodayItemsModel()
    lapsing = TodayItem(
        ItemKind.SERVICE_DAYS, Level.WARNING, 7, "Lumen Retail LLC", None, None, "", None,
        {"reason": "lapsing", "lapsing": 0.5, "lapse_on": date(2027, 1, 16), "used": 9.5, "allotted": 10.0},
    )  # fmt: skip
    today.set_items([lapsing])
    assert (
        today.index(0, 0).data()
        == "Lumen Retail LLC: Bei diesem Tempo verfallen am Sa., 16. Jan. 2027 0,5 Tage ungenutzt"
    )


def test_the_filter_boxes_show_their_whole_text_in_german(
    qtbot: QtBot, german: InstalledLanguage, demo_desk: Desk
) -> None:
    window = MainWindow(demo_desk)
    qtbot.addWidget(window)
    window.resize(1024, 640)  # the smallest first-start size on a real screen (see MainWindow._size_for_screen)
    window.show()
    window.show_all_cases()
    qtbot.waitExposed(window)
    assert window.width() == 1024
    panel = window.all_cases
    for box in (panel.severity_box, panel.status_box, panel.clock_box):
        widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
        assert box.width() >= box.sizeHint().width() >= widest + 20, (box.accessibleName(), box.currentText())
    assert panel.severity_box.currentText() == "Jeder Schweregrad"


def test_a_wait_of_the_sync_is_told_in_german(qtbot: QtBot, german: InstalledLanguage, demo_desk: Desk) -> None:
    from advisor_app.gui.sync_runner import ReportProgress, ReportWait, SyncRunner, progress_text
    from advisor_app.gui.tasks import CancelToken
    from advisor_app.sync.engine import SyncReport

    def work(progress: ReportProgress, on_wait: ReportWait, _cancel: CancelToken) -> SyncReport:
        progress("cases", 1200)
        on_wait(29.6, "server error 503")
        return SyncReport({})

    runner = SyncRunner()
    said: list[str] = []
    runner.waiting.connect(said.append)
    runner.progressed.connect(lambda stream, count: said.append(progress_text(stream, count)))
    with qtbot.waitSignal(runner.finished, timeout=10_000):
        runner.start(work)
    assert said == [
        "Synchronisiere Fälle: 1200",
        "Warte 30 s, bevor die Quelle erneut gefragt wird (server error 503)",
    ]


def text_colors(chart: QChart) -> list[QColor]:
    """The colours the chart draws text in (title, legend, axis labels and titles)."""
    colors = [chart.titleBrush().color(), chart.legend().labelColor()]
    for axis in chart.axes():
        colors += [axis.labelsColor(), axis.titleBrush().color()]
    return colors

"""Theme: Fusion with a light or dark palette, chosen or following the OS; colours stay readable."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from advisor_app.gui import theme
from advisor_app.gui.countdown import URGENCY_BACKGROUND, Urgency, urgency_foreground
from advisor_app.gui.delegates import TIER_COLORS
from advisor_app.gui.theme import ThemeFollower, dark_palette, light_palette, theme_follower
from advisor_app.gui.view_menu import build_view_menu_entries
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.settings import load_settings


@pytest.fixture
def follower(qapp: QApplication) -> Iterator[ThemeFollower]:
    palette, style = QPalette(qapp.palette()), qapp.style().name()
    yield theme_follower(qapp)
    theme_follower(qapp).set_mode("system")
    qapp.setStyle(style)
    qapp.setPalette(palette)


def _base_lightness(app: QApplication) -> int:
    return app.palette().color(QPalette.ColorRole.Base).lightness()


def test_a_chosen_theme_switches_at_run_time(qapp: QApplication, follower: ThemeFollower) -> None:
    assert qapp.style().name().lower() == "fusion"
    follower.set_mode("dark")
    assert follower.dark and is_dark(qapp) and _base_lightness(qapp) < 60
    follower.set_mode("light")
    assert not follower.dark and not is_dark(qapp) and _base_lightness(qapp) > 200
    with pytest.raises(ValueError, match="unknown theme"):
        follower.set_mode("sepia")


def test_system_follows_the_os_scheme_as_it_changes(
    qapp: QApplication, follower: ThemeFollower, monkeypatch: pytest.MonkeyPatch
) -> None:
    follower.set_mode("system")
    monkeypatch.setattr(theme, "os_prefers_dark", lambda _app: True)
    follower.on_scheme_changed(Qt.ColorScheme.Dark)  # what colorSchemeChanged calls
    assert is_dark(qapp)
    monkeypatch.setattr(theme, "os_prefers_dark", lambda _app: False)
    follower.on_scheme_changed(Qt.ColorScheme.Light)
    assert not is_dark(qapp)
    # A chosen theme stays when the OS changes.
    follower.set_mode("dark")
    follower.on_scheme_changed(Qt.ColorScheme.Light)
    assert is_dark(qapp)


def _luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def _contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _over(top: QColor, base: QColor) -> QColor:
    alpha = top.alphaF()
    channels = zip((top.redF(), top.greenF(), top.blueF()), (base.redF(), base.greenF(), base.blueF()), strict=True)
    mix = [alpha * t + (1 - alpha) * b for t, b in channels]
    return QColor.fromRgbF(*mix)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_countdown_colours_read_on_both_palettes(qapp: QApplication, dark: bool) -> None:
    palette = dark_palette() if dark else light_palette(qapp)
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    for urgency in (Urgency.OK, Urgency.PAUSED, Urgency.NO_TARGET):
        color = urgency_foreground(urgency, palette)
        assert color is not None and _contrast(color, base) >= 4.5, urgency
    for urgency, background in URGENCY_BACKGROUND.items():
        assert _contrast(text, _over(background, base)) >= 4.5, urgency


def test_view_menu_entries_switch_theme_and_save_language(
    qtbot: QtBot, qapp: QApplication, follower: ThemeFollower, demo_desk: Desk
) -> None:
    menu = QMenu()
    entries = build_view_menu_entries(menu, demo_desk)
    themes = {action.data(): action for action in entries.theme_group.actions()}
    languages = {action.data(): action for action in entries.language_group.actions()}
    assert set(themes) == {"system", "light", "dark"} and themes["system"].isChecked()
    assert [a.text() for a in entries.language_group.actions()] == ["&System", "&English", "&Deutsch"]
    note = entries.restart_note.defaultWidget()
    assert isinstance(note, QLabel)
    assert "restarts" in note.text() and entries.restart_note in entries.language_menu.actions()

    themes["dark"].trigger()
    assert is_dark(qapp) and follower.mode == "dark"
    assert load_settings(demo_desk.workspace.settings_file).theme == "dark"

    with qtbot.waitSignal(entries.language_chosen) as chosen:
        languages["de"].trigger()
    assert chosen.args == ["de"]
    assert load_settings(demo_desk.workspace.settings_file).language == "de"
    menu.deleteLater()


def test_tier_badges_keep_their_white_text_readable() -> None:
    for tier, fill in TIER_COLORS.items():
        assert _contrast(QColor("#ffffff"), QColor(fill)) >= 4.5, tier


def is_dark(app: QGuiApplication) -> bool:
    """Whether the app shows a dark palette now (whatever made it so)."""
    return app.palette().color(QPalette.ColorRole.Base).lightness() < 128

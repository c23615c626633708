"""View > Theme and View > Language: the look and language settings as menu entries.

The theme switches at once; the language is saved and shows from the next start (texts
are read when widgets are built), which the menu says.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidgetAction

from advisor_app.gui.theme import theme_follower
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.settings import is_language, is_theme, save_settings


class ViewMenuEntries(QObject):
    """The Theme and Language submenus of a View menu, kept in step with the settings."""

    language_chosen = Signal(str)
    """the new language setting; the window may say "restart to see it" in its status bar"""

    def __init__(self, menu: QMenu, desk: Desk) -> None:
        super().__init__(menu)
        self.setObjectName("viewMenuEntries")
        self._desk = desk
        self.theme_menu = menu.addMenu(self.tr("&Theme"))
        self.theme_menu.setObjectName("themeMenu")
        self.theme_group = QActionGroup(self)
        themes = (("system", self.tr("&System")), ("light", self.tr("&Light")), ("dark", self.tr("&Dark")))
        for value, text in themes:
            self._add(self.theme_menu, self.theme_group, text, value, desk.settings.theme)
        self.theme_group.triggered.connect(self.theme_triggered)

        self.language_menu = menu.addMenu(self.tr("&Language"))
        self.language_menu.setObjectName("languageMenu")
        self.language_group = QActionGroup(self)
        # Language names are written in their own language, so they are found whatever is shown now.
        languages = (("system", self.tr("&System")), ("en", "&English"), ("de", "&Deutsch"))
        for value, text in languages:
            self._add(self.language_menu, self.language_group, text, value, desk.settings.language)
        self.language_menu.addSeparator()
        # A label rather than a disabled entry: greyed-out text reads as "unavailable", and faintly.
        note = QLabel(self.restart_hint(), self.language_menu)
        note.setContentsMargins(24, 4, 12, 4)
        font = note.font()
        font.setItalic(True)
        note.setFont(font)
        self.restart_note = QWidgetAction(self)
        self.restart_note.setDefaultWidget(note)
        self.language_menu.addAction(self.restart_note)
        self.language_group.triggered.connect(self.language_triggered)

    def restart_hint(self) -> str:
        """Also for the window's status bar when `language_chosen` fires."""
        return self.tr("Takes effect when Advisor Desk restarts")

    def _add(self, menu: QMenu, group: QActionGroup, text: str, value: str, current: str) -> QAction:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.setData(value)
        action.setChecked(value == current)
        group.addAction(action)
        return action

    def _save(self) -> None:
        save_settings(self._desk.workspace.settings_file, self._desk.settings)

    @Slot(QAction)
    def theme_triggered(self, action: QAction) -> None:
        value = str(action.data())
        if not is_theme(value):
            return
        self._desk.settings.theme = value
        self._save()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme_follower(app).set_mode(value)

    @Slot(QAction)
    def language_triggered(self, action: QAction) -> None:
        value = str(action.data())
        if value == self._desk.settings.language or not is_language(value):
            return
        self._desk.settings.language = value
        self._save()
        self.language_chosen.emit(value)


def build_view_menu_entries(menu: QMenu, desk: Desk) -> ViewMenuEntries:
    """Add View > Theme (System, Light, Dark) and View > Language (System, English, Deutsch)."""
    return ViewMenuEntries(menu, desk)

"""The GUI's language: which one, its translators, and the locale for dates and numbers.

Call `install_language` once, after the QApplication exists and before any window is
made: widgets read their texts when they are built, so a language chosen later shows
only after a restart.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLibraryInfo, QLocale, QTimeZone, QTranslator

from advisor_app.domain.resources import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("en", "de")
"""The languages the GUI is translated to; English is the source language."""
LANGUAGE_SETTINGS = ("system", *LANGUAGES)
CATALOG = "advisor_desk"
"""`resources/i18n/advisor_desk_<language>.ts` / `.qm`."""

_QT_LANGUAGES = {"en": QLocale.Language.English, "de": QLocale.Language.German}
_DEFAULT_TERRITORY = {"en": QLocale.Country.UnitedStates, "de": QLocale.Country.Germany}


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show for a setting: "system" picks German on a German OS, else English."""
    if setting in LANGUAGES:
        return setting
    system = system if system is not None else QLocale.system()
    for language, qt_language in _QT_LANGUAGES.items():
        if system.language() == qt_language:
            return language
    return "en"


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """The locale for dates and numbers: the OS's own when it speaks `language` (en_GB stays
    en_GB), otherwise the language's main territory."""
    system = system if system is not None else QLocale.system()
    if system.language() == _QT_LANGUAGES[language]:
        return system
    return QLocale(_QT_LANGUAGES[language], _DEFAULT_TERRITORY[language])


@dataclass
class InstalledLanguage:
    language: str
    locale: QLocale
    translators: list[QTranslator] = field(default_factory=list)

    def uninstall(self) -> None:
        """Remove the translators again (tests switch languages within one application)."""
        for translator in self.translators:
            QCoreApplication.removeTranslator(translator)
        self.translators.clear()


def install_language(setting: str, system: QLocale | None = None) -> InstalledLanguage:
    """Install the translations for `setting` and make its locale the default for formatting."""
    language = resolve_language(setting, system)
    locale = locale_for(language, system)
    QLocale.setDefault(locale)
    installed = install_translators(language)
    installed.locale = locale
    log.info("language %s (setting %r), locale %s", language, setting, locale.name())
    return installed


def install_translators(language: str) -> InstalledLanguage:
    """The app's catalog and Qt's own (`qtbase_de`: standard buttons, context menus).

    English has a catalog too: it holds only the plural forms (`%n case(s)` -> `1 case`).
    """
    installed = InstalledLanguage(language, QLocale())
    catalogs = [(f"{CATALOG}_{language}", translations_dir())]
    if language != "en":
        catalogs.append((f"qtbase_{language}", Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))))
    for name, directory in catalogs:
        translator = QTranslator(QCoreApplication.instance())
        if translator.load(name, str(directory)):
            QCoreApplication.installTranslator(translator)
            installed.translators.append(translator)
        else:
            log.warning("no %s translation %s in %s", language, name, directory)
    return installed


def format_count(value: int) -> str:
    """A number with the locale's digit grouping: 2,000 in English, 2.000 in German."""
    return QLocale().toString(value)


def format_number(value: float, decimals: int | None = None) -> str:
    """A number the locale's way: 12.5 or 12,5. Without `decimals` as few digits as it needs
    (10, not 10.0); with them, exactly that many."""
    locale = QLocale()
    if decimals is None:
        return locale.toString(float(value), "g", QLocale.FloatingPointPrecisionOption.FloatingPointShortest)
    return locale.toString(float(value), "f", decimals)


def format_percent(value: float, decimals: int = 1, *, signed: bool = False) -> str:
    """A percentage the locale's way: +6.8% in English, +6,8 % in German (a no-break space)."""
    number = format_number(abs(value), decimals)
    sign = ("+" if value > 0 else "−" if value < 0 else "±") if signed else ("-" if value < 0 else "")
    spaced = QLocale().language() in (QLocale.Language.German, QLocale.Language.French)
    space = "\u00a0" if spaced else ""
    return f"{sign}{number}{space}%"


def format_date(value: date) -> str:
    """A calendar date in the locale's short form (01.12.26, 12/1/26); ISO in the C locale."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return value.isoformat()
    return locale.toString(QDate(value.year, value.month, value.day), QLocale.FormatType.ShortFormat)


def format_instant(value: datetime, zone: str | None = None, *, weekday: bool = False) -> str:
    """An instant as date and time for the locale, in the advisor's local time or in `zone`.

    The C locale (tests, servers) gets an unambiguous `2026-12-01 15:04`.
    """
    instant = QDateTime.fromMSecsSinceEpoch(round(value.timestamp() * 1000), QTimeZone.utc())
    local = instant.toTimeZone(QTimeZone(zone.encode())) if zone else instant.toLocalTime()
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        text = local.toString("yyyy-MM-dd HH:mm")
        return f"{local.toString('ddd')} {text}" if weekday else text
    text = locale.toString(local, QLocale.FormatType.ShortFormat)
    return f"{locale.toString(local, 'ddd')} {text}" if weekday else text

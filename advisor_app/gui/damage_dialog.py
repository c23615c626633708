"""The damaged (or failed-upgrade) workspace at start: say what happened, offer the newest
backup, restore it only when the advisor says so. The damaged file is moved aside, never
written over (`advisor_app.workspace.desk.restore_workspace_backup`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from advisor_app import APP_NAME
from advisor_app.errors import DamagedWorkspaceError, UpgradeFailedError
from advisor_app.gui.i18n import format_instant


def damage_dialog(error: DamagedWorkspaceError, parent: QWidget | None = None) -> QMessageBox:
    """The dialog (not shown): Restore backup and Quit when there is a backup, else Quit."""
    box = QMessageBox(parent)
    box.setWindowTitle(APP_NAME)
    box.setIcon(QMessageBox.Icon.Critical)
    if isinstance(error, UpgradeFailedError):
        box.setText(
            QCoreApplication.translate(
                "DamagedWorkspace", "The workspace could not be upgraded to this version of Advisor Desk."
            )
        )
    else:
        box.setText(
            QCoreApplication.translate(
                "DamagedWorkspace", "The workspace database is damaged. Nothing was written to it."
            )
        )
    box.setDetailedText(str(error))
    box.addButton(QMessageBox.StandardButton.Close)
    if isinstance(error, UpgradeFailedError) and error.restored:
        box.setInformativeText(
            QCoreApplication.translate(
                "DamagedWorkspace",
                "The backup taken just before the upgrade was put back; the failed file is kept beside it.",
            )
        )
        return box
    if error.backup is None:
        box.setInformativeText(
            QCoreApplication.translate(
                "DamagedWorkspace", "There is no backup to restore. The details below say what was found."
            )
        )
        return box
    taken = datetime.fromtimestamp(Path(error.backup).stat().st_mtime, UTC)
    box.setInformativeText(
        QCoreApplication.translate(
            "DamagedWorkspace",
            "The newest backup was taken on {when}. Restore it? Changes made since then are lost; "
            "the present file is kept beside it, renamed, not deleted.",
        ).format(when=format_instant(taken))
    )
    restore = box.addButton(
        QCoreApplication.translate("DamagedWorkspace", "Restore backup"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    restore.setObjectName("restore_backup")
    return box


def ask_to_restore(error: DamagedWorkspaceError) -> bool:
    """Show the dialog; True when the advisor chose to restore the backup."""
    box = damage_dialog(error)
    box.exec()
    clicked = box.clickedButton()
    return clicked is not None and clicked.objectName() == "restore_backup"

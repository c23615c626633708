# Generated from ui/sync_details.ui by `make forms` (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sync_details.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_SyncDetailsDialog(object):
    def setupUi(self, SyncDetailsDialog):
        if not SyncDetailsDialog.objectName():
            SyncDetailsDialog.setObjectName(u"SyncDetailsDialog")
        SyncDetailsDialog.resize(760, 460)
        self.layout = QVBoxLayout(SyncDetailsDialog)
        self.layout.setObjectName(u"layout")
        self.summaryLabel = QLabel(SyncDetailsDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.summaryLabel)

        self.quarantineTitle = QLabel(SyncDetailsDialog)
        self.quarantineTitle.setObjectName(u"quarantineTitle")

        self.layout.addWidget(self.quarantineTitle)

        self.quarantineView = QTableView(SyncDetailsDialog)
        self.quarantineView.setObjectName(u"quarantineView")
        self.quarantineView.setAlternatingRowColors(True)
        self.quarantineView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.quarantineView.setWordWrap(False)

        self.layout.addWidget(self.quarantineView)

        self.buttonBox = QDialogButtonBox(SyncDetailsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.layout.addWidget(self.buttonBox)


        self.retranslateUi(SyncDetailsDialog)
        self.buttonBox.rejected.connect(SyncDetailsDialog.reject)

        QMetaObject.connectSlotsByName(SyncDetailsDialog)
    # setupUi

    def retranslateUi(self, SyncDetailsDialog):
        SyncDetailsDialog.setWindowTitle(QCoreApplication.translate("SyncDetailsDialog", u"Sync details", None))
        self.summaryLabel.setText(QCoreApplication.translate("SyncDetailsDialog", u"No sync has run in this session.", None))
        self.quarantineTitle.setText(QCoreApplication.translate("SyncDetailsDialog", u"Records set aside (they are retried by every sync):", None))
#if QT_CONFIG(accessibility)
        self.quarantineView.setAccessibleName(QCoreApplication.translate("SyncDetailsDialog", u"Records set aside", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

# Generated from ui/main_window.ui by `make forms` (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QListView,
    QMainWindow, QMenu, QMenuBar, QSizePolicy,
    QSpacerItem, QSplitter, QStatusBar, QTableView,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 800)
        self.syncAction = QAction(MainWindow)
        self.syncAction.setObjectName(u"syncAction")
        self.cancelSyncAction = QAction(MainWindow)
        self.cancelSyncAction.setObjectName(u"cancelSyncAction")
        self.cancelSyncAction.setEnabled(False)
        self.syncDetailsAction = QAction(MainWindow)
        self.syncDetailsAction.setObjectName(u"syncDetailsAction")
        self.quitAction = QAction(MainWindow)
        self.quitAction.setObjectName(u"quitAction")
        self.aboutAction = QAction(MainWindow)
        self.aboutAction.setObjectName(u"aboutAction")
        self.centralWidget = QWidget(MainWindow)
        self.centralWidget.setObjectName(u"centralWidget")
        self.centralLayout = QVBoxLayout(self.centralWidget)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 0)
        self.splitter = QSplitter(self.centralWidget)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.accountsPane = QWidget(self.splitter)
        self.accountsPane.setObjectName(u"accountsPane")
        self.accountsLayout = QVBoxLayout(self.accountsPane)
        self.accountsLayout.setObjectName(u"accountsLayout")
        self.accountsLayout.setContentsMargins(0, 0, 0, 0)
        self.accountsTitle = QLabel(self.accountsPane)
        self.accountsTitle.setObjectName(u"accountsTitle")

        self.accountsLayout.addWidget(self.accountsTitle)

        self.accountsView = QListView(self.accountsPane)
        self.accountsView.setObjectName(u"accountsView")
        self.accountsView.setMinimumSize(QSize(260, 0))
        self.accountsView.setUniformItemSizes(True)

        self.accountsLayout.addWidget(self.accountsView)

        self.splitter.addWidget(self.accountsPane)
        self.casesPane = QWidget(self.splitter)
        self.casesPane.setObjectName(u"casesPane")
        self.casesLayout = QVBoxLayout(self.casesPane)
        self.casesLayout.setObjectName(u"casesLayout")
        self.casesLayout.setContentsMargins(0, 0, 0, 0)
        self.casesHeader = QHBoxLayout()
        self.casesHeader.setObjectName(u"casesHeader")
        self.casesTitle = QLabel(self.casesPane)
        self.casesTitle.setObjectName(u"casesTitle")

        self.casesHeader.addWidget(self.casesTitle)

        self.casesHeaderSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.casesHeader.addItem(self.casesHeaderSpacer)

        self.clockFilterLabel = QLabel(self.casesPane)
        self.clockFilterLabel.setObjectName(u"clockFilterLabel")

        self.casesHeader.addWidget(self.clockFilterLabel)

        self.clockFilterBox = QComboBox(self.casesPane)
        self.clockFilterBox.addItem("")
        self.clockFilterBox.addItem("")
        self.clockFilterBox.addItem("")
        self.clockFilterBox.addItem("")
        self.clockFilterBox.setObjectName(u"clockFilterBox")

        self.casesHeader.addWidget(self.clockFilterBox)

        self.showClosedBox = QCheckBox(self.casesPane)
        self.showClosedBox.setObjectName(u"showClosedBox")

        self.casesHeader.addWidget(self.showClosedBox)


        self.casesLayout.addLayout(self.casesHeader)

        self.casesView = QTableView(self.casesPane)
        self.casesView.setObjectName(u"casesView")
        self.casesView.setAlternatingRowColors(True)
        self.casesView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.casesView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.casesView.setSortingEnabled(True)
        self.casesView.setWordWrap(False)

        self.casesLayout.addWidget(self.casesView)

        self.splitter.addWidget(self.casesPane)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.centralWidget)
        self.menuBar = QMenuBar(MainWindow)
        self.menuBar.setObjectName(u"menuBar")
        self.fileMenu = QMenu(self.menuBar)
        self.fileMenu.setObjectName(u"fileMenu")
        self.helpMenu = QMenu(self.menuBar)
        self.helpMenu.setObjectName(u"helpMenu")
        MainWindow.setMenuBar(self.menuBar)
        self.statusBar = QStatusBar(MainWindow)
        self.statusBar.setObjectName(u"statusBar")
        MainWindow.setStatusBar(self.statusBar)
#if QT_CONFIG(shortcut)
        self.clockFilterLabel.setBuddy(self.clockFilterBox)
#endif // QT_CONFIG(shortcut)

        self.menuBar.addAction(self.fileMenu.menuAction())
        self.menuBar.addAction(self.helpMenu.menuAction())
        self.fileMenu.addAction(self.syncAction)
        self.fileMenu.addAction(self.cancelSyncAction)
        self.fileMenu.addAction(self.syncDetailsAction)
        self.fileMenu.addSeparator()
        self.fileMenu.addAction(self.quitAction)
        self.helpMenu.addAction(self.aboutAction)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Advisor Desk", None))
        self.syncAction.setText(QCoreApplication.translate("MainWindow", u"&Sync now", None))
#if QT_CONFIG(tooltip)
        self.syncAction.setToolTip(QCoreApplication.translate("MainWindow", u"Fetch what changed in the ticketing system", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(shortcut)
        self.syncAction.setShortcut(QCoreApplication.translate("MainWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.cancelSyncAction.setText(QCoreApplication.translate("MainWindow", u"&Cancel sync", None))
#if QT_CONFIG(shortcut)
        self.cancelSyncAction.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+.", None))
#endif // QT_CONFIG(shortcut)
        self.syncDetailsAction.setText(QCoreApplication.translate("MainWindow", u"Sync &details\u2026", None))
        self.quitAction.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.quitAction.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.aboutAction.setText(QCoreApplication.translate("MainWindow", u"&About Advisor Desk", None))
        self.accountsTitle.setText(QCoreApplication.translate("MainWindow", u"Accounts", None))
#if QT_CONFIG(accessibility)
        self.accountsView.setAccessibleName(QCoreApplication.translate("MainWindow", u"Accounts", None))
#endif // QT_CONFIG(accessibility)
        self.casesTitle.setText(QCoreApplication.translate("MainWindow", u"Open cases", None))
        self.clockFilterLabel.setText(QCoreApplication.translate("MainWindow", u"S&how:", None))
        self.clockFilterBox.setItemText(0, QCoreApplication.translate("MainWindow", u"Every case", None))
        self.clockFilterBox.setItemText(1, QCoreApplication.translate("MainWindow", u"At risk", None))
        self.clockFilterBox.setItemText(2, QCoreApplication.translate("MainWindow", u"Breached", None))
        self.clockFilterBox.setItemText(3, QCoreApplication.translate("MainWindow", u"Waiting on customer", None))

#if QT_CONFIG(accessibility)
        self.clockFilterBox.setAccessibleName(QCoreApplication.translate("MainWindow", u"Show cases by their response target", None))
#endif // QT_CONFIG(accessibility)
        self.showClosedBox.setText(QCoreApplication.translate("MainWindow", u"Show &solved and closed", None))
#if QT_CONFIG(accessibility)
        self.casesView.setAccessibleName(QCoreApplication.translate("MainWindow", u"Cases", None))
#endif // QT_CONFIG(accessibility)
        self.fileMenu.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.helpMenu.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

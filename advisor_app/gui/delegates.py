"""Painting of list items: an account with its tier badge and open-case count."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from advisor_app.gui.labels import tier_label
from advisor_app.gui.models.accounts import DETAIL_ROLE, OPEN_CASES_ROLE, TIER_ROLE

# Badge fills behind white text: each at least 4.5:1 against white, on light and dark palettes.
TIER_COLORS = {
    "standard": "#646b75",
    "bronze": "#a0673a",
    "silver": "#6b7584",
    "gold": "#8a6508",
    "platinum": "#4f6d9a",
}


class AccountDelegate(QStyledItemDelegate):
    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        height = QFontMetrics(option.font).height()
        return QSize(240, 2 * height + 3 * self.PADDING // 2 + 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text = option.text
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_color = palette.highlightedText().color() if selected else palette.text().color()
        muted = QColor(text_color)
        muted.setAlphaF(0.7)
        rect = option.rect.adjusted(self.PADDING, self.PADDING // 2, -self.PADDING, -self.PADDING // 2)
        metrics = QFontMetrics(option.font)
        line = metrics.height()

        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        count = index.data(OPEN_CASES_ROLE) or 0
        count_text = str(count)
        count_width = QFontMetrics(bold).horizontalAdvance(count_text) + 12
        name_rect = QRect(rect.left(), rect.top(), rect.width() - count_width - 4, line)
        elided = QFontMetrics(bold).elidedText(text, Qt.TextElideMode.ElideRight, name_rect.width())
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)

        pill = QRect(rect.right() - count_width + 1, rect.top(), count_width, line)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pill_color = QColor(palette.highlight().color() if count else palette.mid().color())
        if selected:
            pill_color = QColor(palette.highlightedText().color())
            pill_color.setAlphaF(0.25)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(pill_color)
        painter.drawRoundedRect(pill, line / 2, line / 2)
        painter.setPen(palette.highlightedText().color())
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, count_text)

        painter.setFont(option.font)
        detail_top = rect.top() + line + self.PADDING // 2
        x = rect.left()
        tier = index.data(TIER_ROLE)
        if tier:
            label = tier_label(tier)
            small = QFont(option.font)
            small.setPointSizeF(max(6.0, option.font.pointSizeF() * 0.85))
            small.setBold(True)
            small_metrics = QFontMetrics(small)
            badge = QRect(x, detail_top, small_metrics.horizontalAdvance(label) + 10, line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(TIER_COLORS.get(tier, TIER_COLORS["standard"])))
            painter.drawRoundedRect(badge, 3, 3)
            painter.setFont(small)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
            painter.setFont(option.font)
            x = badge.right() + 8
        painter.setPen(muted)
        detail_rect = QRect(x, detail_top, rect.right() - x, line)
        detail = metrics.elidedText(index.data(DETAIL_ROLE) or "", Qt.TextElideMode.ElideRight, detail_rect.width())
        painter.drawText(detail_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, detail)
        painter.restore()

"""Small drawn icons for channels: a coloured disc with a glyph, crisp at any scale."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

_STYLE = {
    "phone": ("#2e7d32", "☎"),
    "email": ("#1565c0", "@"),
    "chat": ("#6a1b9a", "…"),
    "letter": ("#5d4037", "✉"),
    "registered_letter": ("#bf360c", "R"),
    "social_public": ("#0277bd", "#"),
    "social_dm": ("#00838f", "✎"),
    "sms": ("#558b2f", "S"),
    "store": ("#ef6c00", "⌂"),
    "web_form": ("#37474f", "▤"),
    "app": ("#4527a0", "▣"),
    "other": ("#757575", "·"),
}


@cache
def channel_icon(channel: str, size: int = 32) -> QIcon:
    """The icon of ``channel`` (cached; call it on the GUI thread)."""
    color, glyph = _STYLE.get(channel, _STYLE["other"])
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    font = QFont()
    font.setPixelSize(int(size * 0.55))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


def channel_color(channel: str) -> QColor:
    return QColor(_STYLE.get(channel, _STYLE["other"])[0])

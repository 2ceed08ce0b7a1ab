"""The saga card: a 1200×675 PNG to attach to a public post, readable at phone size.

Its words come from :func:`plainte.core.card.card_lines`, which never holds
private data; this module only draws them, with a small timeline.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from plainte.core.card import card_lines
from plainte.core.model import Case, Direction
from plainte.core.promises import ledger
from plainte.gui.pdf import ensure_app

WIDTH, HEIGHT = 1200, 675


def render_card(case: Case, today: date, lang: str) -> QImage:
    ensure_app()
    lines = card_lines(case, today, lang)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("#14161a"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)

    def text(
        rect: QRectF,
        size: int,
        value: str,
        color: str = "#f2f2f2",
        bold: bool = False,
        align=Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        font = QFont("DejaVu Sans")
        font.setPixelSize(size)
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(QColor(color))
        flags = align | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(rect, flags, value)

    painter.fillRect(QRectF(0, 0, 18, HEIGHT), QColor("#e53935"))
    text(QRectF(60, 40, 1080, 70), 54, lines["provider"], bold=True)
    text(QRectF(60, 105, 1080, 76), 28, lines["title"], "#b8bcc4")
    text(QRectF(60, 180, 1080, 110), 96, lines["days"], "#ffca28", bold=True)
    y = 300
    for key in (k for k in lines if k.startswith("fig:")):
        color = "#ef5350" if key == "fig:broken" else "#f2f2f2"
        text(QRectF(60, y, 1080, 50), 36, lines[key], color)
        y += 52
    # the small timeline
    events = [e for e in case.events if e.at.day <= today]
    left, right, mid = 60.0, WIDTH - 60.0, HEIGHT - 85.0
    painter.setPen(QPen(QColor("#6b7280"), 3))
    painter.drawLine(QPointF(left, mid), QPointF(right, mid))
    if events:
        start = events[0].at.day
        span = max(1, (today - start).days)
        for event in events:
            x = left + (right - left) * min(1.0, (event.at.day - start).days / span)
            up = event.direction is Direction.IN
            painter.setPen(QPen(QColor("#90caf9" if up else "#a5d6a7"), 4))
            painter.drawLine(QPointF(x, mid), QPointF(x, mid - 34 if up else mid + 34))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ef5350"))
        for entry in ledger(case, today):
            if entry.is_broken and entry.promise.due:
                x = left + (right - left) * min(1.0, (entry.promise.due.day - start).days / span)
                painter.drawEllipse(QPointF(x, mid - 48), 9, 9)
    text(
        QRectF(60, HEIGHT - 45, 1080, 30),
        22,
        lines["footer"],
        "#8b9099",
        align=Qt.AlignmentFlag.AlignRight,
    )
    painter.end()
    return image


def save_card(case: Case, today: date, lang: str, path: Path) -> None:
    if not render_card(case, today, lang).save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")

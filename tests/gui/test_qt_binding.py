"""The Qt binding in use must not leak references to None (PySide6 6.12.0 did, and crashed)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter


def test_painting_does_not_drop_references_to_none(qapp):
    image = QImage(50, 50, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.save()
        painter.setPen(QColor("red"))
        painter.drawLine(QPointF(0, 0), QPointF(5, 5))
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    assert after >= before - 50, f"None lost {before - after} references"

"""A text to copy, in a window of its own: the call recap e-mail."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from plainte.core.i18n import tr
from plainte.gui.widgets import PlainLabel


class RecapDialog(QDialog):
    """The call-recap e-mail, ready to copy the minute the call ends."""

    def __init__(self, parent: QWidget, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("gui.call.recap_title"))
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName(tr("gui.call.recap_title"))
        copy = QPushButton(tr("gui.composer.copy"))
        close = QPushButton(tr("gui.close"))
        copy.clicked.connect(self._copy)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(copy)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(PlainLabel(tr("gui.call.recap_hint")))
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.resize(620, 420)

    def _copy(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.text.toPlainText())

"""The history of a record (an event, or the case's own fields): every version, plain text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from plainte.core import history
from plainte.core.i18n import tr, trn
from plainte.gui.widgets import PlainLabel


class HistoryDialog(QDialog):
    """Each version from the journal, the original first (computed by ``core.history``)."""

    def __init__(self, parent: QWidget, title: str, versions: list[history.Version]) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(tr("gui.history.window"))
        heading = PlainLabel(title)
        heading.setObjectName("historyTitle")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        minutes = int(history.CORRECTION_GRACE.total_seconds() // 60)
        hint = PlainLabel(trn("gui.history.hint", minutes))
        hint.setWordWrap(True)
        self.text = QPlainTextEdit(history.history_text(versions))
        self.text.setObjectName("historyText")
        self.text.setReadOnly(True)
        self.text.setAccessibleName(tr("gui.history.window"))
        copy = QPushButton(tr("gui.composer.copy"))
        close = QPushButton(tr("gui.close"))
        copy.clicked.connect(self._copy)
        close.clicked.connect(self.accept)
        close.setDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(copy)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.resize(680, 480)

    def _copy(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.text.toPlainText())

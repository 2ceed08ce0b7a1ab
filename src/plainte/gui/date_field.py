"""A date (and time) typed by a person, checked as it is typed."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from plainte.core.i18n import tr
from plainte.core.model import When, parse_typed_when
from plainte.gui.widgets import PlainLabel


def typed(when: When | None) -> str:
    """How a moment is shown in an entry field: ``2026-11-22 14:32``."""
    if when is None:
        return ""
    if when.has_time:
        return when.value.strftime("%Y-%m-%d %H:%M")  # type: ignore[union-attr]
    return when.text


class DateField(QWidget):
    """A date entry that says, as it is typed, whether it parses; never drops a bad one."""

    def __init__(self, text: str, *, optional: bool = False) -> None:
        super().__init__()
        self.optional = optional
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText("2026-11-22 14:32")
        self.error = PlainLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.textChanged.connect(self._check)
        self._check()

    def value(self) -> When | None:
        text = self.edit.text().strip()
        if not text:
            return None
        try:
            return parse_typed_when(text)
        except ValueError:
            return None

    def is_valid(self) -> bool:
        text = self.edit.text().strip()
        return (self.optional and not text) or self.value() is not None

    def _check(self) -> None:
        text = self.edit.text().strip()
        if self.is_valid():
            self.error.hide()
        else:
            self.error.setText(tr("gui.event_dialog.bad_date", value=text))
            self.error.show()

"""A date (and time) typed by a person, checked when the person leaves the field or commits."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from plainte.core.i18n import tr
from plainte.core.model import When, parse_typed_when
from plainte.gui.colors import style
from plainte.gui.widgets import PlainLabel

MESSAGE_LINES = 2
"""Lines kept free under the field for its message, so that a message moves nothing."""
ECHO = 24
"""At most this many characters of a bad entry are repeated in its message."""
AHEAD_DAYS = 7
"""A due date's placeholder: a week from today."""


def typed(when: When | None) -> str:
    """How a moment is shown in an entry field: ``2026-11-22 14:32``."""
    if when is None:
        return ""
    if when.has_time:
        return when.value.strftime("%Y-%m-%d %H:%M")  # type: ignore[union-attr]
    return when.text


def placeholder(today: date, *, ahead: bool = False) -> str:
    """A format hint that is also a plausible value: now, or a week ahead for a due date."""
    if ahead:
        return (today + timedelta(days=AHEAD_DAYS)).isoformat()
    return f"{today.isoformat()} {datetime.now().strftime('%H:%M')}"


class DateField(QWidget):
    """A date entry that never drops a bad value and says so under itself, in a reserved space.

    The message appears when the person leaves the field or commits (``check``),
    never while they type; it goes as soon as the text parses.
    """

    def __init__(
        self, text: str, *, optional: bool = False, ahead: bool = False, today: date | None = None
    ) -> None:
        super().__init__()
        self.optional = optional
        self.today = today or date.today()
        self.problem = ""
        """A message from outside the field (a due date before its promise), shown likewise."""
        self.edit = QLineEdit(text)
        self.edit.setPlaceholderText(placeholder(self.today, ahead=ahead))
        self.error = PlainLabel()
        self.error.setObjectName("dateError")
        self.error.setStyleSheet(style("error"))
        self.error.setWordWrap(True)
        self.error.setMinimumHeight(MESSAGE_LINES * self.error.fontMetrics().lineSpacing())
        self.error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self.edit.editingFinished.connect(self.check)
        self.edit.textChanged.connect(self._clear_when_fixed)

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

    def message(self) -> str:
        """What is wrong with the entry now ("" when nothing is)."""
        if not self.is_valid():
            text = self.edit.text().strip()
            shown = text if len(text) <= ECHO else text[: ECHO - 1] + "…"
            return tr("gui.event_dialog.bad_date", value=shown, day=self.today.isoformat())
        return self.problem

    def check(self) -> bool:
        """Show what is wrong (or nothing); True when the entry can be kept."""
        text = self.message()
        self.error.setText(text)
        return not text

    def set_problem(self, text: str) -> None:
        """Say (or, with ``""``, stop saying) what is wrong with a date that parses."""
        self.problem = text
        if self.is_valid():
            self.error.setText(text)

    def _clear_when_fixed(self) -> None:
        if self.error.text() and self.is_valid():
            self.problem = ""
            self.error.setText("")

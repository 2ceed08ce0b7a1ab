"""*Paste their reply*: what the provider's answer is, the words that say so, and what next."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.core.model import Case, Event
from plainte.core.react import Reading, read_reply
from plainte.core.react_text import lines
from plainte.gui.event_dialog import DateField

APART = 20_000
"""From this many events, the reply is read in a worker: the ladder over them all takes
longer than a frame (70–130 ms at 100,000 events)."""


class ReplyDialog(QDialog):
    """Reads the pasted text as it is typed; offers to log it and to write the answer.

    ``event`` is the reply when it is already in the saga (an e-mail just
    added): logging then amends it with the step and promise the reading found.
    """

    log_requested = Signal(object)
    letter_requested = Signal(str, object)

    def __init__(
        self,
        parent: QWidget | None,
        case: Case,
        ladder,
        today: date,
        *,
        text: str = "",
        event: Event | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("replyDialog")
        self.setWindowTitle(tr("react.gui.title"))
        self.case, self.ladder, self.today = case, ladder, today
        self.event = event
        self.reading: Reading | None = None
        self._generation = 0
        intro = QLabel(tr("react.gui.intro"))
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(text)
        self.text.setObjectName("replyText")
        self.text.setPlaceholderText(tr("react.gui.placeholder"))
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName(tr("react.gui.text"))
        self.when = DateField(event.at.text.replace("T", " ")[:16] if event else today.isoformat())
        self.when.setEnabled(event is None)
        when_row = QHBoxLayout()
        when_label = QLabel(tr("react.gui.received"))
        when_label.setBuddy(self.when.edit)
        # level with the entry, not with the room kept under it for a date error
        when_label.setMinimumHeight(self.when.edit.sizeHint().height())
        when_row.addWidget(when_label, 0, Qt.AlignmentFlag.AlignTop)
        when_row.addWidget(self.when, 1)

        self.result_box = QGroupBox(tr("react.gui.reading"))
        self.form = QFormLayout(self.result_box)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}

        self.log_button = QPushButton()
        self.log_button.setObjectName("logReply")
        self.log_button.clicked.connect(self._log)
        self.letter_button = QPushButton()
        self.letter_button.setObjectName("writeAnswer")
        self.letter_button.clicked.connect(self._letter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("react.gui.close"))
        buttons.addButton(self.log_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.letter_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(when_row)
        layout.addWidget(self.text, 2)
        layout.addWidget(self.result_box, 3)
        layout.addWidget(buttons)
        self.resize(760, 640)
        self.text.setFocus()  # the first thing done here is pasting, not retyping the date

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.read)
        self.text.textChanged.connect(self._timer.start)
        self.when.edit.textChanged.connect(self._timer.start)
        self.read()

    def read(self) -> None:
        """Read the text now and show the reading (the text is the person's own paste)."""
        text = self.text.toPlainText()
        self._generation += 1
        if not text.strip():
            self._show(None)
            return
        at = self.event.at if self.event else (self.when.value() or None)
        args = (text, self.case, self.ladder, self.today)
        if len(self.case.events) < APART:
            self._show(read_reply(*args, at=at, event=self.event))
            return
        from plainte.gui.worker import run_in_background

        generation, event = self._generation, self.event
        self.reading = None  # nothing to log while the text is read
        self._update_buttons()

        def done(reading: Reading) -> None:
            if isValid(self) and generation == self._generation:  # not closed, not retyped
                self._show(reading)

        run_in_background(lambda: read_reply(*args, at=at, event=event), done)

    def _show(self, reading: Reading | None) -> None:
        """Show ``reading`` (None: nothing pasted yet)."""
        lang = i18n.language()
        while self.form.rowCount():
            self.form.removeRow(0)
        self.reading = reading
        if reading is None:
            self.form.addRow(QLabel(tr("react.gui.empty")))
            self._update_buttons()
            return
        for label, value in lines(self.reading, self.ladder, lang):
            shown = QLabel(value)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if label == tr("react.label.kind"):
                font = shown.font()
                font.setBold(True)
                shown.setFont(font)
            self.form.addRow(QLabel(label), shown)
            self.values[label] = shown
        self._update_buttons()

    def _update_buttons(self) -> None:
        reading = self.reading
        self.log_button.setEnabled(reading is not None)
        self.log_button.setText(tr("react.gui.update" if self.event else "react.gui.log"))
        letter = reading.next.letter if reading else None
        self.letter_button.setVisible(bool(letter))
        if letter:
            text = tr(f"react.gui.write.{letter}")
            if reading.next.wants:
                text += " " + tr(f"react.wants.{reading.next.wants}")
            self.letter_button.setText(text)

    def _log(self) -> None:
        if self.reading is not None:
            self.log_requested.emit(self.reading.event)

    def _letter(self) -> None:
        if self.reading is not None and self.reading.next.letter:
            self.letter_requested.emit(self.reading.next.letter, self.reading.next.wants)

    def logged(self, event: Event) -> None:
        """The reply is now in the saga as ``event``: logging again amends it."""
        self.event = event
        self.when.setEnabled(False)
        self.read()

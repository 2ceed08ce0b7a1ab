"""On a call: a small window that stays on top while the person waits on the line.

A hold-time stopwatch, the agent, the reference and any promise; hanging up logs
the call and offers the call-recap e-mail, ready to copy.
"""

from __future__ import annotations

import math
import time
import uuid
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from plainte.core.i18n import tr
from plainte.core.model import Channel, Direction, Event, Promise, parse_typed_when
from plainte.gui.date_field import DateField, typed
from plainte.gui.widgets import PlainLabel, keep_on_screen

OWNER_TOP = 96
"""Pixels below the top of the main window's contents: its menu bar and toolbar stay visible."""
OWNER_MARGIN = 24


class CallWindow(QWidget):
    """Emits ``logged`` with the call's event when the person hangs up."""

    logged = Signal(object)

    def __init__(
        self, parent: QWidget | None, provider: str, started_at: datetime, clock=time.monotonic
    ) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        self.setWindowTitle(tr("gui.call.title", provider=provider))
        self.clock = clock
        self.started_at = started_at
        self.held = 0.0
        self.hold_start: float | None = None
        self.display = PlainLabel("00:00")
        self.display.setObjectName("holdTime")
        font = QFont()
        font.setPointSize(28)
        font.setBold(True)
        self.display.setFont(font)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hold_button = QPushButton(tr("gui.call.hold_start"))
        self.hold_button.setCheckable(True)
        self.hold_button.toggled.connect(self.toggle_hold)
        self.agent = QLineEdit()
        self.reference = QLineEdit()
        self.promise = QLineEdit()
        self.promise.setPlaceholderText(tr("gui.call.promise_hint"))
        self.due = DateField("", optional=True, ahead=True, today=started_at.date())
        self.due.edit.editingFinished.connect(self._check_due)
        self.reached = QCheckBox(tr("gui.call.reached"))
        self.reached.setChecked(True)
        self.notes = QLineEdit()
        form = QFormLayout()
        for key, widget in (
            ("agent", self.agent),
            ("reference", self.reference),
            ("promise", self.promise),
            ("due", self.due),
            ("notes", self.notes),
        ):
            label = tr(f"gui.call.{key}")
            (widget.edit if isinstance(widget, DateField) else widget).setAccessibleName(label)
            form.addRow(label, widget)
        form.addRow("", self.reached)
        self.hang_up = QPushButton(tr("gui.call.hang_up"))
        self.hang_up.setDefault(True)
        self.hang_up.clicked.connect(self.finish)
        cancel = QPushButton(tr("gui.cancel"))
        cancel.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.hang_up)
        layout = QVBoxLayout(self)
        layout.addWidget(self.display)
        layout.addWidget(self.hold_button)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.resize(360, self.sizeHint().height())

    def showEvent(self, event) -> None:
        """Open beside the case, wholly on the screen, even when placed near its edge."""
        super().showEvent(event)
        owner = self.parentWidget()
        if owner is not None and not self.testAttribute(Qt.WidgetAttribute.WA_Moved):
            # Over the case's right side, below the menus and toolbar it would otherwise hide.
            area = owner.geometry()
            top = owner.mapToGlobal(owner.contentsRect().topLeft()).y() + OWNER_TOP
            self.move(area.right() - self.frameGeometry().width() - OWNER_MARGIN, top)
        keep_on_screen(self)

    def hold_seconds(self) -> float:
        running = self.clock() - self.hold_start if self.hold_start is not None else 0.0
        return self.held + running

    def toggle_hold(self, on: bool) -> None:
        if on:
            self.hold_start = self.clock()
            self.hold_button.setText(tr("gui.call.hold_stop"))
        else:
            self.held = self.hold_seconds()
            self.hold_start = None
            self.hold_button.setText(tr("gui.call.hold_start"))
        self._tick()

    def _tick(self) -> None:
        minutes, seconds = divmod(int(self.hold_seconds()), 60)
        self.display.setText(f"{minutes:02d}:{seconds:02d}")

    def call_event(self) -> Event:
        """The call as it will be logged."""
        when = parse_typed_when(self.started_at.strftime("%Y-%m-%d %H:%M"))
        minutes = math.ceil(self.hold_seconds() / 60) if self.hold_seconds() >= 1 else None
        event = Event(
            id=str(uuid.uuid4()),
            at=when,
            channel=Channel.PHONE,
            direction=Direction.OUT,
            answered=self.reached.isChecked(),
            counterpart=self.agent.text().strip() or None,
            reference=self.reference.text().strip() or None,
            summary=self.notes.text().strip() or None,
            wait_minutes=float(minutes) if minutes else None,
        )
        if self.promise.text().strip():
            event.promises.append(
                Promise(
                    id=str(uuid.uuid4()),
                    text=self.promise.text().strip(),
                    due=self.due.value(),
                    event_id=event.id,
                )
            )
        return event

    def _check_due(self) -> bool:
        """Refuse a due date before the call, saying so under the field."""
        due, made = self.due.value(), parse_typed_when(self.started_at.strftime("%Y-%m-%d %H:%M"))
        early = due is not None and due.day < made.day
        self.due.set_problem(tr("gui.promise_dialog.due_before", day=typed(made)) if early else "")
        return not early

    def finish(self) -> None:
        """Log the call, unless its promise's due date is wrong: then say so and stay."""
        if not (self.due.check() and self._check_due()):
            self.due.edit.setFocus()
            return
        self.timer.stop()
        self.logged.emit(self.call_event())
        self.close()

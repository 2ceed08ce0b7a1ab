"""One promise: what, by when, what became of it; for a new one, when and how it was made."""

from __future__ import annotations

import uuid
from datetime import datetime

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from plainte.core.i18n import tr
from plainte.core.model import (
    Channel,
    Event,
    Promise,
    PromiseStatus,
    When,
    Window,
    parse_typed_when,
)
from plainte.gui.date_field import DateField, typed
from plainte.gui.icons import channel_icon
from plainte.gui.widgets import PlainLabel


class PromiseDialog(QDialog):
    """One promise: what, by when, and what became of it."""

    def __init__(
        self,
        parent: QWidget | None,
        promise: Promise | None = None,
        event: Event | None = None,
        *,
        made: When | None = None,
    ) -> None:
        """``event``: a new promise's own event, whose moment and channel are asked too.

        ``made``: the moment of the event the promise belongs to (no due date before it).
        """
        super().__init__(parent)
        self.setWindowTitle(tr("gui.promise_dialog.title"))
        self.original = promise
        self.event = event
        self.made = made
        self.when = DateField(typed(event.at) if event else "")
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(
                channel_icon(channel.value), tr(f"channel.{channel.value}"), channel.value
            )
        if event:
            self.channel.setCurrentIndex(self.channel.findData(event.channel.value))
        self.text = QLineEdit(promise.text if promise else "")
        self.text.setCursorPosition(0)  # a long promise reads from its start
        self.text.setPlaceholderText(tr("gui.promise_dialog.text_hint"))
        self.due = DateField(typed(promise.due) if promise else "", optional=True, ahead=True)
        self.status = QComboBox()
        for status in PromiseStatus:
            self.status.addItem(tr(f"promise_status.{status.value}"), status.value)
        if promise:
            self.status.setCurrentIndex(self.status.findData(promise.status.value))
        window = promise.window if promise else None
        self.has_window = QCheckBox(tr("gui.promise_dialog.window_set"))
        self.has_window.setChecked(window is not None)
        self.window_from = QTimeEdit(QTime.fromString(window.start if window else "17:00", "HH:mm"))
        self.window_to = QTimeEdit(QTime.fromString(window.end if window else "19:00", "HH:mm"))
        window_row = QWidget()
        row = QHBoxLayout(window_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_window)
        row.addWidget(self.window_from)
        row.addWidget(PlainLabel(tr("gui.promise_dialog.window_and")))
        row.addWidget(self.window_to)
        row.addStretch(1)
        for edit in (self.window_from, self.window_to):
            edit.setDisplayFormat("HH:mm")
            edit.setEnabled(window is not None)
            self.has_window.toggled.connect(edit.setEnabled)
        self.has_window.setAccessibleName(tr("gui.promise_dialog.window"))
        self.window_from.setAccessibleName(tr("gui.promise_dialog.window"))
        self.window_to.setAccessibleName(tr("gui.promise_dialog.window_and"))
        form = QFormLayout()
        if event is not None:
            form.addRow(tr("gui.event_dialog.when"), self.when)
            form.addRow(tr("gui.event_dialog.channel"), self.channel)
            self.when.edit.setAccessibleName(tr("gui.event_dialog.when"))
            self.channel.setAccessibleName(tr("gui.event_dialog.channel"))
            self.when.edit.editingFinished.connect(self._check_order)
        form.addRow(tr("gui.promise_dialog.text"), self.text)
        form.addRow(tr("gui.promise_dialog.due"), self.due)
        form.addRow(tr("gui.promise_dialog.status"), self.status)
        form.addRow(tr("gui.promise_dialog.window"), window_row)
        self.text.setAccessibleName(tr("gui.promise_dialog.text"))
        self.due.edit.setAccessibleName(tr("gui.promise_dialog.due"))
        self.status.setAccessibleName(tr("gui.promise_dialog.status"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("gui.cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update)
        self.due.edit.editingFinished.connect(self._check_order)
        self._update()
        self.resize(520, self.sizeHint().height())

    def _update(self) -> None:
        """OK once something was promised; dates are checked on leaving them and on OK."""
        ok = bool(self.text.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _made_at(self) -> When | None:
        return self.when.value() if self.event else self.made

    def _check_order(self) -> bool:
        """Refuse a due date before the promise was made, saying so under the due date."""
        due, made = self.due.value(), self._made_at()
        early = due is not None and made is not None and due.day < made.day
        self.due.set_problem(tr("gui.promise_dialog.due_before", day=typed(made)) if early else "")
        return not early

    def accept(self) -> None:
        """Close only with dates that parse and a due date not before the promise."""
        dates = [self.when.check() if self.event else True, self.due.check()]
        if all(dates) and self._check_order() and self.text.text().strip():
            super().accept()
            return
        for field in (self.when, self.due):
            if field.error.text():
                field.edit.setFocus()
                return

    def made_event(self) -> Event:
        """The promise's own event, at the moment and on the channel chosen."""
        from dataclasses import replace

        assert self.event is not None
        return replace(
            self.event, at=self.when.value(), channel=Channel(self.channel.currentData())
        )

    def promise(self, event_id: str) -> Promise:
        status = PromiseStatus(self.status.currentData())
        before = self.original
        closed = before.closed_at if before and before.status is status else None
        if status is not PromiseStatus.PENDING and closed is None:
            closed = parse_typed_when(datetime.now().strftime("%Y-%m-%d"))
        return Promise(
            id=before.id if before else str(uuid.uuid4()),
            text=self.text.text().strip(),
            due=self.due.value(),
            status=status,
            closed_at=closed if status is not PromiseStatus.PENDING else None,
            event_id=event_id,
            window=Window(
                self.window_from.time().toString("HH:mm"), self.window_to.time().toString("HH:mm")
            )
            if self.has_window.isChecked()
            else None,
        )

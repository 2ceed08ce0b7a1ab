"""Create or edit an event, with its promises and attachments, in a layout that holds still.

Dates are checked when the person leaves them and on Save; every message has its
place kept under its field, so nothing moves when one appears.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plainte.core import attachments
from plainte.core.errors import PlainteError
from plainte.core.i18n import tr
from plainte.core.model import (
    Attachment,
    Channel,
    Direction,
    Event,
    EventKind,
    Promise,
)
from plainte.gui.colors import style
from plainte.gui.date_field import DateField, typed
from plainte.gui.icons import channel_icon
from plainte.gui.promise_dialog import PromiseDialog
from plainte.gui.widgets import PlainLabel, save_cancel, shown


class EventDialog(QDialog):
    """Every field of an event. ``steps`` are (id, title) of the case's ladder."""

    def __init__(
        self,
        parent: QWidget | None,
        event: Event,
        steps: list[tuple[str, str]],
        data_dir: Path,
        *,
        is_new: bool,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("gui.event_dialog.new" if is_new else "gui.event_dialog.edit"))
        self.original = event
        self.data_dir = data_dir
        self.promises = list(event.promises)
        self.files = list(event.attachments)
        self.when = DateField(typed(event.at))
        self.channel = QComboBox()
        for channel in Channel:
            self.channel.addItem(
                channel_icon(channel.value), tr(f"channel.{channel.value}"), channel.value
            )
        self.channel.setCurrentIndex(self.channel.findData(event.channel.value))
        self.direction = QComboBox()
        self.direction.addItem(tr("gui.event_dialog.out"), Direction.OUT.value)
        self.direction.addItem(tr("gui.event_dialog.in"), Direction.IN.value)
        self.direction.setCurrentIndex(self.direction.findData(event.direction.value))
        self.kind = QComboBox()
        for kind in EventKind:
            self.kind.addItem(tr(f"gui.event_dialog.kind_{kind.value}"), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(event.kind.value))
        self.answered = QCheckBox(tr("gui.event_dialog.answered"))
        self.answered.setChecked(event.answered)
        self.kind.currentIndexChanged.connect(
            lambda: self.answered.setEnabled(self.kind.currentData() == EventKind.CONTACT.value)
        )
        self.answered.setEnabled(event.is_contact)
        self.counterpart = QLineEdit(event.counterpart or "")
        self.reference = QLineEdit(event.reference or "")
        self.wait = QSpinBox()
        self.wait.setRange(0, 24 * 60)
        self.wait.setSuffix(" min")
        self.wait.setValue(int(event.wait_minutes or 0))
        self.step = QComboBox()
        self.step.addItem("—", None)
        for step_id, title in steps:
            self.step.addItem(title, step_id)
        if event.step:
            index = self.step.findData(event.step)
            if index < 0:
                self.step.addItem(event.step, event.step)
                index = self.step.count() - 1
            self.step.setCurrentIndex(index)
        self.summary = QPlainTextEdit(event.summary or "")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(90)

        self.promise_list = QTreeWidget()
        self.promise_list.setRootIsDecorated(False)
        self.promise_list.setHeaderLabels(
            [
                tr("gui.promise_dialog.text"),
                tr("gui.promise_dialog.due"),
                tr("gui.promise_dialog.status"),
            ]
        )
        self.promise_list.setFixedHeight(4 * self.fontMetrics().lineSpacing() + 34)
        header = self.promise_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.promise_list.itemDoubleClicked.connect(lambda *_: self.edit_promise())
        self.promise_error = PlainLabel()
        self.promise_error.setObjectName("promiseError")
        self.promise_error.setStyleSheet(style("error"))
        self.promise_error.setWordWrap(True)
        self.promise_error.setFixedHeight(2 * self.promise_error.fontMetrics().lineSpacing())
        add_promise = QPushButton(tr("gui.event_dialog.add_promise"))
        add_promise.clicked.connect(self.add_promise)
        edit_promise = QPushButton(tr("gui.event_dialog.edit_promise"))
        edit_promise.clicked.connect(self.edit_promise)
        remove_promise = QPushButton(tr("gui.event_dialog.remove"))
        remove_promise.clicked.connect(lambda: self._remove(self.promise_list, self.promises))
        self.file_list = QListWidget()
        self.file_list.setFixedHeight(60)
        self.file_list.itemDoubleClicked.connect(self.open_file)
        add_file = QPushButton(tr("gui.event_dialog.add_file"))
        add_file.clicked.connect(self.choose_file)
        open_file = QPushButton(tr("gui.event_dialog.open_file"))
        open_file.clicked.connect(lambda: self.open_file(self.file_list.currentItem()))
        remove_file = QPushButton(tr("gui.event_dialog.remove"))
        remove_file.clicked.connect(lambda: self._remove(self.file_list, self.files))

        form = QFormLayout()
        rows = [
            ("when", self.when),
            ("channel", self.channel),
            ("kind", self.kind),
            ("direction", self.direction),
            ("", self.answered),
            ("counterpart", self.counterpart),
            ("reference", self.reference),
            ("wait", self.wait),
            ("step", self.step),
            ("summary", self.summary),
        ]
        for key, widget in rows:
            label = tr(f"gui.event_dialog.{key}") if key else ""
            target = widget.edit if isinstance(widget, DateField) else widget
            target.setAccessibleName(label or tr("gui.event_dialog.answered"))
            form.addRow(label, widget)
        form.addRow(
            tr("gui.event_dialog.promises"),
            self._with_buttons(self.promise_list, add_promise, edit_promise, remove_promise),
        )
        form.addRow("", self.promise_error)
        form.addRow(
            tr("gui.event_dialog.files"),
            self._with_buttons(self.file_list, add_file, open_file, remove_file),
        )
        self.promise_list.setAccessibleName(tr("gui.event_dialog.promises"))
        self.file_list.setAccessibleName(tr("gui.event_dialog.files"))
        self.buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.when.edit.editingFinished.connect(self._check_promises)
        self._refresh_lists()
        self.resize(620, self.sizeHint().height())

    @staticmethod
    def _with_buttons(view: QWidget, *buttons: QPushButton) -> QWidget:
        box = QWidget()
        column = QVBoxLayout()
        for button in buttons:
            column.addWidget(button)
        column.addStretch(1)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(view, 1)
        row.addLayout(column)
        return box

    def _check_promises(self) -> bool:
        """Refuse a promise due before the event, saying so under the promises."""
        made = self.when.value()
        early = made is not None and any(
            p.due is not None and p.due.day < made.day for p in self.promises
        )
        day = typed(made)
        self.promise_error.setText(
            tr("gui.event_dialog.due_before_event", day=day) if early else ""
        )
        return not early

    def accept(self) -> None:
        """Save only a moment that parses, with no promise due before it."""
        if not self.when.check():
            self.when.edit.setFocus()
            return
        if self._check_promises():
            super().accept()

    def _refresh_lists(self) -> None:
        self.promise_list.clear()
        for promise in self.promises:
            label = tr(f"promise_status.{promise.status.value}")
            item = QTreeWidgetItem([promise.text, typed(promise.due) or "—", label])
            item.setToolTip(0, shown(promise.text))
            self.promise_list.addTopLevelItem(item)
        if self.promise_error.text():
            self._check_promises()
        self.file_list.clear()
        for attachment in self.files:
            item = QListWidgetItem(f"{attachment.name} — {attachment.size:,} B")
            item.setData(Qt.ItemDataRole.UserRole, attachment)
            self.file_list.addItem(item)

    def _remove(self, view: QListWidget | QTreeWidget, items: list) -> None:
        row = _row(view)
        if 0 <= row < len(items):
            del items[row]
            self._refresh_lists()

    def add_promise(self) -> None:
        dialog = PromiseDialog(self, made=self.when.value())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.promises.append(dialog.promise(self.original.id))
            self._refresh_lists()

    def edit_promise(self) -> None:
        row = _row(self.promise_list)
        if 0 <= row < len(self.promises):
            dialog = PromiseDialog(self, self.promises[row], made=self.when.value())
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.promises[row] = dialog.promise(self.original.id)
                self._refresh_lists()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("gui.event_dialog.add_file"))
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> Attachment | None:
        """Copy ``path`` into the data directory and list it on this event."""
        try:
            attachment = attachments.add_file(self.data_dir, path)
        except PlainteError as exc:
            QMessageBox.warning(self, "plainte", shown(str(exc)))
            return None
        self.files.append(attachment)
        self._refresh_lists()
        return attachment

    def open_file(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        attachment: Attachment = item.data(Qt.ItemDataRole.UserRole)
        state = attachments.check(self.data_dir, attachment)
        if state != "ok":
            QMessageBox.warning(
                self, "plainte", shown(tr(f"gui.event_dialog.file_{state}", name=attachment.name))
            )
            return
        QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(attachments.stored_path(self.data_dir, attachment)))
        )

    def result_event(self) -> Event:
        """The event as edited."""

        def value(field: QLineEdit) -> str | None:
            return field.text().strip() or None

        event = Event(
            id=self.original.id,
            at=self.when.value() or self.original.at,
            channel=Channel(self.channel.currentData()),
            direction=Direction(self.direction.currentData()),
            answered=self.answered.isChecked(),
            counterpart=value(self.counterpart),
            reference=value(self.reference),
            summary=self.summary.toPlainText().strip() or None,
            wait_minutes=float(self.wait.value()) or None,
            step=self.step.currentData(),
            kind=EventKind(self.kind.currentData()),
        )
        event.promises = [Promise(**{**vars(p), "event_id": event.id}) for p in self.promises]
        event.attachments = list(self.files)
        return event


def _row(view: QListWidget | QTreeWidget) -> int:
    """The selected row of a list or a flat tree (-1 when none)."""
    if isinstance(view, QTreeWidget):
        item = view.currentItem()
        return view.indexOfTopLevelItem(item) if item is not None else -1
    return view.currentRow()

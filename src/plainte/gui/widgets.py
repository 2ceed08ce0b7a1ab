"""Small widgets the dialogs share."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget

from plainte.core.i18n import tr


class PlainLabel(QLabel):
    """A label that never renders markup: a provider named ``<img src=…>`` shows as typed.

    Qt's labels guess rich text from the first tag they see; a saga file is not
    to be trusted with that guess, so every label in the app is one of these.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)


def shown(text: str) -> str:
    """``text`` as a message box or tool tip shows it: literally, even when it looks like HTML.

    Those widgets guess rich text with ``Qt::mightBeRichText``; text that would
    pass for it is handed over escaped instead, so its tags are shown, not run.
    """
    rich = QtGui.Qt.mightBeRichText(text)
    return QtGui.Qt.convertFromPlainText(text) if rich else text


def save_cancel(
    dialog: QDialog, ok: QDialogButtonBox.StandardButton | None = None
) -> QDialogButtonBox:
    """A Save (or ``ok``) and Cancel button box in the interface language, wired to the dialog."""
    ok = ok or QDialogButtonBox.StandardButton.Save
    buttons = QDialogButtonBox(ok | QDialogButtonBox.StandardButton.Cancel)
    if ok == QDialogButtonBox.StandardButton.Save:
        buttons.button(ok).setText(tr("gui.save"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("gui.cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def keep_on_screen(window: QWidget) -> None:
    """Move (and shrink if need be) a top-level window so all of it lies on its screen."""
    frame = window.frameGeometry()
    screen = QtGui.QGuiApplication.screenAt(frame.center()) or window.screen()
    if screen is None:
        return
    area = screen.availableGeometry()
    border_w, border_h = frame.width() - window.width(), frame.height() - window.height()
    if frame.width() > area.width() or frame.height() > area.height():
        window.resize(
            min(window.width(), area.width() - border_w),
            min(window.height(), area.height() - border_h),
        )
        frame = window.frameGeometry()
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)

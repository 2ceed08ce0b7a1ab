"""Small widgets the dialogs share."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from plainte.core.i18n import tr


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

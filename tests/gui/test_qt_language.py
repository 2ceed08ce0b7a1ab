"""Qt's own words follow the interface language: a French file dialog is in French."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox


def _cancel() -> str:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text()


def test_qt_s_own_dialogs_speak_the_interface_language(window):
    window.set_language("fr")
    try:
        assert _cancel() == "Annuler"
        assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    finally:
        window.set_language("en")
    assert _cancel() == "Cancel"


def test_a_language_change_reaches_every_model_without_an_error(qtbot, window):
    """Qt tells every object of a language change: no model may take that call for its own."""
    window.case_ops.load_demo()
    assert window.pane.timeline.rowCount() > 0
    window.set_language("fr")  # would raise inside Qt if a model's ``event`` were shadowed
    window.set_language("en")
    assert window.pane.timeline.event_at(0).id

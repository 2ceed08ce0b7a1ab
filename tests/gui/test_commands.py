"""Undo texts are kept as what they mean and said in the interface language when shown."""

from __future__ import annotations

from plainte.gui import commands
from plainte.gui.case_dialog import CaseDialog


def _new_case(qtbot, window, answer) -> None:
    def fill(dialog: CaseDialog):
        dialog.title.insert("Internet down")
        qtbot.keyClicks(dialog.provider, "Examplecom")
        dialog.accept()

    answer(CaseDialog, fill)
    window.case_ops.new_case()


def test_undo_text_follows_a_language_switch(qtbot, window, answer):
    _new_case(qtbot, window, answer)
    window.acts["they_called"].trigger()
    assert window.undo_action.text() == "Undo They called, no message"

    window.set_language("fr")
    assert window.undo_action.text() == "Annuler Ils ont appelé, sans message"
    window.undo_action.trigger()
    assert window.redo_action.text() == "Rétablir Ils ont appelé, sans message"
    assert window.undo_action.text() == "Annuler la nouvelle saga"

    window.set_language("en")
    assert window.redo_action.text() == "Redo They called, no message"


def test_a_group_undone_together_is_said_again_too(qtbot, window, answer):
    _new_case(qtbot, window, answer)
    case = window.case_header
    done = window.ops.apply_all(
        [
            commands.SetCaseStatus(
                window.editor, case.id, case.status.SWITCHED, commands.label("gui.undo.switched")
            ),
            commands.SetCaseStatus(
                window.editor, case.id, case.status.OPEN, commands.label("gui.undo.switched")
            ),
        ],
        commands.label("gui.undo.switched"),
    )
    assert done and window.undo_action.text() == "Undo switch"
    window.set_language("fr")
    assert window.undo_action.text() == "Annuler le changement d'opérateur"

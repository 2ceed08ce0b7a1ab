"""Cases: create, edit, delete, and load the demo sagas."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMessageBox

from plainte.core.i18n import tr
from plainte.core.model import Case
from plainte.gui import commands
from plainte.gui.widgets import shown

if TYPE_CHECKING:
    from plainte.gui.main_window import MainWindow


class CaseOps:
    """What a person does to a whole case."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def new_case(self) -> Case | None:
        """Ask for the case's details; store it and select it. None if cancelled."""
        from plainte.gui.case_dialog import CaseDialog

        w = self.window
        dialog = CaseDialog(w, None, w.prefs)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        case = dialog.case()
        if w.ops.apply(commands.SaveCase(w.editor, case, commands.label("gui.undo.new_case"))):
            w.case_view.selectRow(w.cases.row_of(case.id))
        return case

    def edit_case(self) -> None:
        """Edit the selected case's own fields."""
        from plainte.gui.case_dialog import CaseDialog

        w = self.window
        if not w.case_header:
            return
        base = w.case_header
        dialog = CaseDialog(w, base, w.prefs)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            said = commands.label("gui.undo.edit_case")
            command = commands.SaveCase(w.editor, dialog.case(), said, base)
            w.ops.apply(command)

    def show_history(self) -> None:
        """Every recorded version of the selected case's own fields (title, customer…)."""
        from plainte.core.history import case_entries, case_history
        from plainte.gui.history_dialog import HistoryDialog

        w = self.window
        if not w.case_header:
            w.ops.status(tr("gui.history.no_case"))
            return
        case_id = w.case_header.id
        versions = case_history(case_entries(w.store.conn, case_id), case_id)
        title = tr("gui.history.of_case", title=w.case_header.title)
        box = HistoryDialog(w, title, versions)
        box.show()
        w.history_box = box

    def delete_case(self) -> None:
        """Delete the selected case after asking (undoable)."""
        w = self.window
        if not w.case_header:
            return
        answer = QMessageBox.question(
            w,
            tr("gui.confirm.title"),
            shown(tr("gui.confirm.delete_case", title=w.case_header.title)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            w.ops.apply(
                commands.DeleteCase(
                    w.editor, w.case_header.id, commands.label("gui.undo.delete_case")
                ),
                tr("gui.status.undo_hint"),
            )

    def load_demo(self) -> None:
        """Load the demo sagas (twice changes nothing)."""
        from plainte.core.demo import demo_files
        from plainte.core.sagafile import read_saga

        cases = [c for f in demo_files() for c in read_saga(f).cases]
        self.window.store.import_cases(cases)

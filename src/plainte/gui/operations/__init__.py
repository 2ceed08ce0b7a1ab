"""The one way in for a change, and the features that go through it.

As in Anki's ``aqt.operations``: a person's action becomes one undoable
command (``plainte.gui.commands``), which the core validates and stores in
one transaction; the store announces the change and the window refreshes.
A failure is reported in one place (:meth:`Operations.report`), never raised
into Qt, and leaves nothing on the undo stack. Each feature (cases, events,
promises, calls, composing, imports, exports) has a module of its own here.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox

from plainte.core.editor import Editor
from plainte.gui.commands import Label, _Command
from plainte.gui.widgets import shown


class Operations:
    """Pushes commands onto the undo stack, reports failures, says what was done."""

    def __init__(self, window: QMainWindow, editor: Editor, undo_stack: QUndoStack) -> None:
        self.window = window
        self.editor = editor
        self.undo_stack = undo_stack
        self._failed = False

    def apply(self, command: _Command, done: str | None = None) -> bool:
        """Run ``command`` (undoable); on success show ``done`` in the status bar.

        Return:
            True when the change was stored; False when it failed (and was reported).
        """
        self._failed = False
        command.report = self._fail
        self.undo_stack.push(command)  # an obsolete (failed) command is dropped by Qt
        if not self._failed and done:
            self.status(done)
        return not self._failed

    def apply_all(self, commands: list[_Command], label: Label, done: str | None = None) -> bool:
        """Run several commands as one undo step (undone together)."""
        if commands:
            commands[0].group_label = label  # the group's text, said again after a switch
        self.undo_stack.beginMacro(label())
        failed = False
        try:
            for command in commands:
                failed |= not self.apply(command)
        finally:
            self.undo_stack.endMacro()
        if not failed and done:
            self.status(done)
        return not failed

    def _fail(self, error: Exception) -> None:
        from plainte.core.editor import StaleEdit

        self._failed = True
        self.report(error)
        if isinstance(error, StaleEdit):  # show the version that is there now
            self.window.refresh_cases()

    def report(self, error: Exception) -> None:
        """Tell the person what went wrong, in their language (the error's own message)."""
        QMessageBox.warning(self.window, "plainte", shown(str(error)))

    def status(self, text: str) -> None:
        """A short confirmation in the status bar."""
        self.window.statusBar().showMessage(text, 8000)

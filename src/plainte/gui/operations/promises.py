"""Promises: log one the provider made, and mark one kept or broken."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog

from plainte.core.model import Direction, Promise, PromiseStatus
from plainte.gui import commands
from plainte.gui.operations.events import now_on

if TYPE_CHECKING:
    from plainte.gui.main_window import MainWindow


class PromiseOps:
    """What a person does to the provider's promises."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def log_promise(self) -> None:
        """A promise made by the provider, now, on the last channel used."""
        from plainte.gui.promise_dialog import PromiseDialog

        w = self.window
        draft = w.event_ops.draft(w.last_channel, Direction.IN)
        if draft is None:
            return
        dialog = PromiseDialog(w, None, draft)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        event = dialog.made_event()
        promise: Promise = dialog.promise(event.id)
        event.promises.append(promise)
        w.event_ops.save(event, commands.label("gui.actions.promise_made"))

    def mark(self, promise_id: str, status: str) -> None:
        """Mark a promise kept, broken or pending again (undoable)."""
        w = self.window
        if not w.case_header:
            return
        closed = now_on(w.today).strftime("%Y-%m-%d")
        w.ops.apply(
            commands.SetPromiseStatus(
                w.editor,
                w.case_header.id,
                promise_id,
                PromiseStatus(status),
                closed,
                commands.label(f"gui.undo.promise_{status}"),
            )
        )

"""Undoable edits: each QUndoCommand replays core edits, so undo is a recorded change.

A command's text (the Edit menu's "Undo …") is kept as what it means, a
:data:`Label`, and said again in the interface language after a switch
(:func:`relabel`): no "Annuler They called…".
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtGui import QUndoCommand, QUndoStack

from plainte.core.editor import Editor
from plainte.core.errors import PlainteError
from plainte.core.fingerprint import Fingerprint
from plainte.core.i18n import tr
from plainte.core.model import Case, CaseStatus, Event, PromiseStatus

Label = Callable[[], str]
"""An undo text rendered when shown, in the interface language of that moment."""


def label(key: str, **params: object) -> Label:
    """The undo text of message ``key``, said in whichever language the interface has then."""
    return partial(tr, key, **params)


def as_label(text: str | Label) -> Label:
    """A label as given, or a fixed text (which then stays as written in every language)."""
    return text if callable(text) else partial(str, text)


def relabel(stack: QUndoStack) -> None:
    """Say every command's text on ``stack`` again, in the interface language now.

    A group of commands undone together (a macro) takes the label its first
    command carries as ``group_label``.
    """
    for index in range(stack.count()):
        command = stack.command(index)
        said = getattr(command, "label", None)
        if said is None and command.childCount():
            said = getattr(command.child(0), "group_label", None)
        if said is not None:
            command.setText(said())


class _Command(QUndoCommand):
    """A command whose failure is reported, not raised, and leaves the stack clean.

    ``report`` is set by :class:`plainte.gui.operations.Operations`, the one
    place that pushes commands and tells the person what went wrong.
    """

    report: Callable[[Exception], None] | None = None

    group_label: Label | None = None
    """Set on the first command of a group undone together: the group's text."""

    def __init__(self, editor: Editor, text: str | Label) -> None:
        self.label = as_label(text)
        super().__init__(self.label())
        self.editor = editor

    def _guard(self, action: Callable[[], None]) -> None:
        try:
            action()
        except PlainteError as exc:
            self.setObsolete(True)
            if self.report:
                self.report(exc)


class SaveEvent(_Command):
    def __init__(
        self,
        editor: Editor,
        case_id: str,
        event: Event,
        text: str | Label,
        base: Event | None = None,
        sent: Fingerprint | None = None,
    ) -> None:
        super().__init__(editor, text)
        self.case_id, self.event, self.before = case_id, event, None
        self.base = base  # the version the edit started from, checked on the first save
        self.sent = sent  # the fingerprint the letter this event sends carried

    def redo(self) -> None:
        def act() -> None:
            base, self.base = self.base, None
            self.before = self.editor.save_event(self.case_id, self.event, base, self.sent)

        self._guard(act)

    def undo(self) -> None:
        if self.before is None:
            self._guard(lambda: self.editor.delete_event(self.case_id, self.event.id))
        else:
            self._guard(lambda: self.editor.save_event(self.case_id, self.before))


class DeleteEvent(_Command):
    def __init__(self, editor: Editor, case_id: str, event_id: str, text: str | Label) -> None:
        super().__init__(editor, text)
        self.case_id, self.event_id, self.snapshot = case_id, event_id, None

    def redo(self) -> None:
        def act() -> None:
            self.snapshot = self.editor.delete_event(self.case_id, self.event_id)

        self._guard(act)

    def undo(self) -> None:
        if self.snapshot is not None:
            self._guard(lambda: self.editor.restore_event(self.case_id, self.snapshot))


class SaveCase(_Command):
    def __init__(
        self, editor: Editor, case: Case, text: str | Label, base: Case | None = None
    ) -> None:
        super().__init__(editor, text)
        self.case, self.before = case, None
        self.base = base  # the version the edit started from, checked on the first save

    def redo(self) -> None:
        def act() -> None:
            base, self.base = self.base, None
            self.before = self.editor.save_case(self.case, base)

        self._guard(act)

    def undo(self) -> None:
        if self.before is None:
            self._guard(lambda: self.editor.delete_case(self.case.id))
        else:
            self._guard(lambda: self.editor.save_case(self.before))


class DeleteCase(_Command):
    def __init__(self, editor: Editor, case_id: str, text: str | Label) -> None:
        super().__init__(editor, text)
        self.case_id, self.snapshot = case_id, None

    def redo(self) -> None:
        def act() -> None:
            self.snapshot = self.editor.delete_case(self.case_id)

        self._guard(act)

    def undo(self) -> None:
        if self.snapshot is not None:
            self._guard(lambda: self.editor.restore_case(self.snapshot))


class SetPromiseStatus(_Command):
    def __init__(
        self,
        editor: Editor,
        case_id: str,
        promise_id: str,
        status: PromiseStatus,
        closed_at: str | None,
        text: str | Label,
    ) -> None:
        super().__init__(editor, text)
        self.args = (case_id, promise_id)
        self.status, self.closed_at, self.before = status, closed_at, None

    def redo(self) -> None:
        def act() -> None:
            self.before = self.editor.set_promise_status(*self.args, self.status, self.closed_at)

        self._guard(act)

    def undo(self) -> None:
        if self.before is not None:
            self._guard(lambda: self.editor.set_promise_status(*self.args, *self.before))


class SetCaseStatus(_Command):
    def __init__(self, editor: Editor, case_id: str, status: CaseStatus, text: str | Label) -> None:
        super().__init__(editor, text)
        self.case_id, self.status, self.before = case_id, status, None

    def redo(self) -> None:
        def act() -> None:
            self.before = self.editor.set_case_status(self.case_id, self.status)

        self._guard(act)

    def undo(self) -> None:
        if self.before is not None:
            self._guard(lambda: self.editor.set_case_status(self.case_id, self.before))


class AddEvents(_Command):
    """New events (e-mails dropped on the timeline), added together, undone together."""

    def __init__(
        self, editor: Editor, case_id: str, events: list[Event], text: str | Label
    ) -> None:
        super().__init__(editor, text)
        self.case_id, self.events = case_id, events

    def redo(self) -> None:
        self._guard(lambda: self.editor.add_events(self.case_id, self.events))

    def undo(self) -> None:
        def act() -> None:
            for event in self.events:
                self.editor.delete_event(self.case_id, event.id)

        self._guard(act)

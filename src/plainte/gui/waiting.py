"""What waits for the whole case of the pane: a letter, a reply, read off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QStatusBar

from plainte.core.i18n import tr
from plainte.core.model import Case


class Waiting(QObject):
    """The actions waiting for the whole case, one per action (a second click replaces)."""

    changed = Signal(bool)
    """Something waits for the case now (True), or nothing does any more (False)."""
    failed = Signal(object)
    """The case could not be read for what waited for it (the error)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._then: dict[str, Callable[[Case], None]] = {}
        self._bar: QStatusBar | None = None

    def shown_in(self, bar: QStatusBar) -> None:
        """Say in ``bar`` what waits, and a failure; a busy cursor meanwhile (the window works)."""
        self._bar = bar
        self.changed.connect(lambda on: _busy(on, bar))
        self.failed.connect(
            lambda error: bar.showMessage(tr("gui.status.reading_failed", detail=str(error)))
        )

    def __bool__(self) -> bool:
        return bool(self._then)

    def add(self, action: str, then: Callable[[Case], None]) -> None:
        """Let ``then`` wait for the case, in place of what ``action`` asked before.

        ``action`` (letter, reply, recap) says what for: ``gui.status.reading_<action>``.
        """
        first = not self._then
        self._then[action] = then
        if self._bar is not None:  # "Reading the whole saga for the letter…"
            self._bar.showMessage(tr(f"gui.status.reading_{action}"))
        if first:
            self.changed.emit(True)

    def call(self, case: Case) -> None:
        """The case is read: call what waited for it, once each."""
        waiting = list(self._then.values())
        self.drop()
        for then in waiting:
            then(case)

    def drop(self, error: Exception | None = None) -> None:
        """Nothing waits any more (``error``: why the case could not be read)."""
        if self._then:
            self._then.clear()
            self.changed.emit(False)
            if error is not None:
                self.failed.emit(error)


def _busy(on: bool, bar: QStatusBar) -> None:
    if on:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    else:
        QApplication.restoreOverrideCursor()
        bar.clearMessage()  # "Reading the whole saga…" said no more

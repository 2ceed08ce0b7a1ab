"""Turns the store's change announcements into one Qt signal."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, QTimer, Signal

from plainte.core.store import Change, Store


class StoreBridge(QObject):
    """Emits :attr:`changed` with the ids of the cases (and events, or None) a change touched.

    The signal is queued across threads, so a change committed by a worker
    reaches the models on the GUI thread.
    """

    changed = Signal(str, list, object)
    POLL_MS = 1000
    """How often the store is asked whether another process changed it."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        store.subscribe(self._on_change)
        self._version = self._data_version()
        self.timer = QTimer(self)
        self.timer.setInterval(self.POLL_MS)
        self.timer.timeout.connect(self.check_outside_changes)
        self.timer.start()

    def _data_version(self) -> int | None:
        try:
            return self.store.data_version()
        except sqlite3.Error:
            return None

    def check_outside_changes(self) -> bool:
        """Announce a change committed by another process (the command line, another app)."""
        version = self._data_version()
        if version is None or version == self._version:
            return False
        self._version = version
        self.changed.emit("outside", [], None)
        return True

    def _on_change(self, change: Change) -> None:
        ids = sorted(change.event_ids) if change.event_ids is not None else None
        self.changed.emit(change.kind, sorted(change.case_ids), ids)

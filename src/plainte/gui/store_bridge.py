"""Turns the store's change announcements into one Qt signal."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from plainte.core.store import Change, Store


class StoreBridge(QObject):
    """Emits :attr:`changed` with the ids of the cases a committed change touched.

    The signal is queued across threads, so a change committed by a worker
    reaches the models on the GUI thread.
    """

    changed = Signal(str, list)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        store.subscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change.kind, sorted(change.case_ids))

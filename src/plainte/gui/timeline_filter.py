"""The timeline's filter: one channel (or all), and search words."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel

from plainte.core import event_text
from plainte.gui.timeline_model import TimelineModel


class TimelineFilter(QSortFilterProxyModel):
    """Keeps the events of one channel (or all) whose texts hold the search words."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._channel: str | None = None
        self._needle = ""

    def set_channel(self, channel: str | None) -> None:
        self._refilter(lambda: setattr(self, "_channel", channel))

    def set_needle(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_needle", text.casefold().strip()))

    def _refilter(self, change) -> None:
        """Apply ``change`` to the criteria and filter again (Qt 6.10 API when there)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        model: TimelineModel = self.sourceModel()  # type: ignore[assignment]
        event = model.event(row)
        if self._channel and event.channel.value != self._channel:
            return False
        if not self._needle:
            return True
        texts = (
            event_text.summary(event),
            event.counterpart,
            event.reference,
            *(p.text for p in event.promises),
        )
        return any(self._needle in t.casefold() for t in texts if t)

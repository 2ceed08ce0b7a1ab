"""The timeline of one case: a table model over its events, no widget per row."""

from __future__ import annotations

from PySide6.QtCore import Qt

from plainte.core import event_text, i18n
from plainte.core.i18n import tr
from plainte.core.model import Case, Event
from plainte.gui.rows_model import Index, RowsModel


class TimelineModel(RowsModel):
    """When, channel, direction, agent, reference, minutes on hold, summary, promises."""

    COLUMNS = ("at", "channel", "direction", "summary", "counterpart", "reference", "wait")
    HEADER = "gui.timeline"
    EventRole = Qt.ItemDataRole.UserRole + 1
    ChannelRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._dates: dict[int, str] = {}
        self._amended: dict[str, str] = {}

    def set_case(self, case: Case | None, amended: dict[str, str] | None = None) -> None:
        """Show the timeline of ``case`` (None: nothing); ``amended`` maps ids to a day."""
        self._amended = amended or {}
        self._dates = {}
        self.replace(case.events if case else [])

    def event(self, row: int) -> Event:
        return self.rows[row]

    def _when(self, row: int) -> str:
        """The event's date (and time) in the interface language, computed once per row."""
        text = self._dates.get(row)
        if text is None:
            at = self.rows[row].at
            text = i18n.format_date_short(at.day)
            if at.has_time:
                text += ", " + i18n.format_time(at.value)  # type: ignore[arg-type]
            self._dates[row] = text
        return text

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        event = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), event, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "direction":
            text = tr(f"direction.{event.direction.value}")
            return text if event.answered else f"{text} ({tr('gui.timeline.no_answer')})"
        if role == Qt.ItemDataRole.ForegroundRole and not event.answered:
            from PySide6.QtGui import QPalette
            from PySide6.QtWidgets import QApplication

            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole and column == "summary":
            amended = self._amended.get(event.id)
            note = tr("gui.timeline.amended", day=amended) if amended else ""
            promised = "\n".join(
                f"⚑ {p.text}" + (f" ({tr('gui.timeline.due', day=_day(p.due))})" if p.due else "")
                for p in event.promises
            )
            return "\n\n".join(t for t in (event_text.summary(event), promised, note) if t) or None
        if role == Qt.ItemDataRole.DecorationRole and column == "channel":
            from plainte.gui.icons import channel_icon

            return channel_icon(event.channel.value)
        if role == self.EventRole:
            return event.id
        if role == self.ChannelRole:
            return event.channel.value
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "wait":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: int, event: Event, column: str):
        if column == "at":
            return self._when(row)
        if column == "channel":
            return tr(f"channel.{event.channel.value}")
        if column == "direction":
            text = tr(f"gui.timeline.{event.direction.value}")
            return text if event.answered else f"{text} ✗"
        if column == "counterpart":
            return event.counterpart or ""
        if column == "reference":
            return event.reference or ""
        if column == "wait":
            return "" if event.wait_minutes is None else f"{event.wait_minutes:g}"
        if column == "summary":
            text = event_text.summary(event).replace("\n", " ")
            if event.promises:
                text = f"⚑{len(event.promises)} {text}"
            return f"✎ {text}" if event.id in self._amended else text
        return None


def _day(when) -> str:
    """A due date in the interface language."""
    return i18n.format_date(when.day)

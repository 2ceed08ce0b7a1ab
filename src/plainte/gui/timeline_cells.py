"""What each cell of the timeline shows: the words, tooltips, colours and icons of an event."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from plainte.core import event_text, i18n
from plainte.core.i18n import tr
from plainte.core.model import Event
from plainte.gui.rows_model import Index


class TimelineCells:
    """The ``data`` of the timeline model, given its ``event_at(row)``, columns and roles."""

    COLUMNS: tuple[str, ...] = ()
    EventRole = Qt.ItemDataRole.UserRole + 1
    ChannelRole = Qt.ItemDataRole.UserRole + 2
    _dates: dict[str, str]
    _amended: dict[str, date]

    def event_at(self, row: int) -> Event:
        raise NotImplementedError

    def _when(self, event: Event) -> str:
        """The event's date (and time) in the interface language, computed once per event."""
        text = self._dates.get(event.id)
        if text is None:
            at = event.at
            text = i18n.format_date_short(at.day)
            if at.has_time:
                text += ", " + i18n.format_time(at.value)  # type: ignore[arg-type]
            self._dates[event.id] = text
        return text

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        event = self.event_at(index.row())
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "direction":
            text = event_text.direction_word(event.direction.value, event.kind.value)
            unanswered = not event.answered and event.is_contact
            return f"{text} ({tr('gui.timeline.no_answer')})" if unanswered else text
        if role == Qt.ItemDataRole.ForegroundRole and not event.answered and event.is_contact:
            return self._muted()
        if role == Qt.ItemDataRole.ToolTipRole and column == "summary":
            amended = self._amended.get(event.id)
            note = tr("gui.timeline.amended", day=i18n.format_date(amended)) if amended else ""
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

    @staticmethod
    def _muted():
        """The palette's placeholder colour (a copy of the palette costs: read once a paint)."""
        from PySide6.QtGui import QPalette
        from PySide6.QtWidgets import QApplication

        return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)

    def _display(self, event: Event, column: str):
        if column == "at":
            return self._when(event)
        if column == "channel":
            return tr(f"channel.{event.channel.value}")
        if column == "direction":
            if not event.is_contact:
                return tr("gui.timeline.note")  # a note goes to no one
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

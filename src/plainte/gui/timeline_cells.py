"""What each cell of the timeline shows: the words, tooltips, colours and icons of an event."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from plainte.core import event_text, i18n
from plainte.core.i18n import tr
from plainte.core.model import Event
from plainte.gui.rows_model import Index

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_EVENT = int(Qt.ItemDataRole.UserRole) + 1
_CHANNEL = int(Qt.ItemDataRole.UserRole) + 2
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ANSWERED = frozenset((_DISPLAY, _DECORATION, _TOOLTIP, _ALIGNMENT, _FOREGROUND, _EVENT, _CHANNEL))
"""The roles a cell may answer: Qt asks for seven per cell painted, three never answered."""


def _icon(channel: str):
    """The channel's icon (its module is imported when first painted, not at start)."""
    from plainte.gui.icons import channel_icon

    global _icon
    _icon = channel_icon
    return channel_icon(channel)


class TimelineCells:
    """The ``data`` of the timeline model, given its ``event_at(row)``, columns and roles."""

    COLUMNS: tuple[str, ...] = ()
    EventRole = _EVENT
    ChannelRole = _CHANNEL
    _dates: dict[str, str]
    _amended: dict[str, date]
    _muted_color: QColor | None = None

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

    def data(self, index: Index, role=_DISPLAY):
        """What a cell shows; called for seven roles of each cell a paint draws, so the roles
        it never answers, and those its column does not, are turned away first."""
        if role not in _ANSWERED or not index.isValid():
            return None
        column = self.COLUMNS[index.column()]
        if role == _ALIGNMENT:
            return _RIGHT if column == "wait" else None
        if role == _DECORATION:
            return _icon(self.event_at(index.row()).channel.value) if column == "channel" else None
        event = self.event_at(index.row())
        if role == _DISPLAY:
            return self._display(event, column)
        if role == _FOREGROUND:
            return self._muted() if not event.answered and event.is_contact else None
        if role == _TOOLTIP:
            return self._tooltip(event, column)
        if role == _EVENT:
            return event.id
        return event.channel.value  # _CHANNEL

    def _tooltip(self, event: Event, column: str) -> str | None:
        if column == "direction":
            text = event_text.direction_word(event.direction.value, event.kind.value)
            unanswered = not event.answered and event.is_contact
            return f"{text} ({tr('gui.timeline.no_answer')})" if unanswered else text
        if column == "summary":
            amended = self._amended.get(event.id)
            note = tr("gui.timeline.amended", day=i18n.format_date(amended)) if amended else ""
            promised = "\n".join(
                f"⚑ {p.text}" + (f" ({tr('gui.timeline.due', day=_day(p.due))})" if p.due else "")
                for p in event.promises
            )
            return "\n\n".join(t for t in (event_text.summary(event), promised, note) if t) or None
        return None

    def _muted(self) -> QColor:
        """The palette's placeholder colour, read once per event-loop turn (a paint), not per
        cell: a copy of the palette costs."""
        color = self._muted_color
        if color is None:
            palette = QApplication.palette()
            color = self._muted_color = palette.color(QPalette.ColorRole.PlaceholderText)
            QTimer.singleShot(0, self._forget_muted)
        return color

    def _forget_muted(self) -> None:
        self._muted_color = None  # the palette may change (a dark theme) before the next paint

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

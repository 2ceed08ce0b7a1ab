"""The saga at a glance: its figures, and a small drawn timeline of contacts and broken promises."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.core.model import Case, Direction
from plainte.core.stats import HEADLINE, SagaStats, compute
from plainte.gui.icons import channel_color
from plainte.gui.widgets import PlainLabel

FIGURES = tuple(k for k in HEADLINE if k != "promises_kept")


GAP = 5.0
"""Pixels kept between two marks on the same side: four calls a day are four marks."""


def spread(xs: list[float], left: float, right: float, gap: float = GAP) -> list[float]:
    """``xs`` (sorted) moved apart by at least ``gap``, kept within ``left``–``right``.

    Marks close in time are pushed right, then back left from the right edge;
    when even that cannot fit them, the gap shrinks to what the width allows.
    """
    if not xs:
        return []
    gap = min(gap, (right - left) / max(1, len(xs) - 1))
    out = [max(left, xs[0])]
    for x in xs[1:]:
        out.append(max(x, out[-1] + gap))
    limit = right
    for i in range(len(out) - 1, -1, -1):
        out[i] = min(out[i], limit)
        limit = out[i] - gap
    return out


@dataclass(frozen=True)
class Mark:
    """One contact as drawn: where, on which side, how long, in which colour."""

    x: float
    up: bool | None  # None: a note, which goes to no one
    answered: bool
    channel: str


def _days(when, start: date) -> float:
    """Days from ``start``'s midnight to ``when`` (a day without a time: its middle)."""
    offset = (when.day - start).days
    if not when.has_time:
        return offset + 0.5
    clock = when.value
    return offset + (clock.hour * 60 + clock.minute) / 1440


class TimelineStrip(QWidget):
    """Contacts as ticks (theirs above the line, mine below) and broken promises as red marks.

    The line runs from the first contact's day to the last day the saga is told
    as of (today, or its last day once it ended), each day a slot; a contact sits
    at its time of day, and marks close in time are set apart so none hides another.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(150)
        self.case: Case | None = None
        self.today = date.today()
        self._marks: tuple[tuple[int, int], list[Mark]] | None = None  # for a size, kept
        self.setAccessibleName(tr("gui.dashboard.strip"))

    def sizeHint(self) -> QSize:
        return QSize(600, 240)

    def set_case(self, case: Case | None, today: date) -> None:
        self.case, self.today = case, today
        self._marks = None
        self.update()

    def _frame(self) -> tuple[float, float, float, float]:
        """Left, width, the line's height and half the room for ticks."""
        margin = 16.0
        top, bottom = self._legend_box().height() + 8, 30.0  # the legend above, the dates below
        mid = top + (self.height() - top - bottom) / 2
        return margin, self.width() - 2 * margin, mid, (self.height() - top - bottom) / 2

    def _small_font(self) -> QFont:
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        return small

    def _legend_box(self) -> QRectF:
        """Where the legend goes: as many lines as the width needs."""
        width = self.width() - 32
        box = QFontMetricsF(self._small_font()).boundingRect(
            QRectF(16, 2, width, 200), Qt.TextFlag.TextWordWrap, tr("gui.dashboard.legend")
        )
        return QRectF(16, 2, width, box.height())

    def days(self) -> tuple[date, int] | None:
        """The first day drawn and how many days the line holds (the last one included)."""
        events = self._events()
        if not events:
            return None
        start = events[0].at.day
        return start, max(1, (self.today - start).days + 1)

    def _events(self) -> list:
        return [e for e in self.case.events if e.at.day <= self.today] if self.case else []

    def marks(self) -> list[Mark]:
        """Every contact up to the last day, placed as it is drawn (kept until the case or
        the size changes: a paint of a long saga placed 100,000 marks each time)."""
        size = (self.width(), self.height())
        if self._marks is None or self._marks[0] != size:
            self._marks = (size, self._place())
        return self._marks[1]

    def _place(self) -> list[Mark]:
        events = self._events()
        if not events:
            return []
        start = events[0].at.day
        span = max(1, (self.today - start).days + 1)
        left, width, _mid, _half = self._frame()
        marks = []
        for up in (False, True, None):  # mine below, theirs above, notes on the line
            side = [
                (left + width * _days(e.at, start) / span, e)
                for e in events
                if (e.direction is Direction.IN if e.is_contact else None) is up
            ]
            side.sort(key=lambda pair: pair[0])
            xs = spread([x for x, _e in side], left, left + width)
            marks += [
                Mark(x, up, e.answered, e.channel.value)
                for x, (_x, e) in zip(xs, side, strict=True)
            ]
        return marks

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text_color = palette.color(QPalette.ColorRole.Text)
        left, width, mid, half = self._frame()
        painter.setPen(QPen(text_color, 1))
        found = self.days()
        if found is None:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, tr("gui.dashboard.no_events")
            )
            return
        painter.drawLine(QPointF(left, mid), QPointF(left + width, mid))
        start, span = found
        painter.setFont(self._small_font())
        self._draw_days(painter, start, span, left, width, mid, half)
        drawn = set()
        for mark in self.marks():
            key = (round(mark.x * 2), mark.up, mark.answered, mark.channel)
            if key in drawn:  # the same mark on the same half pixel: drawn once
                continue
            drawn.add(key)
            if mark.up is None:
                painter.setPen(QPen(text_color, 1.5))
                painter.setBrush(palette.color(QPalette.ColorRole.Base))
                painter.drawEllipse(QPointF(mark.x, mid), 4, 4)
                continue
            length = half * (0.75 if mark.answered else 0.35)
            painter.setPen(QPen(channel_color(mark.channel), 2))
            end = mid - length if mark.up else mid + length
            painter.drawLine(QPointF(mark.x, mid), QPointF(mark.x, end))
        self._draw_broken(painter, start, span, left, width, mid, half)
        painter.setPen(QPen(text_color, 1))
        painter.drawText(self._legend_box(), Qt.TextFlag.TextWordWrap, tr("gui.dashboard.legend"))

    def _draw_days(self, painter, start, span, left, width, mid, half) -> None:
        """A notch on the line where each day starts, and as many dates below as fit."""
        text_color = self.palette().color(QPalette.ColorRole.Text)
        day_width = width / span
        label = painter.fontMetrics().horizontalAdvance(i18n.format_date_short(start)) + 12
        step = max(1, math.ceil(label / day_width))
        painter.setPen(QPen(text_color, 1))
        if day_width >= 4:
            for day in range(span + 1):
                x = left + day * day_width
                painter.drawLine(QPointF(x, mid - 4), QPointF(x, mid + 4))
        box_y = self.height() - 22
        for day in range(0, span, step):
            x = left + (day + 0.5) * day_width if step == 1 else left + day * day_width
            text = i18n.format_date_short(start + timedelta(days=day))
            align = Qt.AlignmentFlag.AlignHCenter if step == 1 else Qt.AlignmentFlag.AlignLeft
            box = QRectF(x - label / 2 if step == 1 else x, box_y, label, 18)
            if box.right() > left + width + 8:
                break
            painter.drawText(box, align, text)

    def _draw_broken(self, painter, start, span, left, width, mid, half) -> None:
        from plainte.core.promises import ledger  # read when the tab is filled, not at start

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e53935"))
        top = mid - half * 0.8
        for entry in ledger(self.case, self.today):
            if entry.is_broken and entry.promise.due:
                pos = left + width * min(1.0, _days(entry.promise.due, start) / span)
                painter.drawPolygon(
                    QPolygonF(
                        [QPointF(pos, top + 12), QPointF(pos - 6, top), QPointF(pos + 6, top)]
                    )
                )


class Dashboard(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        for index, key in enumerate(FIGURES):
            value = PlainLabel("—")
            value.setObjectName(f"figure_{key}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 2)
            font.setBold(True)
            value.setFont(font)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label = PlainLabel(tr(f"stats.{key}"))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            row, column = divmod(index, 4)
            grid.addWidget(value, row * 2, column)
            grid.addWidget(label, row * 2 + 1, column)
            self.values[key] = value
        self.strip = TimelineStrip()
        self.contrasts = ContrastPanel()
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addSpacing(12)
        layout.addWidget(self.contrasts)
        layout.addSpacing(12)
        layout.addWidget(self.strip, 1)  # the drawn timeline takes the room the figures leave

    def show_case(self, case: Case | None, today: date) -> SagaStats | None:
        stats = compute(case, today) if case else None
        for key, label in self.values.items():
            label.setText(str(getattr(stats, key)) if stats else "—")
        if stats and stats.promises_broken:
            self.values["promises_broken"].setStyleSheet("color: #e53935")
        else:
            self.values["promises_broken"].setStyleSheet("")
        self.strip.set_case(case, today)
        self.contrasts.show_case(case, today)
        return stats


class ContrastPanel(QFrame):
    """The case's contrasts (core/posts.py): the strongest in words, then each figure."""

    MAX = 6

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.lead = PlainLabel()
        self.lead.setObjectName("contrast_lead")
        self.lead.setWordWrap(True)
        font = self.lead.font()
        font.setBold(True)
        self.lead.setFont(font)
        self.grid = QGridLayout()
        self.cells: dict[str, tuple[QLabel, QLabel]] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.lead)
        layout.addLayout(self.grid)

    def show_case(self, case: Case | None, today: date) -> None:
        """Show the contrasts of ``case`` as of ``today`` in the interface language."""
        for cell in self.cells.values():
            for label in cell:  # out of the grid now: deleteLater waits for the event loop
                self.grid.removeWidget(label)
                label.hide()
                label.deleteLater()
        self.cells = {}
        if case is None or not case.events:
            self.setVisible(False)
            return
        lang = i18n.language()
        from plainte.core.figures import compute as compute_figures
        from plainte.core.posts import highlights, phrases

        fig = compute_figures(case, today)
        self.lead.setText(tr("posts.contrast", lead=phrases(fig, lang)["lead"]))
        for index, item in enumerate(highlights(fig, lang)[: self.MAX]):
            value = PlainLabel(item.value)
            value.setObjectName(f"highlight_{item.key}")
            font = value.font()
            font.setPointSizeF(font.pointSizeF() * 1.5)
            font.setBold(True)
            value.setFont(font)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = PlainLabel(item.caption)
            caption.setWordWrap(True)
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            row, column = divmod(index, 3)
            self.grid.addWidget(value, row * 2, column)
            self.grid.addWidget(caption, row * 2 + 1, column)
            self.cells[item.key] = (value, caption)
        self.setVisible(True)

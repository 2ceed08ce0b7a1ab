"""The saga at a glance: its figures, and a small drawn timeline of contacts and broken promises."""

from __future__ import annotations

import math
from datetime import date, timedelta
from operator import attrgetter

from PySide6.QtCore import QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.core.model import Case
from plainte.core.stats import HEADLINE
from plainte.gui.glance import (
    CONTRASTS,
    Glance,
    Lanes,
    Mark,
    drawn_marks,
    glance,
    lanes,
    place,
)
from plainte.gui.icons import channel_color
from plainte.gui.widgets import PlainLabel

FIGURES = tuple(k for k in HEADLINE if k != "promises_kept")


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
        self._lanes: Lanes | None = None
        self._placed: tuple[tuple[int, int], list, list[Mark]] | None = None
        """For a size: each side placed, and the marks drawn (one per half pixel), kept."""
        self.setAccessibleName(tr("gui.dashboard.strip"))

    def sizeHint(self) -> QSize:
        return QSize(600, 240)

    def set_case(self, case: Case | None, today: date, computed: Lanes | None = None) -> None:
        """Show ``case`` as of ``today``; ``computed``: its :func:`lanes`, if already known."""
        self.case, self.today = case, today
        self._lanes = computed if computed is not None else lanes(case, today)
        self._placed = None
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
        return None if self._lanes is None else (self._lanes.start, self._lanes.span)

    def _placement(self) -> tuple[list, list[Mark]]:
        """Each side placed at the current size, and the marks to draw (kept until the case
        or the size changes: a paint of a long saga placed 100,000 marks each time)."""
        size = (self.width(), self.height())
        if self._placed is None or self._placed[0] != size:
            placed = self._place()
            self._placed = (size, placed, drawn_marks(placed))
        return self._placed[1], self._placed[2]

    def keep_placement(self, size: tuple[int, int], placed: list, drawn: list[Mark]) -> None:
        """Use ``placed`` and ``drawn`` (computed apart for ``size``) while the size holds."""
        self._placed = (size, placed, drawn)

    def marks(self) -> list[Mark]:
        """Every contact up to the last day, placed as it is drawn."""
        return [
            Mark(x, up, done, channel)
            for up, xs, answered, channels in self._placement()[0]
            for x, done, channel in zip(xs, answered, channels, strict=True)
        ]

    def frame(self) -> tuple[tuple[int, int], float, float]:
        """The strip's size, and where its line starts and how wide it is."""
        left, width, _mid, _half = self._frame()
        return (self.width(), self.height()), left, width

    def _place(self) -> list:
        _size, left, width = self.frame()
        return place(self._lanes, left, width)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()  # ended here, whoever still holds the Python object

    def _paint(self, painter: QPainter) -> None:
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
        notes, pen = [], None
        ticks = sorted(self._placement()[1], key=attrgetter("channel"))  # a pen per channel
        for mark in ticks:
            if mark.up is None:
                notes.append(mark.x)
                continue
            if mark.channel != pen:
                pen = mark.channel
                painter.setPen(QPen(channel_color(pen), 2))
            length = half * (0.75 if mark.answered else 0.35)
            end = mid - length if mark.up else mid + length
            painter.drawLine(QLineF(mark.x, mid, mark.x, end))
        painter.setPen(QPen(text_color, 1.5))  # notes on the line, over the ticks
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        for x in notes:
            painter.drawEllipse(QPointF(x, mid), 4, 4)
        self._draw_broken(painter, left, width, mid, half)
        painter.setPen(QPen(text_color, 1))
        painter.drawText(self._legend_box(), Qt.TextFlag.TextWordWrap, tr("gui.dashboard.legend"))

    def _draw_days(self, painter, start, span, left, width, mid, half) -> None:
        """A notch on the line where each day starts, and as many dates below as fit."""
        text_color = self.palette().color(QPalette.ColorRole.Text)
        day_width = width / span
        advance = painter.fontMetrics().horizontalAdvance
        widest = (date(start.year, month, 28) for month in range(1, 13))  # "Sept. 28"
        label = max(advance(i18n.format_date_short(day)) for day in widest) + 12
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

    def _draw_broken(self, painter, left, width, mid, half) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e53935"))
        top = mid - half * 0.8
        for fraction in self._lanes.broken:
            pos = left + width * fraction
            painter.drawPolygon(
                QPolygonF([QPointF(pos, top + 12), QPointF(pos - 6, top), QPointF(pos + 6, top)])
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

    def show_case(self, case: Case | None, today: date) -> None:
        """Compute and show ``case`` as of ``today`` (a short saga: in no time)."""
        self.show_glance(case, today, glance(case, today, i18n.language()))

    def show_glance(self, case: Case | None, today: date, seen: Glance) -> None:
        """Show what :func:`glance` computed of ``case``."""
        stats = seen.stats
        for key, label in self.values.items():
            label.setText(i18n.format_number(getattr(stats, key)) if stats else "—")
        if stats and stats.promises_broken:
            self.values["promises_broken"].setStyleSheet("color: #e53935")
        else:
            self.values["promises_broken"].setStyleSheet("")
        self.strip.set_case(case, today, seen.lanes)
        if seen.placed is not None:
            self.strip.keep_placement(*seen.placed)
        self.contrasts.show_contrasts(seen.lead, seen.highlights)


class ContrastPanel(QFrame):
    """The case's contrasts (core/posts.py): the strongest in words, then each figure."""

    MAX = CONTRASTS

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

    def show_contrasts(self, lead: str | None, items: list) -> None:
        """Show the strongest contrast in words (``lead``) and each of ``items``."""
        for cell in self.cells.values():
            for label in cell:  # out of the grid now: deleteLater waits for the event loop
                self.grid.removeWidget(label)
                label.hide()
                label.deleteLater()
        self.cells = {}
        if lead is None:
            self.setVisible(False)
            return
        self.lead.setText(tr("posts.contrast", lead=lead))
        for index, item in enumerate(items):
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

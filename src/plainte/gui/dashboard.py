"""The saga at a glance: its figures, and a small drawn timeline of contacts and broken promises."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.core.model import Case, Direction
from plainte.core.stats import HEADLINE, SagaStats, compute
from plainte.gui.icons import channel_color
from plainte.gui.widgets import PlainLabel

FIGURES = tuple(k for k in HEADLINE if k != "promises_kept")


class TimelineStrip(QWidget):
    """Contacts as ticks (theirs above the line, mine below) and broken promises as red marks."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.case: Case | None = None
        self.today = date.today()
        self.setAccessibleName(tr("gui.dashboard.strip"))

    def sizeHint(self) -> QSize:
        return QSize(600, 140)

    def set_case(self, case: Case | None, today: date) -> None:
        self.case, self.today = case, today
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        text_color = palette.color(QPalette.ColorRole.Text)
        events = [e for e in self.case.events if e.at.day <= self.today] if self.case else []
        margin, width = 16, self.width() - 32
        mid = self.height() / 2
        painter.setPen(QPen(text_color, 1))
        painter.drawLine(QPointF(margin, mid), QPointF(margin + width, mid))
        if not events:
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, tr("gui.dashboard.no_events")
            )
            return
        start = events[0].at.day
        span = max(1, (self.today - start).days)

        def x(day: date) -> float:
            return margin + width * min(1.0, (day - start).days / span)

        for event in events:
            pos = x(event.at.day)
            up = event.direction is Direction.IN
            length = 28 if event.answered else 14
            color = channel_color(event.channel.value)
            painter.setPen(QPen(color, 2))
            painter.drawLine(QPointF(pos, mid), QPointF(pos, mid - length if up else mid + length))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e53935"))
        from plainte.core.promises import ledger  # read when the tab is filled, not at start

        for entry in ledger(self.case, self.today):
            if entry.is_broken and entry.promise.due:
                pos = x(entry.promise.due.day)
                painter.drawPolygon(
                    QPolygonF(
                        [
                            QPointF(pos, mid - 40),
                            QPointF(pos - 6, mid - 52),
                            QPointF(pos + 6, mid - 52),
                        ]
                    )
                )
        painter.setPen(QPen(text_color, 1))
        small = painter.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        painter.setFont(small)
        box = QRectF(margin, self.height() - 20, width, 18)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft, i18n.format_date_short(start))
        painter.drawText(box, Qt.AlignmentFlag.AlignRight, i18n.format_date_short(self.today))
        painter.drawText(
            QRectF(margin, 2, width, 18), Qt.AlignmentFlag.AlignLeft, tr("gui.dashboard.legend")
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
        layout.addWidget(self.strip)
        layout.addStretch(1)

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

"""The case overview tab: the day count, the next step, broken promises, the figure that counts.

Thin: :mod:`plainte.core.overview` computes every line; this shows them as
plain text (a provider's words stay words) and turns the two buttons into
letter kinds for the composer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from plainte.core.i18n import tr
from plainte.gui.colors import style
from plainte.gui.widgets import PlainLabel

if TYPE_CHECKING:
    from plainte.core.overview import Lines


def _scaled(label: PlainLabel, factor: float, *, bold: bool = True) -> PlainLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


def _wrapping(name: str) -> PlainLabel:
    label = PlainLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class OverviewPanel(QStackedWidget):
    """Where the saga stands; ``write`` carries the letter kind a button asks for."""

    write = Signal(str)
    read = Signal()
    """Asked to read a saga too long to be read whole on its own (see ``CasePane.read_case``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: Lines | None = None
        self.placeholder = PlainLabel(tr("overview.loading"))
        self.placeholder.setObjectName("overviewLoading")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.read_button = QPushButton(tr("overview.long.read"))
        self.read_button.setObjectName("overviewRead")
        self.read_button.clicked.connect(self.read.emit)
        self.read_button.setVisible(False)
        waiting = QWidget()
        waiting_layout = QVBoxLayout(waiting)
        waiting_layout.addStretch(1)
        waiting_layout.addWidget(self.placeholder)
        waiting_layout.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignHCenter)
        waiting_layout.addStretch(2)

        self.day = _scaled(_wrapping("overviewDay"), 1.2)
        self.next = _wrapping("overviewNext")
        self.write_button = QPushButton(tr("overview.next.write"))
        self.write_button.setObjectName("overviewWrite")
        self.write_button.clicked.connect(self._write_next)
        self.value = _scaled(_wrapping("overviewValue"), 2.0)
        self.value.setWordWrap(False)  # "4 hours 5 minutes" reads as one figure
        self.caption = _wrapping("overviewCaption")
        self.streak = _scaled(_wrapping("overviewStreak"), 1.0)
        self.satire_button = QPushButton(tr("overview.streak.satire"))
        self.satire_button.setObjectName("overviewSatire")
        self.satire_button.clicked.connect(lambda: self.write.emit("satire"))
        self.promises = QVBoxLayout()
        self.promises.setSpacing(8)

        next_row = QHBoxLayout()
        next_row.addWidget(self.next, 1)
        next_row.addWidget(self.write_button, 0, Qt.AlignmentFlag.AlignTop)
        figure_text = QVBoxLayout()
        figure_text.addWidget(self.caption)
        figure_text.addWidget(self.streak)
        figure_row = QHBoxLayout()
        figure_row.addWidget(self.value, 0, Qt.AlignmentFlag.AlignTop)
        figure_row.addSpacing(12)
        figure_row.addLayout(figure_text, 1)
        figure_row.addWidget(self.satire_button, 0, Qt.AlignmentFlag.AlignTop)

        body = QWidget()
        body.setObjectName("overview")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.day)
        layout.addSpacing(8)
        layout.addWidget(_section(tr("overview.next.title")))
        layout.addLayout(next_row)
        layout.addSpacing(8)
        layout.addWidget(_section(tr("overview.strongest.title")))
        layout.addLayout(figure_row)
        layout.addSpacing(8)
        layout.addWidget(_section(tr("overview.broken.title")))
        layout.addLayout(self.promises)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("overviewScroll")
        scroll.setAccessibleName(tr("overview.tab"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.addWidget(waiting)
        self.addWidget(scroll)

    def wait(self) -> None:
        """A quiet "reading…" until the case is read (never an empty pane)."""
        self.view = None
        self.placeholder.setText(tr("overview.loading"))
        self.read_button.setVisible(False)
        self.setCurrentIndex(0)

    def offer_reading(self) -> None:
        """A saga too long to read whole unasked: say so, and offer to read it."""
        if self.view is None:
            self.placeholder.setText(tr("overview.long.text"))
            self.read_button.setVisible(True)

    def show_overview(self, view: Lines | None) -> None:
        """Show the overview's lines (None: the placeholder)."""
        self.view = view
        if view is None:
            self.setCurrentIndex(0)
            return
        self.day.setText(view.day)
        self.next.setText(view.next)
        self.write_button.setVisible(view.letter is not None)
        self.value.setText(view.value)
        self.caption.setText(view.caption)
        self.streak.setText(view.streak or "")
        self.streak.setVisible(bool(view.streak))
        self.satire_button.setVisible(view.satire)
        self._show_promises(view)
        self.setCurrentIndex(1)

    def _show_promises(self, view: Lines) -> None:
        while self.promises.count():
            item = self.promises.takeAt(0)
            if item.widget() is not None:  # gone now: deleteLater waits for the event loop
                item.widget().hide()
                item.widget().deleteLater()
        if not view.broken:
            self.promises.addWidget(_wrapping("overviewNoBroken"))
            self.promises.itemAt(0).widget().setText(tr("overview.broken.none"))
            return
        for words, said in view.broken:
            what = _scaled(_wrapping("overviewPromise"), 1.0)
            what.setText(words)
            what.setStyleSheet(style("broken", self.palette()))
            detail = _wrapping("overviewPromiseDetail")
            detail.setText(said)
            box = QWidget()
            lines = QVBoxLayout(box)
            lines.setContentsMargins(0, 0, 0, 0)
            lines.setSpacing(2)
            lines.addWidget(what)
            lines.addWidget(detail)
            self.promises.addWidget(box)
        if view.earlier:
            earlier = _wrapping("overviewEarlier")
            earlier.setText(view.earlier)
            self.promises.addWidget(earlier)

    def _write_next(self) -> None:
        if self.view is not None and self.view.letter:
            self.write.emit(self.view.letter)


def _section(text: str) -> PlainLabel:
    """A section's title, small and bold."""
    label = _scaled(PlainLabel(text), 0.95)
    label.setObjectName("overviewSection")
    return label

"""Table columns that fit their view: one text column takes what the others leave."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

MIN_TEXT = 8
"""The text column keeps at least this many average characters before the others shrink."""
TEXT_SHARE = 0.3
"""...and at least this share of the view's width (unless the view says otherwise)."""


def font_widths(
    view: QTableView, columns: tuple[str, ...], samples: dict[str, str], skip: str, padding: int
) -> dict[int, int]:
    """Natural widths of ``view``'s columns from the font: the wider of a sample and the header.

    Measuring rows would visit every cell (a long saga, 500 cases); the samples are the
    longest texts a column can show. ``skip`` names the text column, sized by ``FitColumns``.
    """
    metrics = view.fontMetrics()
    model = view.model()
    widths = {}
    for column, key in enumerate(columns):
        if key == skip:
            continue
        header = str(model.headerData(column, Qt.Orientation.Horizontal))
        text = max(samples.get(key, ""), header, key=metrics.horizontalAdvance)
        widths[column] = metrics.horizontalAdvance(text) + padding
    return widths


class FitColumns(QObject):
    """Keeps ``view``'s columns inside its width: no sideways scrolling.

    Each other column has a natural width (from the font); when the view is too
    narrow for them and a readable text column, they shrink in proportion, and
    their cells are elided rather than hidden behind a scroll bar.
    """

    def __init__(
        self,
        view: QTableView,
        text_column: int,
        keep: tuple[int, ...] = (),
        text_share: float = TEXT_SHARE,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.text_column = text_column
        self.text_share = text_share
        """The share of the view the text column keeps before the others shrink."""
        self.keep = set(keep)
        """Columns that never shrink (a date or a count elided says nothing)."""
        self.natural: dict[int, int] = {}
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(text_column, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(view.fontMetrics().averageCharWidth() * 3)
        view.viewport().installEventFilter(self)

    def set_natural(self, widths: dict[int, int]) -> None:
        """The columns' widths when there is room (the text column excluded)."""
        self.natural = {c: w for c, w in widths.items() if c != self.text_column}
        self.fit()

    def fit(self) -> None:
        """Give the other columns their natural width, or a shrunk share when space is short."""
        if not self.natural:
            return
        width = self.view.viewport().width()
        text = max(
            self.view.fontMetrics().averageCharWidth() * MIN_TEXT, int(width * self.text_share)
        )
        kept = sum(w for c, w in self.natural.items() if c in self.keep)
        room = width - text - kept
        total = sum(w for c, w in self.natural.items() if c not in self.keep)
        scale = min(1.0, max(room, 0) / total) if total else 1.0
        floor = self.view.horizontalHeader().minimumSectionSize()
        for column, natural in self.natural.items():
            shrunk = max(min(floor, natural), int(natural * scale))
            self.view.setColumnWidth(column, natural if column in self.keep else shrunk)

    def needed_width(self) -> int:
        """The view's width at which no column shrinks: the text column keeps its share too."""
        others = sum(self.natural.values())
        text = max(
            self.view.fontMetrics().averageCharWidth() * MIN_TEXT,
            math.ceil(others * self.text_share / (1 - self.text_share)),
        )
        bar = self.view.verticalScrollBar().sizeHint().width()
        return others + text + bar + 2 * self.view.frameWidth()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


def table_defaults(view: QTableView) -> None:
    """Rows selected whole, one at a time, read-only, compact."""
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setHighlightSections(False)
    # A narrow column's title ends in "…" (its tooltip has it whole), not clipped at both ends.
    view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)


def timeline_samples() -> dict[str, str]:
    """The longest text each timeline column shows, in the interface language (its width)."""
    from datetime import datetime

    from plainte.core import i18n
    from plainte.core.i18n import tr
    from plainte.core.model import Channel

    late = datetime(2026, 9, 28, 12, 59)  # a long month and a long time
    return {
        "at": i18n.format_date_short(late) + ", " + i18n.format_time(late),
        "channel": "      " + max((tr(f"channel.{c.value}") for c in Channel), key=len),
        "direction": tr("gui.timeline.out") + " ✗",
        "counterpart": "Dominique",
        "reference": "INC-20498",
        "wait": "",
    }

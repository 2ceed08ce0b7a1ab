"""The case dialog's "What I want" page: the case's ``wants``, which every letter asks for.

Each row is one thing asked for: its kind, an amount in the case's currency,
a date to do it by, and words of the person's own (for "something else").
Left empty, the letters ask what the case's problem calls for.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plainte.core.i18n import tr
from plainte.core.model import WANT_KINDS, Case, Want, parse_when
from plainte.gui.widgets import PlainLabel

COLUMNS = ("kind", "amount", "by", "text")


class WantsPage(QWidget):
    """What the person asks for, row by row; :meth:`values` gives the model's ``wants``."""

    def __init__(self, case: Case | None) -> None:
        super().__init__()
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(f"gui.wants.{c}") for c in COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 170)  # the person's own words get the room
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(tr("gui.wants.title"))
        for want in case.wants if case else []:
            self.add_want(want)
        add = QPushButton(tr("gui.wants.add"))
        add.clicked.connect(lambda: self.add_want(None))
        remove = QPushButton(tr("gui.event_dialog.remove"))
        remove.clicked.connect(self.remove_want)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(buttons)
        hint = PlainLabel(tr("gui.wants.hint"))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(hint)

    def add_want(self, want: Want | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = QComboBox()
        for value in WANT_KINDS:
            kind.addItem(tr(f"remedies.want.{value}"), value)
        kind.setAccessibleName(tr("gui.wants.kind"))
        if want is not None:
            kind.setCurrentIndex(max(0, kind.findData(want.kind)))
        self.table.setCellWidget(row, 0, kind)
        amount = "" if want is None or want.amount is None else f"{want.amount:.2f}"
        by = want.by.text if want is not None and want.by else ""
        text = want.text or "" if want is not None else ""
        for column, value in ((1, amount), (2, by), (3, text)):
            self.table.setItem(row, column, QTableWidgetItem(value))

    def remove_want(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def values(self) -> list[Want]:
        """The wants as typed. Raises ValueError, worded for the person, on a bad amount or date."""
        wants = []
        for row in range(self.table.rowCount()):
            kind = self.table.cellWidget(row, 0).currentData()
            amount_text, by_text, text = (self._cell(row, c) for c in (1, 2, 3))
            try:
                amount = float(amount_text.replace(",", ".")) if amount_text else None
            except ValueError:
                raise ValueError(tr("gui.wants.bad_amount", value=amount_text)) from None
            if amount is not None and not 0 <= amount < 10_000_000:
                raise ValueError(tr("gui.wants.bad_amount", value=amount_text))
            try:
                by = parse_when(by_text) if by_text else None
            except ValueError:
                raise ValueError(tr("gui.case_fields.bad_day", value=by_text)) from None
            if by is not None and by.has_time:
                raise ValueError(tr("gui.case_fields.bad_day", value=by_text))
            wants.append(Want(kind, amount, by, text or None))
        return wants

    def validate(self) -> str | None:
        try:
            self.values()
        except ValueError as exc:
            return str(exc)
        return None

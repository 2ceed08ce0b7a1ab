"""The promises panel: what was promised, by when; overdue ones stand out; one click to close."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.core.model import Case
from plainte.core.promises import LedgerEntry, ledger
from plainte.gui.colors import status_color
from plainte.gui.rows_model import Index, RowsModel
from plainte.gui.widgets import PlainLabel


class PromisesModel(RowsModel):
    COLUMNS = ("text", "who", "promised_on", "due", "state")
    HEADER = "gui.promises"

    @property
    def entries(self) -> list[LedgerEntry]:
        return self.rows

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "text":
                return entry.promise.text
            if column == "who":
                return entry.who or ""
            if column == "promised_on":
                return i18n.format_date_short(entry.event.at.day)
            if column == "due":
                return i18n.format_date_short(entry.promise.due.day) if entry.promise.due else "—"
            return tr(f"promise_status.{entry.state}")
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return entry.promise.text
        if entry.state in ("overdue", "broken"):  # a broken promise looks broken, not plain
            if role == Qt.ItemDataRole.ForegroundRole and column in ("due", "state"):
                return status_color(entry.state)
            if role == Qt.ItemDataRole.FontRole and column in ("state", "text"):
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(column == "state")
                font.setStrikeOut(entry.state == "broken" and column == "text")
                return font
        return None


class PromisesPanel(QWidget):
    """Lists the case's promises; ``mark`` asks to set one kept or broken."""

    mark = Signal(str, str)  # promise id, "kept" | "broken"

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = PromisesModel(self)
        self.view = QTableView()
        self.view.setObjectName("promisesTable")
        self.view.setAccessibleName(tr("gui.tabs.promises"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # sized from the first and shown rows, not all: 2,000 promises held the window 0.3 s
        header.setResizeContentsPrecision(100)
        self.summary = PlainLabel()
        self.summary.setWordWrap(True)
        self.kept = QPushButton(tr("gui.promises.mark_kept"))
        self.broken = QPushButton(tr("gui.promises.mark_broken"))
        self.kept.clicked.connect(lambda: self._mark("kept"))
        self.broken.clicked.connect(lambda: self._mark("broken"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.kept)
        buttons.addWidget(self.broken)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self._update()

    def show_case(self, case: Case | None, today: date) -> None:
        entries = ledger(case, today) if case else []
        self.model.replace(entries)
        overdue = sum(e.state == "overdue" for e in entries)
        if not entries:
            self.summary.setText(tr("gui.promises.empty"))
        else:
            self.summary.setText(
                tr(
                    "gui.promises.summary",
                    total=len(entries),
                    overdue=overdue,
                    broken=sum(e.is_broken for e in entries),
                )
            )
        self._update()

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def _selected(self) -> LedgerEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    def _update(self, *_args) -> None:
        entry = self._selected()
        open_ = entry is not None and entry.state in ("pending", "overdue")
        self.kept.setEnabled(entry is not None and entry.state != "kept")
        self.broken.setEnabled(open_)

    def _mark(self, status: str) -> None:
        entry = self._selected()
        if entry is not None:
            self.mark.emit(entry.promise.id, status)

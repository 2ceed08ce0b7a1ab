"""The case list: one row per case, read from the store's summaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from plainte.core.i18n import tr
from plainte.core.model import CaseStatus, CaseSummary
from plainte.gui.columns import font_widths
from plainte.gui.rows_model import Index, RowsModel
from plainte.gui.widgets import shown


class CaseListModel(RowsModel):
    """Provider, title, status, days running, broken promises."""

    COLUMNS = ("provider", "title", "status", "days", "broken")
    HEADER = "gui.cases"
    CaseIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._today = date.today()
        self._reads = 0  # of the rows read off the GUI thread (the latest one shows)

    def set_cases(self, rows: list[CaseSummary], today: date) -> None:
        """Replace the rows (after a change in the store)."""
        self._today = today
        self.replace(rows)

    def update_cases(self, rows: list[CaseSummary]) -> bool:
        """Show these cases' new summaries in their rows; False when one would move or is new
        (then the list is read again)."""
        places = {summary.id: row for row, summary in enumerate(self.rows)}
        for summary in rows:
            row = places.get(summary.id)
            if row is None or self.rows[row].title != summary.title:
                return False
        for summary in rows:
            row = places[summary.id]
            self.rows[row] = summary
            last = self.index(row, len(self.COLUMNS) - 1)
            self.dataChanged.emit(self.index(row, 0), last)
        return True

    def update_apart(self, path: Path, today: date, case_ids: list[str], again) -> None:
        """:meth:`update_cases` with these cases' summaries read off the GUI thread, or
        ``again()`` to read the whole list when that is not enough. The latest read shows.

        Counting a long case's broken promises is SQLite's work (up to 300 ms at a
        million events), not the window's.
        """
        from functools import partial

        from shiboken6 import isValid

        from plainte.gui.worker import run_in_background

        self._reads += 1
        n = self._reads

        def shown(rows: list[CaseSummary]) -> None:
            if not isValid(self) or n != self._reads:
                return
            if len(rows) != len(case_ids) or not self.update_cases(rows):
                again()

        run_in_background(partial(read_apart, path, today, case_ids), shown)

    def case_id(self, row: int) -> str:
        return self.rows[row].id

    def row_of(self, case_id: str) -> int:
        for row, summary in enumerate(self.rows):
            if summary.id == case_id:
                return row
        return -1

    def data(self, index: Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        summary = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == self.CaseIdRole:
            return summary.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "provider":
                return summary.provider
            if column == "title":
                return summary.title
            if column == "status":
                return tr(f"status.{summary.status.value}")
            if column == "days":
                return self._days(summary)
            if column == "broken":
                return summary.promises_broken
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return shown(summary.title)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("days", "broken"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _days(self, summary: CaseSummary) -> int | None:
        if summary.first_day is None:
            return None
        end = self._today
        if summary.status is not CaseStatus.OPEN and summary.last_day:
            end = min(end, summary.last_day)
        return max(0, (end - summary.first_day).days)


def natural_widths(view) -> dict[int, int]:
    """Column widths from the font and the headers, not from the rows (500 cases cost)."""
    samples = {
        "provider": "Examplecom Mobile",
        "status": max((tr(f"status.{s.value}") for s in CaseStatus), key=len),
        "days": "9999",
        "broken": "99",
    }
    return font_widths(view, CaseListModel.COLUMNS, samples, skip="title", padding=20)


def read_apart(path: Path, today: date, case_ids: list[str] | None = None) -> list[CaseSummary]:
    """The case list (or the rows of ``case_ids``) read over a connection of its own, in a
    worker thread.

    Counting a long case's broken promises is SQLite's work, which lets the
    window run meanwhile: on the GUI thread it held it for hundreds of
    milliseconds at a million events.
    """
    from plainte.core import timeline
    from plainte.core.store import Store

    store = Store(path, timeline.reader(path), read_only=True)
    try:
        return store.list_cases(today, count_events=False, case_ids=case_ids)
    finally:
        store.close()

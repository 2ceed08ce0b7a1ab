"""The shape every table model of the app shares: a list of rows and named columns."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from plainte.core.i18n import tr

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """Rows in ``self.rows``; columns named by ``COLUMNS``, headed by ``HEADER.<column>``."""

    COLUMNS: tuple[str, ...] = ()
    HEADER = ""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []

    def replace(self, rows: list) -> None:
        """Show ``rows`` instead (one model reset)."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)  # whole when elided
        if orientation == Qt.Orientation.Horizontal and role in shown:
            return tr(f"{self.HEADER}.{self.COLUMNS[section]}")
        return None

"""The floor of start-up: plainte's first screen built with PySide6 and sqlite3 only.

Usage: python benchmarks/floor.py DATA_DIR [bare]

The same widget tree as plainte's main window (menus, quick-log toolbar, case
list, case header, four tabs, timeline with its filters, status bar) over the
same rows read from the same store, with no plainte code: what any Qt app
showing this screen pays. ``bare`` shows an empty window instead. Both report
through ``plainte.gui.probe`` (measuring code only), like the app, at their first painted frame.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from plainte.gui import probe  # measuring only: reports the first frame like the app


class Rows(QAbstractTableModel):
    """A list of tuples as a table."""

    def __init__(self, rows: list[tuple], headers: list[str]) -> None:
        super().__init__()
        self.rows, self.headers = rows, headers

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.rows[index.row()][index.column()]
            return "" if value is None else str(value)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def table(model: Rows) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


def build(data_dir: Path) -> QMainWindow:
    conn = sqlite3.connect(data_dir / "plainte.sqlite")
    cases = conn.execute(
        "SELECT c.provider, c.title, c.status, count(e.rowid), 0 FROM cases c"
        " LEFT JOIN events e ON e.case_id = c.id GROUP BY c.id"
        " ORDER BY c.title COLLATE NOCASE, c.id"
    ).fetchall()
    first = conn.execute("SELECT id FROM cases ORDER BY title COLLATE NOCASE, id").fetchone()
    events = conn.execute(
        "SELECT at, channel, direction, summary, counterpart, reference, wait_minutes"
        " FROM events WHERE case_id = ? ORDER BY sort_at, rowid LIMIT 64",
        (first[0] if first else "",),
    ).fetchall()
    window = QMainWindow()
    window.setWindowTitle("floor")
    window.resize(1280, 780)
    actions = [QAction(f"Action {n}", window) for n in range(27)]
    bar = window.menuBar()
    for n, name in enumerate(("File", "Edit", "Saga", "Language")):
        menu = bar.addMenu(name)
        for action in actions[n * 6 : n * 6 + 6]:
            menu.addAction(action)
    tools = QToolBar("quick log")
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for action in actions[:7]:
        tools.addAction(action)
    window.addToolBar(tools)
    case_view = table(Rows(cases, ["Provider", "Title", "Status", "Days", "Broken"]))
    case_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    case_view.selectRow(0)
    columns = ["When", "Channel", "Direction", "Summary", "Agent", "Reference", "Wait"]
    timeline = table(Rows(events, columns))
    timeline.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    filters = QHBoxLayout()
    channel = QComboBox()
    channel.addItems(["All channels", "Phone", "E-mail", "Chat", "Social", "Letter", "Store"])
    search = QLineEdit()
    search.setPlaceholderText("Search")
    search.setClearButtonEnabled(True)
    filters.addWidget(channel)
    filters.addWidget(search, 1)
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addLayout(filters)
    layout.addWidget(timeline, 1)
    promises = QWidget()
    promises_layout = QVBoxLayout(promises)
    promises_layout.addWidget(table(Rows([], ["Promise", "Due", "Status"])))
    promises_layout.addWidget(QLabel())
    for text in ("Kept", "Broken"):
        promises_layout.addWidget(QPushButton(text))
    ladder = QWidget()
    ladder_layout = QVBoxLayout(ladder)
    for _ in range(2):
        ladder_layout.addWidget(QLabel())
    for text in ("Write", "Pack"):
        ladder_layout.addWidget(QPushButton(text))
    dashboard = QWidget()
    dashboard_layout = QVBoxLayout(dashboard)
    for n in range(10):
        dashboard_layout.addWidget(QLabel(f"figure {n}"))
    tabs = QTabWidget()
    for widget, name in ((page, "Timeline"), (promises, "Promises"), (ladder, "Ladder")):
        tabs.addTab(widget, name)
    tabs.addTab(dashboard, "Figures")
    title = QLabel(f"{cases[0][0]} — {cases[0][1]}" if cases else "")
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    title.setFont(font)
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.addWidget(title)
    right_layout.addWidget(QLabel(""))
    right_layout.addWidget(tabs, 1)
    splitter = QSplitter()
    splitter.addWidget(case_view)
    splitter.addWidget(right)
    splitter.setSizes([340, 940])
    pages = QStackedWidget()
    pages.addWidget(QWidget())
    pages.addWidget(splitter)
    pages.setCurrentIndex(1)
    window.setCentralWidget(pages)
    window.statusBar().showMessage("A tip")
    conn.close()
    return window


def main() -> int:
    app = QApplication(sys.argv[:1])
    if len(sys.argv) > 2 and sys.argv[2] == "bare":
        window = QWidget()
        window.resize(1280, 780)
    else:
        window = build(Path(sys.argv[1]))
    probe.install(app, window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())

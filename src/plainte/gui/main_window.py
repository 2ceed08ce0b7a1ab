"""The main window: the case list on the left, the selected case's timeline on the right."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QVBoxLayout,
    QWidget,
)

from plainte.core import i18n
from plainte.core.i18n import tr
from plainte.core.model import Channel
from plainte.core.stats import compute
from plainte.core.store import Store
from plainte.gui.case_list_model import CaseListModel
from plainte.gui.store_bridge import StoreBridge
from plainte.gui.timeline_model import TimelineModel


class TimelineFilter(QSortFilterProxyModel):
    """Keeps the events of one channel (or all) whose texts hold the search words."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._channel: str | None = None
        self._needle = ""

    def set_channel(self, channel: str | None) -> None:
        self._refilter(lambda: setattr(self, "_channel", channel))

    def set_needle(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_needle", text.casefold().strip()))

    def _refilter(self, change) -> None:
        """Apply ``change`` to the criteria and filter again (Qt 6.10 API when there)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        model: TimelineModel = self.sourceModel()  # type: ignore[assignment]
        event = model.event(row)
        if self._channel and event.channel.value != self._channel:
            return False
        if not self._needle:
            return True
        texts = (
            event.summary,
            event.counterpart,
            event.reference,
            *(p.text for p in event.promises),
        )
        return any(self._needle in t.casefold() for t in texts if t)


class MainWindow(QMainWindow):
    """The case list and the selected case's timeline (read-only for now)."""

    def __init__(self, store: Store, today: date) -> None:
        super().__init__()
        self.store = store
        self.today = today
        self.bridge = StoreBridge(store, self)
        self.bridge.changed.connect(self._on_store_changed)
        self.setWindowTitle("plainte")
        self.resize(1200, 720)

        self.cases = CaseListModel(self)
        self.case_view = QTableView()
        self.case_view.setModel(self.cases)
        self.case_view.setObjectName("caseList")
        self._table_defaults(self.case_view)
        case_header = self.case_view.horizontalHeader()
        case_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        case_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.case_view.selectionModel().selectionChanged.connect(self._on_case_selected)

        self.timeline = TimelineModel(self)
        self.filter = TimelineFilter(self)
        self.filter.setSourceModel(self.timeline)
        self.timeline_view = QTableView()
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setModel(self.filter)
        self._table_defaults(self.timeline_view)
        header = self.timeline_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(
            TimelineModel.COLUMNS.index("summary"), QHeaderView.ResizeMode.Stretch
        )

        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.figures = QLabel()
        self.figures.setObjectName("caseFigures")
        self.figures.setWordWrap(True)
        self.channel_box = QComboBox()
        self.channel_box.setAccessibleName(tr("gui.filter.channel"))
        self.channel_box.addItem(tr("gui.filter.all_channels"), None)
        for channel in Channel:
            self.channel_box.addItem(tr(f"channel.{channel.value}"), channel.value)
        self.channel_box.currentIndexChanged.connect(
            lambda: self.filter.set_channel(self.channel_box.currentData())
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("gui.filter.search"))
        self.search.setAccessibleName(tr("gui.filter.search"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter.set_needle)

        filters = QHBoxLayout()
        filters.addWidget(self.channel_box)
        filters.addWidget(self.search, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.figures)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.timeline_view, 1)

        splitter = QSplitter()
        splitter.addWidget(self.case_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([470, 830])

        self.empty = self._empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(splitter)
        self.setCentralWidget(self.pages)
        self._menus()
        self.refresh_cases()

    def _table_defaults(self, view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setHighlightSections(False)

    def _empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName("emptyState")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        headline = QLabel(tr("gui.empty.headline"))
        headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        headline.setFont(font)
        body = QLabel(tr("gui.empty.body"))
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setWordWrap(True)
        self.demo_button = QPushButton(tr("gui.empty.demo"))
        self.demo_button.clicked.connect(self.load_demo)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.demo_button)
        row.addStretch(1)
        layout.addWidget(headline)
        layout.addWidget(body)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("gui.menu.file"))
        demo = QAction(tr("gui.menu.demo"), self)
        demo.triggered.connect(self.load_demo)
        file_menu.addAction(demo)
        file_menu.addSeparator()
        quit_action = QAction(tr("gui.menu.quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.search.setFocus)
        self.addAction(find)

    def load_demo(self) -> None:
        """Load the demo sagas (twice changes nothing)."""
        from plainte.core.demo import demo_files
        from plainte.core.sagafile import read_saga

        cases = [c for f in demo_files() for c in read_saga(f).cases]
        self.store.import_cases(cases)

    def refresh_cases(self) -> None:
        """Re-read the case list, keeping the selection."""
        current = self.current_case_id()
        self.cases.set_cases(self.store.list_cases(self.today), self.today)
        self.pages.setCurrentIndex(1 if self.cases.rowCount() else 0)
        row = self.cases.row_of(current) if current else -1
        if row < 0 and self.cases.rowCount():
            row = 0
        if row >= 0:
            self.case_view.selectRow(row)
            self.show_case(self.cases.case_id(row))

    def current_case_id(self) -> str | None:
        rows = self.case_view.selectionModel().selectedRows()
        return self.cases.case_id(rows[0].row()) if rows else None

    def _on_case_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_case(self.cases.case_id(indexes[0].row()))

    def show_case(self, case_id: str) -> None:
        """Show the timeline and figures of ``case_id``."""
        case = self.store.load_case(case_id)
        self.timeline.set_case(case)
        stretched = TimelineModel.COLUMNS.index("summary")
        for column in range(self.timeline.columnCount()):
            if column != stretched:
                self.timeline_view.resizeColumnToContents(column)
        stats = compute(case, self.today)
        self.title.setText(f"{case.provider} — {case.title}")
        self.figures.setText(
            tr(
                "gui.figures",
                days=stats.days,
                since=i18n.format_date(stats.first_day) if stats.first_day else "—",
                contacts=stats.contacts_out + stats.contacts_in,
                unanswered=stats.unanswered,
                wait=stats.wait_minutes,
                broken=stats.promises_broken,
                promises=stats.promises,
            )
        )

    def _on_store_changed(self, _kind: str, _case_ids: list[str]) -> None:
        self.refresh_cases()

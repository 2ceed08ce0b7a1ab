"""The main window: cases on the left; the selected case's timeline, promises, ladder, figures."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QItemSelection, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from plainte.core import i18n
from plainte.core.editor import Editor
from plainte.core.errors import PlainteError
from plainte.core.i18n import tr
from plainte.core.model import (
    Case,
    CaseStatus,
    Channel,
    Direction,
    Event,
    Promise,
    PromiseStatus,
    parse_typed_when,
)
from plainte.core.stats import compute
from plainte.core.store import Store
from plainte.gui import commands, settings
from plainte.gui.case_list_model import CaseListModel
from plainte.gui.store_bridge import StoreBridge
from plainte.gui.timeline_model import TimelineModel
from plainte.gui.worker import run_in_background


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


def _now(today: date) -> datetime:
    """Now, on the app's "today" (which tests and demos may set)."""
    moment = datetime.now().replace(second=0, microsecond=0)
    return moment if moment.date() == today else datetime.combine(today, moment.time())


class MainWindow(QMainWindow):
    """Everything a person does with plainte starts here."""

    def __init__(
        self, store: Store, today: date, prefs: settings.Preferences | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.editor = Editor(store)
        self.today = today
        self.prefs = prefs or settings.Preferences()
        self.case: Case | None = None
        self.last_channel = Channel.PHONE
        self._ladders = None
        self._composer = None
        self.undo_stack = QUndoStack(self)
        commands._Command.report = self._report
        self.bridge = StoreBridge(store, self)
        self.bridge.changed.connect(self._on_store_changed)
        self.call_window = None
        self.setWindowTitle("plainte")
        self.resize(1280, 780)
        self._build()
        QTimer.singleShot(300, self._warm_up)

    @property
    def ladders(self):
        """The ladders in force, read on first use (not at start-up)."""
        if self._ladders is None:
            from plainte.core.ladder import load_ladders

            self._ladders = load_ladders(self.store.data_dir / "ladders")
            for problem in self._ladders.problems:
                self.statusBar().showMessage(str(problem))
        return self._ladders

    @property
    def composer(self):
        """The letter composer (Jinja2 is imported on first use, not at start-up)."""
        from plainte.core.compose import Composer

        if self._composer is None:
            self._composer = Composer(self.ladders, self.store.data_dir / "templates")
        return self._composer

    # Building (again, on a language switch) -------------------------------------------

    def _build(self) -> None:
        """Create every widget and menu in the interface language."""
        self.menuBar().clear()
        for action in getattr(self, "_owned", []):  # the previous language's actions
            self.removeAction(action)
            action.deleteLater()
        for bar in self.findChildren(QToolBar):
            self.removeToolBar(bar)
            bar.deleteLater()
        self.cases = CaseListModel(self)
        self.case_view = QTableView()
        self.case_view.setObjectName("caseList")
        self.case_view.setAccessibleName(tr("gui.a11y.cases"))
        self.case_view.setModel(self.cases)
        self._table_defaults(self.case_view)
        case_header = self.case_view.horizontalHeader()
        case_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        case_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.case_view.selectionModel().selectionChanged.connect(self._on_case_selected)
        self.case_view.doubleClicked.connect(lambda _i: self.edit_case())

        self.timeline = TimelineModel(self)
        self._sized = None  # a new view: its columns are sized again
        self.filter = TimelineFilter(self)
        self.filter.setSourceModel(self.timeline)
        self.timeline_view = QTableView()
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setAccessibleName(tr("gui.a11y.timeline"))
        self.timeline_view.setModel(self.filter)
        self._table_defaults(self.timeline_view)
        header = self.timeline_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(
            TimelineModel.COLUMNS.index("summary"), QHeaderView.ResizeMode.Stretch
        )
        self.timeline_view.doubleClicked.connect(lambda _i: self.edit_event())

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
        timeline_page = QWidget()
        timeline_layout = QVBoxLayout(timeline_page)
        timeline_layout.setContentsMargins(0, 6, 0, 0)
        timeline_layout.addLayout(filters)
        timeline_layout.addWidget(self.timeline_view, 1)

        from plainte.gui.dashboard import Dashboard
        from plainte.gui.ladder_panel import LadderPanel
        from plainte.gui.promises_panel import PromisesPanel

        self.promises_panel = PromisesPanel()
        self.promises_panel.mark.connect(self.mark_promise)
        self.ladder_panel = LadderPanel()
        self.ladder_panel.write.connect(self.compose)
        self.ladder_panel.pack.connect(lambda: self.export("pack"))
        self.dashboard = Dashboard()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setAccessibleName(tr("gui.a11y.tabs"))
        self.tabs.addTab(timeline_page, tr("gui.tabs.timeline"))
        self.tabs.addTab(self.promises_panel, tr("gui.tabs.promises"))
        self.tabs.addTab(self.ladder_panel, tr("gui.tabs.ladder"))
        self.tabs.addTab(self.dashboard, tr("gui.tabs.dashboard"))
        self.tabs.currentChanged.connect(self._fill_tab)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.figures)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self.case_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 940])

        self.empty = self._empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(splitter)
        old = self.centralWidget()
        self.setCentralWidget(self.pages)
        if old is not None:
            old.deleteLater()
        self._actions()
        self._menus()
        self._toolbar()
        self.statusBar().showMessage(random.choice(i18n.lookup("gui.tips")))
        self.refresh_cases()

    def _table_defaults(self, view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTabKeyNavigation(False)
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
        headline.setObjectName("emptyHeadline")
        headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        headline.setFont(font)
        body = QLabel(tr("gui.empty.body"))
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setWordWrap(True)
        self.new_button = QPushButton(tr("gui.empty.new"))
        self.new_button.clicked.connect(self.new_case)
        self.demo_button = QPushButton(tr("gui.empty.demo"))
        self.demo_button.clicked.connect(self.load_demo)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.new_button)
        row.addWidget(self.demo_button)
        row.addStretch(1)
        layout.addWidget(headline)
        layout.addWidget(body)
        layout.addSpacing(12)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _action(self, key: str, slot, shortcut=None) -> QAction:
        action = QAction(tr(f"gui.actions.{key}"), self)
        action.setObjectName(key)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _actions(self) -> None:
        a = self._action
        self.acts = {
            "new_case": a("new_case", self.new_case, QKeySequence.StandardKey.New),
            "edit_case": a("edit_case", self.edit_case, "Ctrl+Shift+E"),
            "delete_case": a("delete_case", self.delete_case),
            "import": a("import", self.import_files, QKeySequence.StandardKey.Open),
            "export_json": a("export_json", lambda: self.export("json")),
            "export_csv": a("export_csv", lambda: self.export("csv")),
            "export_html": a("export_html", lambda: self.export("html")),
            "export_pdf": a("export_pdf", lambda: self.export("pdf"), "Ctrl+P"),
            "export_ics": a("export_ics", lambda: self.export("ics")),
            "export_png": a("export_png", lambda: self.export("png")),
            "export_pack": a("export_pack", lambda: self.export("pack")),
            "history": a("history", self.show_history, "Ctrl+H"),
            "demo": a("demo", self.load_demo),
            "settings": a("settings", self.open_settings, "Ctrl+,"),
            "quit": a("quit", self.close, QKeySequence.StandardKey.Quit),
            "new_event": a("new_event", self.new_event, "Ctrl+E"),
            "edit_event": a("edit_event", self.edit_event, "Return"),
            "delete_event": a("delete_event", self.delete_event, QKeySequence.StandardKey.Delete),
            "they_called": a("they_called", self.log_they_called, "Ctrl+1"),
            "i_called": a("i_called", self.log_i_called, "Ctrl+2"),
            "email_sent": a("email_sent", self.log_email_sent, "Ctrl+3"),
            "promise_made": a("promise_made", self.log_promise, "Ctrl+4"),
            "on_call": a("on_call", self.on_a_call, "Ctrl+T"),
            "compose": a("compose", lambda: self.compose(None), "Ctrl+L"),
            "switch": a("switch", self.switch_assistant),
            "find": a("find", self.search.setFocus, QKeySequence.StandardKey.Find),
        }
        self.acts["edit_event"].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.timeline_view.addAction(self.acts["edit_event"])
        self.acts["delete_event"].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.timeline_view.addAction(self.acts["delete_event"])
        self.undo_action = self.undo_stack.createUndoAction(self, tr("gui.actions.undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, tr("gui.actions.redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.languages = {}
        for lang, name in (("fr", "Français"), ("en", "English")):
            action = QAction(name, self)
            action.setCheckable(True)
            action.setChecked(lang == i18n.language())
            action.triggered.connect(lambda _c=False, code=lang: self.set_language(code))
            self.languages[lang] = action
        self.addAction(self.acts["find"])
        self._owned = [
            *self.acts.values(),
            self.undo_action,
            self.redo_action,
            *self.languages.values(),
        ]

    def _menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("gui.menu.file"))
        for key in ("new_case", "import"):
            file_menu.addAction(self.acts[key])
        export = file_menu.addMenu(tr("gui.menu.export"))
        for key in (
            "export_pdf",
            "export_html",
            "export_pack",
            "export_png",
            "export_ics",
            "export_json",
            "export_csv",
        ):
            export.addAction(self.acts[key])
        file_menu.addAction(self.acts["demo"])
        file_menu.addSeparator()
        file_menu.addAction(self.acts["settings"])
        file_menu.addSeparator()
        file_menu.addAction(self.acts["quit"])
        edit = bar.addMenu(tr("gui.menu.edit"))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        for key in (
            "new_event",
            "edit_event",
            "delete_event",
            "history",
            "edit_case",
            "delete_case",
        ):
            edit.addAction(self.acts[key])
        saga = bar.addMenu(tr("gui.menu.saga"))
        for key in ("they_called", "i_called", "email_sent", "promise_made"):
            saga.addAction(self.acts[key])
        saga.addSeparator()
        for key in ("on_call", "compose", "switch"):
            saga.addAction(self.acts[key])
        view = bar.addMenu(tr("gui.menu.language"))
        for action in self.languages.values():
            view.addAction(action)

    def _toolbar(self) -> None:
        bar = QToolBar(tr("gui.toolbar"))
        bar.setObjectName("quickLog")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key in ("they_called", "i_called", "email_sent", "promise_made"):
            bar.addAction(self.acts[key])
        bar.addSeparator()
        for key in ("on_call", "compose", "switch"):
            bar.addAction(self.acts[key])
        for action in bar.actions():
            if action.shortcut().toString():
                action.setToolTip(f"{action.text()} ({action.shortcut().toString()})")
        self.addToolBar(bar)
        self.quick_bar = bar

    # Reading ---------------------------------------------------------------------

    def refresh_cases(self) -> None:
        """Re-read the case list, keeping the selection."""
        current = self.case.id if self.case else None
        self.cases.set_cases(self.store.list_cases(self.today), self.today)
        has_cases = self.cases.rowCount() > 0
        self.pages.setCurrentIndex(1 if has_cases else 0)
        row = self.cases.row_of(current) if current else -1
        if row < 0 and has_cases:
            row = 0
        if row >= 0:
            self.case_view.selectRow(row)
            self.show_case(self.cases.case_id(row))
        else:
            self.show_case(None)
        self._update_actions()

    def current_case_id(self) -> str | None:
        return self.case.id if self.case else None

    def _on_case_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            case_id = self.cases.case_id(indexes[0].row())
            if not self.case or case_id != self.case.id:
                self.show_case(case_id)

    def show_case(self, case_id: str | None) -> None:
        """Show the timeline, promises, ladder and figures of ``case_id``."""
        self.case = self.store.load_case(case_id) if case_id else None
        case = self.case
        self.timeline.set_case(case, self.store.amended(case_id) if case_id else None)
        if case is None:
            self.title.setText("")
            self.figures.setText("")
            self.promises_panel.show_case(None, self.today)
            self.ladder_panel.show_state(None, "en")
            self.dashboard.show_case(None, self.today)
            return
        if case.events:
            self.last_channel = case.events[-1].channel
        self._size_timeline_columns()
        self.title.setText(f"{case.provider} — {case.title}")
        self.figures.setText("")
        self._stale_tabs = {1, 2, 3}
        # the rows paint first; the figures of a long saga follow a moment later
        QTimer.singleShot(0, lambda case=case: self._show_figures(case))
        self._fill_tab(self.tabs.currentIndex())
        self._update_actions()

    def _show_figures(self, case: Case) -> None:
        if case is not self.case:
            return
        stats = compute(case, self.today)
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

    def _fill_tab(self, index: int) -> None:
        """Fill a case tab when it is shown: start-up and a long saga pay only for the timeline."""
        if index not in getattr(self, "_stale_tabs", ()) or self.case is None:
            return
        self._stale_tabs.discard(index)
        case = self.case
        if index == 1:
            self.promises_panel.show_case(case, self.today)
        elif index == 2:
            from plainte.core.ladder import evaluate

            ladder = self.ladders.for_case(case)
            # the panel speaks the interface's language; letters keep the case's own
            self.ladder_panel.show_state(evaluate(ladder, case, self.today), i18n.language())
        elif index == 3:
            self.dashboard.show_case(case, self.today)

    def _size_timeline_columns(self) -> None:
        """Column widths from the font, not from the rows: measuring a long saga costs."""
        if getattr(self, "_sized", None) == i18n.language():
            return
        self._sized = i18n.language()
        metrics = self.timeline_view.fontMetrics()
        model = self.timeline
        samples = {
            "at": i18n.format_date_short(date(2026, 9, 28)) + ", 12:59 pm",
            "channel": "      " + max((tr(f"channel.{c.value}") for c in Channel), key=len),
            "direction": tr("gui.timeline.out") + " ✗",
            "counterpart": "Dominique",
            "reference": "INC-20498",
            "wait": "",
        }
        for column, key in enumerate(model.COLUMNS):
            if key == "summary":
                continue
            header = str(model.headerData(column, Qt.Orientation.Horizontal))
            text = max(samples.get(key, ""), header, key=metrics.horizontalAdvance)
            self.timeline_view.setColumnWidth(column, metrics.horizontalAdvance(text) + 24)

    def _update_actions(self) -> None:
        has_case = self.case is not None
        for key in (
            "edit_case",
            "delete_case",
            "new_event",
            "edit_event",
            "delete_event",
            "they_called",
            "i_called",
            "email_sent",
            "promise_made",
            "on_call",
            "compose",
            "switch",
            "export_json",
            "export_csv",
        ):
            self.acts[key].setEnabled(has_case)

    def _on_store_changed(self, _kind: str, _case_ids: list[str]) -> None:
        self.refresh_cases()

    def selected_event(self) -> Event | None:
        rows = self.timeline_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.timeline.event(self.filter.mapToSource(rows[0]).row())

    def _report(self, error: Exception) -> None:
        QMessageBox.warning(self, "plainte", str(error))

    def _warm_up(self) -> None:
        """Load langdetect's profiles in the background, so no window waits for them."""
        from plainte.core.language import warm_up

        run_in_background(warm_up, lambda _r: None, lambda _e: None)

    # Cases -----------------------------------------------------------------------

    def new_case(self) -> Case | None:
        from plainte.gui.case_dialog import CaseDialog

        dialog = CaseDialog(self, None, self.prefs)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        case = dialog.case()
        self.undo_stack.push(commands.SaveCase(self.editor, case, tr("gui.undo.new_case")))
        self.case_view.selectRow(self.cases.row_of(case.id))
        return case

    def edit_case(self) -> None:
        from plainte.gui.case_dialog import CaseDialog

        if not self.case:
            return
        dialog = CaseDialog(self, self.case, self.prefs)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.undo_stack.push(
                commands.SaveCase(self.editor, dialog.case(), tr("gui.undo.edit_case"))
            )

    def delete_case(self) -> None:
        if not self.case:
            return
        answer = QMessageBox.question(
            self, tr("gui.confirm.title"), tr("gui.confirm.delete_case", title=self.case.title)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.push(
                commands.DeleteCase(self.editor, self.case.id, tr("gui.undo.delete_case"))
            )
            self.statusBar().showMessage(tr("gui.status.undo_hint"))

    def load_demo(self) -> None:
        """Load the demo sagas (twice changes nothing)."""
        from plainte.core.demo import demo_files
        from plainte.core.sagafile import read_saga

        cases = [c for f in demo_files() for c in read_saga(f).cases]
        self.store.import_cases(cases)

    # Events ----------------------------------------------------------------------

    def _steps(self) -> list[tuple[str, str]]:
        if not self.case:
            return []
        ladder = self.ladders.for_case(self.case)
        return [(s.id, s.title[i18n.language()]) for s in ladder.steps]

    def _draft(self, channel: Channel, direction: Direction, answered: bool = True) -> Event:
        when = parse_typed_when(_now(self.today).strftime("%Y-%m-%d %H:%M"))
        return Event(
            id=str(uuid.uuid4()), at=when, channel=channel, direction=direction, answered=answered
        )

    def edit_in_dialog(self, event: Event, *, is_new: bool) -> Event | None:
        """Open the event dialog; return the edited event, or None if cancelled."""
        from plainte.gui.event_dialog import EventDialog

        dialog = EventDialog(self, event, self._steps(), self.store.data_dir, is_new=is_new)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_event()

    def save_event(self, event: Event, label: str) -> None:
        if not self.case:
            return
        self.last_channel = event.channel
        self.undo_stack.push(commands.SaveEvent(self.editor, self.case.id, event, label))
        self.statusBar().showMessage(tr("gui.status.logged", what=label))

    def new_event(self) -> None:
        event = self.edit_in_dialog(self._draft(self.last_channel, Direction.OUT), is_new=True)
        if event:
            self.save_event(event, tr("gui.undo.new_event"))

    def edit_event(self) -> None:
        current = self.selected_event()
        if current is None:
            return
        event = self.edit_in_dialog(current, is_new=False)
        if event:
            self.save_event(event, tr("gui.undo.edit_event"))

    def delete_event(self) -> None:
        current = self.selected_event()
        if current is None or not self.case:
            return
        answer = QMessageBox.question(self, tr("gui.confirm.title"), tr("gui.confirm.delete_event"))
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.push(
                commands.DeleteEvent(
                    self.editor, self.case.id, current.id, tr("gui.undo.delete_event")
                )
            )
            self.statusBar().showMessage(tr("gui.status.undo_hint"))

    def log_they_called(self) -> None:
        """One keystroke: they called, no one spoke, no message. Logged now."""
        event = self._draft(Channel.PHONE, Direction.IN, answered=False)
        event.summary = tr("gui.quick.they_called_summary")
        self.save_event(event, tr("gui.actions.they_called"))

    def log_i_called(self) -> None:
        event = self.edit_in_dialog(self._draft(Channel.PHONE, Direction.OUT), is_new=True)
        if event:
            self.save_event(event, tr("gui.actions.i_called"))

    def log_email_sent(self) -> None:
        event = self.edit_in_dialog(self._draft(Channel.EMAIL, Direction.OUT), is_new=True)
        if event:
            self.save_event(event, tr("gui.actions.email_sent"))

    def log_promise(self) -> None:
        """A promise made by the provider, now, on the last channel used."""
        from plainte.gui.event_dialog import PromiseDialog

        event = self._draft(self.last_channel, Direction.IN)
        dialog = PromiseDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        promise: Promise = dialog.promise(event.id)
        event.promises.append(promise)
        event.summary = tr("gui.quick.promise_summary")
        self.save_event(event, tr("gui.actions.promise_made"))

    def mark_promise(self, promise_id: str, status: str) -> None:
        if not self.case:
            return
        closed = _now(self.today).strftime("%Y-%m-%d")
        self.undo_stack.push(
            commands.SetPromiseStatus(
                self.editor,
                self.case.id,
                promise_id,
                PromiseStatus(status),
                closed,
                tr(f"gui.undo.promise_{status}"),
            )
        )

    # Calls, letters, switching -------------------------------------------------------------

    def on_a_call(self):
        from plainte.gui.call_window import CallWindow

        if not self.case:
            return None
        self.call_window = CallWindow(self, self.case.provider, _now(self.today))
        self.call_window.logged.connect(self._call_logged)
        self.call_window.show()
        return self.call_window

    def _call_logged(self, event: Event) -> None:
        self.save_event(event, tr("gui.actions.i_called"))
        case = self.store.load_case(self.case.id)
        try:
            recap = self.composer.compose(
                case, "call-recap", self.today, event_id=event.id, sender=self.prefs.sender()
            )
        except PlainteError as exc:
            self._report(exc)
            return
        self.recap_box = RecapDialog(self, recap.text)
        self.recap_box.show()

    def compose(self, kind: str | None):
        from plainte.gui.composer_dialog import ComposerDialog

        if not self.case:
            return None
        dialog = ComposerDialog(
            self,
            self.composer,
            self.case,
            self.today,
            self.prefs.sender(),
            kind or "complaint",
            self.store.data_dir,
        )
        dialog.sent.connect(lambda event: self.save_event(event, tr("gui.undo.sent")))
        self.composer_dialog = dialog
        dialog.open()
        return dialog

    def switch_assistant(self):
        from plainte.gui.switch_wizard import SwitchWizard

        if not self.case:
            return None
        wizard = SwitchWizard(
            self, self.ladders.for_case(self.case), i18n.language(), self.export_case_files
        )
        case_id = self.case.id

        def finished() -> None:
            self.undo_stack.push(
                commands.SetCaseStatus(
                    self.editor, case_id, CaseStatus.SWITCHED, tr("gui.undo.switched")
                )
            )

        wizard.accepted.connect(finished)
        self.switch_wizard = wizard
        wizard.open()
        return wizard

    # Files -----------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        """Ask where, then export the current case as ``fmt``."""
        if not self.case:
            return
        stem = f"{self.case.provider}-{self.case.title}"[:60].replace(" ", "-").replace("/", "-")
        if fmt == "pack":
            folder = QFileDialog.getExistingDirectory(self, tr("gui.actions.export_pack"))
            if folder:
                self.export_to(Path(folder) / stem, fmt)
            return
        path, _ = QFileDialog.getSaveFileName(
            self, tr(f"gui.actions.export_{fmt}"), f"{stem}.{fmt}"
        )
        if path:
            self.export_to(Path(path), fmt)

    def export_to(self, path: Path, fmt: str):
        """Export to ``path``; PDF, card and pack are drawn off the GUI thread with progress."""
        from plainte.export import export

        case_id, today, data_dir = self.case.id, self.today, self.store.data_dir
        lang = self.case.language or None

        def work():
            store = Store.open(data_dir, daily_backup=False)  # its own connection, its own thread
            try:
                export(store, case_id, fmt, path, today, lang)
            finally:
                store.close()
            return path

        progress = QProgressDialog(tr("gui.status.exporting"), None, 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)

        def done(result) -> None:
            progress.close()
            self.statusBar().showMessage(tr("gui.status.exported", path=result))

        def failed(error: Exception) -> None:
            progress.close()
            self._report(error)

        self.export_task = run_in_background(work, done, failed)
        return self.export_task

    def export_case_files(self, folder: Path) -> list[Path]:
        """Before porting: the filing pack and every full export, in one go."""
        from plainte.export import export

        case = self.case
        stem = f"plainte-{case.provider}".replace(" ", "-")
        written = []
        for fmt, target in (
            ("pack", folder / f"{stem}-pack"),
            ("json", folder / f"{stem}.json"),
            ("csv", folder / f"{stem}.csv"),
            ("html", folder / f"{stem}.html"),
            ("ics", folder / f"{stem}.ics"),
        ):
            try:
                export(self.store, case.id, fmt, target, self.today, case.language or None)
            except PlainteError as exc:
                self._report(exc)
                continue
            written.append(target)
        return written

    def show_history(self) -> None:
        """Every recorded version of the selected event, from the journal."""
        current = self.selected_event()
        if current is None or not self.case:
            return
        entries = [
            e
            for e in self.store.journal(self.case.id)
            if e.entity_id == current.id or e.content.get("event_id") == current.id
        ]
        lines = []
        for entry in entries:
            when = i18n.format_date(datetime.fromisoformat(entry.at).date())
            what = tr(f"gui.history.{entry.action}", entity=tr(f"gui.history.{entry.entity}"))
            body = entry.content.get("summary") or entry.content.get("text") or ""
            lines.append(f"#{entry.n} · {when} · {what}\n    {body}\n    {entry.hash[:16]}…")
        box = RecapDialog(self, "\n\n".join(lines))
        box.setWindowTitle(tr("gui.actions.history"))
        box.show()
        self.history_box = box

    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, tr("gui.actions.import"), "", tr("gui.import_filter")
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]):
        """Import saga files in the background, with progress; each file all or nothing."""
        from plainte.core.sagafile import read_saga

        progress = QProgressDialog(tr("gui.status.importing"), None, 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        data_dir = self.store.data_dir

        def work():
            # a worker thread gets its own connection: SQLite objects stay in their thread
            store = Store.open(data_dir, daily_backup=False)
            problems, count = [], 0
            try:
                for path in paths:
                    try:
                        store.import_cases(read_saga(path).cases)
                        count += 1
                    except PlainteError as exc:
                        problems.append(str(exc))
            finally:
                store.close()
            return count, problems

        def done(result) -> None:
            progress.close()
            count, problems = result
            self.refresh_cases()
            self.statusBar().showMessage(tr("gui.status.imported", count=count))
            if problems:
                QMessageBox.warning(self, "plainte", "\n\n".join(problems))

        def failed(error: Exception) -> None:
            progress.close()
            self._report(error)

        self.import_task = run_in_background(work, done, failed)
        return self.import_task

    # Settings and language -------------------------------------------------------------

    def open_settings(self) -> None:
        from plainte.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, self.prefs, i18n.language())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.prefs = dialog.preferences()
            settings.save(self.prefs)
            if self.prefs.language != i18n.language():
                self.set_language(self.prefs.language)

    def set_language(self, lang: str) -> None:
        """Switch the interface language now; no restart."""
        i18n.set_language(lang)
        self.prefs.language = lang
        settings.save(self.prefs)
        self.timeline.set_case(None)
        self._build()


class RecapDialog(QDialog):
    """The call-recap e-mail, ready to copy the minute the call ends."""

    def __init__(self, parent: QWidget, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("gui.call.recap_title"))
        self.text = QPlainTextEdit(text)
        self.text.setAccessibleName(tr("gui.call.recap_title"))
        copy = QPushButton(tr("gui.composer.copy"))
        close = QPushButton(tr("gui.close"))
        copy.clicked.connect(self._copy)
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(copy)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("gui.call.recap_hint")))
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.resize(620, 420)

    def _copy(self) -> None:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.clipboard().setText(self.text.toPlainText())

"""The main window: cases on the left; the selected case's timeline, promises, ladder, figures.

It holds the layout and the wiring only: what a person does goes through the
feature modules of :mod:`plainte.gui.operations`, each change through
:class:`~plainte.gui.operations.Operations`.
"""

from __future__ import annotations

import random
import sys
from datetime import date
from functools import partial

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from plainte.core import i18n
from plainte.core.editor import Editor
from plainte.core.i18n import tr
from plainte.core.model import Case, Channel, Event
from plainte.core.store import Store
from plainte.gui import menus, qt_language, settings
from plainte.gui.case_list_model import CaseListModel, natural_widths
from plainte.gui.case_pane import CasePane
from plainte.gui.columns import FitColumns, table_defaults
from plainte.gui.operations import Operations
from plainte.gui.operations.calls import CallOps
from plainte.gui.operations.cases import CaseOps
from plainte.gui.operations.composing import ComposeOps
from plainte.gui.operations.events import EventOps
from plainte.gui.operations.exports import ExportOps
from plainte.gui.operations.imports import ImportOps
from plainte.gui.operations.mail import MailOps
from plainte.gui.operations.promises import PromiseOps
from plainte.gui.store_bridge import StoreBridge
from plainte.gui.widgets import PlainLabel
from plainte.gui.worker import run_in_background

LIST_SHARE = 0.4
"""The case list's default width at most: this share of the window."""


class MainWindow(QMainWindow):
    """Everything a person does with plainte starts here."""

    def __init__(
        self,
        store: Store,
        today: date,
        prefs: settings.Preferences | None = None,
        *,
        at_start: bool = False,
    ) -> None:
        """``at_start``: the app's own start, whose first frame waits for nothing it does not
        show (the case is read whole once it is painted)."""
        super().__init__()
        # The window's Python callbacks wait for the lock a worker holds at most 1 ms,
        # not 5: reading a long saga in the background leaves scrolling smooth.
        sys.setswitchinterval(0.001)
        self._at_start = at_start
        self.store = store
        self.editor = Editor(store)
        self.today = today
        self.prefs = prefs or settings.Preferences()
        self.last_channel = Channel.PHONE
        self._ladders = None
        self._composer = None
        self.undo_stack = QUndoStack(self)
        self.ops = Operations(self, self.editor, self.undo_stack)
        self.case_ops = CaseOps(self)
        self.event_ops = EventOps(self)
        self.promise_ops = PromiseOps(self)
        self.call_ops = CallOps(self)
        self.compose_ops = ComposeOps(self)
        self.import_ops = ImportOps(self)
        self.export_ops = ExportOps(self)
        self.mail_ops = MailOps(self)
        self.bridge = StoreBridge(store, self)
        self.bridge.changed.connect(self._on_store_changed)
        self.setWindowTitle("plainte")
        self.resize(1280, 780)
        self._build()
        QTimer.singleShot(300, self._warm_up)

    @property
    def case(self) -> Case | None:
        """The whole selected case, read now if not yet (for checks: actions use ``when_read``)."""
        pane = self.pane
        if pane.header is None:
            return None
        if pane.case is None:
            pane.adopt(self.store.load_case(pane.header.id))
        return pane.case

    @property
    def case_header(self) -> Case | None:
        """The selected case's own fields, without reading its timeline."""
        return self.pane.header

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
        keep = self.current_case_id()
        qt_language.follow(i18n.language())  # Qt's file dialogs and standard buttons too
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
        table_defaults(self.case_view)
        columns = CaseListModel.COLUMNS
        whole = tuple(columns.index(c) for c in ("status", "days", "broken"))
        fit = FitColumns(self.case_view, columns.index("title"), whole, text_share=0.25)
        fit.set_natural(natural_widths(self.case_view))
        self.case_view.selectionModel().selectionChanged.connect(self._on_case_selected)
        self.case_view.doubleClicked.connect(lambda _i: self.case_ops.edit_case())

        self.pane = CasePane(lambda: self.ladders, at_start=self._at_start)
        self.pane.waiting.shown_in(self.statusBar())
        self.pane.timeline_view.doubleClicked.connect(lambda _i: self.event_ops.edit_event())
        self.mail_ops.accept_drops(self.pane.timeline_view)
        self.pane.overview.write.connect(self.compose_ops.compose)
        self.pane.panels.when_built(self._wire_panel)  # the other tabs are built when first shown
        splitter = QSplitter()
        splitter.setObjectName("caseSplitter")
        splitter.addWidget(self.case_view)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        # The list's columns whole, in this language's words, leaving the case most of the room.
        width = min(fit.needed_width(), int(self.width() * LIST_SHARE))
        splitter.setSizes([width, self.width() - width])
        if not hasattr(self, "splitter"):
            self._split_kept = settings.restore_layout(self, splitter)
        elif self._split_kept:  # a language switch keeps a split the person chose
            splitter.setSizes(self.splitter.sizes())
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_split_kept", True))
        self.splitter = splitter

        self.empty = self._empty_state()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(splitter)
        old = self.centralWidget()
        self.setCentralWidget(self.pages)
        if old is not None:
            old.deleteLater()
        self._wire_actions()
        self.statusBar().showMessage(random.choice(i18n.lookup("gui.tips")))
        self.refresh_cases(keep=keep)

    def _wire_actions(self) -> None:
        """Actions, menus and toolbar, in the interface language."""
        self.acts = menus.build_actions(self)
        self.undo_action, self.redo_action = menus.build_undo(self)
        self.languages = menus.build_languages(self)
        self._owned = [
            *self.acts.values(),
            self.undo_action,
            self.redo_action,
            *self.languages.values(),
        ]
        menus.build_menus(self)
        self.quick_bar = menus.build_toolbar(self)

    def _empty_state(self) -> QWidget:
        page = QWidget()
        page.setObjectName("emptyState")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        headline = PlainLabel(tr("gui.empty.headline"))
        headline.setObjectName("emptyHeadline")
        headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        headline.setFont(font)
        body = PlainLabel(tr("gui.empty.body"))
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setWordWrap(True)
        self.new_button = QPushButton(tr("gui.empty.new"))
        self.new_button.clicked.connect(self.case_ops.new_case)
        self.demo_button = QPushButton(tr("gui.empty.demo"))
        self.demo_button.clicked.connect(self.case_ops.load_demo)
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

    # Reading ---------------------------------------------------------------------

    def refresh_cases(self, *, reshow: bool = True, keep: str | None = None) -> None:
        """Re-read the case list, keeping the selection (shown again unless ``reshow`` is off)."""
        current = keep or self.current_case_id()
        self.cases.set_cases(self.store.list_cases(self.today, count_events=False), self.today)
        has_cases = self.cases.rowCount() > 0
        self.pages.setCurrentIndex(1 if has_cases else 0)
        row = self.cases.row_of(current) if current else -1
        if row < 0 and has_cases:
            row = 0
        if row >= 0:
            case_id = self.cases.case_id(row)
            self._selecting = True
            self.case_view.selectRow(row)
            self._selecting = False
            if reshow or case_id != current:
                self.show_case(case_id)
        else:
            self.show_case(None)
        self._update_actions()

    def _refresh_case_rows(self, case_ids: list[str]) -> None:
        """Read again only the summaries of ``case_ids`` (an edit), off the GUI thread."""
        again = partial(self.refresh_cases, reshow=False)
        self.cases.update_apart(self.store.path, self.today, case_ids, again)

    def _wire_panel(self, name: str, panel) -> None:
        """Connect a case tab's panel, once the pane has built it."""
        if name == "promises_panel":
            panel.mark.connect(self.promise_ops.mark)
        elif name == "ladder_panel":
            panel.write.connect(self.compose_ops.compose)
            panel.pack.connect(lambda: self.export_ops.export("pack"))
            panel.confirm.connect(self.event_ops.mark_step)

    def current_case_id(self) -> str | None:
        header = self.pane.header if hasattr(self, "pane") else None
        return header.id if header else None

    def _on_case_selected(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            case_id = self.cases.case_id(indexes[0].row())
            if not getattr(self, "_selecting", False) and case_id != self.current_case_id():
                self.show_case(case_id)

    def show_case(self, case_id: str | None) -> None:
        """Show the timeline, promises, ladder and figures of ``case_id``."""
        from plainte.core import timeline

        header = self.store.case_header(case_id) if case_id else None
        self.pane.show_case(self.store, header, self.today)
        if header is None:
            return
        last = timeline.last_channel(self.store.conn, header.id)
        if last is not None:
            self.last_channel = Channel(last)
        self._update_actions()

    def _update_actions(self) -> None:
        has_case = self.current_case_id() is not None
        for key in menus.NEED_A_CASE:
            self.acts[key].setEnabled(has_case)
        self.compose_ops.offer_switch(self.pane.header if has_case else None)

    def _on_store_changed(self, kind: str, case_ids: list[str], event_ids) -> None:
        """Show a change: only its events' rows when known, else the case again."""
        current = self.current_case_id()
        if current in case_ids and event_ids is not None and kind in ("event", "promise"):
            self.pane.timeline.update_events(set(event_ids))
            self.pane.read_case_soon()
            self._refresh_case_rows(case_ids)
        else:
            self.refresh_cases()

    def selected_event(self) -> Event | None:
        return self.pane.selected_event()

    def _warm_up(self) -> None:
        """Load langdetect's profiles in the background, so no window waits for them."""
        from plainte.core.language import warm_up

        run_in_background(warm_up, lambda _r: None, lambda _e: None)

    def closeEvent(self, event) -> None:
        """Keep the window's size and the split for the next start."""
        settings.save_layout(self, self.splitter)
        super().closeEvent(event)

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
        from plainte.gui.commands import relabel

        i18n.set_language(lang)
        relabel(self.undo_stack)  # "Undo …" said again in the new language
        self.prefs.language = lang
        settings.save(self.prefs)
        self.pane.timeline.set_case(None)
        self.pane.waiting.drop()  # the pane is built again: nothing waits for the old one
        self._build()

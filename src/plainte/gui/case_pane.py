"""The selected case: title, figures, and its overview, timeline, promises, ladder, figures tabs."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from plainte.core import i18n
from plainte.core.heading import case_heading
from plainte.core.i18n import tr
from plainte.core.model import Case, Channel, Event
from plainte.core.stats import compute
from plainte.gui import case_reading
from plainte.gui.case_reading import FiguresLine
from plainte.gui.columns import FitColumns, font_widths, table_defaults, timeline_samples
from plainte.gui.overview_panel import OverviewPanel
from plainte.gui.summary_process import Summing
from plainte.gui.tab_filling import DASHBOARD, LADDER, OVERVIEW, PROMISES, TIMELINE, TabFilling
from plainte.gui.tab_panels import TabPanels
from plainte.gui.timeline_model import TimelineModel
from plainte.gui.waiting import Waiting
from plainte.gui.widgets import PlainLabel

__all__ = ["DASHBOARD", "LADDER", "OVERVIEW", "PROMISES", "TIMELINE", "CasePane"]
"""The tab indices (defined with the tabs' filling) are this pane's to tell."""
FILLED = {OVERVIEW, PROMISES, LADDER, DASHBOARD}
"""The tabs filled from the whole case, when first shown after it is read."""

PANELS = {
    PROMISES: ("promises_panel", "plainte.gui.promises_panel", "PromisesPanel"),
    LADDER: ("ladder_panel", "plainte.gui.ladder_panel", "LadderPanel"),
    DASHBOARD: ("dashboard", "plainte.gui.dashboard", "Dashboard"),
}
"""The tabs built when first shown or asked for (name, module, class): not before the
first frame, which shows the overview."""


WHOLE = 200_000
"""Up to this many events, the figures line (and the overview when shown) are computed after
the first frame, from the whole case."""


class CasePane(QWidget):
    """Shows one case; tabs other than the timeline are filled when first shown."""

    def __init__(
        self, ladders: Callable[[], object], parent: QWidget | None = None, *, at_start=False
    ) -> None:
        super().__init__(parent)
        self.ladders = ladders
        """The ladders the case is judged by (read once, when first needed)."""
        self._at_start = at_start
        """Shown as the app starts: even a short saga is read once the first frame is painted
        (its figures, overview and ladder are computed then, not before the window shows)."""
        self.header: Case | None = None
        """The shown case's own fields (its timeline is read in windows)."""
        self.case: Case | None = None
        """The whole shown case, once read off the GUI thread (None until then)."""
        self.store = None
        self.today = date.today()
        self.as_of = self.today
        """The day the case is told as of: today, or its last day once it ended."""
        self._stale: set[int] = set()
        self._filling = TabFilling(self)
        self._sized: str | None = None
        self._reading, self._after_order = 0, False
        self._painted = self._held = False
        self.summing = Summing(self, self._summed_up, partial(self.read_case, wanted=True))
        self.waiting = Waiting(self)  # a letter, a reply: called once the case is read
        self._in_flight = 0  # the reading under way in a worker (0: none)
        self._let_go: list[Case | None] = []
        """Cases replaced by an edit, freed at the next reading (not while the edit is painted)."""
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(400)
        self._soon.timeout.connect(self.read_case)
        QTimer.singleShot(2000, self._release)  # never painted (hidden): read anyway
        self.timeline = TimelineModel(self)
        self.timeline.hold()  # its rows past the first page are read once the pane is painted
        self.timeline.loaded.connect(self._order_known)
        self.filter = self.timeline  # the model filters itself, in slices
        self.timeline_view = QTableView()
        self.timeline_view.setObjectName("timeline")
        self.timeline_view.setAccessibleName(tr("gui.a11y.timeline"))
        self.timeline_view.setModel(self.timeline)
        table_defaults(self.timeline_view)
        self.timeline_view.horizontalHeader().setResizeContentsPrecision(100)
        columns = TimelineModel.COLUMNS
        whole = (columns.index("at"), columns.index("direction"))  # "← them ✗" cut says nothing
        self._fit = FitColumns(self.timeline_view, columns.index("summary"), keep=whole)

        self.title = PlainLabel()
        self.title.setObjectName("caseTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.figures = FiguresLine()
        self.channel_box = QComboBox()
        self.channel_box.setAccessibleName(tr("gui.filter.channel"))
        self.channel_box.addItem(tr("gui.filter.all_channels"), None)
        for channel in Channel:
            self.channel_box.addItem(tr(f"channel.{channel.value}"), channel.value)
        self.channel_box.currentIndexChanged.connect(
            lambda: self.timeline.set_channel(self.channel_box.currentData())
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("gui.filter.search"))
        self.search.setAccessibleName(tr("gui.filter.search"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.timeline.set_needle)
        filters = QHBoxLayout()
        filters.addWidget(self.channel_box)
        filters.addWidget(self.search, 1)
        timeline_page = QWidget()
        timeline_layout = QVBoxLayout(timeline_page)
        timeline_layout.setContentsMargins(0, 6, 0, 0)
        timeline_layout.addLayout(filters)
        timeline_layout.addWidget(self.timeline_view, 1)

        self.overview = OverviewPanel()
        self.overview.read.connect(lambda: self.read_case(wanted=True))
        self.panels = TabPanels(PANELS)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("caseTabs")
        self.tabs.setAccessibleName(tr("gui.a11y.tabs"))
        self.tabs.addTab(self.overview, tr("overview.tab"))
        self.tabs.addTab(timeline_page, tr("gui.tabs.timeline"))
        self.tabs.addTab(self.panels.pages[PROMISES], tr("gui.tabs.promises"))
        self.tabs.addTab(self.panels.pages[LADDER], tr("gui.tabs.ladder"))
        self.tabs.addTab(self.panels.pages[DASHBOARD], tr("gui.tabs.dashboard"))
        self.tabs.currentChanged.connect(self._fill_tab)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.figures)
        layout.addWidget(self.tabs, 1)

    promises_panel = property(lambda self: self.panels.get(PROMISES))
    ladder_panel = property(lambda self: self.panels.get(LADDER))
    dashboard = property(lambda self: self.panels.get(DASHBOARD))

    def show_case(self, store, header: Case | None, today: date) -> None:
        """Show the case ``header`` (None: nothing) as of ``today``: its first rows at once.

        The whole case (for the figures and the other tabs) is read off the GUI
        thread; a case of a million events never holds the window.
        """
        if header is None or self.header is None or header.id != self.header.id:
            self.waiting.drop()  # what waited for another case never gets this one
        self.store, self.header, self.case, self.today = store, header, None, today
        self._after_order = False
        self._reading += 1
        self.figures.drop()
        self.summing.drop()
        self.figures.due = header is not None
        if header is None:
            self.timeline.show_case(None, None)
            self.title.setText("")
            self.figures.setText("")
            self.overview.wait()
            if PROMISES in self.panels.built:
                self.promises_panel.show_case(None, today)
            if LADDER in self.panels.built:
                self.ladder_panel.show_state(None, "en")
            if DASHBOARD in self.panels.built:
                self.dashboard.show_case(None, today)
            return
        self.timeline.show_case(store, header.id)
        self._size_timeline_columns()
        self.title.setText(case_heading(header.provider, header.title))
        self.figures.setText("")
        self.overview.wait()
        self._stale = set(FILLED)
        self.read_case()

    def paintEvent(self, event) -> None:
        """Once the pane is first painted, the reading held back for it may start."""
        super().paintEvent(event)
        self._release()

    def _release(self) -> None:
        if not self._painted:
            self._painted = True
            self.timeline.release()
            if self._held:
                QTimer.singleShot(0, self.read_case)
            else:  # the overview, held back for the first frame
                QTimer.singleShot(0, self, lambda: self._fill_tab(self.tabs.currentIndex()))

    def read_case(self, *, wanted: bool = False) -> None:
        """Read the whole case again off the GUI thread (after a change, or to show it).

        Not before the first frame: a worker reading a long saga would slow it.
        A long case is read whole only for a tab that needs it (``wanted``, or
        shown); the figures line alone is computed in a child process, up to
        :data:`WHOLE` events (a million events hold 1.5 GB).
        """
        if not self._painted and (self._at_start or not self.timeline.is_short()):
            self._held = True
            return
        while self._let_go:
            case_reading.let_go(self._let_go.pop())
        if self.header is None or self.store is None:
            return
        wanted = wanted or bool(self.waiting)
        if not wanted and not self.timeline.is_short() and not self._wants_whole():
            total = self.timeline.total()
            self._after_order = total is None  # decided once the order is known
            if total is not None and total > WHOLE:
                self.overview.offer_reading()
            elif total is not None:
                self._read_figures()
            return
        from plainte.core.overview import as_of
        from plainte.gui.worker import run_in_background

        self._reading += 1
        self.summing.drop()
        reading, path, case_id = self._reading, self.store.path, self.header.id
        if self.timeline.is_short():  # a short saga is read at once, in no time
            case = self.store.load_case(case_id)
            self._case_read(case, compute(case, as_of(case, self.today)))
            return
        overview_only = not wanted and self.tabs.currentIndex() == OVERVIEW
        if overview_only and self.summing.fits(self.timeline.total()):  # the window holds none
            self.figures.drop()
            self.summing.start(path, case_id, self.today, i18n.language())
            return

        work = partial(case_reading.read_whole, path, case_id, self.today)

        def done(result) -> None:
            if isValid(self) and reading == self._reading:  # not a pane rebuilt meanwhile
                self._case_read(*result)

        def failed(error: Exception) -> None:
            if isValid(self) and reading == self._reading:
                self._in_flight = 0
                self.waiting.drop(error)

        self._in_flight = reading
        run_in_background(work, done, failed)

    def when_read(self, action: str, then: Callable[[Case], None]) -> None:
        """Call ``then`` with the whole case: at once when held (or short), else once read off
        the GUI thread, however many times asked meanwhile (:class:`~.waiting.Waiting`)."""
        if self.header is None:
            return
        if self.case is None and self.timeline.is_short():  # read at once, in no time
            self.adopt(self.store.load_case(self.header.id))
        if self.case is not None:
            then(self.case)
            return
        self.waiting.add(action, then)
        if self._soon.isActive() or not (self._in_flight and self._in_flight == self._reading):
            self._soon.stop()  # read now, not in a moment
            self.read_case(wanted=True)

    def read_case_soon(self) -> None:
        """Read the whole case again a moment after a change (a burst of edits reads it once)."""
        if self.timeline.is_short():
            self.read_case()
            return
        case, self.case = self.case, None
        self._reading += 1  # a reading under way may not hold the change: read again
        self.summing.drop()
        self._let_go.append(case)  # freed when the case is read again: after the edit is painted
        self._stale = set(FILLED)
        self.figures.due = True
        self._soon.start()

    def _wants_whole(self) -> bool:
        """The shown tab is filled from the whole case and waits for it (the overview of a saga
        over :data:`WHOLE` events waits to be asked)."""
        shown = self.tabs.currentIndex()
        if shown not in self._stale:
            return False
        total = self.timeline.total() if shown == OVERVIEW else 0
        return total is not None and total <= WHOLE

    def _wants_figures(self) -> bool:
        """The figures line waits for numbers it will get (a saga over :data:`WHOLE` events
        shows none until read whole)."""
        total = self.timeline.total()
        return self.figures.due and total is not None and total <= WHOLE

    def _read_figures(self) -> None:
        """Compute the figures line of a long case in a child process, never in the window's."""
        self._reading += 1  # a whole reading under way is not shown over them
        path, case_id = self.store.path, self.header.id
        here = partial(self.read_case, wanted=True)  # with no child process
        self.figures.compute_apart(path, case_id, self.today, self._figures_read, here)

    def _figures_read(self, stats) -> None:
        self.as_of = stats.today  # an ended saga is shown as of its last day, everywhere

    def _order_known(self) -> None:
        """The whole order arrived: read the case now if it waited for its length."""
        if self._after_order and self.case is None and self.header is not None:
            self._after_order = False
            self.read_case()

    def is_settled(self) -> bool:
        """The timeline is whole, no search is running, the shown tab and the figures line are
        filled (when they will be)."""
        if self.header is None:
            return self.timeline.is_settled()
        read = self.case is not None or not self._wants_whole()
        figured = self.case is not None or not self._wants_figures()
        filled = self.tabs.currentIndex() not in self._filling  # nor summed up by a child
        filled = filled and not (self.tabs.currentIndex() == OVERVIEW and self.summing.child)
        return self.timeline.is_settled() and read and figured and filled

    def adopt(self, case: Case) -> None:
        """Use ``case``, read whole by someone who could not wait (a letter, an export)."""
        if self.header is not None and case.id == self.header.id:
            from plainte.core.overview import as_of

            self._reading += 1
            self.summing.drop()
            self._case_read(case, compute(case, as_of(case, self.today)))

    def _case_read(self, case: Case, stats) -> None:
        gc.freeze()  # its objects stay out of later collections (which would pause the window)
        self.case = case
        self.as_of = stats.today  # an ended saga is shown as of its last day, everywhere
        summed = OVERVIEW not in self._stale  # by a child, for this very state: not again here
        self._stale = set(FILLED) - ({OVERVIEW} if summed else set())
        self.figures.show_stats(stats)
        self._fill_tab(self.tabs.currentIndex())
        self.waiting.call(case)

    def selected_event(self) -> Event | None:
        """The event selected in the timeline, if any."""
        rows = self.timeline_view.selectionModel().selectedRows()
        if not rows:
            return None
        return self.timeline.event_at(rows[0].row())

    def _summed_up(self, figures, lines) -> None:
        """The figures and overview a child process computed (the window read nothing)."""
        self.as_of = figures.today
        self.figures.show_stats(figures)
        self._stale.discard(OVERVIEW)
        self.overview.show_overview(lines)

    def _fill_tab(self, index: int) -> None:
        """Fill a case tab when it is shown: start-up and a long saga pay only for the timeline."""
        if index in PANELS:
            self.panels.get(index)
        if index not in self._stale:
            return
        if self.case is None:
            if index == OVERVIEW and self.summing.child is not None:
                return  # shown once the child has summed it up
            if self.header is not None and not self.timeline.is_short():
                apart = index == OVERVIEW and self._wants_whole()  # summed up apart if long
                self.read_case(wanted=not apart)  # the tab is filled when it is read
            return
        if index == OVERVIEW and not self._painted:
            return  # filled after the first frame (``_release``): the window shows first
        self._stale.discard(index)
        case, day = self.case, self.as_of
        if index == PROMISES:  # a table model over the promises: quick at any length
            self.promises_panel.show_case(case, day)
            return
        apart = not self.timeline.is_short()
        self._filling.fill(index, case, day, i18n.language(), apart=apart)

    def mark_stale(self, index: int) -> None:
        self._stale.add(index)  # filled again when next shown

    def _size_timeline_columns(self) -> None:
        """Column widths from the font, not from the rows: measuring a long saga costs."""
        if self._sized == i18n.language():
            return
        self._sized = i18n.language()
        samples = timeline_samples()
        columns = TimelineModel.COLUMNS
        widths = font_widths(self.timeline_view, columns, samples, skip="summary", padding=24)
        self._fit.set_natural(widths)

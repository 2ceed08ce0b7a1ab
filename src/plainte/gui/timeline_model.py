"""The timeline of one case: a table model that reads only the rows it shows.

Opening a case reads its first page of events and paints them; the rest of
its order (row ids, sort keys, channels) arrives from a worker thread. Rows
are read a page at a time as the view paints them. The channel filter and
the search narrow a list of positions, in slices that never hold the GUI for
long; a change to some events moves, adds or removes just their rows.
"""

from __future__ import annotations

import gc
from bisect import bisect_right
from collections import OrderedDict
from datetime import date
from functools import partial

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from shiboken6 import isValid

from plainte.core import timeline
from plainte.core.i18n import tr
from plainte.core.model import Channel, Direction, Event, parse_when
from plainte.core.store import Store
from plainte.gui.rows_model import Index
from plainte.gui.timeline_cells import TimelineCells

PAGE = 128
"""Events read at a time for painting."""
FIRST = 256
"""Events read before the first paint; the rest of the order is read in a worker."""
SLICE = 100_000
"""Up to this many positions, the search checks them at once (a few milliseconds)."""
STEP = 50_000
"""Beyond :data:`SLICE`, the positions checked per turn of the event loop (5 ms at most)."""
PAGES_KEPT = 64
PREFETCH = 200_000
"""Up to this many events, the search texts are read as soon as the order is known."""
SHORT_TEXTS = 5_000
"""Up to this many events, the search texts are read at the first keystroke, in a blink."""
_GONE = Event(id="", at=parse_when("1970-01-01"), channel=Channel.OTHER, direction=Direction.IN)
"""Stands for a row that vanished between two reads (repainted at once)."""


class TimelineModel(TimelineCells, QAbstractTableModel):
    """When, channel, direction, summary, agent, reference, minutes on hold."""

    COLUMNS = ("at", "channel", "direction", "summary", "counterpart", "reference", "wait")
    HEADER = "gui.timeline"

    loaded = Signal()
    """The whole order is known (and any search applied)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._store: Store | None = None
        self._case_id: str | None = None
        self._generation = 0  # of the case shown: a late worker result for another is dropped
        self._filter_generation = 0
        self._order = timeline.Order([], [], [])
        self._top: tuple[list[int], int] | None = None  # the highest row id of an order
        self._complete = True
        self._texts: list[str] | None = None
        self._pages: OrderedDict[int, list[Event]] = OrderedDict()
        self._dates: dict[str, str] = {}
        self._amended: dict[str, date] = {}
        self._channel: str | None = None
        self._needle = ""
        self._visible: list[int] | None = None  # positions shown, when filtered
        self._pending = False  # a search waits for its texts or runs in slices
        self._held = False  # the rest of the order waits for the view's first frame
        self._order_wanted = False
        self._readers: dict[str, object] = {}  # child processes reading "order", "texts"

    # Showing a case ---------------------------------------------------------------

    def show_case(self, store: Store | None, case_id: str | None) -> None:
        """Show the timeline of ``case_id`` (None: nothing): its first page now, the rest soon."""
        self.beginResetModel()
        self._generation += 1
        self._store, self._case_id = store, case_id
        self._pages.clear()
        self._dates.clear()
        self._texts = None
        self._visible = None
        self._pending = False
        self._drop_readers()
        if store is None or case_id is None:
            self._order, self._complete, self._amended = timeline.Order([], [], []), True, {}
        else:
            self._order = timeline.order(store.conn, case_id, FIRST)
            self._complete = len(self._order.rowids) < FIRST
            self._amended = {}  # read with each page
        self.endResetModel()
        if not self._complete:
            self._read_order()
        elif self._needle or self._channel:
            self._refilter()

    def set_case(self, case, amended=None) -> None:
        """Clear the timeline (``case`` None), the old way of showing nothing."""
        self.show_case(None, None)

    def is_short(self) -> bool:
        """A timeline read whole with its first page (under :data:`FIRST` events)."""
        return self._complete and len(self._order.rowids) < FIRST

    def total(self) -> int | None:
        """The number of events of the case, once its whole order is known (None before)."""
        return len(self._order.rowids) if self._complete else None

    def is_settled(self) -> bool:
        """True when the whole order is known and no search is under way."""
        return self._complete and not self._pending

    def hold(self) -> None:
        """Read no more than the first page until :meth:`release` (the first frame is painted):
        a worker reading a long saga's order would slow that frame."""
        self._held = True

    def release(self) -> None:
        """Read the rest of the order held back by :meth:`hold`."""
        self._held = False
        if self._order_wanted:
            self._order_wanted = False
            if not self._complete:
                self._read_order()

    def _read_order(self) -> None:
        """Read the whole order in a child process, chunk by chunk (then :meth:`_order_read`)."""
        if self._held:
            self._order_wanted = True
            return
        # started once the first rows are painted: the child's start would slow them
        QTimer.singleShot(0, partial(self._start_order_read, self._generation))

    def _start_order_read(self, generation: int) -> None:
        if generation != self._generation or self._complete or not isValid(self):
            return
        whole, then = timeline.Order([], [], []), partial(self._order_read, generation)
        add = partial(timeline.add_order_chunk, whole)
        self._read_apart("order", add, lambda: then(whole), timeline.order, then)

    def _read_apart(self, what: str, consume, done, read, then) -> None:
        """Read ``what`` of the shown case in a child process, its blocks to ``consume``, then
        ``done()``; with no child process, ``then(read(conn, case_id))`` in a worker thread."""
        from plainte.gui.command_process import BlockReader
        from plainte.gui.worker import run_in_background

        path, case_id = self._store.path, self._case_id
        reader = self._readers[what] = BlockReader(what, path, case_id, consume)
        reader.done.connect(lambda: isValid(self) and (self._drop_readers(what), done()))
        work, alive = partial(timeline.read_apart, path, read, case_id), partial(isValid, self)
        apart = partial(run_in_background, work, lambda r: alive() and then(r))
        reader.failed.connect(lambda _: alive() and (self._drop_readers(what), apart()))

    def _drop_readers(self, *which: str) -> None:
        """Stop the child processes reading ``which`` (all when none is named)."""
        for what in which or list(self._readers):
            if (reader := self._readers.pop(what, None)) is not None:
                reader.drop()

    def _order_read(self, generation: int, order: timeline.Order) -> None:
        if generation != self._generation:
            return
        shown = len(self._order.rowids)
        if order.rowids[:shown] != self._order.rowids:  # it changed meanwhile: start again
            self.show_case(self._store, self._case_id)
            return
        if self._visible is None and len(order.rowids) > shown:
            self.beginInsertRows(QModelIndex(), shown, len(order.rowids) - 1)
            self._order, self._complete = order, True
            self.endInsertRows()
        else:
            self._order, self._complete = order, True
        gc.freeze()  # out of later full collections: one held the window 70 ms at a quick log
        if self._needle or self._channel:
            self._refilter()
        else:
            if SHORT_TEXTS < len(order.rowids) <= PREFETCH:  # the first keystroke finds them
                self._read_texts(self._filter_generation)
            self.loaded.emit()

    # Filtering --------------------------------------------------------------------

    def set_channel(self, channel: str | None) -> None:
        self._channel = channel
        self._refilter()

    def set_needle(self, text: str) -> None:
        needle = text.casefold().strip()
        narrower = bool(self._needle) and self._needle in needle and self._visible is not None
        self._needle = needle
        self._refilter(narrower)

    def _refilter(self, narrower: bool = False) -> None:
        """Show the positions that pass the channel and the search, computed in slices."""
        self._filter_generation += 1
        generation = self._filter_generation
        if not self._complete:
            self._pending = bool(self._needle or self._channel)
            return  # applied when the order has arrived
        if not self._needle and not self._channel:
            self._pending = False
            self._show(None)
            return
        if self._needle and self._texts is None:
            if len(self._order.rowids) <= SHORT_TEXTS:
                self._texts = timeline.search_texts(self._store.conn, self._case_id)
            else:
                self._pending = True
                self._read_texts(generation)
                return
        candidates = self._visible if narrower else range(len(self._order.rowids))
        self._pending = True
        hits: list[int] = []
        chunks = (candidates[at : at + STEP] for at in range(0, len(candidates), STEP))

        def step() -> None:
            if generation != self._filter_generation:
                return
            part = next(chunks, None)
            if part is None:
                self._pending = False
                self._show(hits)
                return
            hits.extend(self._matching(part))
            QTimer.singleShot(0, step)

        if len(candidates) <= SLICE:
            hits.extend(self._matching(candidates))
            self._pending = False
            self._show(hits)
        else:
            step()

    def _matching(self, positions) -> list[int]:
        order = self._order
        return timeline.matching(
            positions, order.channels, self._texts, self._channel, self._needle
        )

    def _read_texts(self, generation: int) -> None:
        """Read the search texts in a child process (a thread would hold the window)."""
        if "texts" in self._readers:  # already under way: its end refilters
            return
        case_id = self._case_id
        texts: list[str] = []

        def done(texts: list[str] = texts) -> None:
            if self._case_id != case_id:
                return
            if len(texts) != len(self._order.rowids):  # it changed meanwhile: read them again
                return self._read_texts(self._filter_generation)
            self._texts = texts
            gc.freeze()  # what the window holds now stays out of later full collections
            if self._needle or self._channel:
                self._refilter()

        self._read_apart("texts", texts.extend, done, timeline.search_texts, done)

    def _show(self, visible: list[int] | None) -> None:
        if visible is not None and len(visible) == len(self._order.rowids):
            visible = None  # every row: the next keystroke reads the texts in one slice
        if visible == self._visible:  # the same rows: nothing to lay out or paint again
            self.loaded.emit()
            return
        self.beginResetModel()
        self._visible = visible
        self.endResetModel()
        self.loaded.emit()

    # Changes ----------------------------------------------------------------------

    def update_events(self, event_ids: set[str]) -> None:
        """Show the new state of ``event_ids`` only: moved, added, removed or changed rows."""
        if self._store is None or self._case_id is None:
            return
        if not self._complete:
            self.show_case(self._store, self._case_id)
            return
        conn, case_id, order = self._store.conn, self._case_id, self._order
        for event_id in event_ids:
            where = timeline.place(conn, case_id, event_id)
            if where is None:
                continue
            at = self._position(where.rowid, where.sort)
            if at is not None and (not where.live or order.sorts[at] != where.sort):
                self._remove(at)
                at = None
            if where.live and at is None:
                self._insert(where)
            elif at is not None:
                self._changed(at, where)
            if where.amended_on:
                self._amended[event_id] = where.amended_on
            self._dates.pop(event_id, None)
        if self._needle or self._channel:
            self._refilter()

    def _position(self, rowid: int, sort: str) -> int | None:
        return timeline.position(self._order, rowid, sort, self._newest())

    def _newest(self) -> int:
        """The highest row id shown (found once per order, then kept)."""
        if self._top is None or self._top[0] is not self._order.rowids:
            self._top = (self._order.rowids, max(self._order.rowids, default=0))
        return self._top[1]

    def _remove(self, at: int) -> None:
        filtered = self._visible is not None
        if filtered:  # the positions after it move up (the filter runs again after)
            self.beginResetModel()
            self._visible = [p if p < at else p - 1 for p in self._visible if p != at]
        else:
            self.beginRemoveRows(QModelIndex(), at, at)
        for column in (self._order.rowids, self._order.sorts, self._order.channels):
            del column[at]
        if self._texts is not None:
            del self._texts[at]
        self._pages.clear()
        if filtered:
            self.endResetModel()
        else:
            self.endRemoveRows()

    def _insert(self, where: timeline.Place) -> None:
        at = bisect_right(self._order.sorts, where.sort)
        filtered = self._visible is not None
        if filtered:  # the positions after it move down (the filter runs again after)
            self.beginResetModel()
            self._visible = [p if p < at else p + 1 for p in self._visible]
        else:
            self.beginInsertRows(QModelIndex(), at, at)
        self._order.rowids.insert(at, where.rowid)
        if self._top is not None:
            self._top = (self._order.rowids, max(self._top[1], where.rowid))
        self._order.sorts.insert(at, where.sort)
        self._order.channels.insert(at, where.channel)
        if self._texts is not None:
            self._texts.insert(
                at, timeline.search_text(self._store.conn, self._case_id, where.rowid)
            )
        self._pages.clear()
        if filtered:
            self.endResetModel()
        else:
            self.endInsertRows()

    def _changed(self, at: int, where: timeline.Place) -> None:
        self._order.channels[at] = where.channel
        if self._texts is not None:
            self._texts[at] = timeline.search_text(self._store.conn, self._case_id, where.rowid)
        self._pages.pop(at // PAGE, None)
        if self._visible is None:
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(self.COLUMNS) - 1))

    # Reading rows -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._visible) if self._visible is not None else len(self._order.rowids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)  # whole when elided
        if orientation == Qt.Orientation.Horizontal and role in shown:
            return tr(f"{self.HEADER}.{self.COLUMNS[section]}")
        return None

    def event_at(self, row: int) -> Event:
        """The event shown at ``row`` (read with its page when first needed).

        Not ``event``: that name is ``QObject.event``, which Qt calls with every event it
        sends (a language change among them).
        """
        at = self._visible[row] if self._visible is not None else row
        page = at // PAGE
        events = self._pages.get(page)
        if events is None:
            rowids = self._order.rowids[page * PAGE : (page + 1) * PAGE]
            events = self._store.load_events(self._case_id, rowids)
            self._amended.update(timeline.amended(self._store.conn, self._case_id, rowids))
            if len(events) != len(rowids):  # changed behind the view's back: read it again
                store, case_id = self._store, self._case_id
                QTimer.singleShot(0, lambda: self.show_case(store, case_id))
                events += [events[-1] if events else _GONE] * (len(rowids) - len(events))
                return events[at - page * PAGE]
            self._pages[page] = events
            if len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return events[at - page * PAGE]

    def event_id(self, row: int) -> str:
        return self.event_at(row).id

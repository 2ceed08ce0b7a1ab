"""Reading a long case without holding the window: its figures line computed in a child
process, the whole case read in a worker for a tab that needs it, and let go in slices."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Callable
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from shiboken6 import isValid

from plainte.core import i18n
from plainte.core.i18n import tr, trn
from plainte.core.model import Case
from plainte.core.stats import SagaStats
from plainte.gui.widgets import PlainLabel


def let_go(case: Case | None) -> None:
    """Let go of a long case in a worker, a slice at a time: freeing a million events at
    once would hold the window."""
    if case is None or len(case.events) < 20_000 or sys.getrefcount(case) > 3:
        return  # short, or still in use (a letter being written): freed when done
    from plainte.gui.worker import run_in_background

    events = case.events
    case.events = []

    def work() -> None:
        while events:
            del events[-5_000:]

    run_in_background(work, lambda _r: None, lambda _e: None)


@contextmanager
def no_collection():
    """No cyclic garbage collection while a worker reads a long saga.

    A million new objects would start full collections, each holding the
    interpreter (and so the window) for hundreds of milliseconds.
    """
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # else the first allocation after would collect all of them at once
        gc.enable()


def read_whole(path: Path, case_id: str, today: date) -> tuple[Case, SagaStats]:
    """The whole case and its figures, read in a worker on a connection of its own."""
    from plainte.core import timeline
    from plainte.core.overview import as_of
    from plainte.core.stats import compute
    from plainte.core.store import Store

    reader = Store(path, timeline.reader(path), read_only=True)
    try:
        with no_collection():
            case = reader.load_case(case_id)
            return case, compute(case, as_of(case, today))
    finally:
        reader.close()


class FiguresLine(PlainLabel):
    """The shown case's days, contacts, unanswered contacts, hold time and promises."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("caseFigures")
        self.setWordWrap(True)
        self.due = False
        """The line waits for the figures of the case as it is now."""
        self._reader = None

    def show_stats(self, stats: SagaStats) -> None:
        """Show ``stats`` (the case's figures as of its day)."""
        self.due = False
        silent, hold = stats.calls_without_message, stats.wait_minutes  # each told only if any
        number = i18n.format_number  # "65,775 min" and "65 775 min", as the counts are
        self.setText(
            tr(
                "gui.figures",
                days=number(stats.days),
                since=i18n.format_date(stats.first_day) if stats.first_day else "—",
                contacts=trn("plural.contacts", stats.contacts_out + stats.contacts_in),
                unanswered=trn("plural.unanswered", stats.unanswered),
                silent=f" · {trn('plural.calls_without_message', silent)}" if silent else "",
                hold=f" · {tr('gui.figures_hold', wait=number(hold))}" if hold else "",
                broken=number(stats.promises_broken),
                promises=number(stats.promises),
            )
        )

    def compute_apart(
        self,
        store_path: Path,
        case_id: str,
        today: date,
        shown: Callable[[SagaStats], None],
        failed: Callable[[], None],
    ) -> None:
        """Compute the figures of a long case in a child process, show them, then ``shown``.

        Reading a long case in a thread would share the interpreter with the
        window: each of its turns would hold the window's painting. With no
        child process, ``failed()`` (the caller reads the case another way).
        """
        from plainte.gui.command_process import BlockReader

        self.drop()
        got: list[str] = []
        reader = BlockReader("figures", store_path, case_id, got.extend, today.isoformat())

        def done() -> None:
            if not isValid(self) or self._reader is not reader:
                return
            self._reader = None
            if len(got) != 1:
                failed()
                return
            stats = SagaStats.from_json(json.loads(got[0]))
            self.show_stats(stats)
            shown(stats)

        def not_done(_why: str) -> None:
            if isValid(self) and self._reader is reader:
                self._reader = None
                failed()

        reader.done.connect(done)
        reader.failed.connect(not_done)
        self._reader = reader

    def drop(self) -> None:
        """Stop computing figures (another case is shown, or it changed)."""
        if self._reader is not None:
            self._reader.drop()
            self._reader = None

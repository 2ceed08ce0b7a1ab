"""Filling a case tab from the whole case: at once for a short saga, in a worker for a long one.

Each tab's work is split in two: what it computes from the case (no widget touched,
so a worker thread may run it) and what shows the result (on the GUI thread). On the
GUI thread, 100,000 events held the window 0.7 s for the figures tab and 0.3 s for the
overview.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from shiboken6 import isValid

from plainte.core.model import Case

OVERVIEW, TIMELINE, PROMISES, LADDER, DASHBOARD = 0, 1, 2, 3, 4


def tab_work(pane, index: int, case: Case, day: date, lang: str) -> tuple[Callable, Callable]:
    """What filling ``pane``'s tab ``index`` computes from ``case`` as of ``day`` in ``lang``,
    and what shows its result."""
    if index == DASHBOARD:
        from plainte.gui.glance import glance

        frame = pane.dashboard.strip.frame()  # its marks placed apart for its size too
        work = partial(glance, case, day, lang, frame)
        return work, partial(pane.dashboard.show_glance, case, day)
    ladder = pane.ladders().for_case(case)
    if index == OVERVIEW:
        from plainte.core import overview

        def lines():
            return overview.lines(overview.compute(case, ladder, day, lang), lang)

        return lines, pane.overview.show_overview
    from plainte.core.ladder import evaluate

    # the panel speaks the interface's language; letters keep the case's own
    show = partial(pane.ladder_panel.show_state, lang=lang, case=case)
    return partial(evaluate, ladder, case, day), show


class TabFilling:
    """The tabs of a pane a worker is filling, each with the token of its latest filling."""

    def __init__(self, pane) -> None:
        self.pane = pane
        self._running: dict[int, object] = {}

    def __contains__(self, index: int) -> bool:
        return index in self._running

    def fill(self, index: int, case: Case, day: date, lang: str, *, apart: bool) -> None:
        """Fill tab ``index`` from ``case``: in a worker if ``apart``, else now."""
        pane = self.pane
        summing = pane.summing
        if (
            apart
            and index == OVERVIEW
            and summing.fits(len(case.events))
            and not summing.failed_once
        ):
            # summed up by a child process: in a worker, it held the window's Python lock
            pane.mark_stale(OVERVIEW)  # until the child's result is shown
            summing.start(pane.store.path, case.id, pane.today, lang)
            return
        work, show = tab_work(pane, index, case, day, lang)
        if not apart:
            show(work())
            return
        from plainte.gui.worker import run_in_background

        token = object()
        self._running[index] = token

        def ended() -> bool:
            """This filling ended; True if it is the tab's latest and its case still shown."""
            if not isValid(pane) or self._running.get(index) is not token:
                return False  # a later filling of the tab shows its own result
            del self._running[index]
            return pane.case is case

        def done(result) -> None:
            if ended():
                show(result)

        def failed(error: Exception) -> None:
            if ended():
                pane.mark_stale(index)  # filled again when shown again
                raise error  # told as any other unexpected error

        run_in_background(work, done, failed)

"""A long case's figures and ladder tabs are computed in a worker, then shown."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThreadPool

from plainte.gui.case_pane import DASHBOARD, LADDER


def _spy(monkeypatch, module, name: str, pause: float = 0.0) -> list[bool]:
    """Each call of ``module.name`` from now on, as whether it ran on the GUI thread."""
    seen: list[bool] = []
    real = getattr(module, name)

    def spy(*args, **kwargs):
        seen.append(threading.current_thread() is threading.main_thread())
        time.sleep(pause)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return seen


def test_the_figures_tab_of_a_long_case_is_computed_off_the_gui_thread(
    qtbot, long_window, monkeypatch
):
    from plainte.gui import glance

    seen = _spy(monkeypatch, glance, "glance")
    pane = long_window.pane
    pane.tabs.setCurrentIndex(DASHBOARD)
    board = pane.dashboard
    qtbot.waitUntil(lambda: board.strip.days() is not None, timeout=30_000)
    assert seen == [False]
    assert pane.is_settled()
    assert board.values["contacts_out"].text() not in ("", "—")
    assert board.contrasts.lead.text()  # the contrasts, worded on the GUI thread
    marks = board.strip.marks()
    assert len(marks) == len(pane.case.events)  # every event of the long case, placed
    board.strip.grab()  # drawn from what the worker computed


def test_the_ladder_tab_of_a_long_case_is_evaluated_off_the_gui_thread(
    qtbot, long_window, monkeypatch
):
    from plainte.core import ladder

    seen = _spy(monkeypatch, ladder, "evaluate")
    pane = long_window.pane
    pane.tabs.setCurrentIndex(LADDER)
    panel = pane.ladder_panel
    qtbot.waitUntil(lambda: panel.state is not None, timeout=30_000)
    assert seen == [False] and pane.is_settled()
    assert panel.headline.text() and panel.tree.topLevelItemCount() == len(panel.state.steps)


def test_a_tab_computed_for_a_case_no_longer_shown_is_not_shown(qtbot, long_window, monkeypatch):
    from plainte.gui import glance

    _spy(monkeypatch, glance, "glance", pause=0.5)
    w = long_window
    pane = w.pane
    pane.tabs.setCurrentIndex(DASHBOARD)
    qtbot.waitUntil(lambda: pane.case is not None, timeout=30_000)  # read; now being computed
    assert not pane.is_settled()  # the tab waits for its figures
    w.case_view.selectRow(w.cases.row_of("demo-red-2016"))
    qtbot.waitUntil(lambda: pane.header.id == "demo-red-2016" and pane.is_settled())
    shown = pane.dashboard.strip.days()
    QThreadPool.globalInstance().waitForDone(30_000)
    qtbot.wait(50)  # the long case's result, delivered (and dropped) by the event loop
    assert pane.dashboard.strip.case.id == "demo-red-2016"
    assert pane.dashboard.strip.days() == shown


@pytest.mark.parametrize("tab", [DASHBOARD, LADDER])
def test_a_failure_computing_a_tab_is_told_and_the_tab_filled_when_shown_again(
    qtbot, long_window, monkeypatch, tab
):
    from plainte.core import ladder
    from plainte.gui import glance

    module, name = (glance, "glance") if tab == DASHBOARD else (ladder, "evaluate")
    real = getattr(module, name)

    def broken(*args, **kwargs):
        raise OSError("disk gone")

    monkeypatch.setattr(module, name, broken)
    told = []
    monkeypatch.setattr("sys.excepthook", lambda kind, error, trace: told.append(error))
    pane = long_window.pane
    pane.tabs.setCurrentIndex(tab)
    qtbot.waitUntil(lambda: bool(told), timeout=30_000)
    assert isinstance(told[0], OSError)
    monkeypatch.setattr(module, name, real)
    pane.tabs.setCurrentIndex(0)
    pane.tabs.setCurrentIndex(tab)
    qtbot.waitUntil(pane.is_settled, timeout=30_000)
    if tab == DASHBOARD:
        assert pane.dashboard.strip.days() is not None
    else:
        assert pane.ladder_panel.state is not None


def test_the_overview_of_a_long_case_read_whole_is_summed_up_by_a_child(
    qtbot, long_window, monkeypatch
):
    """Computed in a worker, it held the window's Python lock 0.3 s at 100,000 events."""
    from plainte.core import overview
    from plainte.gui.case_pane import OVERVIEW

    w = long_window
    pane = w.pane
    pane.tabs.setCurrentIndex(DASHBOARD)
    qtbot.waitUntil(lambda: pane.case is not None and pane.is_settled(), timeout=30_000)
    w.event_ops.log_they_called()  # the case changed: its overview is to be summed again
    qtbot.waitUntil(lambda: pane.case is not None and pane.is_settled(), timeout=30_000)
    seen = _spy(monkeypatch, overview, "compute")
    pane.tabs.setCurrentIndex(OVERVIEW)
    assert not pane.is_settled()  # it waits for the child
    qtbot.waitUntil(pane.is_settled, timeout=30_000)
    assert seen == [] and pane.overview.view is not None
    assert pane.overview.currentIndex() == 1  # the lines, not the placeholder

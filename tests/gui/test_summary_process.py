"""A long case's overview summed up by a child process: the window holds no case for it."""

from __future__ import annotations

import json

import pytest

from plainte.core import overview
from plainte.core.sagafile import parse_saga
from plainte.gui import summary_process
from plainte.gui.case_pane import OVERVIEW, PROMISES
from tests.conftest import saga_doc
from tests.gui.test_timeline_model import _events


@pytest.fixture
def long_window(window, monkeypatch):
    """The window on a 600-event case with promises, summed up apart from 300 events."""
    monkeypatch.setattr(summary_process, "APART", 300)
    events = _events(600)
    for n in range(0, 600, 40):
        events[n]["promises"] = [{"id": f"p{n}", "text": f"Refund {n}", "due": "2025-02-01"}]
    doc = saga_doc(events, id="long")
    window.store.import_cases(parse_saga(json.dumps(doc).encode()).cases, backup=False)
    window.refresh_cases()
    return window


def _select_long(qtbot, window) -> None:
    window.case_view.selectRow(window.cases.row_of("long"))
    qtbot.waitUntil(
        lambda: window.pane.is_settled() and bool(window.pane.figures.text()), timeout=20_000
    )


def test_the_overview_of_a_long_case_comes_from_a_child_and_the_window_holds_no_case(
    qtbot, long_window, monkeypatch
):
    started = []
    real = summary_process.SummaryReader.__init__

    def spy(self, *args) -> None:
        started.append(args[1])
        real(self, *args)

    monkeypatch.setattr(summary_process.SummaryReader, "__init__", spy)
    pane = long_window.pane
    _select_long(qtbot, long_window)
    assert started == ["long"] and pane.case is None
    case = long_window.store.load_case("long")
    day = overview.as_of(case, long_window.today)
    view = overview.compute(case, long_window.ladders.for_case(case), day, "en")
    assert pane.overview.view == overview.lines(view, "en")
    assert pane.overview.currentIndex() == 1
    assert pane.overview.value.text() == pane.overview.view.value
    texts = [
        w.text() for w in pane.overview.findChildren(type(pane.overview.day), "overviewEarlier")
    ]
    assert texts == ["And 10 earlier ones, listed in the Promises tab."]
    assert pane.figures.text().startswith(f"Day {view.days} since")
    pane.tabs.setCurrentIndex(PROMISES)  # a tab that needs the whole case reads it then
    qtbot.waitUntil(lambda: pane.case is not None, timeout=20_000)
    assert len(pane.case.events) == 600 and started == ["long"]


def test_a_child_that_fails_leaves_the_window_to_read_the_case_itself(
    qtbot, long_window, monkeypatch
):
    """Nothing is lost: the overview is computed in the window, as before."""
    real = summary_process.python_process
    monkeypatch.setattr(
        summary_process,
        "python_process",
        lambda args, parent: real(["-c", "import sys; sys.exit(3)"], parent),
    )
    pane = long_window.pane
    _select_long(qtbot, long_window)
    qtbot.waitUntil(
        lambda: pane.case is not None and pane.overview.view is not None, timeout=20_000
    )
    assert pane.overview.currentIndex() == 1 and pane.overview.day.text().startswith("Day ")


def test_a_child_that_says_nonsense_is_reported_as_failed(qtbot, store, monkeypatch):
    real = summary_process.python_process
    monkeypatch.setattr(
        summary_process,
        "python_process",
        lambda args, parent: real(["-c", "print('{\"stats\": 1}')"], parent),
    )
    from PySide6.QtCore import QObject

    owner = QObject()
    from datetime import date

    reader = summary_process.SummaryReader(store.path, "x", date(2026, 1, 1), "en", owner)
    with qtbot.waitSignal(reader.failed, timeout=20_000) as said:
        pass
    assert "not a case summary" in said.args[0]


def test_the_overview_tab_shown_again_waits_for_the_child_instead_of_reading(qtbot, long_window):
    pane = long_window.pane
    long_window.case_view.selectRow(long_window.cases.row_of("long"))
    qtbot.waitUntil(lambda: pane.summing.child is not None, timeout=20_000)
    pane.tabs.setCurrentIndex(1)
    pane.tabs.setCurrentIndex(OVERVIEW)
    qtbot.waitUntil(lambda: pane.overview.view is not None, timeout=20_000)
    assert pane.case is None


def test_the_overview_shown_after_the_timeline_is_summed_up_too(qtbot, long_window):
    """From the timeline (its figures line computed apart), the overview reads no case either."""
    from plainte.gui.case_pane import TIMELINE

    pane = long_window.pane
    pane.tabs.setCurrentIndex(TIMELINE)
    _select_long(qtbot, long_window)
    assert pane.case is None and pane.overview.view is None
    pane.tabs.setCurrentIndex(OVERVIEW)
    qtbot.waitUntil(lambda: pane.overview.view is not None, timeout=20_000)
    assert pane.case is None and pane.is_settled()

"""A window on a long case, and a record of where the whole case is read."""

from __future__ import annotations

import json
import threading

import pytest

from plainte.core.sagafile import parse_saga
from plainte.core.store import Store
from plainte.gui.case_pane import OVERVIEW
from tests.conftest import saga_doc
from tests.gui.test_timeline_model import _events

LONG = 6_000
"""Events of the long case: past the pane's summing apart (5,000), so none is held."""


@pytest.fixture
def reads(monkeypatch) -> list[bool]:
    """Each whole-case read from now on, as whether it ran on the GUI thread."""
    seen: list[bool] = []
    real = Store.load_case

    def spy(self, case_id, **kwargs):
        seen.append(threading.current_thread() is threading.main_thread())
        return real(self, case_id, **kwargs)

    monkeypatch.setattr(Store, "load_case", spy)
    return seen


def open_long(qtbot, window, **fields):
    """Show a 6,000-event case (``fields`` over the defaults) beside the demo sagas."""
    doc = saga_doc(_events(LONG), id="long", **fields)
    window.store.import_cases(parse_saga(json.dumps(doc).encode()).cases, backup=False)
    window.case_ops.load_demo()
    window.refresh_cases()
    window.case_view.selectRow(window.cases.row_of("long"))
    pane = window.pane
    qtbot.waitUntil(lambda: pane.is_settled() and bool(pane.figures.text()), timeout=30_000)
    assert pane.tabs.currentIndex() == OVERVIEW and pane.case is None  # summed up apart
    return window


@pytest.fixture
def long_window(qtbot, window):
    """The window on a 6,000-event case, its overview shown (summed up apart, none held)."""
    return open_long(qtbot, window)

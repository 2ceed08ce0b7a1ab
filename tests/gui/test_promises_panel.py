"""The promises tab: an ended saga's unkept promises read as the overview tells them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from plainte.core.i18n import tr
from plainte.core.model import CaseStatus
from plainte.gui.case_pane import OVERVIEW, PROMISES

STATE = 4  # the state column


def _states(qtbot, window, case_id: str) -> list[str]:
    window.case_view.selectRow(window.cases.row_of(case_id))
    window.pane.tabs.setCurrentIndex(OVERVIEW)
    qtbot.waitUntil(lambda: window.pane.overview.view is not None)
    window.pane.tabs.setCurrentIndex(PROMISES)
    model = window.pane.promises_panel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    return [
        model.index(r, STATE).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())
    ]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("case_id", ["demo-rogers-2010", "demo-red-2016"])
def test_an_ended_sagas_unkept_promise_reads_broken_as_in_the_overview(
    qtbot, window, lang, case_id
):
    window.case_ops.load_demo()
    window.set_language(lang)
    try:
        states = _states(qtbot, window, case_id)
        broken = tr("promise_status.broken", lang)
        assert tr("promise_status.overdue", lang) not in states
        assert states.count(broken) == len(window.pane.overview.view.broken) > 0
    finally:
        window.set_language("en")


def test_a_running_sagas_promise_past_due_is_still_overdue(qtbot, window):
    window.case_ops.load_demo()
    window.editor.set_case_status("demo-red-2016", CaseStatus.OPEN)
    window.refresh_cases()
    assert "Overdue" in _states(qtbot, window, "demo-red-2016")


def test_a_long_list_of_promises_is_sized_without_reading_every_row(qtbot, monkeypatch):
    """2,000 promises: the columns are sized from the first and shown rows, not all of them
    (all held the window 0.3 s at 100,000 events)."""
    import json
    from datetime import date

    from plainte.core.sagafile import parse_saga
    from plainte.gui.promises_panel import PromisesModel, PromisesPanel
    from tests.conftest import saga_doc

    events = [
        {
            "id": f"e{i}",
            "at": f"2025-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}",
            "channel": "phone",
            "direction": "in",
            "promises": [{"id": f"p{i}", "text": f"A credit of {i} euros", "due": "2025-06-01"}],
        }
        for i in range(2_000)
    ]
    case = parse_saga(json.dumps(saga_doc(events)).encode()).cases[0]
    read: set[int] = set()
    data = PromisesModel.data
    monkeypatch.setattr(
        PromisesModel,
        "data",
        lambda self, index, role=0: read.add(index.row()) or data(self, index, role),
    )
    panel = PromisesPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_case(case, date(2026, 1, 1))
    qtbot.waitUntil(lambda: panel.view.horizontalHeader().sectionSize(4) > 0)
    qtbot.wait(50)
    assert panel.model.rowCount() == 2_000
    assert len(read) <= 200, len(read)  # all 2,000 before

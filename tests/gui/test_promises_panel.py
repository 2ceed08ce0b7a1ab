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

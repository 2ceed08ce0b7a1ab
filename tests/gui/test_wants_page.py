"""The "What I want" page of the case dialog: the wants every letter asks for."""

from __future__ import annotations

import json
from datetime import date

from plainte.core.compose import Composer
from plainte.core.ladder import load_ladders
from plainte.core.sagafile import parse_saga
from plainte.gui.case_dialog import CaseDialog


def _case(saga):
    saga["cases"][0].update(
        problem="no_service",
        monthly_price={"amount": 39.99, "currency": "GBP"},
        service_down=[{"from": "2026-08-01", "to": "2026-08-23"}],
        wants=[{"kind": "repair", "by": "2026-09-01"}],
    )
    return parse_saga(json.dumps(saga).encode()).cases[0]


def test_wants_are_edited_and_the_letter_asks_for_them(qtbot, window, saga):
    case = _case(saga)
    dialog = CaseDialog(window, case, window.prefs)
    qtbot.addWidget(dialog)
    page = dialog.wants_page
    assert page.table.rowCount() == 1
    assert page.table.item(0, 2).text() == "2026-09-01"
    page.add_want(None)
    combo = page.table.cellWidget(1, 0)
    combo.setCurrentIndex(combo.findData("compensation"))
    page.table.item(1, 1).setText("75,50")
    page.table.item(1, 3).setText("for three missed appointments")
    edited = dialog.case()
    assert [w.kind for w in edited.wants] == ["repair", "compensation"]
    assert edited.wants[1].amount == 75.5 and edited.wants[0].by.text == "2026-09-01"
    text = Composer(load_ladders()).compose(edited, "complaint", date(2026, 8, 25)).text
    assert "pay me £75.50 in compensation (for three missed appointments)" in text
    assert "by 1 September 2026" in text  # the want's date is the deadline


def test_a_bad_amount_is_refused_in_the_persons_words(qtbot, window, saga):
    dialog = CaseDialog(window, _case(saga), window.prefs)
    qtbot.addWidget(dialog)
    dialog.wants_page.add_want(None)
    dialog.wants_page.table.item(1, 1).setText("lots")
    dialog.accept()
    assert 'The amount "lots" is not a number of money' in dialog.error.text()
    assert dialog.tabs.currentWidget() is dialog.wants_page
    assert dialog.result() == 0  # not accepted: nothing saved

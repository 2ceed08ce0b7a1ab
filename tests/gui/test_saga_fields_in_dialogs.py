"""The saga fields added in November 2026, edited in the case, event and promise dialogs."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import QTime

from plainte.core.model import EventKind
from plainte.core.sagafile import parse_saga
from plainte.gui.case_dialog import CaseDialog
from plainte.gui.event_dialog import EventDialog, PromiseDialog


def _rich_case(saga):
    case = saga["cases"][0]
    case.update(
        problem="no_service",
        monthly_price={"amount": 39.99, "currency": "GBP"},
        service_down=[{"from": "2026-08-03"}],
        wants=[{"kind": "repair"}],
        handles={"bluesky": "examplecom.bsky.social"},
    )
    case["events"][2]["kind"] = "note"
    case["events"][0]["promises"][0]["window"] = {"from": "17:00", "to": "19:00"}
    return parse_saga(json.dumps(saga).encode()).cases[0]


def test_saving_the_case_dialog_unchanged_keeps_every_case_field(qtbot, window, saga):
    case = _rich_case(saga)
    dialog = CaseDialog(window, case, window.prefs)
    qtbot.addWidget(dialog)
    edited = dialog.case()
    assert edited.problem == "no_service"
    assert edited.monthly_price == case.monthly_price
    assert edited.service_down == case.service_down
    assert edited.wants == case.wants
    assert edited.handles == case.handles


def test_the_case_dialog_edits_problem_price_outages_and_handles(qtbot, window, saga):
    case = _rich_case(saga)
    dialog = CaseDialog(window, case, window.prefs)
    qtbot.addWidget(dialog)
    page = dialog.problem_page
    page.problem.setCurrentIndex(page.problem.findData("billing"))
    page.price.clear()
    qtbot.keyClicks(page.price, "24.5")
    page.currency.setCurrentText("EUR")
    page.down.item(0, 1).setText("2026-08-25")
    page.add_period("2026-09-01", "")
    qtbot.keyClicks(dialog.handles_page.edits["mastodon"], "@help@example.social")
    dialog.handles_page.edits["bluesky"].clear()
    edited = dialog.case()
    assert edited.problem == "billing"
    assert (edited.monthly_price.amount, edited.monthly_price.currency) == (24.5, "EUR")
    assert [(p.start.text, p.end.text if p.end else None) for p in edited.service_down] == [
        ("2026-08-03", "2026-08-25"),
        ("2026-09-01", None),
    ]
    assert edited.days_down(date(2026, 9, 4)) == 22 + 3
    assert edited.handles == {"mastodon": "@help@example.social"}


def test_a_bad_outage_date_is_said_on_its_tab_and_nothing_is_saved(qtbot, window, saga):
    dialog = CaseDialog(window, _rich_case(saga), window.prefs)
    qtbot.addWidget(dialog)
    dialog.problem_page.add_period("last week", "")
    dialog.accept()
    assert dialog.result() == 0
    assert 'Not a date: "last week"' in dialog.error.text()
    assert dialog.tabs.currentWidget() is dialog.problem_page
    dialog.problem_page.down.item(1, 0).setText("2026-09-01")
    dialog.problem_page.down.item(1, 1).setText("2026-08-01")
    assert "ends (2026-08-01) before it starts" in dialog.problem_page.validate()


def test_a_new_case_gets_the_countrys_currency_and_no_price(qtbot, window):
    window.prefs.country = "CA-QC"
    dialog = CaseDialog(window, None, window.prefs)
    qtbot.addWidget(dialog)
    assert dialog.problem_page.currency.currentText() == "CAD"
    qtbot.keyClicks(dialog.title, "Panne")
    qtbot.keyClicks(dialog.provider, "Op")
    case = dialog.case()
    assert case.monthly_price is None and case.service_down == [] and case.handles == {}


def test_the_case_dialog_saves_the_fields_into_the_store(qtbot, window, answer, saga):
    window.store.import_cases([_rich_case(saga)])
    window.refresh_cases()
    window.case_view.selectRow(window.cases.row_of("case-1"))

    def fill(dialog: CaseDialog):
        page = dialog.problem_page
        page.problem.setCurrentIndex(page.problem.findData("switching"))
        dialog.accept()

    answer(CaseDialog, fill)
    window.case_ops.edit_case()
    stored = window.store.load_case("case-1")
    assert stored.problem == "switching"
    assert stored.monthly_price.amount == 39.99 and stored.handles


def test_an_event_is_marked_a_note_in_the_event_dialog(qtbot, window, saga):
    case = _rich_case(saga)
    dialog = EventDialog(window, case.events[1], [], window.store.data_dir, is_new=False)
    qtbot.addWidget(dialog)
    assert dialog.result_event().kind is EventKind.CONTACT
    dialog.kind.setCurrentIndex(dialog.kind.findData("note"))
    assert not dialog.answered.isEnabled()  # a note reaches no one
    assert dialog.result_event().kind is EventKind.NOTE
    note = EventDialog(window, case.events[2], [], window.store.data_dir, is_new=False)
    qtbot.addWidget(note)
    assert note.result_event().kind is EventKind.NOTE


def test_a_promise_gets_and_loses_its_call_window(qtbot, window, saga):
    case = _rich_case(saga)
    promise = case.events[0].promises[0]
    dialog = PromiseDialog(window, promise)
    qtbot.addWidget(dialog)
    assert dialog.promise(case.events[0].id).window == promise.window
    dialog.window_from.setTime(QTime(18, 0))
    dialog.window_to.setTime(QTime(20, 30))
    window_now = dialog.promise(case.events[0].id).window
    assert (window_now.start, window_now.end) == ("18:00", "20:30")
    dialog.has_window.setChecked(False)
    assert not dialog.window_from.isEnabled()
    assert dialog.promise(case.events[0].id).window is None
    fresh = PromiseDialog(window)
    qtbot.addWidget(fresh)
    qtbot.keyClicks(fresh.text, "Call back")
    assert fresh.promise("e").window is None
    fresh.has_window.setChecked(True)
    assert (fresh.promise("e").window.start, fresh.promise("e").window.end) == ("17:00", "19:00")

"""The saga fields added in November 2026 go through the case, event and promise dialogs."""

from __future__ import annotations

import json

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


def test_saving_the_case_dialog_keeps_the_case_fields(qtbot, window, saga):
    case = _rich_case(saga)
    dialog = CaseDialog(window, case, window.prefs)
    qtbot.addWidget(dialog)
    edited = dialog.case()
    assert edited.problem == "no_service"
    assert edited.monthly_price == case.monthly_price
    assert edited.service_down == case.service_down
    assert edited.wants == case.wants
    assert edited.handles == case.handles


def test_saving_a_note_in_the_event_dialog_keeps_it_a_note(qtbot, window, saga):
    case = _rich_case(saga)
    dialog = EventDialog(window, case.events[2], [], window.store.data_dir, is_new=False)
    qtbot.addWidget(dialog)
    assert dialog.result_event().kind is EventKind.NOTE


def test_saving_a_promise_keeps_its_window(qtbot, window, saga):
    case = _rich_case(saga)
    promise = case.events[0].promises[0]
    dialog = PromiseDialog(window, promise)
    qtbot.addWidget(dialog)
    assert dialog.promise(case.events[0].id).window == promise.window

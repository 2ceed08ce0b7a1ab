"""Logging on an ended saga: asked first; Reopen stores the event and the reopening as one step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from plainte.core.model import CaseStatus
from plainte.gui.event_dialog import EventDialog

RED = "demo-red-2016"
QUESTION = (
    "This saga ended on September 22, 2016 (switched to another provider). Reopen it to log this?"
)


def _click_when_asked(reopen: bool) -> list[str]:
    """Answer the real question box, once it is up, with its own button; return what it asked."""
    asked: list[str] = []
    tries = iter(range(300))

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if next(tries, None) is not None:
                QTimer.singleShot(10, click)  # not up yet (or never: the test says so)
            return
        asked.append(box.text())
        asked.extend(b.text() for b in box.buttons())
        if reopen:
            button = next(
                b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
            )
        else:
            button = box.button(QMessageBox.StandardButton.Cancel)
        button.click()

    QTimer.singleShot(0, click)
    return asked


@pytest.fixture
def red(qtbot, window, reopen_question):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of(RED))
    qtbot.waitUntil(lambda: window.pane.case is not None and "Day 10" in window.pane.figures.text())
    return window


def test_a_quick_log_on_an_ended_saga_asks_and_cancel_stores_nothing(qtbot, red):
    before = len(red.store.load_case(RED).events)
    steps = red.undo_stack.count()
    asked = _click_when_asked(reopen=False)
    red.acts["they_called"].trigger()  # Ctrl+1
    assert asked[0] == QUESTION and set(asked[1:]) == {"Reopen and log", "Cancel"}
    case = red.store.load_case(RED)
    assert len(case.events) == before and case.status is CaseStatus.SWITCHED
    assert red.undo_stack.count() == steps
    red.pane.read_case()
    assert red.pane.figures.text().startswith("Day 10 since")  # no jump to today


def test_reopen_stores_the_event_and_the_status_as_one_undo_step(qtbot, red):
    before = len(red.store.load_case(RED).events)
    steps = red.undo_stack.count()
    asked = _click_when_asked(reopen=True)
    red.acts["they_called"].trigger()
    assert asked[0] == QUESTION
    case = red.store.load_case(RED)
    assert len(case.events) == before + 1 and case.status is CaseStatus.OPEN
    assert red.undo_stack.count() == steps + 1
    assert (
        red.statusBar()
        .currentMessage()
        .startswith("Saga reopened and logged: They called, no message.")
    )
    assert red.undo_stack.undoText() == "Reopen the saga and log: They called, no message"
    red.set_language("fr")  # the undo step is said in the language of the moment
    assert red.undo_stack.undoText() == "Rouvrir la saga et noter : Ils ont appelé, sans message"
    red.undo_stack.undo()
    case = red.store.load_case(RED)
    assert len(case.events) == before and case.status is CaseStatus.SWITCHED


def test_the_event_dialog_asks_too_and_an_event_inside_the_saga_does_not(
    qtbot, red, answer, monkeypatch
):
    asked: list[str] = []

    def reopen(box: QMessageBox) -> int:
        asked.append(box.text())
        asked.extend(b.text() for b in box.buttons())
        next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        ).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", reopen)
    answer(EventDialog, lambda d: (d.when.edit.setText("2016-09-15 10:00"), d.accept()))
    red.acts["new_event"].trigger()  # inside the saga: a forgotten contact, no question
    assert asked == []
    assert red.store.load_case(RED).status is CaseStatus.SWITCHED
    answer(EventDialog, lambda d: d.accept())  # now, years after the end
    red.acts["new_event"].trigger()
    assert asked[0] == QUESTION
    assert red.store.load_case(RED).status is CaseStatus.OPEN


def test_the_question_speaks_the_interface_language(qtbot, red):
    red.set_language("fr")
    asked = _click_when_asked(reopen=False)
    red.acts["they_called"].trigger()
    assert asked[0] == (
        "Cette saga a pris fin le 22 septembre 2016 (changement de fournisseur)."
        " La rouvrir pour noter ceci ?"
    )
    assert set(asked[1:]) == {"Rouvrir et noter", "Annuler"}  # not Qt's English "Cancel"
    assert red.store.load_case(RED).status is CaseStatus.SWITCHED


def test_logging_after_a_long_ended_saga_asks_without_reading_it_whole(
    qtbot, window, reads, monkeypatch
):
    """The day it ended is read from its end: no whole read of 6,000 events on the GUI thread."""
    from plainte.core.dated import judged_on
    from plainte.gui.operations.events import EventOps
    from tests.gui.operations.conftest import LONG, open_long

    w = open_long(qtbot, window, status="switched")
    ended_on = judged_on(w.store.load_case("long"), w.today)
    asked = []

    def ask(_ops, day, _event, _label) -> bool:
        asked.append(day)
        return False  # kept ended

    monkeypatch.setattr(EventOps, "ask_to_reopen", ask)
    reads.clear()
    w.acts["they_called"].trigger()
    assert asked == [ended_on] and reads == []
    assert len(w.store.load_case("long").events) == LONG  # nothing stored

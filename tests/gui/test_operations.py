"""The one way in for a change: stored and undoable, or reported once and not on the stack."""

from __future__ import annotations

from pathlib import Path

import plainte.gui
from plainte.core.model import CaseStatus, Channel, Direction
from plainte.gui import commands

GUI = Path(plainte.gui.__file__).parent


def test_a_change_is_stored_undoable_and_confirmed(qtbot, window, no_modal_boxes):
    window.case_ops.load_demo()
    case_id = window.case.id
    window.editor.set_case_status(case_id, CaseStatus.OPEN)  # a running saga: no question
    window.refresh_cases()
    before = len(window.store.load_case(case_id).events)
    event = window.event_ops.draft(Channel.PHONE, Direction.IN, answered=False)
    assert window.event_ops.save(event, "They called")
    assert len(window.store.load_case(case_id).events) == before + 1
    assert "They called" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert len(window.store.load_case(case_id).events) == before
    assert no_modal_boxes == []


def test_a_failed_change_is_reported_once_and_leaves_no_undo_step(qtbot, window, no_modal_boxes):
    event = window.event_ops.draft(Channel.PHONE, Direction.IN)
    command = commands.SaveEvent(window.editor, "no-such-case", event, "x")
    assert window.ops.apply(command, "done") is False
    assert len(no_modal_boxes) == 1
    assert window.undo_stack.count() == 0
    assert window.statusBar().currentMessage() != "done"


def test_the_main_window_keeps_layout_and_wiring_only():
    assert len((GUI / "main_window.py").read_text().splitlines()) < 350
    sizes = {p.name: len(p.read_text().splitlines()) for p in GUI.rglob("*.py")}
    assert max(sizes.values()) <= 400, sizes

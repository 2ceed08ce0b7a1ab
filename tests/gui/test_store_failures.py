"""A change the store cannot take is reported where the person is, and leaves no undo step."""

from __future__ import annotations

import sqlite3

from plainte.core.model import Channel, Direction


def test_an_edit_while_another_process_writes_is_reported_not_lost(qtbot, window, no_modal_boxes):
    window.case_ops.load_demo()
    case_id = window.case.id
    before = len(window.store.load_case(case_id).events)
    window.store.conn.execute("PRAGMA busy_timeout=100")
    other = sqlite3.connect(window.store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        event = window.event_ops.draft(Channel.PHONE, Direction.IN, answered=False)
        assert window.event_ops.save(event, "They called") is False
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert window.undo_stack.count() == 0
    assert len(no_modal_boxes) == 1
    assert "another plainte is writing" in no_modal_boxes[0]
    assert "database is locked" not in no_modal_boxes[0]
    assert len(window.store.load_case(case_id).events) == before


def test_an_edit_after_the_store_was_moved_is_refused(qtbot, window, no_modal_boxes, tmp_path):
    window.case_ops.load_demo()
    undo_steps = window.undo_stack.count()
    window.store.path.rename(tmp_path / "elsewhere.sqlite")
    event = window.event_ops.draft(Channel.PHONE, Direction.IN, answered=False)
    assert window.event_ops.save(event, "They called") is False
    assert window.undo_stack.count() == undo_steps
    assert "deleted or moved" in no_modal_boxes[-1]

"""A change the store cannot take is reported where the person is, and leaves no undo step."""

from __future__ import annotations

import sqlite3

from plainte.core.model import CaseStatus, Channel, Direction


def test_an_edit_while_another_process_writes_is_reported_not_lost(qtbot, window, no_modal_boxes):
    window.case_ops.load_demo()
    case_id = window.case.id
    window.editor.set_case_status(case_id, CaseStatus.OPEN)  # a running saga: no question
    window.refresh_cases()
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
    window.editor.set_case_status(window.case.id, CaseStatus.OPEN)  # a running saga
    window.refresh_cases()
    undo_steps = window.undo_stack.count()
    window.store.path.rename(tmp_path / "elsewhere.sqlite")
    event = window.event_ops.draft(Channel.PHONE, Direction.IN, answered=False)
    assert window.event_ops.save(event, "They called") is False
    assert window.undo_stack.count() == undo_steps
    assert "deleted or moved" in no_modal_boxes[-1]


def test_the_window_sees_a_change_made_by_another_process(qtbot, window):
    from plainte.core.editor import Editor
    from plainte.core.store import Store

    window.case_ops.load_demo()
    case_id = window.case.id
    other = Store.open(window.store.data_dir, daily_backup=False)
    case = other.load_case(case_id)
    case.title = "Renamed from the command line"
    Editor(other).save_case(case)
    other.close()
    qtbot.waitUntil(lambda: window.case.title == "Renamed from the command line", timeout=5000)


def test_saving_a_stale_case_is_refused_and_the_latest_shown(qtbot, window, no_modal_boxes):
    from plainte.core.editor import Editor
    from plainte.core.store import Store
    from plainte.gui import commands

    window.case_ops.load_demo()
    base = window.case
    other = Store.open(window.store.data_dir, daily_backup=False)
    changed = other.load_case(base.id)
    changed.notes = "Written by the command line"
    Editor(other).save_case(changed)
    other.close()
    mine = window.store.load_case(base.id)
    mine.notes, mine.title = base.notes, "Stale title"
    steps = window.undo_stack.count()
    assert window.ops.apply(commands.SaveCase(window.editor, mine, "edit", base)) is False
    assert "changed elsewhere" in no_modal_boxes[-1]
    assert window.undo_stack.count() == steps
    assert window.store.load_case(base.id).notes == "Written by the command line"
    assert window.case.notes == "Written by the command line"

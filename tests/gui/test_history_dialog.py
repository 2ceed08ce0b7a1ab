"""The history dialog (Ctrl+H, and the saga's own history), and corrections vs amendments."""

from __future__ import annotations

from PySide6.QtCore import Qt

from plainte.gui.case_dialog import CaseDialog
from plainte.gui.event_dialog import EventDialog
from plainte.gui.history_dialog import HistoryDialog


def _row_of(window, event_id: str) -> int:
    model = window.pane.timeline
    return next(r for r in range(model.rowCount()) if model.event_at(r).id == event_id)


def _summary(window, event_id: str, role=Qt.ItemDataRole.DisplayRole) -> str:
    model = window.pane.timeline
    index = model.index(_row_of(window, event_id), model.COLUMNS.index("summary"))
    return index.data(role) or ""


def _new_case(qtbot, window, answer) -> None:
    def fill(dialog: CaseDialog):
        dialog.title.insert("Internet down")
        qtbot.keyClicks(dialog.provider, "Examplecom")
        dialog.accept()

    answer(CaseDialog, fill)
    window.case_ops.new_case()


def _history_text(window) -> str:
    return window.history_box.text.toPlainText().replace("\u202f", " ")


def test_ctrl_h_with_no_event_selected_says_so(qtbot, window, answer):
    _new_case(qtbot, window, answer)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert "Select an event in the timeline" in window.statusBar().currentMessage()
    assert getattr(window, "history_box", None) is None


def test_the_history_dialog_lists_field_changes_original_first(
    qtbot, window, answer, journal_clock
):
    window.case_ops.load_demo()
    journal_clock(60)
    window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
    window.pane.timeline_view.selectRow(_row_of(window, "e3"))

    def fill(d: EventDialog):
        d.channel.setCurrentIndex(d.channel.findData("chat"))
        d.counterpart.setText("Sonia")
        d.accept()

    answer(EventDialog, fill)
    window.event_ops.edit_event()
    window.pane.timeline_view.selectRow(_row_of(window, "e3"))
    qtbot.keyClick(window.pane.timeline_view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    box = window.history_box
    assert isinstance(box, HistoryDialog)
    qtbot.waitUntil(box.isVisible)
    assert box.windowTitle() == "History"
    text = _history_text(window)
    first, *rest = text.split("\n\n")
    assert "Event logged (the original)" in first and "Channel: Direct message" in first
    amended = next(block for block in rest if "Event amended" in block)
    assert "Channel: Direct message → Chat" in amended
    assert "Agent: @RED_by_SFR → Sonia" in amended
    assert "Send this now" not in text

    box.close()
    window.set_language("fr")
    window.pane.timeline_view.selectRow(_row_of(window, "e3"))
    window.acts["history"].trigger()
    french = _history_text(window)
    assert window.history_box.windowTitle() == "Historique"
    assert "Événement saisi (l'original)" in french and "Canal : Message privé → Chat" in french
    assert "Event" not in french and "Channel" not in french


def test_a_fix_right_after_logging_is_not_marked_amended(qtbot, window, answer, journal_clock):
    _new_case(qtbot, window, answer)
    journal_clock("2026-08-22T14:00:00+00:00")
    answer(EventDialog, lambda d: (d.summary.setPlainText("Called suport"), d.accept()))
    window.event_ops.new_event()
    event_id = window.pane.timeline.event_at(0).id

    journal_clock("2026-08-22T14:04:00+00:00")  # four minutes later: the typo fixed
    window.pane.timeline_view.selectRow(0)
    answer(EventDialog, lambda d: (d.summary.setPlainText("Called support"), d.accept()))
    window.event_ops.edit_event()
    assert _summary(window, event_id) == "Called support"  # no ✎
    assert "Amended" not in _summary(window, event_id, Qt.ItemDataRole.ToolTipRole)
    window.pane.timeline_view.selectRow(0)
    window.event_ops.show_history()
    assert "Event corrected within 10 minutes of logging" in _history_text(window)

    journal_clock("2026-08-22T16:00:00+00:00")  # two hours later: an amendment
    window.pane.timeline_view.selectRow(0)
    answer(EventDialog, lambda d: (d.summary.setPlainText("Called support twice"), d.accept()))
    window.event_ops.edit_event()
    assert _summary(window, event_id).startswith("✎ Called support twice")
    tip = _summary(window, event_id, Qt.ItemDataRole.ToolTipRole)
    assert "Amended on August 22, 2026" in tip


def test_the_amended_day_in_the_timeline_is_the_local_one(
    qtbot, window, answer, journal_clock, local_zone
):
    local_zone("America/Toronto")
    journal_clock("2026-08-23T02:00:00+00:00")
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
    journal_clock("2026-08-23T03:30:00+00:00")  # 23:30 on 22 August in Montréal
    window.pane.timeline_view.selectRow(_row_of(window, "e3"))
    answer(EventDialog, lambda d: (d.counterpart.setText("Sonia"), d.accept()))
    window.event_ops.edit_event()
    tip = _summary(window, "e3", Qt.ItemDataRole.ToolTipRole)
    assert "Amended on August 22, 2026" in tip


def test_the_saga_history_shows_its_own_fields(qtbot, window, answer, journal_clock):
    _new_case(qtbot, window, answer)
    journal_clock(60)
    answer(CaseDialog, lambda d: (d.title.setText("Internet down for a month"), d.accept()))
    window.case_ops.edit_case()
    window.acts["case_history"].trigger()
    text = _history_text(window)
    assert "Saga created (the original)" in text
    assert "Title: Internet down → Internet down for a month" in text
    assert "Saga details changed" in text

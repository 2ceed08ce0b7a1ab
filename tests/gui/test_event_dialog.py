"""The event dialog holds still, shows its promises' due dates, refuses one before the event."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from plainte.core.model import Channel, Direction, Event, Promise, parse_typed_when
from plainte.gui.event_dialog import EventDialog
from plainte.gui.promise_dialog import PromiseDialog


def _event(at: str = "2026-08-20 10:00") -> Event:
    return Event(id="e1", at=parse_typed_when(at), channel=Channel.PHONE, direction=Direction.OUT)


def _dialog(qtbot, store, event: Event) -> EventDialog:
    dialog = EventDialog(None, event, [], store.data_dir, is_new=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_event_dialog_holds_still_as_fields_change_and_promises_come(qtbot, store, answer):
    dialog = _dialog(qtbot, store, _event())
    save = dialog.buttons
    before = (dialog.height(), save.geometry(), dialog.summary.geometry())
    for index in range(dialog.channel.count()):
        dialog.channel.setCurrentIndex(index)
    dialog.kind.setCurrentIndex(dialog.kind.findData("note"))
    for n in range(5):

        def fill(d: PromiseDialog, n=n):
            qtbot.keyClicks(d.text, f"Promise number {n}, with a long text that goes on")
            d.due.edit.setText(f"2026-08-2{n + 1}")
            d.accept()

        answer(PromiseDialog, fill)
        dialog.add_promise()
    dialog.when.edit.setText("in a while")
    dialog.accept()  # refused: the message appears in its reserved place
    assert "in a while" in dialog.when.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    qtbot.wait(10)
    assert (dialog.height(), save.geometry(), dialog.summary.geometry()) == before


def test_promise_due_dates_show_whole_in_their_own_column(qtbot, store):
    event = _event()
    event.promises = [
        Promise(
            id="p1",
            text="A technician will come and replace the modem, and the bill will be credited",
            due=parse_typed_when("2026-08-25"),
            event_id="e1",
        )
    ]
    dialog = _dialog(qtbot, store, event)
    view = dialog.promise_list
    item = view.topLevelItem(0)
    assert item.text(1) == "2026-08-25"
    cell = view.visualItemRect(item)
    cell.setLeft(view.header().sectionViewportPosition(1))
    cell.setWidth(view.columnWidth(1))
    assert view.viewport().rect().contains(cell)
    assert view.fontMetrics().horizontalAdvance("2026-08-25") < view.columnWidth(1)


def test_a_due_date_before_the_event_is_refused_next_to_its_field(qtbot, store, answer):
    dialog = _dialog(qtbot, store, _event("2026-08-20 10:00"))
    seen = {}

    def fill(d: PromiseDialog):
        qtbot.keyClicks(d.text, "Refund within a week")
        d.due.edit.setText("2026-08-19")
        d.accept()
        seen["refused"] = d.result() != QDialog.DialogCode.Accepted
        seen["message"] = d.due.error.text()
        d.due.edit.setText("2026-08-27")
        d.accept()

    answer(PromiseDialog, fill)
    dialog.add_promise()
    assert seen["refused"] and "2026-08-20" in seen["message"]
    assert dialog.promise_list.topLevelItem(0).text(1) == "2026-08-27"
    dialog.when.edit.setText("2026-08-30 09:00")  # now the promise is due before the event
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "2026-08-30" in dialog.promise_error.text()
    dialog.when.edit.setText("2026-08-21 09:00")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.result_event().promises[0].due.text == "2026-08-27"

"""The call window opens wholly on the screen."""

from __future__ import annotations

from datetime import datetime

import pytest

from plainte.gui.call_window import CallWindow


@pytest.mark.parametrize("corner", ["bottom_right", "top_left"])
def test_call_window_opens_wholly_on_its_screen(qtbot, window, corner):
    call = CallWindow(window, "Rogers", datetime(2026, 8, 22, 10, 0))
    qtbot.addWidget(call)
    area = window.screen().availableGeometry()
    if corner == "bottom_right":
        call.move(area.right() - 40, area.bottom() - 40)
    else:
        call.move(area.left() - 200, area.top() - 200)
    call.show()
    qtbot.waitExposed(call)
    assert area.contains(call.frameGeometry())
    assert call.width() > 0 and call.height() > 0


def test_hanging_up_offers_a_recap_with_the_promise_s_date_and_the_notes_apart(
    qtbot, window, answer, no_modal_boxes
):
    from PySide6.QtCore import Qt

    from .test_main_paths import _new_case

    _new_case(qtbot, window, answer)
    call = window.call_ops.on_a_call()
    qtbot.addWidget(call)
    qtbot.keyClicks(call.agent, "Priya")
    qtbot.keyClicks(call.promise, "A credit of £20")
    qtbot.keyClicks(call.due.edit, "2026-08-29")
    qtbot.keyClicks(call.notes, "She read the outage log aloud")
    qtbot.mouseClick(call.hang_up, Qt.MouseButton.LeftButton)
    assert no_modal_boxes == []
    recap = window.recap_box.text.toPlainText()
    agreed, _, notes = recap.partition("My own notes of the call, for the record:")
    assert "what you undertook to do:\n- A credit of £20, by 29 August 2026." in agreed
    assert "She read the outage log" not in agreed
    assert notes.startswith(' "She read the outage log aloud"')
    assert "in writing, in reply to this message, by 29 August 2026" in notes


def test_a_bad_due_date_waits_for_hang_up_and_moves_nothing(qtbot, window):
    call = CallWindow(window, "Rogers", datetime(2026, 8, 22, 10, 0))
    qtbot.addWidget(call)
    call.show()
    qtbot.waitExposed(call)
    below = call.hang_up.geometry()
    qtbot.keyClicks(call.promise, "A technician will call back")
    call.due.edit.setFocus()
    qtbot.keyClicks(call.due.edit, "tomorrow")
    assert call.due.error.text() == ""  # while typing: no message
    with qtbot.assertNotEmitted(call.logged):
        call.finish()
    text = call.due.error.text()
    assert "tomorrow" in text
    assert call.due.error.heightForWidth(call.due.error.width()) <= call.due.error.height()
    assert call.hang_up.geometry() == below
    call.due.edit.setText("2026-08-21")  # before the call
    with qtbot.assertNotEmitted(call.logged):
        call.finish()
    assert "2026-08-22" in call.due.error.text()
    call.due.edit.setText("2026-08-24")
    with qtbot.waitSignal(call.logged) as logged:
        call.finish()
    assert logged.args[0].promises[0].due.text == "2026-08-24"


def test_the_by_when_placeholder_is_a_week_after_the_call(window):
    call = CallWindow(window, "Rogers", datetime(2026, 12, 30, 10, 0))
    assert call.due.edit.placeholderText() == "2027-01-06"


def test_the_call_window_opens_beside_the_case_not_over_the_menus(qtbot, window):
    window.move(0, 0)
    window.resize(780, 560)
    qtbot.waitUntil(lambda: window.width() == 780)
    call = CallWindow(window, "Rogers", datetime(2026, 8, 22, 10, 0))
    qtbot.addWidget(call)
    call.show()
    qtbot.waitExposed(call)
    toolbar = window.quick_bar
    below_toolbar = toolbar.mapToGlobal(toolbar.rect().bottomLeft()).y()
    assert call.frameGeometry().top() > below_toolbar  # menus and quick logs stay reachable
    assert call.frameGeometry().center().x() > window.frameGeometry().center().x()
    assert window.screen().availableGeometry().contains(call.frameGeometry())

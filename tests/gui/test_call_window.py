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

"""The figures tab shows the case's contrasts, strongest first, in the interface language."""

from __future__ import annotations

from datetime import date

import pytest

from plainte.core import i18n
from plainte.core.demo import demo_files
from plainte.core.sagafile import read_saga
from plainte.gui.dashboard import Dashboard
from plainte.gui.widgets import PlainLabel


@pytest.fixture
def demos() -> dict:
    return {c.id: c for path in demo_files() for c in read_saga(path).cases}


def test_the_contrasts_of_each_demo(qtbot, demos):
    board = Dashboard()
    qtbot.addWidget(board)
    board.show()
    board.show_case(demos["demo-rogers-2010"], date(2010, 7, 20))
    panel = board.contrasts
    assert list(panel.cells)[:2] == ["window", "silent"]
    assert panel.cells["window"][0].text() == "8/8"
    assert "5\u00a0pm–7\u00a0pm" in panel.cells["window"][1].text()
    assert panel.cells["silent"][0].text() == "4" and "July 8" in panel.cells["silent"][1].text()
    assert panel.lead.text().startswith("The strongest contrast: 8 calls outside")
    i18n.set_language("fr")
    board.show_case(demos["demo-red-2016"], date(2016, 10, 1))
    assert list(panel.cells)[:2] == ["private", "public"]
    assert panel.cells["private"][0].text() == "4\u00a0h\u00a05\u00a0min"
    assert panel.cells["public"][0].text() == "35 minutes"
    assert "message privé sans réponse pendant 4" in panel.lead.text()
    # nothing left over from the other case: out of the grid, hidden at once
    assert panel.grid.count() == 2 * len(panel.cells)
    stale = [w for w in panel.findChildren(PlainLabel) if w.objectName() == "highlight_window"]
    assert stale and all(w.isHidden() for w in stale)
    board.show_case(None, date(2016, 10, 1))
    assert not panel.isVisible()

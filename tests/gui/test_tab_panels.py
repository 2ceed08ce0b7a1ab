"""Tab panels built on first use: one panel per page, wired once, none before it is asked for."""

from __future__ import annotations

from plainte.gui.case_pane import DASHBOARD, LADDER, PROMISES
from plainte.gui.tab_panels import TabPanels

KINDS = {
    1: ("label", "PySide6.QtWidgets", "QLabel"),
    2: ("button", "PySide6.QtWidgets", "QPushButton"),
}


def test_a_panel_is_built_once_into_its_page_and_wired_once(qtbot):
    panels = TabPanels(KINDS)
    for page in panels.pages.values():
        qtbot.addWidget(page)
    wired = []
    panels.when_built(lambda name, panel: wired.append(("early", name)))
    assert panels.built == {} and wired == []
    label = panels.get(1)
    assert panels.get(1) is label and label.parent() is panels.pages[1]
    panels.when_built(lambda name, panel: wired.append(("late", name)))  # told of the built one
    panels.get(2)
    assert wired == [("early", "label"), ("late", "label"), ("early", "button"), ("late", "button")]


def test_the_case_tabs_are_built_when_first_shown(qtbot, window):
    window.case_ops.load_demo()
    assert window.pane.panels.built == {}  # the first frame shows the overview only
    window.pane.tabs.setCurrentIndex(LADDER)
    assert set(window.pane.panels.built) == {LADDER}
    assert window.pane.ladder_panel.tree.topLevelItemCount() > 0  # filled as it was built
    window.pane.tabs.setCurrentIndex(PROMISES)
    window.pane.tabs.setCurrentIndex(DASHBOARD)
    assert set(window.pane.panels.built) == {LADDER, PROMISES, DASHBOARD}

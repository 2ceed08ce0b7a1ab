"""The main window opens on a real store and lists the demo cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication

from plainte.core import i18n, paths
from plainte.gui.main_window import MainWindow


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store, date(2016, 10, 1))
    qtbot.addWidget(win)
    win.show()
    return win


def test_empty_store_shows_the_wry_empty_state(window):
    assert window.pages.currentWidget() is window.empty
    assert "Lucky you" in window.empty.findChildren(type(window.title))[0].text()


def test_demo_button_lists_the_demo_cases(qtbot, window):
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 1
    model = window.cases
    providers = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert providers == {"RED by SFR", "Rogers"}
    assert window.timeline.rowCount() == 7  # the first case, RED by SFR, is selected
    assert "RED by SFR" in window.title.text()


def test_selecting_a_case_shows_its_timeline(qtbot, window):
    window.load_demo()
    row = window.cases.row_of("demo-rogers-2010")
    window.case_view.selectRow(row)
    assert window.timeline.rowCount() == 14
    first = window.filter.index(0, 0).data()
    assert first == "Jul 5, 2010, 8:15 pm"


def test_channel_filter_and_search(qtbot, window):
    window.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    window.channel_box.setCurrentIndex(window.channel_box.findData("phone"))
    assert window.filter.rowCount() == 9
    qtbot.keyClicks(window.search, "aucun message")
    assert window.filter.rowCount() == 7
    window.channel_box.setCurrentIndex(0)
    window.search.clear()
    assert window.filter.rowCount() == 14


def test_window_speaks_french(qtbot, store):
    i18n.set_language("fr")
    store_window = MainWindow(store, date(2016, 10, 1))
    qtbot.addWidget(store_window)
    store_window.load_demo()
    header = store_window.timeline.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Quand"
    assert "Jour" in store_window.figures.text()


def test_default_data_dir_matches_qt(qapp, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    name, org = QApplication.applicationName(), QApplication.organizationName()
    QApplication.setApplicationName("plainte")
    QApplication.setOrganizationName("")
    try:
        qt = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert Path(qt) == paths.default_data_dir()
    finally:
        QApplication.setApplicationName(name)
        QApplication.setOrganizationName(org)

"""The main window on a real store: lists, filters, language, data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QLabel

from plainte.core import i18n, paths
from plainte.core.demo import demo_files
from plainte.core.sagafile import read_saga
from plainte.gui.case_pane import DASHBOARD, LADDER, PROMISES, TIMELINE


def test_empty_store_shows_the_wry_empty_state(window):
    assert window.pages.currentWidget() is window.empty
    assert "Lucky you" in window.empty.findChild(type(window.pane.title), "emptyHeadline").text()
    assert not window.acts["compose"].isEnabled()


def test_demo_button_lists_the_demo_cases(qtbot, window):
    qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentIndex() == 1
    model = window.cases
    providers = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert providers == {"RED by SFR", "Rogers"}
    assert window.pane.timeline.rowCount() == 8  # the first case, RED by SFR, is selected
    assert "RED by SFR" in window.pane.title.text()


def test_selecting_a_case_shows_its_timeline_promises_and_ladder(window):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    assert window.pane.timeline.rowCount() == 14
    assert window.pane.filter.index(0, 0).data() == "Jul 5, 2010, 8:15\u202fPM"
    assert window.pane.promises_panel.model.rowCount() == 0  # filled when its tab is shown
    window.pane.tabs.setCurrentIndex(PROMISES)
    assert window.pane.promises_panel.model.rowCount() == 2
    assert window.pane.promises_panel.model.entries[0].state == "broken"  # the saga ended
    assert window.pane.promises_panel.model.entries[1].state == "broken"
    window.pane.tabs.setCurrentIndex(LADDER)
    assert "CCTS" in window.pane.ladder_panel.tree.topLevelItem(3).text(0)  # the interface language
    reviewed = window.pane.ladder_panel.reviewed.text()
    assert reviewed == "Rules last checked on November 23, 2026."
    window.pane.tabs.setCurrentIndex(DASHBOARD)
    assert window.pane.dashboard.values["calls_without_message"].text() == "7"


def test_channel_filter_and_search(qtbot, window):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    window.pane.channel_box.setCurrentIndex(window.pane.channel_box.findData("phone"))
    assert window.pane.filter.rowCount() == 9
    qtbot.keyClicks(window.pane.search, "aucun message")
    assert window.pane.filter.rowCount() == 7
    window.pane.channel_box.setCurrentIndex(0)
    window.pane.search.clear()
    assert window.pane.filter.rowCount() == 14


def test_switching_language_needs_no_restart(qtbot, window):
    window.case_ops.load_demo()
    window.set_language("fr")
    assert window.pane.timeline.headerData(0, Qt.Orientation.Horizontal) == "Quand"
    assert [
        m.title() for m in window.menuBar().findChildren(type(window.menuBar().actions()[0].menu()))
    ]
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Fichier" in titles and "&Langue" in titles
    qtbot.waitUntil(lambda: "Jour" in window.pane.figures.text())
    assert window.pane.tabs.tabText(TIMELINE) == "Chronologie"
    window.set_language("en")
    assert window.pane.tabs.tabText(TIMELINE) == "Timeline"
    assert i18n.language() == "en"


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


def test_case_headline_counts_the_silent_calls_a_saga_is_about(qtbot, window):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    qtbot.waitUntil(lambda: "Day 5" in window.pane.figures.text())
    text = window.pane.figures.text()
    assert "14 contacts, 1 unanswered · 7 calls received without a message ·" in text
    window.set_language("fr")
    qtbot.waitUntil(lambda: "Jour" in window.pane.figures.text())
    text = window.pane.figures.text()
    assert "14 contacts dont 1 resté sans réponse · 7 appels reçus sans message ·" in text


def test_on_a_call_reads_as_french_for_a_call(window):
    window.set_language("fr")
    text = window.acts["on_call"].text()
    assert "En ligne" not in text and "Appel en cours" in text  # "en ligne" means online


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_column_is_visible_without_sideways_scrolling(qtbot, window, lang):
    window.case_ops.load_demo()
    if lang != i18n.language():
        window.set_language(lang)
    window.resize(1000, 640)
    qtbot.waitUntil(lambda: window.width() == 1000)
    QApplication.processEvents()
    for view in (window.case_view, window.pane.timeline_view):
        bar = view.horizontalScrollBar()
        assert not bar.isVisible() or bar.maximum() == 0, view.objectName()
    window.set_language("en")


@pytest.mark.parametrize(("lang", "label"), [("en", "When:"), ("fr", "Quand\u00a0:")])
def test_quick_when_box_has_a_visible_label(qtbot, window, lang, label):
    window.set_language(lang)

    def shown() -> list[str]:
        return [
            w.text()
            for w in window.findChildren(QLabel)
            if w.buddy() is window.when_box and w.isVisible()
        ]

    qtbot.waitUntil(lambda: shown() == [label], timeout=2000)
    window.set_language("en")


def _elided(view, column: int) -> list[str]:
    """The texts of ``column`` that its cells are too narrow to show whole."""
    style = view.style()
    margin = 2 * (style.pixelMetric(style.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    metrics = view.fontMetrics()
    model = view.model()
    texts = [str(model.index(r, column).data()) for r in range(model.rowCount())]
    texts.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
    return [t for t in texts if metrics.horizontalAdvance(t) + margin > view.columnWidth(column)]


@pytest.mark.parametrize("size", [(1000, 640), (1400, 900)])
def test_french_statuses_are_whole_in_the_case_list_at_its_default_width(qtbot, store, size):
    from plainte.gui.case_list_model import CaseListModel
    from plainte.gui.main_window import MainWindow
    from plainte.gui.settings import Preferences

    from .conftest import TODAY

    i18n.set_language("fr")
    try:
        win = MainWindow(store, TODAY, Preferences(language="fr"))
        qtbot.addWidget(win)
        win.case_ops.load_demo()
        win.resize(*size)
        win.show()
        qtbot.waitUntil(lambda: win.width() == size[0])
        QApplication.processEvents()
        statuses = {win.cases.index(r, 2).data() for r in range(win.cases.rowCount())}
        assert "Parti ailleurs" in statuses  # the RED saga ended with a switch
        whole = ("status", "days", "broken") + (("provider",) if size[0] >= 1400 else ())
        for key in whole:
            column = CaseListModel.COLUMNS.index(key)
            assert _elided(win.case_view, column) == [], key
        assert win.case_view.width() <= 0.45 * size[0]  # the case keeps most of the window
        bar = win.case_view.horizontalScrollBar()
        assert not bar.isVisible() or bar.maximum() == 0
    finally:
        i18n.set_language("en")


def test_the_case_list_width_and_window_size_come_back_after_a_restart(qtbot, store):
    from plainte.gui.main_window import MainWindow
    from plainte.gui.settings import Preferences

    from .conftest import TODAY

    first = MainWindow(store, TODAY, Preferences())
    qtbot.addWidget(first)
    first.case_ops.load_demo()
    first.resize(760, 560)  # within the offscreen screen: a restored window is kept on it
    first.show()
    qtbot.waitUntil(lambda: first.width() == 760)
    first.splitter.setSizes([300, 460])
    kept = first.splitter.sizes()[0]
    first.close()

    second = MainWindow(store, TODAY, Preferences())
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (760, 560)
    assert second.splitter.sizes()[0] == kept
    second.set_language("fr")  # rebuilt in French: the person's split stays
    QApplication.processEvents()
    assert second.splitter.sizes()[0] == kept
    second.set_language("en")


def test_the_app_start_reads_even_a_short_saga_once_its_first_frame_is_painted(
    qtbot, store, monkeypatch
):
    from plainte.gui.app import open_main_window

    from .conftest import TODAY

    monkeypatch.setattr("plainte.gui.settings.save", lambda prefs, settings=None: None)
    store.import_cases(read_saga(demo_files()[0]).cases, backup=False)
    win = open_main_window(store, TODAY)
    qtbot.addWidget(win)
    assert win.pane.timeline.is_short() and win.pane.timeline.rowCount() > 0
    assert win.pane.case is None and win.pane.figures.text() == ""  # nothing computed yet
    win.show()
    qtbot.waitUntil(lambda: win.pane.case is not None and win.pane.figures.text() != "")


def test_undo_says_what_it_undid(qtbot, window, answer):
    from .test_main_paths import _new_case

    _new_case(qtbot, window, answer)
    window.acts["they_called"].trigger()
    assert window.statusBar().currentMessage().startswith("Logged:")
    window.undo_action.trigger()
    said = window.statusBar().currentMessage()
    assert said.startswith("Undone: ") and "They called" in said
    window.redo_action.trigger()
    assert window.statusBar().currentMessage().startswith("Done again: ")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_switching_assistant_is_not_offered_for_an_ended_saga(window, lang):
    from plainte.core.model import CaseStatus

    window.case_ops.load_demo()
    window.set_language(lang)
    try:
        switch = window.acts["switch"]
        for case_id, how in (("demo-red-2016", "switched"), ("demo-rogers-2010", "resolved")):
            window.case_view.selectRow(window.cases.row_of(case_id))
            assert not switch.isEnabled()
            why = i18n.tr(
                "gui.switch.not_offered", lang, how=i18n.tr(f"ladder.ended_as.{how}", lang)
            )
            assert switch.toolTip() == why
        window.editor.set_case_status("demo-red-2016", CaseStatus.OPEN)
        window.refresh_cases()
        window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
        assert switch.isEnabled()
        assert switch.toolTip().startswith(i18n.tr("gui.actions.switch", lang).rstrip("…"))
    finally:
        window.set_language("en")

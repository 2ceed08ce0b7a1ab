"""The overview tab, first thing a case shows, on a real store with the demo sagas."""

from __future__ import annotations

from PySide6.QtCore import Qt

from plainte.core.model import CaseStatus
from plainte.core.sagafile import read_saga
from plainte.gui import case_pane, timeline_model
from plainte.gui.case_pane import OVERVIEW
from plainte.gui.overview_panel import OverviewPanel

from ..conftest import saga_doc
from .conftest import TODAY


def _texts(panel: OverviewPanel, name: str) -> list[str]:
    from plainte.gui.widgets import PlainLabel

    return [w.text() for w in panel.findChildren(PlainLabel, name) if w.isVisibleTo(panel)]


def _shown(qtbot, window, case_id: str) -> OverviewPanel:
    window.case_view.selectRow(window.cases.row_of(case_id))
    panel = window.pane.overview
    qtbot.waitUntil(lambda: panel.view is not None and panel.currentIndex() == 1)
    return panel


def test_the_overview_is_the_first_tab_and_tells_an_ended_saga_as_of_its_end(qtbot, window):
    window.case_ops.load_demo()
    panel = _shown(qtbot, window, "demo-rogers-2010")
    assert window.pane.tabs.currentIndex() == OVERVIEW
    assert panel.day.text() == (
        "Ended on July 10, 2010 (resolved), after 5 days. Its figures are as of that day."
    )
    assert window.pane.figures.text().startswith("Day 5 since")  # the headline agrees
    assert panel.next.text() == "None: the saga is over."
    assert not panel.write_button.isVisibleTo(panel)
    assert panel.value.text() == "8/8"
    assert panel.streak.text() == "7 calls in 3 days, no message"
    assert panel.satire_button.isVisibleTo(panel)
    promises = _texts(panel, "overviewPromise")
    assert len(promises) == 2 and promises[0].startswith("Le service à la clientèle")
    details = _texts(panel, "overviewPromiseDetail")
    assert details[0] == (
        "Sophie (Rogers) · promised on July 7, 2010 · due July 9, 2010 · broken since July 10, 2010"
    )


def test_write_it_opens_the_composer_on_the_next_steps_letter(qtbot, window):
    window.case_ops.load_demo()
    window.editor.set_case_status("demo-red-2016", CaseStatus.OPEN)
    panel = _shown(qtbot, window, "demo-red-2016")
    days = (TODAY - panel.view.first_day).days
    assert panel.day.text() == f"Day {days:,} of the saga, since September 12, 2016"
    assert panel.next.text() == "Written complaint: open since September 12, 2016"
    assert panel.write_button.isVisibleTo(panel)
    qtbot.mouseClick(panel.write_button, Qt.MouseButton.LeftButton)
    composer = window.composer_dialog
    qtbot.addWidget(composer)
    assert composer.isVisible() and composer.kind.currentData() == "complaint"
    composer.close()
    qtbot.mouseClick(panel.satire_button, Qt.MouseButton.LeftButton)
    assert window.composer_dialog.kind.currentData() == "satire"
    window.composer_dialog.close()


def test_the_overview_speaks_french_after_a_language_switch(qtbot, window):
    window.case_ops.load_demo()
    window.set_language("fr")
    panel = _shown(qtbot, window, "demo-red-2016")
    assert window.pane.tabs.tabText(OVERVIEW) == "Vue d'ensemble"
    assert panel.day.text().startswith("Terminée le 22 septembre 2016 (changement de fournisseur)")
    assert _texts(panel, "overviewPromiseDetail")[0].endswith(
        "non tenue depuis le 17 septembre 2016"
    )


def test_a_long_saga_shows_a_quiet_placeholder_and_is_read_when_asked(
    qtbot, window, make_saga, monkeypatch
):
    """A saga too long to read whole unasked: never an empty pane, and one click reads it."""
    monkeypatch.setattr(case_pane, "WHOLE", 5)
    monkeypatch.setattr(timeline_model, "FIRST", 8)
    events = [
        {"id": f"e{n}", "at": f"2026-08-{n + 1:02d}", "channel": "phone", "direction": "out"}
        for n in range(12)
    ]
    window.store.import_cases(read_saga(make_saga(saga_doc(events))).cases)
    window.refresh_cases()
    panel = window.pane.overview
    qtbot.waitUntil(lambda: panel.read_button.isVisibleTo(panel))
    assert panel.currentIndex() == 0 and panel.view is None
    assert panel.placeholder.text().startswith("This saga is long")
    qtbot.mouseClick(panel.read_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.view is not None and panel.currentIndex() == 1)
    assert panel.day.text().startswith("Day 21 of the saga")


def test_the_overview_waits_for_the_first_frame_behind_a_quiet_placeholder(qtbot, store):
    """Start-up paints the window first: the overview (ladders, figures) is computed after."""
    from plainte.core.demo import demo_files
    from plainte.gui.main_window import MainWindow

    store.import_cases([c for f in demo_files() for c in read_saga(f).cases])
    window = MainWindow(store, TODAY)
    qtbot.addWidget(window)
    panel = window.pane.overview
    assert window.pane.case is not None  # a short saga is read at once…
    assert panel.currentIndex() == 0 and panel.view is None  # …but not shown before the frame
    assert panel.placeholder.text() == "Reading the saga…"
    window.show()
    qtbot.waitUntil(lambda: panel.view is not None and panel.currentIndex() == 1)
    assert panel.day.text().startswith("Ended on September 22, 2016")


def test_hundreds_of_broken_promises_are_five_listed_and_the_rest_counted(qtbot, window, make_saga):
    """Listing all of them built three widgets each: 15 MB and a quarter second of window."""
    events = [
        {
            "id": f"e{n}",
            "at": f"2026-0{1 + n // 28 % 7}-{1 + n % 28:02d}T10:00:00+01:00",
            "channel": "phone",
            "direction": "in",
            "summary": "Called back",
            "promises": [{"id": f"p{n}", "text": f"Refund number {n}", "due": "2026-07-31"}],
        }
        for n in range(150)
    ]
    window.store.import_cases(read_saga(make_saga(saga_doc(events))).cases)
    window.refresh_cases()
    panel = _shown(qtbot, window, "case-1")
    assert _texts(panel, "overviewPromise") == [f"Refund number {n}" for n in range(145, 150)]
    assert _texts(panel, "overviewEarlier") == ["And 145 earlier ones, listed in the Promises tab."]
    window.set_language("fr")
    panel = _shown(qtbot, window, "case-1")
    assert _texts(panel, "overviewEarlier") == [
        "Et 145 plus anciennes, listées dans l'onglet Promesses."
    ]

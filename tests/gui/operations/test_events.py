"""Quick logs, driven from the toolbar: what is stored, and how each reader says it."""

from __future__ import annotations

from PySide6.QtCore import Qt

from plainte.core import i18n
from plainte.gui.case_dialog import CaseDialog
from plainte.gui.event_dialog import PromiseDialog


def _quebec_case(qtbot, window, answer):
    def fill(dialog: CaseDialog):
        dialog.title.insert("Appels répétés, aucune réponse écrite")
        qtbot.keyClicks(dialog.provider, "Rogers")
        dialog.country.setCurrentIndex(dialog.country.findData("CA-QC"))
        dialog.accept()

    answer(CaseDialog, fill)
    return window.case_ops.new_case()


def test_quick_logs_store_meaning_and_letters_speak_the_case_language(qtbot, window, answer):
    assert i18n.language() == "en"
    _quebec_case(qtbot, window, answer)
    for _ in range(4):
        window.acts["they_called"].trigger()
    answer(
        PromiseDialog,
        lambda d: (qtbot.keyClicks(d.text, "Un technicien rappellera"), d.accept()),
    )
    window.acts["promise_made"].trigger()
    events = window.store.load_case(window.case.id).events
    assert len(events) == 5
    assert all(not e.summary for e in events)  # no sentence in any language is stored
    summary_column = window.pane.timeline.COLUMNS.index("summary")
    shown = window.pane.timeline.index(0, summary_column).data()
    assert "They called; nobody spoke" in shown

    dialog = window.compose_ops.compose("complaint")  # language: automatic
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    assert dialog.result.lang == "fr"
    # French typography: a no-break space before ";", lower case after a colon
    text = dialog.preview.toPlainText().replace("\u202f", " ").replace("\u00a0", " ")
    assert "ils ont appelé ; personne n'a parlé" in text
    assert "They called" not in text and "A promise was made" not in text
    dialog.close()

    window.set_language("fr")
    shown = window.pane.timeline.index(0, summary_column).data()
    assert "Ils ont appelé" in shown


def test_the_timeline_tooltip_shows_a_promise_due_date(qtbot, window, answer):
    _quebec_case(qtbot, window, answer)

    def fill(d: PromiseDialog):
        qtbot.keyClicks(d.text, "Call back")
        qtbot.keyClicks(d.due.edit, "2026-08-25")
        d.accept()

    answer(PromiseDialog, fill)
    window.acts["promise_made"].trigger()
    column = window.pane.timeline.COLUMNS.index("summary")
    tip = window.pane.timeline.index(0, column).data(Qt.ItemDataRole.ToolTipRole)
    assert "Call back" in tip and "August 25, 2026" in tip


def test_a_quick_log_takes_its_time_before_it_commits(qtbot, window, answer, no_modal_boxes):
    _quebec_case(qtbot, window, answer)
    box = window.when_box
    box.setEditText("")
    qtbot.keyClicks(box.lineEdit(), "25 min ago")
    window.acts["they_called"].trigger()
    (event,) = window.store.load_case(window.case.id).events
    from plainte.gui.operations.events import now_on

    late = now_on(window.today) - event.at.value.replace(tzinfo=None)
    assert 24 * 60 <= late.total_seconds() <= 26 * 60
    assert box.currentText() == "now"  # back to now for the next one
    box.setEditText("tomorrow maybe")
    window.acts["they_called"].trigger()
    assert len(window.store.load_case(window.case.id).events) == 1  # nothing stored
    assert "tomorrow maybe" in no_modal_boxes[-1]


def test_promise_made_asks_when_and_how_and_refuses_a_due_date_before_it(qtbot, window, answer):
    _quebec_case(qtbot, window, answer)

    def fill(d: PromiseDialog):
        d.when.edit.setText("2026-08-20 10:00")
        d.channel.setCurrentIndex(d.channel.findData("chat"))
        qtbot.keyClicks(d.text, "Refund within a week")
        qtbot.keyClicks(d.due.edit, "2026-08-19")
        d.buttons.button(d.buttons.StandardButton.Ok).click()
        assert d.result() != d.DialogCode.Accepted  # due before the promise: said, not accepted
        assert "2026-08-20" in d.due.error.text()
        d.due.edit.setText("2026-08-27")
        assert d.due.error.text() == ""
        d.accept()

    answer(PromiseDialog, fill)
    window.acts["promise_made"].trigger()
    (event,) = window.store.load_case(window.case.id).events
    assert event.at.text.startswith("2026-08-20T10:00") and event.channel.value == "chat"
    assert event.promises[0].due.text == "2026-08-27"


def test_a_quick_log_updates_its_case_row_without_reading_every_case(
    qtbot, window, answer, monkeypatch
):
    _quebec_case(qtbot, window, answer)
    cases = window.cases
    row = cases.row_of(window.case.id)
    days = cases.COLUMNS.index("days")
    assert cases.index(row, days).data() is None  # no event yet: no first day
    resets, changed, asked = [], [], []
    cases.modelReset.connect(lambda: resets.append(True))
    cases.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    listing = type(window.store).list_cases

    def spy(store, today, **kw):  # the row is read off the GUI thread, over its own connection
        asked.append(kw.get("case_ids"))
        return listing(store, today, **kw)

    monkeypatch.setattr(type(window.store), "list_cases", spy)
    window.acts["they_called"].trigger()
    qtbot.waitUntil(lambda: (row, row) in changed)
    assert resets == []
    assert asked == [[window.case.id]]  # only the case the log touched
    assert cases.index(row, days).data() == 0  # its first day is today now
    assert cases.rows[row] == listing(window.store, window.today, count_events=False)[row]


def test_marking_a_step_on_a_long_case_reads_that_event_only(qtbot, window, reads):
    """No whole read of 6,000 events on the GUI thread to mark one of them."""
    from tests.gui.operations.conftest import open_long

    w = open_long(qtbot, window)
    step = w.event_ops.steps()[0][0]
    reads.clear()
    assert w.event_ops.mark_step(step, "e4321")
    assert True not in reads
    (event,) = w.store.load_events("long", ids=["e4321"])
    assert event.step == step and event.summary.endswith("#4321")
    assert not w.event_ops.mark_step(step, "no-such-event")

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

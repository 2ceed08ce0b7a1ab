"""The composer's public preview: editable, re-counted and re-checked as the person types."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QGuiApplication


def _satire(qtbot, window, case_id, today):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of(case_id))
    window.today = today
    window.refresh_cases()
    dialog = window.compose_ops.compose("satire")
    qtbot.addWidget(dialog)
    dialog.lang.setCurrentIndex(dialog.lang.findData("fr"))
    dialog.platform.setCurrentIndex(dialog.platform.findData("x"))
    qtbot.waitUntil(lambda: "/ 280" in dialog.counter.text(), timeout=5000)
    return dialog


def test_a_public_preview_is_edited_and_rechecked_live(qtbot, window):
    dialog = _satire(qtbot, window, "demo-rogers-2010", date(2010, 7, 20))
    assert not dialog.preview.isReadOnly()
    assert "(17 h–19 h)" in dialog.preview.toPlainText()
    assert not dialog.checks.isVisible()
    dialog.copy()  # untouched: the text as composed, no-break spaces included
    assert "(17\u00a0h–19\u00a0h)" in QGuiApplication.clipboard().text()
    dialog.preview.selectAll()
    qtbot.keyClicks(dialog.preview, "@Rogers, du ")
    dialog.preview.insertPlainText("harcèlement")  # typed: QTest types ASCII keys only
    qtbot.keyClicks(dialog.preview, " ! Nadia, 514 555 0142.")
    typed = "@Rogers, du harcèlement ! Nadia, 514 555 0142."
    assert dialog.preview.toPlainText() == typed
    assert dialog.counter.text().startswith(f"{len(typed)} / 280")
    assert (
        "harcèlement" in dialog.checks.text()
        and "8 appels hors de la plage" in dialog.checks.text()
    )
    assert "Nadia" in dialog.checks.text() and dialog.checks.isVisible()
    assert dialog.reset_button.isVisible()
    qtbot.keyClicks(dialog.preview, " la" * 100)
    assert "color: #e53935" in dialog.counter.styleSheet()
    dialog.copy()
    copied = QGuiApplication.clipboard().text()
    assert "Nadia" not in copied and "0142" not in copied and "harcèlement" in copied
    dialog.reset_button.click()
    qtbot.waitUntil(lambda: "harcèlement" not in dialog.preview.toPlainText(), timeout=5000)
    assert not dialog.reset_button.isVisible() and not dialog.checks.isVisible()


def test_quoting_is_a_choice_and_letters_stay_read_only(qtbot, window):
    dialog = _satire(qtbot, window, "demo-rogers-2010", date(2010, 7, 20))
    dialog.quote.setChecked(True)
    qtbot.waitUntil(lambda: "harcèlement" in dialog.preview.toPlainText(), timeout=5000)
    assert "harcèlement" in dialog.checks.text()
    dialog.kind.setCurrentIndex(dialog.kind.findData("complaint"))
    qtbot.waitUntil(lambda: "Objet" in dialog.preview.toPlainText(), timeout=5000)
    assert dialog.preview.isReadOnly() and not dialog.quote.isEnabled()


def test_the_composer_shows_the_check_before_writing_and_the_online_form(qtbot, window):
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-red-2016"))
    window.today = date(2016, 10, 1)
    window.refresh_cases()
    dialog = window.compose_ops.compose("ombudsman")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10000)
    before = dialog.before.toPlainText()
    # not open yet, with the body's checklist for the person, in the letter's language
    assert before.startswith("Before you send it")
    assert "pas encore ouverte" in before and "L'organisme demande ceci" in before
    assert "original written complaint" not in dialog.preview.toPlainText()
    assert dialog.form_button.isVisible()
    text = dialog.referral_text()
    assert "[Opérateur]\nRED by SFR" in text or "[Operator]\nRED by SFR" in text
    dialog.form_button.click()
    qtbot.waitUntil(lambda: dialog.referral_dialog.isVisible(), timeout=5000)
    dialog.referral_dialog.close()
    dialog.kind.setCurrentIndex(dialog.kind.findData("satire"))
    assert not dialog.form_button.isVisible()

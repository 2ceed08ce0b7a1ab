"""*Paste their reply*: the reading as it is typed, logging it prefilled, the ladder after."""

from __future__ import annotations

import json
from datetime import date

from PySide6.QtCore import Qt

from plainte.core import i18n
from plainte.core.ladder import evaluate
from plainte.core.sagafile import parse_saga
from plainte.gui.event_dialog import EventDialog

from ..conftest import saga_doc

FINAL = (
    "Dear Alex,\nThis letter is our final response to your complaint. If you are unhappy, "
    "you can refer it to the Communications Ombudsman within 12 months."
)


def test_a_pasted_uk_final_response_is_logged_as_the_adr_letter_and_opens_the_ombudsman(
    qtbot, window, store, answer
):
    store.import_cases(parse_saga(json.dumps(saga_doc()).encode()).cases)
    window.refresh_cases()
    dialog = window.mail_ops.paste_reply()
    dialog.when.edit.setText("2026-08-20 10:00")
    dialog.text.setPlainText(FINAL)
    qtbot.waitUntil(lambda: dialog.reading is not None and dialog.reading.kind == "final_response")
    shown = " ".join(label.text() for label in dialog.values.values())
    assert "final response" in shown and "Final response" in shown
    assert "ADR scheme" in shown  # the step it opens, by its title
    assert dialog.letter_button.text() == "Write to the ombudsman"

    answer(EventDialog, lambda d: d.accept())
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    case = store.load_case("case-1")
    logged = [e for e in case.events if e.step == "adr_letter"]
    assert len(logged) == 1 and logged[0].at.day == date(2026, 8, 20)
    steps = {
        s.step.id: s for s in evaluate(window.ladders.for_case(case), case, date(2026, 8, 22)).steps
    }
    assert steps["ombudsman"].status == "open" and steps["ombudsman"].opens_on == date(2026, 8, 20)
    assert dialog.log_button.text() == "Update the logged e-mail…"  # again amends, not duplicates
    qtbot.mouseClick(dialog.log_button, Qt.MouseButton.LeftButton)
    assert len([e for e in store.load_case("case-1").events if e.step == "adr_letter"]) == 1


def test_the_reader_speaks_french_and_shows_the_words_it_matched(qtbot, window, store):
    store.import_cases(parse_saga(json.dumps(saga_doc(country="FR")).encode()).cases)
    window.set_language("fr")
    try:
        dialog = window.mail_ops.paste_reply()
        dialog.text.setPlainText(
            "Bonjour, un technicien vous rappellera sous 48 heures pour fixer un rendez-vous."
        )
        qtbot.waitUntil(lambda: dialog.reading is not None and dialog.reading.kind == "promise")
        shown = " ".join(label.text() for label in dialog.values.values())
        assert "Promesse" in shown and "« sous 48 heures »" in shown
        assert "pour le" in shown and dialog.reading.due is not None
    finally:
        window.set_language("en")
        i18n.set_language(None)


def test_the_text_box_has_the_focus_so_a_paste_lands_in_it(qtbot, window, store):
    store.import_cases(parse_saga(json.dumps(saga_doc()).encode()).cases)
    window.refresh_cases()
    dialog = window.mail_ops.paste_reply()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.text


def test_the_matched_words_read_as_words_and_the_intro_does_not_read_plainte_as_a_noun(
    qtbot, window, store
):
    """« Renvoi (signe net) : « appelez-nous » », not bare weights like "(Renvoi, 4)"."""
    import re

    from PySide6.QtWidgets import QLabel

    store.import_cases(parse_saga(json.dumps(saga_doc(country="FR")).encode()).cases)
    window.set_language("fr")
    try:
        dialog = window.mail_ops.paste_reply()
        dialog.text.setPlainText(
            "Bonjour, pour toute question merci de nous appeler au 3000. "
            "Nous reviendrons vers vous sous 48 heures."
        )
        qtbot.waitUntil(lambda: dialog.reading is not None and dialog.reading.kind == "deflection")
        matched = dialog.values["Mots révélateurs"].text()
        assert matched.startswith("Renvoi (signe net) : « merci de nous appeler »")
        assert "Promesse (indice) : « Nous reviendrons »" in matched
        assert not re.search(r"\d\)", matched), "no bare weight"
        assert "Type de réponse reconnu" in [
            label.text() for label in dialog.result_box.findChildren(QLabel)
        ]
        intro = dialog.findChildren(QLabel)[0].text()
        assert intro.startswith("Collez la réponse") and "plainte dit" not in intro
    finally:
        window.set_language("en")
        i18n.set_language(None)


def test_the_received_on_label_sits_level_with_its_date(qtbot, window, store):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLabel

    store.import_cases(parse_saga(json.dumps(saga_doc()).encode()).cases)
    window.refresh_cases()
    dialog = window.mail_ops.paste_reply()
    qtbot.waitExposed(dialog)
    label = next(w for w in dialog.findChildren(QLabel) if w.buddy() is dialog.when.edit)
    edit = dialog.when.edit
    label_mid = label.mapTo(dialog, QPoint(0, label.height() // 2)).y()
    edit_mid = edit.mapTo(dialog, QPoint(0, edit.height() // 2)).y()
    assert abs(label_mid - edit_mid) <= 3

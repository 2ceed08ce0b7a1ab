"""A typed date: its message waits for the person to leave the field and moves nothing."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from plainte.core import i18n
from plainte.gui.date_field import DateField


def _form(qtbot, field: DateField) -> tuple[QWidget, QLineEdit]:
    """``field`` above another entry, shown and active, so focus can really leave it."""
    page = QWidget()
    layout = QVBoxLayout(page)
    other = QLineEdit()
    layout.addWidget(field)
    layout.addWidget(other)
    page.resize(360, page.sizeHint().height())
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitActive(page)
    return page, other


def _whole(label) -> bool:
    """The label shows all of its text: its wrapped height fits the height it has."""
    return label.heightForWidth(label.width()) <= label.height()


def test_a_bad_date_is_said_on_leaving_the_field_not_while_typing(qtbot):
    field = DateField("")
    _page, other = _form(qtbot, field)
    below = other.geometry()
    field.edit.setFocus()
    qtbot.waitUntil(field.edit.hasFocus)
    qtbot.keyClicks(field.edit, "2026-13")
    assert field.error.text() == ""  # half-typed: no message yet
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    qtbot.waitUntil(lambda: "2026-13" in field.error.text())
    assert _whole(field.error)
    assert other.geometry() == below  # the message took its reserved place
    field.edit.setFocus()
    for _ in range(2):
        qtbot.keyClick(field.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field.edit, "11-13")  # fixed: the message goes at once
    assert field.edit.text() == "2026-11-13"
    assert field.error.text() == ""


def test_the_message_speaks_the_interface_language_and_shows_whole(qtbot):
    i18n.set_language("fr")
    try:
        field = DateField("", today=date(2026, 11, 23))
        _page, _other = _form(qtbot, field)
        field.edit.setText("le vingt-deux novembre deux mille vingt-six au soir")
        assert not field.check()
        text = field.error.text()
        assert text.startswith("Pas une date") and "2026-11-23" in text
        assert _whole(field.error)
    finally:
        i18n.set_language("en")


def test_the_placeholder_is_a_date_from_today_not_a_fixed_one():
    today = date.today()
    moment, due, then = (
        DateField(""),
        DateField("", optional=True, ahead=True),
        DateField("", today=date(2030, 1, 30)),
    )
    assert moment.edit.placeholderText().startswith(today.isoformat())
    assert date.fromisoformat(due.edit.placeholderText()) == today + timedelta(days=7)
    assert then.edit.placeholderText().startswith("2030-01-30")

"""E-mails dropped on the timeline: added once, attached, read as a reply, answered."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from plainte.core import attachments
from plainte.core.model import Direction
from plainte.core.sagafile import parse_saga
from plainte.core.verify import verify_case

from ...conftest import saga_doc
from ...core.test_mail import ROGERS_STYLE


def drop(window, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    viewport = window.pane.timeline_view.viewport()
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()  # Qt delivers a drop only where the drag was accepted
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)


def load(window, store) -> None:
    store.import_cases(parse_saga(json.dumps(saga_doc()).encode()).cases)
    window.refresh_cases()
    assert window.case is not None and window.case.id == "case-1"


def test_dropping_the_rogers_style_email_logs_it_and_proposes_the_written_answer(
    qtbot, window, store, tmp_path
):
    load(window, store)
    path = tmp_path / "sorry-you-are-leaving.eml"
    path.write_text(ROGERS_STYLE, encoding="utf-8")
    before = len(window.case.events)
    drop(window, [path])
    qtbot.waitUntil(lambda: window.mail_ops.dialog is not None, timeout=10_000)
    case = store.load_case("case-1")
    assert len(case.events) == before + 1
    added = next(e for e in case.events if e.attachments)
    assert added.direction is Direction.IN and added.reference == "CAS-2026081"
    assert attachments.check(store.data_dir, added.attachments[0]) == "ok"
    assert verify_case(store, "case-1").ok

    dialog = window.mail_ops.dialog
    assert dialog.reading.kind == "deflection"
    assert dialog.reading.next.letter == "complaint"
    assert dialog.letter_button.isVisible()
    assert "written answer" in dialog.letter_button.text()
    qtbot.mouseClick(dialog.letter_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window, "composer_dialog", None) is not None)
    assert [w.kind for w in store.load_case("case-1").wants] == ["written_answer"]
    composer = window.composer_dialog
    assert composer.kind.currentData() == "complaint"
    qtbot.waitUntil(lambda: "in writing (not by phone)" in composer.preview.toPlainText())
    composer.close()

    drop(window, [path])  # the same message again: nothing new
    qtbot.waitUntil(
        lambda: "0 e-mails added, 1 already" in window.statusBar().currentMessage(), timeout=10_000
    )
    assert len(store.load_case("case-1").events) == before + 1

    window.undo_stack.undo()  # the written-answer demand
    window.undo_stack.undo()  # the e-mail
    assert len(store.load_case("case-1").events) == before


def test_the_file_menu_offers_to_add_emails_and_the_saga_menu_to_paste_a_reply(window, store):
    load(window, store)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.acts["add_mail"] in file_menu.actions()
    assert window.acts["paste_reply"].isEnabled()
    assert window.acts["paste_reply"] in window.quick_bar.actions()


def test_an_unreadable_email_is_named_and_nothing_is_added(
    qtbot, window, store, tmp_path, no_modal_boxes
):
    load(window, store)
    bad = tmp_path / "no-date.eml"
    bad.write_bytes(b"From: care@provider.example\nSubject: hello\n\nno date here\n")
    before = len(window.case.events)
    drop(window, [bad])
    qtbot.waitUntil(lambda: bool(no_modal_boxes), timeout=10_000)
    assert "no-date.eml" in no_modal_boxes[0] and "no date" in no_modal_boxes[0]
    assert len(store.load_case("case-1").events) == before

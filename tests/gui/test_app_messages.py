"""The start-up messages show paths as typed: a folder named like markup is not rendered."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from plainte.core import backups
from plainte.core.i18n import tr
from plainte.core.sagafile import read_saga
from plainte.core.store import STORE_NAME, Store
from plainte.gui.app import open_store

HOSTILE = "<b>bold <img src=x> &lt;tag&gt;"


def displayed(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a person reads when a message box or label shows ``text`` in ``fmt``."""
    if fmt == Qt.TextFormat.PlainText or (
        fmt == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(text)
    ):
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def test_a_damaged_store_in_a_folder_named_like_markup_is_named_as_typed(
    qtbot, tmp_path, demo_paths, monkeypatch, no_modal_boxes
):
    data_dir = tmp_path / HOSTILE
    data_dir.mkdir()
    store = Store.open(data_dir)
    store.import_cases(read_saga(demo_paths[0]).cases)
    store.import_cases(read_saga(demo_paths[1]).cases)
    store.close()
    assert backups.list_backups(data_dir / "backups")
    (data_dir / STORE_NAME).write_bytes(b"\x00" * 4096)
    seen: list[str] = []

    def click_restore(box):
        seen.extend(
            displayed(label.text(), label.textFormat()) for label in box.findChildren(QLabel)
        )
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_restore)
    monkeypatch.setattr(
        QMessageBox,
        "clickedButton",
        lambda box: next(b for b in box.buttons() if b.text() == tr("gui.damaged.restore")),
    )
    reopened = open_store(data_dir)
    try:
        assert reopened is not None
        assert any(str(data_dir / STORE_NAME) in text for text in seen), seen
        restored = displayed(no_modal_boxes[-1])
        assert "kept as" in restored
        assert str(data_dir) in restored, restored
    finally:
        if reopened is not None:
            reopened.close()


def test_a_store_that_cannot_be_opened_is_named_as_typed(tmp_path, no_modal_boxes):
    data_dir = tmp_path / HOSTILE
    data_dir.mkdir()
    (data_dir / STORE_NAME).mkdir()  # a folder where the store goes: not a damaged file
    assert open_store(data_dir) is None
    said = [displayed(text) for text in no_modal_boxes]
    assert any(HOSTILE in text for text in said), said

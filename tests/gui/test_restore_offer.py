"""At start, a damaged store offers the newest good backup, reopens it, says where the old is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from plainte.core import backups
from plainte.core.i18n import tr
from plainte.core.sagafile import read_saga
from plainte.core.store import STORE_NAME, Store
from plainte.gui.app import open_store


def test_a_damaged_store_restores_the_newest_good_backup_and_reopens(
    qtbot, data_dir, demo_paths, monkeypatch, no_modal_boxes
):
    store = Store.open(data_dir)
    store.import_cases(read_saga(demo_paths[0]).cases)
    store.import_cases(read_saga(demo_paths[1]).cases)
    store.import_cases(read_saga(demo_paths[1]).cases)
    store.close()
    found = backups.list_backups(data_dir / "backups")
    found[0].write_bytes(b"\x00" * 4096)  # the newest backup is bad
    (data_dir / STORE_NAME).write_bytes(b"\x00" * 4096)
    offered = []

    def click_restore(box):
        offered.append(box.informativeText())
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
        assert found[1].name in offered[0]
        assert len(reopened.case_ids()) == 1  # the older good backup, not an empty window
        assert "kept as" in no_modal_boxes[-1]
        kept = no_modal_boxes[-1].split("kept as ")[1].rstrip(".")
        assert Path(kept).read_bytes() == b"\x00" * 4096
    finally:
        if reopened is not None:
            reopened.close()

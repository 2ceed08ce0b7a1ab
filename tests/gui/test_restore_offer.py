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


START_WITH_A_FAULT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from plainte import cli

app = QApplication(sys.argv)

def boom():
    raise RuntimeError("boom in a slot")

def quit_dialog():
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(50, quit_dialog)
        return
    QTimer.singleShot(0, boom)  # raised while the damaged-store dialog is open
    QTimer.singleShot(100, dialog.reject)

QTimer.singleShot(50, quit_dialog)
sys.exit(cli.main(["--data-dir", sys.argv[1]]))
"""


def test_an_error_while_a_start_up_dialog_is_open_is_said_not_traced(data_dir, tmp_path):
    import os
    import subprocess
    import sys

    (data_dir / STORE_NAME).write_bytes(b"\x00" * 4096)  # the damaged-store dialog opens
    script = tmp_path / "start.py"
    script.write_text(START_WITH_A_FAULT, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PLAINTE_LANG": "fr"}
    done = subprocess.run(
        [sys.executable, str(script), str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 1  # the person chose to quit
    assert "Traceback" not in done.stderr
    assert "RuntimeError: boom in a slot" in done.stderr
    reports = list((data_dir / "logs").glob("error-*.txt"))
    assert reports and "Traceback" in reports[0].read_text(encoding="utf-8")


def test_an_app_that_cannot_start_says_so_in_one_line(data_dir, monkeypatch, capsys):
    from plainte import cli
    from plainte.gui import app

    def broken(args):
        raise OSError("no display")

    monkeypatch.setattr(app, "run", broken)
    assert cli.main(["--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "OSError: no display" in err and "Traceback" not in err

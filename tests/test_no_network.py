"""plainte never touches the network: every command and the main GUI paths run with
internet sockets made to fail."""

from __future__ import annotations

import socket
import sys

import pytest

from .conftest import saga_doc


class NoInternet(socket.socket):
    def __init__(self, family=socket.AF_INET, *args, **kwargs):
        if family in (socket.AF_INET, socket.AF_INET6):
            raise OSError("network access attempted")
        super().__init__(family, *args, **kwargs)


@pytest.fixture
def offline(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "socket", NoInternet)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_every_command_works_offline(offline, run_cli, make_saga, tmp_path, monkeypatch):
    import json

    # the desktop app loads QtNetwork for its local socket: forget it, see if a command loads it
    monkeypatch.delitem(sys.modules, "PySide6.QtNetwork", raising=False)
    path = make_saga(json.dumps(saga_doc()))
    steps = [
        ("demo",),
        ("cases", "--json"),
        ("import", str(path)),
        ("stats", "case-1", "--json"),
        ("ladder", "case-1", "--json"),
        ("verify", "case-1"),
        ("letter", "case-1", "--kind", "formal-notice"),
        ("letter", "demo-red-2016", "--kind", "satire", "--platform", "mastodon"),
        ("export", "all", "--format", "json", "-o", str(tmp_path / "all.json")),
        ("export", "case-1", "--format", "csv", "-o", str(tmp_path / "c.csv")),
        ("export", "case-1", "--format", "html", "-o", str(tmp_path / "c.html")),
        ("export", "case-1", "--format", "ics", "-o", str(tmp_path / "c.ics")),
        ("export", "case-1", "--format", "pdf", "-o", str(tmp_path / "c.pdf")),
        ("export", "case-1", "--format", "png", "-o", str(tmp_path / "c.png")),
        ("export", "case-1", "--format", "pack", "-o", str(tmp_path / "pack")),
        ("verify", str(tmp_path / "all.json")),
        ("restore",),
    ]
    for argv in steps:
        result = run_cli(*argv, today="2026-08-22")
        assert result.code == 0, (argv, result.err)
    assert offline == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_the_main_gui_paths_work_offline(offline, qtbot, store, monkeypatch):
    from datetime import date

    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QMessageBox

    def reopen(box: QMessageBox) -> int:  # logging on the ended demo saga reopens it
        accept = QMessageBox.ButtonRole.AcceptRole
        next(b for b in box.buttons() if box.buttonRole(b) == accept).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", reopen)

    from plainte.gui.main_window import MainWindow

    window = MainWindow(store, date(2010, 7, 20))
    qtbot.addWidget(window)
    window.show()
    window.case_ops.load_demo()
    window.case_view.selectRow(window.cases.row_of("demo-rogers-2010"))
    for tab in range(window.pane.tabs.count()):
        window.pane.tabs.setCurrentIndex(tab)
    window.acts["they_called"].trigger()
    composer = window.compose_ops.compose("satire")
    qtbot.waitUntil(lambda: "@Rogers" in composer.preview.toPlainText(), timeout=5000)
    composer.close()
    window._warm_up()
    QThreadPool.globalInstance().waitForDone(10000)
    wizard = window.compose_ops.switch_assistant()
    wizard.close()
    assert offline == []

"""GUI fixtures: a main window on a real store, and helpers to answer modal dialogs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QDialog, QMessageBox

from plainte.gui.main_window import MainWindow
from plainte.gui.settings import Preferences

TODAY = date(2026, 8, 22)


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """Each test's QSettings (preferences, window layout) in its own folder, not the person's."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def window(qtbot, store, monkeypatch, tmp_path):
    monkeypatch.setattr("plainte.gui.settings.save", lambda prefs, settings=None: None)
    win = MainWindow(store, TODAY, Preferences(name="Alex Smith", address="4 Mill Lane, Leeds"))
    qtbot.addWidget(win)
    win.show()
    yield win
    QThreadPool.globalInstance().waitForDone(5000)


@pytest.fixture
def answer(monkeypatch):
    """``answer(DialogClass, fill)``: when the app opens that dialog, ``fill(dialog)`` drives it."""

    def install(cls, fill):
        def fake_exec(dialog):
            fill(dialog)
            return dialog.result() if dialog.result() else QDialog.DialogCode.Accepted

        monkeypatch.setattr(cls, "exec", fake_exec)

    return install


@pytest.fixture
def say_yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    """A warning box would block a test: record what it would have said instead."""
    said: list[str] = []

    def record(_parent, _title, text, *args, **kwargs):
        said.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, record)
    return said

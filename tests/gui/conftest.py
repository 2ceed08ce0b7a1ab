"""GUI fixtures: a main window on a real store, and helpers to answer modal dialogs."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, QThreadPool
from PySide6.QtWidgets import QDialog, QMessageBox

from plainte.gui.main_window import MainWindow
from plainte.gui.operations.events import EventOps
from plainte.gui.settings import Preferences

TODAY = date(2026, 8, 22)
REAL_ASK_TO_REOPEN = EventOps.ask_to_reopen


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
def no_unexpected_reopening(monkeypatch):
    """Logging on an ended saga asks in a modal box, which would hang a test not expecting it.

    A test that expects the question asks for the ``reopen_question`` fixture.
    """

    def unexpected(_ops, ended_on, event, label):
        raise AssertionError(f"asked to reopen a saga ended on {ended_on} to log {label!r}")

    monkeypatch.setattr(EventOps, "ask_to_reopen", unexpected)


@pytest.fixture
def reopen_question(monkeypatch):
    """The real question box of :meth:`EventOps.ask_to_reopen`, for the tests about it."""
    monkeypatch.setattr(EventOps, "ask_to_reopen", REAL_ASK_TO_REOPEN)


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

"""Starting the app: its name, its settings file, the preferences restored after a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from plainte.core import i18n, paths
from plainte.core.i18n import tr
from plainte.gui import app
from plainte.gui.settings_dialog import SettingsDialog

from .conftest import TODAY


@pytest.fixture
def settings_dir(qapp, tmp_path: Path):
    """Real QSettings files under ``tmp_path``, the app named as ``run`` names it."""
    names = QApplication.organizationName(), QApplication.applicationName()
    fmt = QSettings.defaultFormat()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    app.name_application(qapp)
    yield tmp_path
    QApplication.setOrganizationName(names[0])
    QApplication.setApplicationName(names[1])
    QSettings.setDefaultFormat(fmt)


def test_language_and_sender_come_back_after_a_restart(qtbot, store, settings_dir, monkeypatch):
    first = app.open_main_window(store, TODAY)
    qtbot.addWidget(first)
    assert first.acts["new_case"].text() == tr("gui.actions.new_case", "en")

    def fill(dialog: SettingsDialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("fr"))
        for field, text in (
            (dialog.name, "Camille Tremblay"),
            (dialog.email, "camille@example.org"),
            (dialog.phone, "514 555 0199"),
        ):
            qtbot.keyClicks(field, text)
        dialog.address.insert("12 rue Saint-Denis, Montréal")  # QTest types ASCII only
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fill)
    first.open_settings()
    assert i18n.language() == "fr"
    first.close()

    written = settings_dir / "plainte" / "plainte.ini"
    assert written.exists()
    assert not (settings_dir / "Unknown Organization").exists()

    i18n.set_language("en")  # a new process starts with the system's language
    second = app.open_main_window(store, TODAY)
    qtbot.addWidget(second)
    assert i18n.language() == "fr"
    assert second.acts["new_case"].text() == tr("gui.actions.new_case", "fr")
    assert second.prefs.sender() == {
        "name": "Camille Tremblay",
        "address": "12 rue Saint-Denis, Montréal",
        "email": "camille@example.org",
        "phone": "514 555 0199",
    }


def test_preferences_saved_before_the_app_was_named_are_carried_over(qapp, settings_dir):
    old = QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Unknown Organization", "plainte"
    )
    old.setValue("name", "Alex Smith")
    old.setValue("language", "fr")
    old.sync()
    from plainte.gui import settings

    prefs = settings.load()
    assert (prefs.name, prefs.language) == ("Alex Smith", "fr")
    assert (settings_dir / "plainte" / "plainte.ini").exists()


def test_the_app_and_the_command_line_share_one_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("PLAINTE_DATA_DIR", raising=False)
    assert app.qt_data_dir(None) == paths.default_data_dir()
    assert app.qt_data_dir(str(tmp_path)) == tmp_path

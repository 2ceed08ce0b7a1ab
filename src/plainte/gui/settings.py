"""The person's preferences, kept with QSettings: language, sender details, country."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

from plainte.core import i18n


@dataclass
class Preferences:
    language: str | None = None
    name: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    country: str = "FR"

    def sender(self) -> dict[str, str]:
        """The sender details to put on letters (only those filled in)."""
        values = {
            "name": self.name,
            "address": self.address,
            "email": self.email,
            "phone": self.phone,
        }
        return {k: v for k, v in values.items() if v.strip()}


_KEYS = ("language", "name", "address", "email", "phone", "country")


_OLD_ORGANIZATION = "Unknown Organization"  # where Qt put them before the app was named


def _carry_over(settings: QSettings) -> None:
    """Copy the preferences saved under Qt's "Unknown Organization" folder, once."""
    if settings.allKeys() or settings.organizationName() == _OLD_ORGANIZATION:
        return
    old = QSettings(
        settings.format(), settings.scope(), _OLD_ORGANIZATION, settings.applicationName()
    )
    for key in _KEYS:
        if old.contains(key):
            settings.setValue(key, old.value(key))
    settings.sync()


def load(settings: QSettings | None = None) -> Preferences:
    """The saved preferences (defaults for what was never saved)."""
    settings = settings or QSettings()
    _carry_over(settings)
    prefs = Preferences()
    for key in _KEYS:
        value = settings.value(key)
        if isinstance(value, str) and value:
            setattr(prefs, key, value)
    if prefs.language not in i18n.LANGUAGES:
        prefs.language = None
    return prefs


def save(prefs: Preferences, settings: QSettings | None = None) -> None:
    """Write the preferences at once (a crash later loses nothing)."""
    settings = settings or QSettings()
    for key in _KEYS:
        settings.setValue(key, getattr(prefs, key) or "")
    settings.sync()


def save_layout(window: QWidget, splitter: QSplitter, settings: QSettings | None = None) -> None:
    """Keep the main window's geometry and the case list's split for the next start."""
    settings = settings or QSettings()
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/splitter", splitter.saveState())
    settings.sync()


def restore_layout(window: QWidget, splitter: QSplitter, settings: QSettings | None = None) -> bool:
    """Give the window and the split what was kept; True if the split was restored.

    A missing or unreadable value changes nothing.
    """
    settings = settings or QSettings()
    geometry, split = settings.value("window/geometry"), settings.value("window/splitter")
    if isinstance(geometry, QByteArray):
        window.restoreGeometry(geometry)
    return isinstance(split, QByteArray) and splitter.restoreState(split)

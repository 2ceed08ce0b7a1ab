"""Settings: interface language, the person's details for letters, default country."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from plainte.core.i18n import tr
from plainte.gui.case_dialog import COUNTRIES
from plainte.gui.settings import Preferences
from plainte.gui.widgets import save_cancel


class SettingsDialog(QDialog):
    def __init__(self, parent, prefs: Preferences, current_language: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("gui.settings.title"))
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(current_language))
        self.name = QLineEdit(prefs.name)
        self.address = QLineEdit(prefs.address)
        self.email = QLineEdit(prefs.email)
        self.phone = QLineEdit(prefs.phone)
        self.country = QComboBox()
        for code in COUNTRIES:
            self.country.addItem(tr(f"gui.countries.{code.replace('-', '_')}"), code)
        self.country.setCurrentIndex(max(0, self.country.findData(prefs.country)))
        form = QFormLayout()
        for key, widget in (
            ("language", self.language),
            ("name", self.name),
            ("address", self.address),
            ("email", self.email),
            ("phone", self.phone),
            ("country", self.country),
        ):
            label = tr(f"gui.settings.{key}")
            widget.setAccessibleName(label)
            form.addRow(label, widget)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(480, self.sizeHint().height())

    def preferences(self) -> Preferences:
        return Preferences(
            language=self.language.currentData(),
            name=self.name.text().strip(),
            address=self.address.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            country=self.country.currentData(),
        )

"""Create or edit a case: who, what, where, and the person's details."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from plainte.core.i18n import tr
from plainte.core.model import SECTORS, Case, CaseStatus, Customer
from plainte.gui.case_fields import HandlesPage, ProblemPage
from plainte.gui.settings import Preferences
from plainte.gui.wants_page import WantsPage
from plainte.gui.widgets import PlainLabel, save_cancel

COUNTRIES = ("FR", "GB", "BE", "CA", "CA-QC", "US")


class CaseDialog(QDialog):
    """The case's fields; :meth:`case` gives the edited case once accepted."""

    def __init__(self, parent: QWidget | None, case: Case | None, prefs: Preferences) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("gui.case_dialog.edit" if case else "gui.case_dialog.new"))
        self.original = case
        self.title = QLineEdit(case.title if case else "")
        self.title.setPlaceholderText(tr("gui.case_dialog.title_hint"))
        self.provider = QLineEdit(case.provider if case else "")
        self.handle = QLineEdit(case.provider_handle or "" if case else "")
        self.handle.setPlaceholderText("@…")
        self.country = QComboBox()
        self.country.setEditable(True)
        for code in COUNTRIES:
            self.country.addItem(tr(f"gui.countries.{code.replace('-', '_')}"), code)
        self._select(self.country, case.country if case else prefs.country, editable=True)
        self.sector = QComboBox()
        for sector in SECTORS:
            self.sector.addItem(tr(f"sector.{sector}"), sector)
        self._select(self.sector, case.sector if case else "mobile")
        self.language = QComboBox()
        self.language.addItem(tr("gui.case_dialog.language_auto"), None)
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self._select(self.language, case.language if case else None)
        self.status = QComboBox()
        for status in CaseStatus:
            self.status.addItem(tr(f"status.{status.value}"), status.value)
        self._select(self.status, case.status.value if case else "open")
        self.account = QLineEdit(case.account_ref or "" if case else "")
        customer = case.customer if case else Customer()
        self.name = QLineEdit(customer.name or ("" if case else prefs.name))
        self.address = QLineEdit(customer.address or ("" if case else prefs.address))
        self.email = QLineEdit(customer.email or ("" if case else prefs.email))
        self.phone = QLineEdit(customer.phone or ("" if case else prefs.phone))
        self.notes = QPlainTextEdit(case.notes or "" if case else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(80)
        self.error = PlainLabel()
        self.error.setStyleSheet("color: #c62828")
        self.error.setWordWrap(True)

        first = QWidget()
        form = QFormLayout(first)
        rows = [
            ("title", self.title),
            ("provider", self.provider),
            ("handle", self.handle),
            ("country", self.country),
            ("sector", self.sector),
            ("language", self.language),
            ("status", self.status),
            ("account", self.account),
            ("name", self.name),
            ("address", self.address),
            ("email", self.email),
            ("phone", self.phone),
            ("notes", self.notes),
        ]
        for key, widget in rows:
            label = tr(f"gui.case_dialog.{key}")
            widget.setAccessibleName(label.replace("&", ""))
            form.addRow(label, widget)
        self.problem_page = ProblemPage(case, self._country())
        self.handles_page = HandlesPage(case)
        self.wants_page = WantsPage(case)
        self.tabs = QTabWidget()
        self.tabs.addTab(first, tr("gui.case_fields.tab_saga"))
        self.tabs.addTab(self.problem_page, tr("gui.case_fields.tab_problem"))
        self.tabs.addTab(self.wants_page, tr("gui.wants.title"))
        self.tabs.addTab(self.handles_page, tr("gui.case_fields.tab_handles"))
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    @staticmethod
    def _select(combo: QComboBox, value, editable: bool = False) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)
        elif editable and value:
            combo.setEditText(value)

    def _country(self) -> str:
        index = self.country.currentIndex()
        text = self.country.currentText().strip()
        if index >= 0 and self.country.itemText(index) == text:
            return self.country.itemData(index)
        return text.upper()

    def validate(self) -> str | None:
        """The first problem with the fields, worded for the person, or None."""
        if not self.title.text().strip():
            return tr("gui.case_dialog.need_title")
        if not self.provider.text().strip():
            return tr("gui.case_dialog.need_provider")
        import re

        if not re.fullmatch(r"[A-Z]{2}(-[A-Z0-9]{1,3})?", self._country()):
            return tr("gui.case_dialog.bad_country", value=self._country())
        return self.problem_page.validate() or self.wants_page.validate()

    def accept(self) -> None:
        problem = self.validate()
        if problem:
            self.error.setText(problem)
            for page in (self.problem_page, self.wants_page):
                if page.validate():
                    self.tabs.setCurrentWidget(page)
                    break
            return
        super().accept()

    def case(self) -> Case:
        """The case as edited (its events are kept by the store, not here)."""

        def value(field: QLineEdit) -> str | None:
            return field.text().strip() or None

        return Case(
            id=self.original.id if self.original else str(uuid.uuid4()),
            title=self.title.text().strip(),
            provider=self.provider.text().strip(),
            provider_handle=value(self.handle),
            country=self._country(),
            sector=self.sector.currentData(),
            language=self.language.currentData(),
            account_ref=value(self.account),
            customer=Customer(
                name=value(self.name),
                address=value(self.address),
                email=value(self.email),
                phone=value(self.phone),
            ),
            status=CaseStatus(self.status.currentData()),
            notes=self.notes.toPlainText().strip() or None,
            **self.problem_page.values(),
            handles=self.handles_page.values(),
            wants=self.wants_page.values(),
        )

"""The ombudsman's online form, field by field, in a window to copy from."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout

from plainte.core.compose import Composition
from plainte.core.i18n import tr
from plainte.core.model import Case


def referral_for(case: Case, today: date, letter: Composition) -> str:
    """The form's fields for ``case``, the dispute told as the ombudsman ``letter`` tells it."""
    from plainte.core.letterform import letter_form
    from plainte.core.referral import letter_summary, referral, referral_text

    salutation = letter_form(case.country, letter.lang).word("ombudsman_salutation")
    found = referral(case, today, letter.lang, letter_summary(letter.text, salutation))
    return referral_text(found, letter.lang) if found else tr("referral.none")


class ReferralWindow(QDialog):
    """Read-only text of the form's fields, with a button that copies it all."""

    def __init__(self, parent, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("referral.button").replace("&", ""))
        self.view = QPlainTextEdit(text)
        self.view.setReadOnly(True)
        self.view.setAccessibleName(tr("referral.button").replace("&", ""))
        copy = QPushButton(tr("gui.composer.copy"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        close = QPushButton(tr("gui.close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(copy)
        row.addWidget(close)
        box = QVBoxLayout(self)
        box.addWidget(self.view, 1)
        box.addLayout(row)
        self.resize(640, 560)

"""The switching assistant: export first, get the porting code, check the contract, leave."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from plainte.core.i18n import tr
from plainte.core.ladder import Ladder
from plainte.gui.widgets import PlainLabel


def _label(text: str) -> QLabel:
    label = PlainLabel(text)
    label.setWordWrap(True)
    return label


class ExportPage(QWizardPage):
    """Step one: the evidence leaves before the account disappears."""

    def __init__(self, export: Callable[[Path], list[Path]]) -> None:
        super().__init__()
        self.export = export
        self.done: list[Path] = []
        self.setTitle(tr("gui.switch.export_title"))
        self.setSubTitle(tr("gui.switch.export_sub"))
        self.button = QPushButton(tr("gui.switch.export_button"))
        self.button.clicked.connect(self.choose)
        self.result = _label("")
        self.skip = QCheckBox(tr("gui.switch.export_skip"))
        self.skip.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.button)
        layout.addWidget(self.result)
        layout.addStretch(1)
        layout.addWidget(self.skip)

    def choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("gui.switch.export_button"))
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        self.done = self.export(folder)
        self.result.setText(tr("gui.switch.exported", files="\n".join(str(p) for p in self.done)))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.done) or self.skip.isChecked()


class SwitchWizard(QWizard):
    """Ends with ``accepted`` when the person has switched; the caller marks the case."""

    def __init__(
        self,
        parent: QWidget | None,
        ladder: Ladder,
        lang: str,
        export: Callable[[Path], list[Path]],
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("gui.switch.title"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("gui.switch.next"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("gui.switch.back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("gui.switch.finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("gui.cancel"))
        switching = ladder.switching_on(today or date.today())  # the rules of the switch's day
        self.export_page = ExportPage(export)
        self.addPage(self.export_page)

        code = QWizardPage()
        code.setTitle(tr("gui.switch.code_title"))
        layout = QVBoxLayout(code)
        for key in ("porting_code", "duration"):
            if key in switching:
                layout.addWidget(_label(switching[key]["text"][lang]))
        if "porting_code" not in switching:
            layout.addWidget(_label(tr("gui.switch.no_code")))
        layout.addStretch(1)
        self.addPage(code)

        checks = QWizardPage()
        checks.setTitle(tr("gui.switch.checks_title"))
        layout = QVBoxLayout(checks)
        for key in ("old_contract", "compensation", "fees", "quebec"):
            if key in switching:
                layout.addWidget(_label(switching[key]["text"][lang]))
        self.checkboxes = []
        for item in switching.get("checklist", [])[1:]:  # the first one is the export page
            box = QCheckBox(item["text"][lang])
            box.setStyleSheet("QCheckBox { spacing: 8px; }")
            self.checkboxes.append(box)
            layout.addWidget(box)
        layout.addStretch(1)
        self.addPage(checks)

        final = QWizardPage()
        final.setTitle(tr("gui.switch.final_title"))
        layout = QVBoxLayout(final)
        layout.addWidget(_label(tr("gui.switch.final_text")))
        layout.addStretch(1)
        self.addPage(final)
        self.resize(640, 460)

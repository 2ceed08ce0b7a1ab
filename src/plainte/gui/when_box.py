"""The quick logs' "when": now, a few minutes ago, or a typed time, chosen before they commit."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QComboBox

from plainte.core.i18n import tr
from plainte.core.moments import moment

CHOICES = ("now", "ago_10", "ago_30", "ago_60")


class WhenBox(QComboBox):
    """An editable choice of moment; what it says is read when a quick log commits."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setObjectName("quickWhen")
        for key in CHOICES:
            self.addItem(tr(f"gui.when.{key}"))
        self.setToolTip(tr("gui.when.hint"))
        self.setAccessibleName(tr("gui.when.label"))
        self.lineEdit().setAccessibleName(tr("gui.when.label"))
        self.setMinimumContentsLength(12)

    def moment(self, now: datetime) -> datetime | None:
        """The moment chosen, as of ``now``; None when the text means no past moment."""
        return moment(self.currentText(), now)

    def reset(self) -> None:
        """Back to "now" once a log is stored."""
        self.setCurrentIndex(0)
        self.setEditText(self.itemText(0))

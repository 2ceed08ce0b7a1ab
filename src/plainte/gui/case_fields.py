"""The case dialog's pages for what a saga is about: problem, price, outages, public accounts.

These fields choose the legal grounds and let the letters compute refunds
(``core/remedies.py``); each page gives back model values and names its first
problem in the person's words.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plainte.core.i18n import tr
from plainte.core.model import NETWORKS, PROBLEMS, Case, DownPeriod, Money, parse_when
from plainte.gui.widgets import PlainLabel

CURRENCIES = ("EUR", "GBP", "CAD", "USD")
COUNTRY_CURRENCY = {"FR": "EUR", "BE": "EUR", "GB": "GBP", "CA": "CAD", "CA-QC": "CAD", "US": "USD"}
"""The usual currency of a new case's price, by country (the person can change it)."""


class ProblemPage(QWidget):
    """What the saga is about, what the service costs, and when it was down."""

    def __init__(self, case: Case | None, country: str) -> None:
        super().__init__()
        self.problem = QComboBox()
        self.problem.addItem("—", None)
        for problem in PROBLEMS:
            self.problem.addItem(tr(f"gui.case_fields.problem_{problem}"), problem)
        if case and case.problem:
            self.problem.setCurrentIndex(self.problem.findData(case.problem))
        self.price = QDoubleSpinBox()
        self.price.setRange(0, 100_000)
        self.price.setDecimals(2)
        self.price.setSpecialValueText("—")  # 0: no price given
        self.currency = QComboBox()
        price = case.monthly_price if case else None
        currencies = list(CURRENCIES)
        if price and price.currency not in currencies:
            currencies.append(price.currency)
        self.currency.addItems(currencies)
        self.currency.setCurrentText(
            price.currency if price else COUNTRY_CURRENCY.get(country, "EUR")
        )
        if price:
            self.price.setValue(price.amount)
        price_row = QWidget()
        row = QHBoxLayout(price_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.price, 1)
        row.addWidget(self.currency)
        self.down = QTableWidget(0, 2)
        self.down.setHorizontalHeaderLabels(
            [tr("gui.case_fields.down_from"), tr("gui.case_fields.down_to")]
        )
        self.down.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.down.verticalHeader().setVisible(False)
        self.down.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.down.setFixedHeight(140)
        for period in case.service_down if case else []:
            self.add_period(period.start.text, period.end.text if period.end else "")
        add = QPushButton(tr("gui.case_fields.add_period"))
        add.clicked.connect(lambda: self.add_period("", ""))
        remove = QPushButton(tr("gui.event_dialog.remove"))
        remove.clicked.connect(self.remove_period)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        down_box = QWidget()
        down_row = QHBoxLayout(down_box)
        down_row.setContentsMargins(0, 0, 0, 0)
        down_row.addWidget(self.down, 1)
        down_row.addLayout(buttons)
        hint = PlainLabel(tr("gui.case_fields.down_hint"))
        hint.setWordWrap(True)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        for key, widget in (
            ("problem", self.problem),
            ("price", price_row),
            ("down", down_box),
        ):
            label = tr(f"gui.case_fields.{key}")
            (widget if widget is not price_row else self.price).setAccessibleName(label)
            if widget is down_box:
                self.down.setAccessibleName(label)
            form.addRow(label, widget)
        form.addRow("", hint)
        self.currency.setAccessibleName(tr("gui.case_fields.currency"))

    def add_period(self, start: str, end: str) -> None:
        row = self.down.rowCount()
        self.down.insertRow(row)
        self.down.setItem(row, 0, QTableWidgetItem(start))
        self.down.setItem(row, 1, QTableWidgetItem(end))
        if not start:
            self.down.setCurrentCell(row, 0)
            self.down.editItem(self.down.item(row, 0))

    def remove_period(self) -> None:
        row = self.down.currentRow()
        if row >= 0:
            self.down.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.down.item(row, column)
        return item.text().strip() if item else ""

    def periods(self) -> list[DownPeriod]:
        """The periods as typed; rows left empty are skipped. Raises ValueError on a bad one."""
        periods = []
        for row in range(self.down.rowCount()):
            start, end = self._cell(row, 0), self._cell(row, 1)
            if not start and not end:
                continue
            for text in (start, end):
                if text and (len(text) != 10 or not _is_day(text)):
                    raise ValueError(tr("gui.case_fields.bad_day", value=text))
            if not start:
                raise ValueError(tr("gui.case_fields.need_start"))
            if end and end < start:
                raise ValueError(tr("gui.case_fields.end_before_start", start=start, end=end))
            periods.append(DownPeriod(parse_when(start), parse_when(end) if end else None))
        return periods

    def validate(self) -> str | None:
        try:
            self.periods()
        except ValueError as exc:
            return str(exc)
        return None

    def values(self) -> dict:
        """``problem``, ``monthly_price`` and ``service_down`` as the model holds them."""
        amount = round(self.price.value(), 2)
        return {
            "problem": self.problem.currentData(),
            "monthly_price": Money(amount, self.currency.currentText()) if amount else None,
            "service_down": self.periods(),
        }


def _is_day(text: str) -> bool:
    try:
        parse_when(text)
    except ValueError:
        return False
    return True


class HandlesPage(QWidget):
    """The provider's public accounts, one per network."""

    def __init__(self, case: Case | None) -> None:
        super().__init__()
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        handles = case.handles if case else {}
        for network in NETWORKS:
            edit = QLineEdit(handles.get(network, ""))
            label = tr(f"gui.case_fields.network_{network}")
            edit.setAccessibleName(label)
            edit.setPlaceholderText(tr(f"gui.case_fields.hint_{network}"))
            self.edits[network] = edit
            form.addRow(label, edit)
        hint = PlainLabel(tr("gui.case_fields.handles_hint"))
        hint.setWordWrap(True)
        form.addRow("", hint)

    def values(self) -> dict[str, str]:
        found = {n: e.text().strip() for n, e in self.edits.items()}
        return {n: v for n, v in found.items() if v}

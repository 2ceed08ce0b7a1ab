"""The saga file's fields on what a case is about and asks for: read with checks, written back.

``problem``, ``monthly_price``, ``service_down``, ``wants``, ``handles`` and a
promise's ``window`` (added to version 1 in November 2026). :class:`FieldsReader`
is mixed into the saga-file reader, which gives it ``fail``, ``obj``, ``text``,
``choice``, ``when`` and ``items``.
"""

from __future__ import annotations

import math
import re
from typing import Any

from plainte.core.model import NETWORKS, WANT_KINDS, Case, DownPeriod, Money, Want, Window

_CURRENCY = re.compile(r"[A-Z]{3}")
_CLOCK = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")
MAX_AMOUNT = 1_000_000_000
"""Largest amount of money a file may give (prices, wants)."""
_MONEY_FIELDS = {"amount", "currency"}
_PERIOD_FIELDS = {"from", "to"}
_WANT_FIELDS = {"kind", "amount", "by", "text"}
_WINDOW_FIELDS = {"from", "to"}


def _at(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _clean(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v is not None}


class FieldsReader:
    """Readers of the case's price, periods without service, wants and handles."""

    MAX_LONG = 100_000

    def amount(self, data: dict, name: str, where: str, *, required: bool = False):
        """A sum of money: a finite number from 0 up."""
        loc = _at(where, name)
        value = data.get(name)
        if value is None:
            if required:
                raise self.fail(loc, "missing")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.fail(loc, "not_a_number")
        finite = isinstance(value, int) or math.isfinite(value)  # a huge int is just too big
        if not finite or value < 0 or value > MAX_AMOUNT:
            raise self.fail(loc, "bad_amount", value=value)
        return float(value)

    def money(self, raw: Any, where: str) -> Money:
        data = self.obj(raw, where, _MONEY_FIELDS)
        amount = self.amount(data, "amount", where, required=True)
        currency = self.text(data, "currency", where, required=True)
        if not _CURRENCY.fullmatch(currency):
            raise self.fail(f"{where}.currency", "bad_currency", value=currency[:20])
        return Money(amount=amount, currency=currency)

    def down_period(self, raw: Any, where: str) -> DownPeriod:
        data = self.obj(raw, where, _PERIOD_FIELDS)
        start = self.when(data, "from", where, required=True)
        end = self.when(data, "to", where)
        if end is not None and end.sort_key < start.sort_key:
            raise self.fail(f"{where}.to", "end_before_start", start=start.text, end=end.text)
        return DownPeriod(start=start, end=end)

    def want(self, raw: Any, where: str) -> Want:
        data = self.obj(raw, where, _WANT_FIELDS)
        kind = self.choice(data, "kind", where, WANT_KINDS, required=True)
        text = self.text(data, "text", where, limit=self.MAX_LONG)
        if kind == "other" and not (text and text.strip()):
            raise self.fail(f"{where}.text", "missing")
        return Want(
            kind=kind,
            amount=self.amount(data, "amount", where),
            by=self.when(data, "by", where),
            text=text,
        )

    def handles(self, raw: Any, where: str) -> dict[str, str]:
        data = self.obj(raw, where, set(NETWORKS))
        found = {n: self.text(data, n, where) for n in NETWORKS}
        return {n: v for n, v in found.items() if v and v.strip()}

    def window(self, raw: Any, where: str) -> Window:
        data = self.obj(raw, where, _WINDOW_FIELDS)
        ends = []
        for name in ("from", "to"):
            value = self.text(data, name, where, required=True)
            if not _CLOCK.fullmatch(value):
                raise self.fail(f"{where}.{name}", "bad_clock", value=value[:20])
            ends.append(value)
        return Window(start=ends[0], end=ends[1])

    def case_fields(self, case: Case, data: dict, where: str) -> None:
        """Read the price, the periods without service, the wants and the handles."""
        if data.get("monthly_price") is not None:
            case.monthly_price = self.money(data["monthly_price"], _at(where, "monthly_price"))
        case.service_down = [
            self.down_period(raw, _at(where, f"service_down[{i}]"))
            for i, raw in enumerate(self.items(data, "service_down", where))
        ]
        case.wants = [
            self.want(raw, _at(where, f"wants[{i}]"))
            for i, raw in enumerate(self.items(data, "wants", where))
        ]
        if data.get("handles") is not None:
            case.handles = self.handles(data["handles"], _at(where, "handles"))


def _money(value: Money | None) -> dict[str, Any] | None:
    return {"amount": _number(value.amount), "currency": value.currency} if value else None


def case_fields_to_dict(case: Case) -> dict[str, Any]:
    """The saga-file form of the case fields that say what it is about and what is asked."""
    return _clean(
        {
            "problem": case.problem,
            "monthly_price": _money(case.monthly_price),
            "service_down": [
                _clean({"from": p.start.text, "to": p.end.text if p.end else None})
                for p in case.service_down
            ]
            or None,
            "wants": [
                _clean(
                    {
                        "kind": w.kind,
                        "amount": _number(w.amount) if w.amount is not None else None,
                        "by": w.by.text if w.by else None,
                        "text": w.text,
                    }
                )
                for w in case.wants
            ]
            or None,
            "handles": {n: case.handles[n] for n in NETWORKS if n in case.handles} or None,
        }
    )

"""What a letter asks for: the wants, the sums with their calculation, the grounds, the deadline.

The law is data (``templates/letters/grounds/<jurisdiction>.yaml``): which ground
serves which problem, in which letter, from which date, and the compensation
formulas with dated rates. This module only applies it to a case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from plainte.core import i18n
from plainte.core.model import Case
from plainte.core.resources import data_folder
from plainte.core.yamlfile import load

DEFAULT_WANTS = {
    "no_service": ("repair", "refund", "compensation"),
    "billing": ("cancel_charge", "refund"),
    "broken_promise": ("other", "compensation"),
    "contract_change": ("termination_without_fees",),
    "contact": ("written_answer", "stop_calls"),
    "switching": ("repair", "compensation"),
    "other": ("repair", "compensation"),
}
"""What a letter asks for when the case says nothing: what its problem calls for."""

BREACHES = frozenset({"no_service", "broken_promise", "switching", "contract_change"})
"""Problems that are the provider's breach: they give a fee-free exit."""

DAYS_IN_MONTH = 30
"""The unit of a day without service: 1/30 of the monthly price (remedies.md 0.1)."""


@dataclass
class Claim:
    """A sum claimed, with the calculation a reader can check."""

    id: str
    label: str
    amount: float
    formula: str
    source: str = ""


@dataclass
class Ask:
    """One thing asked for: a want kind, an optional sum, an optional text."""

    kind: str
    amount: float | None = None
    amount_text: str = ""
    text: str = ""
    claims: list[Claim] = field(default_factory=list)


@dataclass
class Demand:
    """Everything a letter asks, computed for one kind, language and day."""

    asks: list[Ask]
    claims: list[Claim]
    total: float
    total_text: str
    currency: str
    grounds: list[dict[str, str]]
    days: int
    from_receipt: bool
    by: date | None
    days_down: int
    monthly_price_text: str
    exit_without_fees: bool
    defaulted: bool
    """True when the case has no ``wants``: the asks come from its problem."""
    unverified: list[str] = field(default_factory=list)

    @property
    def kinds(self) -> set[str]:
        return {a.kind for a in self.asks}


@cache
def law(country: str) -> dict[str, Any]:
    """The grounds file of ``country`` (``{}`` when there is none)."""
    path = data_folder("templates") / "letters" / "grounds" / f"{(country or '').lower()}.yaml"
    if not country or not path.is_file():
        return {}
    return load(path) or {}


def _in_force(row: dict[str, Any], day: date) -> bool:
    start, end = row.get("from"), row.get("until")
    return (start is None or start <= day) and (end is None or day <= end)


def _fits(row: dict[str, Any], case: Case, problem: str) -> bool:
    if problem not in row.get("problems", ()):
        return False
    sectors = row.get("sectors")
    return not sectors or case.sector in sectors


def working_day_after(start: date, count: int) -> date:
    """The day ``count`` working days (Monday to Friday) after ``start``."""
    day = start
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _provider_in(case: Case, providers: list[str]) -> bool:
    name = case.provider.casefold()
    return any(p.casefold() in name for p in providers)


class _Money:
    def __init__(self, currency: str, locale: str) -> None:
        self.currency, self.locale = currency, locale

    def __call__(self, amount: float) -> str:
        return i18n.format_money(round(amount, 2), self.currency, self.locale)


def _claims(
    case: Case, problem: str, today: date, lang: str, money: _Money, rows: list
) -> tuple[list[Claim], int]:
    """The sums the law or a scheme gives for the case's days without service."""
    price = case.monthly_price.amount if case.monthly_price else None
    days = case.days_down(today)
    facts_day = case.service_down[0].start.day if case.service_down else today
    claims: list[Claim] = []
    for row in rows:
        if not _fits(row, case, problem) or not _in_force(row, facts_day):
            continue
        label = row["label"][lang]
        rule = row["rule"]
        if rule == "prorata" and price is not None and days:
            amount = price * days / DAYS_IN_MONTH
            formula = f"{money(price)} × {days}/{DAYS_IN_MONTH} = {money(amount)}"
        elif rule == "fraction_per_day" and price is not None and days:
            amount = price * row["fraction"] * days
            fraction = row["fraction_text"][lang]
            formula = f"{money(price)} × {fraction} × {days} = {money(amount)}"
        elif rule == "rate_after_working_days" and case.service_down:
            if row.get("providers") and not _provider_in(case, row["providers"]):
                continue
            amount, paid_days, rate = 0.0, 0, 0.0
            for period in case.service_down:
                start = period.start.day
                end = period.end.day if period.end else today
                window_end = working_day_after(start, row["working_days"])
                rates = [r for r in row["rates"] if r["from"] <= start]
                if not rates or end <= window_end:
                    continue
                rate = rates[-1]["amount"]
                paid_days += (end - window_end).days
                amount += rate * (end - window_end).days
            if not paid_days:
                continue
            formula = f"{paid_days} × {money(rate)} = {money(amount)}"
        else:
            continue
        claims.append(Claim(row["id"], label, round(amount, 2), formula, row.get("source", "")))
    return claims, days


def build_demand(case: Case, kind: str, today: date, lang: str, locale: str) -> Demand:
    """The demand of a ``kind`` letter in ``lang`` for ``case`` on ``today``."""
    data = law(case.country)
    problem = case.problem or "other"
    currency = case.monthly_price.currency if case.monthly_price else _currency(case, lang)
    money = _Money(currency, locale)
    claims, days = _claims(case, problem, today, lang, money, data.get("compensation", []))
    defaulted = not case.wants
    asks: list[Ask] = []
    if case.wants:
        for want in case.wants:
            asks.append(
                Ask(
                    want.kind,
                    want.amount,
                    money(want.amount) if want.amount is not None else "",
                    want.text or "",
                )
            )
    else:
        asks = [Ask(k) for k in DEFAULT_WANTS.get(problem, DEFAULT_WANTS["other"])]
    exit_free = problem in BREACHES
    if (
        kind == "cancellation"
        and exit_free
        and "termination_without_fees" not in {a.kind for a in asks}
    ):
        asks.insert(0, Ask("termination_without_fees"))
    # computed sums go with the ask they serve; a sum the person set replaces them
    for ask in asks:
        if ask.amount is None and ask.kind == "refund":
            ask.claims = [c for c in claims if c.id == "prorata"]
        elif ask.amount is None and ask.kind == "compensation":
            ask.claims = [c for c in claims if c.id != "prorata"]
    claims = [c for a in asks for c in a.claims]
    claimed = sum(c.amount for c in claims) + sum(
        a.amount for a in asks if a.amount is not None and a.kind in ("refund", "compensation")
    )
    grounds = [
        {"id": g["id"], "text": g["text"][lang], "source": g.get("source", "")}
        for g in data.get("grounds", [])
        if _fits(g, case, problem)
        and kind in g.get("kinds", ("complaint", "formal-notice", "ombudsman", "cancellation"))
        and _in_force(g, today)
        and (not g.get("money") or claimed > 0)
    ]
    deadline = data.get("deadline", {})
    by = min((w.by.day for w in case.wants if w.by), default=None)
    price = case.monthly_price
    return Demand(
        asks=asks,
        claims=claims,
        total=round(claimed, 2),
        total_text=money(claimed) if claimed else "",
        currency=currency,
        grounds=grounds,
        days=int(deadline.get(kind, 15 if kind == "formal-notice" else 30)),
        from_receipt=bool(deadline.get("from_receipt", False)),
        by=by,
        days_down=days,
        monthly_price_text=money(price.amount) if price else "",
        exit_without_fees=exit_free,
        defaulted=defaulted,
    )


def _currency(case: Case, lang: str) -> str:
    from plainte.core.letterform import letter_form

    return letter_form(case.country, lang).currency

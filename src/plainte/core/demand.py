"""What a letter asks for: the wants, the sums with their calculation, the grounds, the deadline.

The law is data, read through ``core.remedies`` (grounds by problem, compensation
formulas with dated rates, the formal notice's form); this module turns it and
the case's ``wants`` into the demand of one letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache

from plainte.core import i18n
from plainte.core.model import Case, CaseStatus

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

STAYING = frozenset({"repair", "other", "stop_calls"})
"""Asks that make sense only for a customer who stays: a cancellation drops them."""

LEFT = frozenset({"repair"})
"""Asks that make no sense once the person has switched away: nothing is left to restore."""

REFUNDS = frozenset({"pro-rata-refund"})
"""Remedy ids that refund the price (the rest compensate)."""

INTEREST = frozenset({"legal-interest", "interest"})
"""Remedy ids of legal interest: stated with the formal notice, not added to the sums."""

REPLY_DAYS = {"complaint": 30, "ombudsman": 30, "cancellation": 10, "call-recap": 7}
"""Days given to answer, from the letter's date, where no rule of form sets them."""


@dataclass
class Claim:
    """A sum claimed, with the calculation a reader can check."""

    id: str
    label: str
    amount: float
    formula: str
    status: str = ""
    condition: dict | None = None
    """When the sum is owed only if a condition holds (e.g. the provider signed a scheme)."""


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
    interest: str = ""
    """The legal interest a formal notice starts, when money is claimed."""
    notice_name: str = ""

    @property
    def kinds(self) -> set[str]:
        return {a.kind for a in self.asks}


class _Money:
    """Formats sums in one currency and locale."""

    def __init__(self, currency: str, locale: str) -> None:
        self.currency, self.locale = currency, locale

    def __call__(self, amount: float) -> str:
        return i18n.format_money(round(amount, 2), self.currency, self.locale)


def build_demand(case: Case, kind: str, today: date, lang: str, locale: str) -> Demand:
    """The demand of a ``kind`` letter in ``lang`` for ``case`` on ``today``.

    Grounds, sums and the formal notice's deadline come from ``core.remedies``.
    """
    from plainte.core import remedies

    problem = case.problem or "other"
    currency = case.monthly_price.currency if case.monthly_price else _currency(case, lang)
    money = _Money(currency, locale)
    amounts = [a for a in remedies.compensation(case, today, locale) if a.id not in INTEREST]
    claims = [
        Claim(a.id, a.title[lang], a.amount, a.formula, a.status, a.condition)
        for a in amounts
        if a.currency == currency or not case.monthly_price
    ]
    defaulted = not case.wants
    if case.wants:
        asks = [
            Ask(
                w.kind,
                w.amount,
                money(w.amount) if w.amount is not None else "",
                w.text or "",
            )
            for w in case.wants
        ]
    else:
        restored = bool(case.service_down) and all(p.end for p in case.service_down)
        asks = [
            Ask(k)
            for k in DEFAULT_WANTS.get(problem, DEFAULT_WANTS["other"])
            if not (k == "repair" and restored)  # no repair to ask once the service is back
        ]
    if kind == "cancellation":  # leaving: no repair nor restored terms to ask for
        asks = [a for a in asks if a.kind not in STAYING]
    switched = case.status is CaseStatus.SWITCHED
    if switched:  # the contract has already ended: no repair, no termination to ask for
        asks = [a for a in asks if a.kind not in LEFT]
    exit_free = problem in BREACHES
    if (
        kind == "cancellation"
        and exit_free
        and not switched
        and "termination_without_fees" not in {a.kind for a in asks}
    ):
        asks.insert(0, Ask("termination_without_fees"))
    # computed sums go with the ask they serve; a sum the person set replaces them
    for ask in asks:
        if ask.amount is None and ask.kind == "refund":
            ask.claims = [c for c in claims if c.id in REFUNDS]
        elif ask.amount is None and ask.kind == "compensation":
            ask.claims = [c for c in claims if c.id not in REFUNDS]
    claims = [c for a in asks for c in a.claims]
    claimed = sum(c.amount for c in claims) + sum(
        a.amount for a in asks if a.amount is not None and a.kind in ("refund", "compensation")
    )
    only = _ground_letters()
    grounds = [
        {"id": g.id, "text": g.cite[lang], "source": g.status}
        for g in remedies.grounds(case, today)
        if kind != "call-recap" and kind in only.get(g.id, (kind,))
    ]
    notice = remedies.notice_form(case)
    if kind == "formal-notice" and notice.deadline_days:
        days, from_receipt = notice.deadline_days, notice.deadline_from_receipt
    else:
        days, from_receipt = REPLY_DAYS.get(kind, 30), False
    by = min((w.by.day for w in case.wants if w.by), default=None)
    price = case.monthly_price
    return Demand(
        asks=asks,
        claims=claims,
        total=round(claimed, 2),
        total_text=money(claimed) if claimed else "",
        currency=currency,
        grounds=grounds,
        days=int(days),
        from_receipt=from_receipt,
        by=by,
        days_down=case.days_down(today),
        monthly_price_text=money(price.amount) if price else "",
        exit_without_fees=exit_free,
        defaulted=defaulted,
        interest=notice.interest[lang] if notice.interest and claimed else "",
        notice_name=notice.name[lang] if notice.name else "",
    )


@cache
def _ground_letters() -> dict[str, list[str]]:
    """Ground id → the letters it serves, for the grounds that serve only some."""
    from plainte.core.parsed_cache import load_yaml
    from plainte.core.resources import data_folder

    return load_yaml(data_folder("templates") / "letters" / "ground-letters.yaml") or {}  # type: ignore[return-value]


def _currency(case: Case, lang: str) -> str:
    from plainte.core.letterform import letter_form

    return letter_form(case.country, lang).currency
